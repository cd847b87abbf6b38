/**
 * print -> parse round trip over generated programs, and what the printed programs mean to
 * every native CPython present (3.8-3.13): the same AST as the model's, after normalisation.
 */
import { fc, test } from '@fast-check/vitest';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect } from 'vitest';
import { pythonArbitraries } from './arbitrary';
import { normalizeModule } from './normalize';
import { parseModule } from './parse';
import { printModule } from './print';
import { comparable, cpythonVerdicts, NATIVE_PYTHONS, nativePython } from './testing/cpython-ast';

const arbitraries = pythonArbitraries();

describe('printModule then parseModule', () => {
  test.prop([arbitraries.module], { numRuns: 1000 })('gives back the program, after normalisation', (module) => {
    const source = printModule(module);
    expect(normalizeModule(parseModule(source, 'generated.py'))).toEqual(normalizeModule(module));
  });
});

describe('printed programs read the same on every native CPython', () => {
  const modules = fc.sample(arbitraries.module, { numRuns: 300, seed: 1_000_003 });
  const sources = modules.map((m) => printModule(m));
  const expected = modules.map((m) => JSON.parse(JSON.stringify(comparable(normalizeModule(m), false))) as unknown);
  for (const version of Object.keys(NATIVE_PYTHONS)) {
    const python = nativePython(version);
    const run = python ? test : test.skip;
    run(`CPython ${version}${python ? '' : ' (skipped: not installed)'}`, () => {
      const verdicts = cpythonVerdicts(python!, sources, false);
      const different = sources.filter((_, i) => {
        const v = verdicts[i]!;
        return !('ok' in v) || !isDeepStrictEqual(v.ok, expected[i]);
      });
      expect(different).toEqual([]);
    });
  }
});
