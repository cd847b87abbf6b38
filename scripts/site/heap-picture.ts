/**
 * The heap pictures of the spec's examples, drawn at build time from the model's traces in
 * results/examples.json: choose the run (heap-trace.ts), build the graph (heap-graph.ts), lay it
 * out (heap-layout.ts), and add each step's source line and what the picture stands for.
 */
import { compareVersions } from '../../spec/versions';
import type { HeapPictureMissing, HeapPictureView } from '../../src/data/types';
import { buildHeapGraph } from './heap-graph';
import { layoutHeapGraph, type ElkLayouter } from './heap-layout';
import { chooseTrace, REFUSED_EXIT, type TracedRun } from './heap-trace';
import type { ExampleResults } from './results';

export type HeapPictureResult = HeapPictureView | HeapPictureMissing;

export const pictureKey = (invariant: string, index: number): string => `${invariant}#${index}`;

export const NO_PICTURE: HeapPictureMissing = { kind: 'none', reason: 'No heap picture was drawn for this example.' };

function sourceLine(source: string, line: number): string {
  const text = source.split('\n')[line - 1];
  if (text === undefined) throw new Error(`trace names line ${line}, but the example has ${source.split('\n').length} lines`);
  return text.trim();
}

function missingReason(runs: readonly TracedRun[]): string {
  const refusal = runs.filter((run) => run.kind === 'model' && run.outcome.exitCode === REFUSED_EXIT).sort((a, b) => compareVersions(b.version, a.version))[0];
  if (refusal) return `No heap picture: the model refused this example (${refusal.target}: ${refusal.outcome.stderr.split('\n')[0]?.trim() ?? ''}).`;
  return 'No heap picture: the results hold no model trace for this example (model runs on the embedded interpreters\u2019 mirrors record one).';
}

export async function heapPicture(source: string, runs: readonly TracedRun[], elk: ElkLayouter): Promise<HeapPictureResult> {
  const chosen = chooseTrace(runs);
  if (chosen === null) return { kind: 'none', reason: missingReason(runs) };
  const { run } = chosen;
  const graph = buildHeapGraph(run.trace);
  const layout = await layoutHeapGraph(graph, elk);
  const real = runs.find((other) => other.kind === 'real' && other.version === run.version && other.platform === run.platform) ?? null;
  return {
    kind: 'picture',
    target: run.target,
    mirrors: real?.target ?? null,
    agrees: real === null || !chosen.complete ? null : real.outcome.stdout === run.outcome.stdout && real.outcome.exitCode === run.outcome.exitCode,
    complete: chosen.complete,
    refusal: chosen.refusal,
    ...layout,
    steps: graph.steps.map((step) => ({ ...step, source: sourceLine(source, step.line) })),
  };
}

/**
 * Every example's picture, keyed by `pictureKey`. Only results recorded from the example's current
 * source are drawn, as for the outputs (an edited example shows no stale picture).
 */
export async function heapPictures(
  catalogue: readonly { readonly id: string; readonly examples: readonly { readonly source: string }[] }[],
  examples: ExampleResults | null,
  elk: ElkLayouter,
): Promise<Map<string, HeapPictureResult>> {
  const pictures = new Map<string, HeapPictureResult>();
  for (const entry of catalogue) {
    for (const [index, example] of entry.examples.entries()) {
      const recorded = examples?.examples.find((item) => item.invariant === entry.id && item.index === index && item.source === example.source);
      if (!recorded) continue;
      try {
        pictures.set(pictureKey(entry.id, index), await heapPicture(example.source, recorded.runs, elk));
      } catch (error) {
        throw new Error(`heap picture of ${entry.id} example ${index}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }
  return pictures;
}
