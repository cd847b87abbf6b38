/**
 * Where the model's speed ratio comes from, measured on both sides in the same run:
 * - per property: the model's and real CPython's time per program on the bench programs of each
 *   property (programs that call `gc.collect()` are slow on the real side, which walks Pyodide's
 *   whole heap; loop programs are slow on the model);
 * - per loop iteration: `for i in range(n)` with one body, timed at n = 0 and n = 4000 on the model
 *   and on cpython:3.12.7; the difference divided by n is what one iteration costs.
 * The model runs from the esbuild bundle with pretenuring off, as in model.bench.ts.
 */
import { closeAll, runPrograms } from '../oracle/index';
import { loadBundledModel } from './model-bundle';
import { withoutPretenuring } from './pretenuring';
import { benchPrograms } from './programs';
import type { BenchFigure, BenchReport } from './report';
import { median } from './report';

const PROFILE = 'model:3.12.7-wasm32';
const REAL = 'cpython:3.12.7';
const PER_PROPERTY = 40;
const ITERATIONS = 4000;
const LOOP_PROGRAMS = 10;

/** Loop bodies: the statements of identity.unique-while-alive, one at a time and together. */
const LOOP_BODIES: Readonly<Record<string, string>> = {
  pass: 'pass',
  'item = [i]': 'item = [i]',
  'held.append(i)': 'held.append(i)',
  'ids[i] = True': 'ids[i] = True',
  'item = i + 0.5': 'item = i + 0.5',
  'item = Item()': 'item = Item()',
  'unique-while-alive body': 'item = [i]\n    held.append(item)\n    ids[id(item)] = True',
};

function loopProgram(body: string, n: number): string {
  return `class Item:\n    pass\nheld = []\nids = {}\nfor i in range(${n}):\n    ${body}\n`;
}

type RunModel = Awaited<ReturnType<typeof loadBundledModel>>['runModel'];
type Program = Parameters<RunModel>[0];

/**
 * Microseconds per program of each group on the model: every group warmed up together first (the
 * JIT then has seen all of them, as in model.bench.ts), then rounds that time each group in turn;
 * the median round per group.
 */
function modelMicros(runModel: RunModel, groups: readonly (readonly Program[])[], rounds = 9): number[] {
  for (let i = 0; i < 3; i++) for (const g of groups) for (const p of g) runModel(p, PROFILE);
  const times = groups.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    groups.forEach((g, i) => {
      const started = performance.now();
      for (const p of g) runModel(p, PROFILE);
      times[i]?.push(((performance.now() - started) * 1000) / g.length);
    });
  }
  return times.map(median);
}

/** Microseconds per program of one batch on the real interpreter: median of 5 after a warm-up batch. */
async function realMicros(sources: readonly string[], rounds = 5): Promise<number> {
  await runPrograms(REAL, sources, { timeLimitMs: 30_000 });
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await runPrograms(REAL, sources, { timeLimitMs: 30_000 });
    times.push(((performance.now() - started) * 1000) / sources.length);
  }
  return median(times);
}

export async function run(): Promise<BenchReport> {
  const { runModel } = await loadBundledModel();
  const programs = await benchPrograms(PER_PROPERTY);
  const invariants = [...new Set(programs.map((p) => p.invariant))];
  const loops = Object.entries(LOOP_BODIES).map(([name, body]) => ({
    name,
    empty: Array<string>(LOOP_PROGRAMS).fill(loopProgram(body, 0)),
    full: Array<string>(LOOP_PROGRAMS).fill(loopProgram(body, ITERATIONS)),
  }));

  const model = withoutPretenuring(() => {
    const byProperty = modelMicros(runModel, invariants.map((id) => programs.filter((p) => p.invariant === id).map((p) => p.module)));
    const loopTimes = modelMicros(runModel, loops.flatMap(({ empty, full }) => [empty, full]));
    const perIteration = loops.map((_, i) => ((loopTimes[2 * i + 1] as number) - (loopTimes[2 * i] as number)) / ITERATIONS);
    return { byProperty, perIteration };
  });
  await runPrograms(REAL, ['pass\n']); // start-up outside the timing
  const realByProperty: number[] = [];
  for (const id of invariants) realByProperty.push(await realMicros(programs.filter((p) => p.invariant === id).map((p) => p.source)));
  const realPerIteration: number[] = [];
  for (const { empty, full } of loops) realPerIteration.push(((await realMicros(full)) - (await realMicros(empty))) / ITERATIONS);
  await closeAll();

  const figures: Record<string, BenchFigure> = {};
  invariants.forEach((id, i) => {
    const m = model.byProperty[i] as number;
    const r = realByProperty[i] as number;
    figures[`ratio ${id}`] = { value: r / m, unit: 'x', note: `per program: real ${r.toFixed(0)} us, model ${m.toFixed(0)} us` };
  });
  loops.forEach(({ name }, i) => {
    const m = model.perIteration[i] as number;
    const r = realPerIteration[i] as number;
    figures[`loop: ${name}`] = { value: r / m, unit: 'x', note: `per iteration: real ${r.toFixed(3)} us, model ${m.toFixed(3)} us` };
  });
  return { name: 'breakdown', figures };
}
