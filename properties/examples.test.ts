/**
 * Runs every example of every spec entry on every real interpreter the oracle finds and on the
 * model profile mirroring each, and writes results/examples.json for the site. Nothing shown on
 * the site as an output is typed by hand: it comes from here. The test fails if an example's
 * model output differs from the real one without the model refusing (a refusal is shown as such).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalogue } from '../spec';
import { closeAll, listTargets, runPrograms } from '../oracle';
import { runModel, type HeapSnapshot } from '../model';
import { mirrorOf } from './targets';
import type { Outcome } from './harness/types';

export const EXAMPLES_FILE = 'results/examples.json';

interface ExampleRun {
  readonly target: string;
  readonly kind: 'real' | 'model';
  readonly version: string;
  readonly platform: string;
  readonly outcome: Outcome;
  /** Model runs on the embedded targets' mirrors: the heap after each statement, for the site's pictures. */
  readonly trace?: HeapSnapshot[];
}

const catalogue = await loadCatalogue();
const targets = await listTargets();
afterAll(closeAll);

const examples = catalogue.flatMap((entry) => entry.examples.map((example, index) => ({ entry, example, index })));

describe('spec examples on every target', () => {
  const runs = new Map<string, ExampleRun[]>();
  const key = (id: string, index: number) => `${id}#${index}`;

  test.each(targets.map((t) => [t.name, t] as const))('examples run on %s and its model mirror', async (_name, target) => {
    const results = await runPrograms(
      target.name,
      examples.map(({ entry, index, example }) => ({ source: example.source, filename: `${entry.id}-${index}.py` })),
      { timeLimitMs: 20_000 },
    );
    const mirror = mirrorOf(target);
    const mismatches: string[] = [];
    examples.forEach(({ entry, example, index }, i) => {
      const real = results[i];
      if (!real) throw new Error(`no result for example ${key(entry.id, index)} on ${target.name}`);
      const model = runModel(example.source, mirror.name, { filename: `${entry.id}-${index}.py`, trace: target.kind === 'embedded' });
      const list = runs.get(key(entry.id, index)) ?? [];
      const pick = (o: Outcome): Outcome => ({ stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode });
      list.push(
        { target: target.name, kind: 'real', version: target.version, platform: target.platform, outcome: pick(real) },
        { target: mirror.name, kind: 'model', version: target.version, platform: target.platform, outcome: pick(model), ...(model.trace ? { trace: model.trace } : {}) },
      );
      runs.set(key(entry.id, index), list);
      const refused = model.exitCode === 2;
      if (!refused && (model.stdout !== real.stdout || model.exitCode !== real.exitCode)) {
        mismatches.push(`${entry.id} example ${index} (${example.title}): model ${JSON.stringify(model.stdout)} vs real ${JSON.stringify(real.stdout)}`);
      }
    });
    expect(mismatches, `the model must print what ${target.name} prints, or refuse`).toEqual([]);
  });

  test('results/examples.json is written', () => {
    const file = {
      generatedAt: new Date().toISOString(),
      examples: examples.map(({ entry, example, index }) => ({
        invariant: entry.id,
        index,
        title: example.title,
        source: example.source,
        runs: runs.get(key(entry.id, index)) ?? [],
      })),
    };
    mkdirSync('results', { recursive: true });
    writeFileSync(EXAMPLES_FILE, `${JSON.stringify(file, null, 1)}\n`);
    expect(file.examples.every((e) => e.runs.length === targets.length * 2)).toBe(true);
  });
});
