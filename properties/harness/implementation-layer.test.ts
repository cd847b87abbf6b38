/**
 * The PyPy layer can fail: a deliberately wrong spec entry that labels the small-int cache a
 * language guarantee fails on PyPy with the shrunk counterexample program; an entry that says
 * PyPy differs fails when the runs show no difference; CPython-only programs are not applicable.
 */
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { expectationOn, loadCatalogue, validateSpecEntry } from '../../spec';
import { closeAll, discoverNativeInterpreters } from '../../oracle';
import { printModule } from '../../model/python/print';
import { property as intCacheBounds } from '../int-cache/bounds.prop';
import { projectRunners } from '../runners';
import { realFacts } from '../targets';
import { InvariantFailure } from './counterexample';
import { checkImplementationLayer } from './implementation-layer';
import type { Runners } from './layers';
import { defineProperty, type Outcome } from './types';
import * as py from '../gen/py';

afterAll(closeAll);
const catalogue = await loadCatalogue();
const pypys = (await discoverNativeInterpreters()).filter((native) => native.implementation === 'pypy');
const settings = { seed: 11, numRuns: 40, runSeed: 11 };

describe('the PyPy layer on real PyPy', () => {
  if (pypys.length === 0) test.skip('no PyPy found (pypy3 on PATH, OBJSPEC_PYTHONS): the PyPy layer is not proven to fail', () => undefined);
  for (const pypy of pypys) {
    const target = realFacts({ name: `pypy:${pypy.version}`, implementation: 'pypy', version: pypy.version, platform: pypy.platform });
    const real = catalogue.find((entry) => entry.id === 'int-cache.bounds');
    if (!real) throw new Error('spec entry int-cache.bounds is missing');

    test(`a wrong entry labelling the small-int cache a language guarantee fails on ${target.name} with the counterexample`, async () => {
      const { implementations: _stated, ...rest } = real;
      const wrong = validateSpecEntry('spec/int-cache/bounds.ts (deliberately wrong copy)', { ...rest, guarantee: 'language' });
      expect(expectationOn(wrong, 'pypy')).toEqual({ status: 'holds' });
      let caught: unknown;
      try {
        await checkImplementationLayer(intCacheBounds, target, expectationOn(wrong, 'pypy'), settings, projectRunners, wrong.guarantee);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvariantFailure);
      const { failure } = caught as InvariantFailure;
      expect(failure.target).toBe(target.name);
      expect(failure.counterexample.violation).toContain('int-cache.bounds is a language guarantee, so it must hold on every implementation');
      // Shrunk to one pair whose equal ints are identical on PyPy although outside -5..256.
      expect(failure.counterexample.program).toMatch(/^a0 = .*\nb0 = .*\nprint\(a0 is b0, a0 == b0\)\n$/);
      expect(failure.counterexample.outputs[target.name]?.stdout).toBe('True True\n');
      expect((caught as Error).message).toContain(`OBJSPEC_SEED=${settings.runSeed}`);
    });

    test(`the real entry (a CPython detail PyPy does not share) passes on ${target.name}, with the evidence`, async () => {
      const result = await checkImplementationLayer(intCacheBounds, target, expectationOn(real, 'pypy'), settings, projectRunners, real.guarantee);
      expect(result.observed).toBe('differs');
      expect(result.evidence?.outputs[target.name]?.stdout).toContain('True True');
    });
  }
});

describe('the PyPy layer with a stand-in interpreter', () => {
  const target = { name: 'fake-pypy:3.9.16', implementation: 'pypy' as const, version: '3.9.16', platform: 'x86_64' as const };
  const agreeing: Runners = { runModel: () => ({ stdout: '', stderr: '', exitCode: 0 }), runReal: (_t, sources) => Promise.resolve(sources.map((): Outcome => ({ stdout: 'ok\n', stderr: '', exitCode: 0 }))), print: printModule };
  /** Uses sys.getrefcount when n is even. */
  const mixed = defineProperty({
    id: 'test.mixed',
    arbitrary: fc.integer({ min: 0, max: 100 }),
    program: (n) => py.module(py.print(n % 2 === 0 ? py.call('sys.getrefcount', py.int(n)) : py.str('ok'))),
    check: (_n, outcome) => (outcome.stdout === 'ok\n' ? null : 'not ok'),
  });

  test('programs using a CPython-only API are not run, and counted as not applicable', async () => {
    const seen: string[] = [];
    const runners: Runners = { ...agreeing, runReal: (t, sources) => (seen.push(...sources), agreeing.runReal(t, sources)) };
    const result = await checkImplementationLayer(mixed, target, { status: 'holds' }, settings, runners, 'language');
    expect(result.notApplicable + result.runs).toBe(settings.numRuns);
    expect(result.notApplicable).toBeGreaterThan(0);
    expect(seen.some((source) => source.includes('getrefcount'))).toBe(false);
    expect(result.observed).toBe('holds');
  });

  test('an entry that says PyPy differs fails when no program shows a difference', async () => {
    await expect(checkImplementationLayer(mixed, target, { status: 'differs', behaviour: 'PyPy prints something else entirely.' }, settings, agreeing, 'cpython')).rejects.toThrow(
      /test\.mixed on fake-pypy:3\.9\.16: the spec entry says PyPy differs .* but all \d+ applicable programs kept the CPython rule/,
    );
  });

  test('when every program is CPython-only the layer is not applicable', async () => {
    const onlyRefcounts = defineProperty({ ...mixed, id: 'test.refcounts', program: (n: number) => py.module(py.print(py.call('sys.getrefcount', py.int(n)))) });
    const result = await checkImplementationLayer(onlyRefcounts, target, { status: 'holds' }, settings, agreeing, 'language');
    expect(result).toMatchObject({ runs: 0, notApplicable: settings.numRuns, observed: null });
  });
});
