/**
 * Runs every example of every spec entry on every real interpreter the oracle finds and on the
 * model profile mirroring each, and writes results/examples.json for the site. Nothing shown on
 * the site as an output is typed by hand: it comes from here. The test fails if an example's
 * model output differs from the real one without the model refusing (a refusal is shown as such).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalogue } from '../spec';
import { closeAll, listTargets } from '../oracle';
import { runMirrored, type MirroredResult, type MirroredRun } from './harness/mirrored-runs';

export const EXAMPLES_FILE = 'results/examples.json';

const catalogue = await loadCatalogue();
const targets = await listTargets();
afterAll(closeAll);

const examples = catalogue.flatMap((entry) => entry.examples.map((example, index) => ({ entry, example, index })));

describe('spec examples on every target', () => {
  const runs = new Map<string, MirroredRun[]>();
  const key = (id: string, index: number) => `${id}#${index}`;

  test.each(targets.map((t) => [t.name, t] as const))('examples run on %s and its model mirror', async (_name, target) => {
    const results = await runMirrored(
      target,
      examples.map(({ entry, index, example }) => ({ source: example.source, filename: `${entry.id}-${index}.py` })),
      { trace: target.kind === 'embedded' },
    );
    const mismatches: string[] = [];
    examples.forEach(({ entry, example, index }, i) => {
      const result = results[i] as MirroredResult;
      runs.set(key(entry.id, index), [...(runs.get(key(entry.id, index)) ?? []), result.real, ...(result.model ? [result.model] : [])]);
      if (result.mismatch !== null) mismatches.push(`${entry.id} example ${index} (${example.title}): ${result.mismatch}`);
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
    // Two runs per CPython (real and its model mirror), one per PyPy (the model is CPython's).
    const perExample = targets.reduce((sum, target) => sum + (target.implementation === 'cpython' ? 2 : 1), 0);
    expect(file.examples.every((e) => e.runs.length === perExample)).toBe(true);
  });
});
