/**
 * Where the model's speed ratio comes from, measured on both sides in the same run:
 * - per property: the model's and real CPython's time per program on the bench programs of each
 *   property (programs that call `gc.collect()` are slow on the real side, which walks Pyodide's
 *   whole heap; loop programs are slow on the model), timed apart for the programs that call
 *   `gc.collect()` and those that do not;
 * - what they add up to: the ratio of sums (model.bench.ts's figure), the geometric mean over
 *   properties, and the ratio of sums without the programs that call `gc.collect()`;
 * - per loop iteration: `for i in range(n)` with one body, timed at n = 0 and n = 4000 on the model
 *   and on cpython:3.12.7; the difference divided by n is what one iteration costs.
 * The model runs from the esbuild bundle with pretenuring off, at steady state, as in model.bench.ts.
 */
import { closeAll, runPrograms } from '../oracle/index';
import { loadBundledModel } from './model-bundle';
import { withoutPretenuring } from './pretenuring';
import { benchPrograms, type BenchProgram } from './programs';
import type { BenchFigure, BenchReport } from './report';
import { median } from './report';
import { warmUp } from './steady-state';

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

/** Programs that call `gc.collect()`: on the real side it walks Pyodide's whole heap. */
const CALLS_GC_COLLECT = /\bgc\.collect\(/;

/** The programs of one property that do, or do not, call `gc.collect()`: timed apart. */
interface Group {
  readonly invariant: string;
  readonly callsGcCollect: boolean;
  readonly programs: readonly BenchProgram[];
}

/** A group's time per program on each side, in microseconds. */
interface Timed extends Group {
  readonly model: number;
  readonly real: number;
}

function groupsOf(programs: readonly BenchProgram[]): Group[] {
  const groups: Group[] = [];
  for (const invariant of new Set(programs.map((p) => p.invariant))) {
    for (const callsGcCollect of [false, true]) {
      const members = programs.filter((p) => p.invariant === invariant && CALLS_GC_COLLECT.test(p.source) === callsGcCollect);
      if (members.length > 0) groups.push({ invariant, callsGcCollect, programs: members });
    }
  }
  return groups;
}

/** How many programs the groups hold, and their total microseconds on each side. */
function totals(groups: readonly Timed[]): { programs: number; model: number; real: number } {
  let programs = 0;
  let model = 0;
  let real = 0;
  for (const g of groups) {
    programs += g.programs.length;
    model += g.model * g.programs.length;
    real += g.real * g.programs.length;
  }
  return { programs, model, real };
}

/**
 * Per property, and what the properties add up to. The bench's speed-up is a ratio of sums, so
 * the programs slowest on the real side weigh most; the geometric mean weighs each property alike;
 * the ratio over the programs that do not call `gc.collect()` shows how much of the speed-up
 * those programs give.
 */
function ratioFigures(timed: readonly Timed[]): Record<string, BenchFigure> {
  const figures: Record<string, BenchFigure> = {};
  const logRatios: number[] = [];
  for (const invariant of new Set(timed.map((g) => g.invariant))) {
    const of = timed.filter((g) => g.invariant === invariant);
    const { programs: n, model, real } = totals(of);
    logRatios.push(Math.log(real / model));
    figures[`ratio ${invariant}`] = { value: real / model, unit: 'x', note: `per program: real ${(real / n).toFixed(0)} us, model ${(model / n).toFixed(0)} us` };
  }
  const all = totals(timed);
  const withoutGc = totals(timed.filter((g) => !g.callsGcCollect));
  figures['all programs: ratio of sums'] = {
    value: all.real / all.model,
    unit: 'x',
    note: `${all.programs} programs: real ${(all.real / 1000).toFixed(1)} ms, model ${(all.model / 1000).toFixed(1)} ms`,
  };
  figures['properties: geometric mean of ratios'] = { value: Math.exp(logRatios.reduce((a, b) => a + b, 0) / logRatios.length), unit: 'x', note: `${logRatios.length} properties alike` };
  figures['programs without gc.collect(): ratio of sums'] = {
    value: withoutGc.real / withoutGc.model,
    unit: 'x',
    note: `${withoutGc.programs} programs: real ${(withoutGc.real / 1000).toFixed(1)} ms, model ${(withoutGc.model / 1000).toFixed(1)} ms`,
  };
  return figures;
}

type RunModel = Awaited<ReturnType<typeof loadBundledModel>>['runModel'];
type Program = Parameters<RunModel>[0];

/**
 * Microseconds per program of each group on the model: every group warmed up together first (the
 * JIT then has seen all of them and compiled them, as in model.bench.ts), then rounds that time
 * each group in turn; the median round per group.
 */
function modelMicros(runModel: RunModel, groups: readonly (readonly Program[])[], rounds = 9): number[] {
  warmUp(() => groups.forEach((g) => g.forEach((p) => runModel(p, PROFILE))));
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
  const groups = groupsOf(programs);
  const loops = Object.entries(LOOP_BODIES).map(([name, body]) => ({
    name,
    empty: Array<string>(LOOP_PROGRAMS).fill(loopProgram(body, 0)),
    full: Array<string>(LOOP_PROGRAMS).fill(loopProgram(body, ITERATIONS)),
  }));

  const model = withoutPretenuring(() => {
    const byGroup = modelMicros(runModel, groups.map((g) => g.programs.map((p) => p.module)));
    const loopTimes = modelMicros(runModel, loops.flatMap(({ empty, full }) => [empty, full]));
    const perIteration = loops.map((_, i) => ((loopTimes[2 * i + 1] as number) - (loopTimes[2 * i] as number)) / ITERATIONS);
    return { byGroup, perIteration };
  });
  await runPrograms(REAL, ['pass\n']); // start-up outside the timing
  const realByGroup: number[] = [];
  for (const g of groups) realByGroup.push(await realMicros(g.programs.map((p) => p.source)));
  const realPerIteration: number[] = [];
  for (const { empty, full } of loops) realPerIteration.push(((await realMicros(full)) - (await realMicros(empty))) / ITERATIONS);
  await closeAll();

  const figures = ratioFigures(groups.map((g, i) => ({ ...g, model: model.byGroup[i] as number, real: realByGroup[i] as number })));
  loops.forEach(({ name }, i) => {
    const m = model.perIteration[i] as number;
    const r = realPerIteration[i] as number;
    figures[`loop: ${name}`] = { value: r / m, unit: 'x', note: `per iteration: real ${r.toFixed(3)} us, model ${m.toFixed(3)} us` };
  });
  return { name: 'breakdown', figures };
}
