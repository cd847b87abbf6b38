/**
 * The model's throughput on generated programs, and the ratio to real CPython (Pyodide 3.12.7)
 * running the same programs in the same run:
 * - model from the AST (what the properties do: a program is parsed at most once);
 * - model from source (parse included, as the CLI does);
 * - cpython:3.12.7 through the oracle, warm (start-up excluded), one batch.
 * Goal: the model at least 20 times faster than real CPython.
 * The model runs from an esbuild bundle of its source (see model-bundle.ts), with V8's
 * allocation-site pretenuring off while it is timed (see pretenuring.ts).
 */
import { closeAll, runPrograms } from '../oracle/index';
import { loadBundledModel } from './model-bundle';
import { withoutPretenuring } from './pretenuring';
import { benchPrograms } from './programs';
import type { BenchReport } from './report';
import { median } from './report';

const PER_PROPERTY = 40;
const PROFILE = 'model:3.12.7-wasm32';
const REAL = 'cpython:3.12.7';
const REPEATS = 3;
/**
 * The model's passes are short (~0.1 s for all programs): a median of 3 after one warm-up pass
 * moved between 4,200 and 7,900 programs/s in back-to-back runs on a quiet machine (JIT tiers and
 * GC timing). Three warm-up passes and the median of 9 timed passes steady it; the real side's
 * batches take seconds each and keep REPEATS.
 */
const MODEL_WARMUP = 3;
const MODEL_REPEATS = 9;

function time(action: () => void): number {
  const started = performance.now();
  action();
  return performance.now() - started;
}

export async function run(): Promise<BenchReport> {
  const { runModel } = await loadBundledModel();
  const programs = await benchPrograms(PER_PROPERTY);
  const n = programs.length;
  const { refused, fromAst, fromSource } = withoutPretenuring(() => {
    let refusals = 0;
    for (const p of programs) if (runModel(p.module, PROFILE).exitCode === 2) refusals += 1; // warm-up, and count refusals
    for (let i = 1; i < MODEL_WARMUP; i++) for (const p of programs) runModel(p.module, PROFILE);
    const fromAst = median(Array.from({ length: MODEL_REPEATS }, () => time(() => programs.forEach((p) => runModel(p.module, PROFILE)))));
    for (let i = 0; i < MODEL_WARMUP; i++) for (const p of programs) runModel(p.source, PROFILE);
    const fromSource = median(Array.from({ length: MODEL_REPEATS }, () => time(() => programs.forEach((p) => runModel(p.source, PROFILE)))));
    return { refused: refusals, fromAst, fromSource };
  });
  await runPrograms(REAL, ['pass\n']); // start the interpreter outside the timing
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
      modelFromAst: { value: (n / fromAst) * 1000, unit: 'programs/s', note: `${PROFILE}, AST built by the generators` },
      modelFromSource: { value: (n / fromSource) * 1000, unit: 'programs/s', note: `${PROFILE}, parse included` },
      realCpython: { value: (n / real) * 1000, unit: 'programs/s', note: `${REAL} through the oracle, warm` },
      speedupFromAst: { value: real / fromAst, unit: 'x', note: 'model (AST) vs real CPython; goal >= 20' },
      speedupFromSource: { value: real / fromSource, unit: 'x', note: 'model (source) vs real CPython' },
    },
  };
}
