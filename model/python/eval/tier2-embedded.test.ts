/**
 * The tier-2 programs of `programs/module/` (issue #9: comprehensions, generator expressions,
 * annotations, raise and try, decorators, `__repr__`, keyword arguments, methods, `__dict__`,
 * typing) against the embedded interpreters on both sides of the boundaries the natives here do
 * not reach: 3.13.2 and 3.14.2 (annotations not evaluated, PEP 649). Each program runs on a
 * fresh interpreter (`python FILE.py`); wherever the model answers, stdout, exit code and the
 * last stderr line must match; and it must answer most of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, embeddedReleases, runPrograms } from '../../../oracle';
import { runModel } from './run';

const TIER2 = [
  'annotations-evaluated.py',
  'assert-statement.py',
  'comprehension-constants-refcount.py',
  'comprehension-item-refcounts.py',
  'comprehension-outer-local-refcount.py',
  'comprehension-scopes-and-sizes.py',
  'generator-empty-tuple.py',
  'getattr-setattr-delattr.py',
  'generator-expression-consumers.py',
  'instance-dict-getsizeof.py',
  'keyword-arguments.py',
  'list-dict-set-methods.py',
  'property-static-class-methods.py',
  'raise-bare.py',
  'raise-from-none.py',
  'raise-key-error.py',
  'raise-value-error.py',
  'repr-method.py',
  'try-except-comprehension-frame.py',
  'try-except-frames-kept.py',
  'try-except-handlers.py',
  'typing-annotations.py',
];
const DIR = join(import.meta.dirname, 'programs', 'module');
const RELEASES = embeddedReleases.filter((r) => r.version === '3.13.2' || r.version === '3.14.2');

describe.skipIf(RELEASES.length === 0)('tier-2 programs on embedded CPython', () => {
  afterAll(async () => {
    await closeAll();
  });

  for (const release of RELEASES) {
    it(`agree with ${release.target}`, async () => {
      const programs = TIER2.map((name) => ({ source: readFileSync(join(DIR, name), 'utf8'), filename: name }));
      const results = await runPrograms(release.target, programs, { fresh: true, timeLimitMs: 30_000 });
      const disagreements: string[] = [];
      let answered = 0;
      programs.forEach((p, i) => {
        const real = results[i]!;
        const model = runModel(p.source, `${release.version}-wasm32`, { filename: p.filename });
        if (model.exitCode === 2) return;
        answered++;
        const lastLine = real.stderr.trim().split('\n').pop() ?? '';
        const same = model.stdout === real.stdout && model.exitCode === real.exitCode && (model.exitCode === 0 || model.stderr.trim() === lastLine);
        if (!same) disagreements.push(`${p.filename}:\nmodel (${model.exitCode}): ${model.stdout}${model.stderr}\nreal (${real.exitCode}): ${real.stdout}${lastLine}`);
      });
      expect(disagreements, disagreements.join('\n\n')).toEqual([]);
      expect(answered, `answered ${answered} of ${programs.length}`).toBeGreaterThanOrEqual(programs.length - 2);
    }, 600_000);
  }
});
