import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { checkAgreementLayer, checkModelLayer, checkRealLayer, runRealBatch, type Runners } from './layers';
import { InvariantFailure } from './counterexample';
import { defineProperty, type Outcome } from './types';
import * as py from '../gen/py';
import { printModule } from '../../model/python/print';

/** A stand-in interpreter: prints True for n < 50, like a cache that ends at 49. */
function fakeRun(source: string): Outcome {
  const n = Number(/n = (\d+)/.exec(source)?.[1]);
  return { stdout: `${n < 50 ? 'True' : 'False'}\n`, stderr: '', exitCode: 0 };
}

const runners: Runners = {
  runModel: (module) => fakeRun(printModule(module)),
  runReal: (_target, sources) => Promise.resolve(sources.map(fakeRun)),
  print: printModule,
};

/** Claims the cache goes up to 99: wrong for 50..99, which the layers must find and shrink to 50. */
const wrongProperty = defineProperty({
  id: 'test.wrong',
  arbitrary: fc.integer({ min: 0, max: 1000 }),
  program: (n) => py.module(py.assign('n', py.int(n)), py.print(py.bool(true))),
  check: (n, outcome) => (outcome.stdout === `${n < 100 ? 'True' : 'False'}\n` ? null : `n = ${n}`),
});

const target = { name: 'fake:1', implementation: 'cpython' as const, version: '3.12.7', platform: 'x86_64' as const };

function failureOf(error: unknown): InvariantFailure {
  expect(error).toBeInstanceOf(InvariantFailure);
  return error as InvariantFailure;
}

describe('the layers find and shrink a wrong expectation', () => {
  test('model layer: shrunk counterexample, seed and path in the report', () => {
    let caught: unknown;
    try {
      checkModelLayer(wrongProperty, target, { seed: 7, numRuns: 300, runSeed: 99 }, runners);
    } catch (error) {
      caught = error;
    }
    const { failure, message } = failureOf(caught);
    expect(failure.counterexample.program).toBe('n = 50\nprint(True)\n');
    expect(failure.seed).toBe(7);
    expect(message).toContain('replay with OBJSPEC_SEED=99 npx vitest run --project properties -t "test.wrong"');
  });

  test('real layer: the failing batch case is replayed by path and shrunk', async () => {
    const batch = await runRealBatch(wrongProperty, target, { seed: 11, numRuns: 300, runSeed: 99 }, runners);
    const caught = await checkRealLayer(wrongProperty, target, batch, runners).catch((error: unknown) => error);
    const { failure } = failureOf(caught);
    expect(failure.layer).toBe('real');
    expect(failure.counterexample.program).toBe('n = 50\nprint(True)\n');
    expect(failure.counterexample.outputs['fake:1']?.stdout).toBe('False\n');
  });

  test('agreement layer: a model that disagrees is reported with both outputs', async () => {
    const disagreeing: Runners = { ...runners, runModel: () => ({ stdout: 'True\n', stderr: '', exitCode: 0 }) };
    const batch = await runRealBatch(wrongProperty, target, { seed: 3, numRuns: 300, runSeed: 99 }, disagreeing);
    const mirror = { ...target, name: 'model:3.12.7-x86_64' };
    const caught = await checkAgreementLayer(wrongProperty, target, mirror, batch, disagreeing).catch((error: unknown) => error);
    const { failure } = failureOf(caught);
    expect(failure.counterexample.violation).toBe('stdout differs');
    expect(failure.counterexample.outputs).toEqual({
      'model:3.12.7-x86_64': { stdout: 'True\n', stderr: '', exitCode: 0 },
      'fake:1': { stdout: 'False\n', stderr: '', exitCode: 0 },
    });
  });

  test('a right expectation passes every layer', async () => {
    const right = defineProperty({ ...wrongProperty, check: (n: number, outcome: Outcome) => (outcome.stdout === `${n < 50 ? 'True' : 'False'}\n` ? null : 'wrong') });
    expect(checkModelLayer(right, target, { seed: 1, numRuns: 200, runSeed: 99 }, runners).runs).toBe(200);
    const batch = await runRealBatch(right, target, { seed: 1, numRuns: 200, runSeed: 99 }, runners);
    await expect(checkRealLayer(right, target, batch, runners)).resolves.toEqual({ runs: 200, seed: 1 });
  });
});
