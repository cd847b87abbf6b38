/**
 * The playground's heap picture: the site's own picture code (scripts/site/heap-picture.ts, the
 * graph built from the model's trace and laid out with elkjs), run in the browser on the trace of
 * the program just typed. The layout runs in elkjs's own worker, served by the site.
 */
import ELK from 'elkjs/lib/elk-api';
import type { HeapSnapshot } from '../../model';
import type { ElkLayouter } from '../../scripts/site/heap-layout';
import { heapPicture, type HeapPictureResult } from '../../scripts/site/heap-picture';
import { heapSnapshotSchema, type TracedRun } from '../../scripts/site/heap-trace';
import type { TargetRun } from './runners';

const MODEL_TARGET = /^model:(\d+\.\d+\.\d+)-(.+)$/;

let elk: ElkLayouter | null = null;

/** elkjs's API with its engine in a worker (`workerUrl`: absolute URL of elk-worker.min.js). */
function elkFor(workerUrl: string): ElkLayouter {
  elk ??= new ELK({ workerUrl });
  return elk;
}

export interface RealRun {
  readonly version: string;
  readonly run: TargetRun;
}

/**
 * The picture of the model's run on `profile`; a real run of the same version (the embedded
 * CPythons are wasm32) lets the caption say whether the two printed the same.
 */
export async function playgroundPicture(
  elkWorkerUrl: string,
  source: string,
  profile: string, model: TargetRun & { readonly trace: readonly HeapSnapshot[] }, reals: readonly RealRun[]): Promise<HeapPictureResult> {
  const match = MODEL_TARGET.exec(profile);
  if (!match) throw new Error(`not a model target: ${profile}`);
  const [version, platform] = [match[1] as string, match[2] as string];
  const runs: TracedRun[] = [{ target: profile, kind: 'model', version, platform, outcome: model.output, trace: model.trace.map((snapshot) => heapSnapshotSchema.parse(snapshot)) }];
  for (const real of reals) {
    if (real.version === version && platform === 'wasm32' && !real.run.timedOut) runs.push({ target: `cpython:${real.version}`, kind: 'real', version, platform, outcome: real.run.output });
  }
  return heapPicture(source, runs, elkFor(elkWorkerUrl));
}
