/**
 * The model's throughput on generated programs, and the ratio to real CPython (Pyodide 3.12.7)
 * running the same programs in the same run:
 * - model from the AST (what the properties do: a program is parsed at most once);
 * - model from source (parse included, as the CLI does);
 * - cpython:3.12.7 through the oracle, warm (start-up excluded), one batch.
 * Goal: the model at least 20 times faster than real CPython.
 * The model runs from an esbuild bundle of its source (see model-bundle.ts), with V8's
 * allocation-site pretenuring off while it is timed (see pretenuring.ts), at steady state (see
 * steady-state.ts). The passes 4 to 12 of the warm-up, which this bench timed until 2026-11-28,
 * are reported too (`...WhileWarming`): comparable with the figures recorded before.
 */
import { closeAll, runPrograms } from '../oracle/index';
import { loadBundledModel } from './model-bundle';
import { withoutPretenuring } from './pretenuring';
import { benchPrograms } from './programs';
import type { BenchReport } from './report';
import { median } from './report';
import { MODEL_WARMUP_PASSES, warmUp } from './steady-state';

const PER_PROPERTY = 40;
const PROFILE = 'model:3.12.7-wasm32';
const REAL = 'cpython:3.12.7';
const REPEATS = 3;
/** The model's passes are short (~25 ms for all programs): the median of 9; the real side's batches take ~0.5 s each. */
const MODEL_REPEATS = 9;
/**
 * The passes this bench timed until 2026-11-28 (V8 still compiling): passes 4 to 12 over the
 * programs, counting the first (which counts refusals), i.e. warm-up passes 3 to 11.
 */
const EARLY_PASSES = [2, 11] as const;

function time(action: () => void): number {
  const started = performance.now();
  action();
  return performance.now() - started;
}

export async function run(): Promise<BenchReport> {
  const { runModel } = await loadBundledModel();
  const programs = await benchPrograms(PER_PROPERTY);
  const n = programs.length;
  const { refused, fromAst, fromAstWhileWarming, fromSource } = withoutPretenuring(() => {
    const refusals = programs.filter((p) => runModel(p.module, PROFILE).exitCode === 2).length;
    const warming = warmUp(() => programs.forEach((p) => runModel(p.module, PROFILE)));
    const fromAst = median(Array.from({ length: MODEL_REPEATS }, () => time(() => programs.forEach((p) => runModel(p.module, PROFILE)))));
    warmUp(() => programs.forEach((p) => runModel(p.source, PROFILE)));
    const fromSource = median(Array.from({ length: MODEL_REPEATS }, () => time(() => programs.forEach((p) => runModel(p.source, PROFILE)))));
    return { refused: refusals, fromAst, fromAstWhileWarming: median(warming.slice(...EARLY_PASSES)), fromSource };
  });
  // Start-up and one batch outside the timing (the first batch is slower: Pyodide's wasm tiering).
  await runPrograms(REAL, programs.map((p) => p.source), { timeLimitMs: 30_000 });
  const realTimes: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await runPrograms(REAL, programs.map((p) => p.source), { timeLimitMs: 30_000 });
    realTimes.push(performance.now() - started);
  }
  await closeAll();
  const real = median(realTimes);
  return {
    name: 'model',
    figures: {
      programs: { value: n, unit: 'programs', note: `${PER_PROPERTY} generated cases of each property; ${refused} refused by the model` },
      modelFromAst: { value: (n / fromAst) * 1000, unit: 'programs/s', note: `${PROFILE}, AST built by the generators, after ${MODEL_WARMUP_PASSES} warm-up passes` },
      modelFromAstWhileWarming: { value: (n / fromAstWhileWarming) * 1000, unit: 'programs/s', note: 'passes 4-12 over the programs (V8 still compiling): the method recorded before 2026-11-28' },
      modelFromSource: { value: (n / fromSource) * 1000, unit: 'programs/s', note: `${PROFILE}, parse included` },
      realCpython: { value: (n / real) * 1000, unit: 'programs/s', note: `${REAL} through the oracle, warm` },
      speedupFromAst: { value: real / fromAst, unit: 'x', note: 'model (AST) vs real CPython; goal >= 20' },
      speedupFromAstWhileWarming: { value: real / fromAstWhileWarming, unit: 'x', note: 'the same, model timed while V8 still compiles (see modelFromAstWhileWarming)' },
      speedupFromSource: { value: real / fromSource, unit: 'x', note: 'model (source) vs real CPython' },
    },
  };
}
