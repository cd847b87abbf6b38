import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as py from '../gen/py';
import { printModule } from '../../model/python/print';
import { InvariantFailure } from '../harness/counterexample';
import type { Runners } from '../harness/layers';
import type { Outcome } from '../harness/types';
import { checkConstructAgreement, runConstructBatch } from './agreement';
import { loadConstructs } from './registry';
import { defineConstruct } from './types';

/** A stand-in interpreter: prints n. */
function realRun(source: string): Outcome {
  const n = Number(/n = (\d+)/.exec(source)?.[1]);
  return { stdout: `${n}\n`, stderr: '', exitCode: 0 };
}

const printsN = defineConstruct({
  construct: 'prints-n',
  description: 'assigns n and prints it',
  arbitrary: fc.integer({ min: 0, max: 1000 }),
  program: (n: number) => py.module(py.assign('n', py.int(n)), py.print(py.name('n'))),
});

const real = { name: 'fake:1', implementation: 'cpython' as const, version: '3.12.7', platform: 'x86_64' as const };
const mirror = { ...real, name: 'model:3.12.7-x86_64' };
const settings = { seed: 5, numRuns: 30, runSeed: 42 };

function runnersWith(runModel: (source: string) => Outcome): Runners {
  return { runModel: (module) => runModel(printModule(module)), runReal: (_target, sources) => Promise.resolve(sources.map(realRun)), print: printModule };
}

async function failureOf(runners: Runners): Promise<InvariantFailure> {
  const batch = await runConstructBatch(printsN, real, settings, runners);
  const caught = await checkConstructAgreement(printsN, real, mirror, batch, runners).catch((error: unknown) => error);
  expect(caught).toBeInstanceOf(InvariantFailure);
  return caught as InvariantFailure;
}

describe('the construct runner', () => {
  test('a model answer that differs is reported, shrunk, with its program, both outputs and the seed', async () => {
    // Wrong from 100 up: the shrunk program is n = 100.
    const { failure, message } = await failureOf(runnersWith((source) => {
      const n = Number(/n = (\d+)/.exec(source)?.[1]);
      return { stdout: `${n < 100 ? n : 0}\n`, stderr: '', exitCode: 0 };
    }));
    expect(failure.counterexample.violation).toBe('stdout differs');
    expect(failure.counterexample.program).toBe('n = 100\nprint(n)\n');
    expect(failure.counterexample.outputs).toEqual({ 'model:3.12.7-x86_64': { stdout: '0\n', stderr: '', exitCode: 0 }, 'fake:1': { stdout: '100\n', stderr: '', exitCode: 0 } });
    expect(message).toContain('construct:prints-n failed on the agreement layer for fake:1');
    expect(message).toContain('OBJSPEC_SEED=42');
  });

  test('a refused program is reported with the refusal', async () => {
    const { failure } = await failureOf(runnersWith(() => ({ stdout: '', stderr: 'unsupported: prints-n at line 2\n', exitCode: 2 })));
    expect(failure.counterexample.violation).toBe('the model refused the program: unsupported: prints-n at line 2');
    expect(failure.counterexample.program).toBe('n = 0\nprint(n)\n');
  });

  test('a model that agrees passes', async () => {
    const runners = runnersWith(realRun);
    const batch = await runConstructBatch(printsN, real, settings, runners);
    await expect(checkConstructAgreement(printsN, real, mirror, batch, runners)).resolves.toEqual({ runs: 30, seed: 5 });
  });
});

describe('loading constructs', () => {
  function dirWith(name: string, constructName: string | null): string {
    const dir = mkdtempSync(join(tmpdir(), 'constructs-'));
    writeFileSync(join(dir, name), constructName === null ? 'export const other = 1;\n' : `export const construct = { construct: ${JSON.stringify(constructName)} };\n`);
    return dir;
  }

  test('a construct named otherwise than its file is an error naming the file', async () => {
    await expect(loadConstructs(dirWith('lambda.construct.ts', 'closures'))).rejects.toThrow(/lambda\.construct\.ts: construct name "closures" must equal its file name \(expected "lambda"\)/);
  });

  test('a file that exports no construct is an error naming it', async () => {
    await expect(loadConstructs(dirWith('with.construct.ts', null))).rejects.toThrow(/with\.construct\.ts: exports no `construct`/);
  });

  test('a well-named construct loads', async () => {
    const loaded = await loadConstructs(dirWith('lambda.construct.ts', 'lambda'));
    expect(loaded.map((entry) => entry.construct.construct)).toEqual(['lambda']);
  });
});
