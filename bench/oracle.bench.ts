/**
 * Oracle costs, measured in one run:
 * - start time of each embedded CPython (thread + Pyodide load), one at a time;
 * - harness overhead on cpython:3.12.7: N generated programs through `runPrograms` against the
 *   same N programs run by one hand-batched `runPython` call (exec each in a fresh dict with
 *   its stdout captured) in a Pyodide of the same release; goal: at most 1.3x;
 * - per-program cost of the fresh-interpreter modes, against the batched ones.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeAll, discoverNativeInterpreters, embeddedReleases, runPrograms } from '../oracle/index';
import { startEmbedded } from '../oracle/index';
import type { LoadPyodide, PyDict } from '../oracle/pyodide/pyodide-api';
import type { BenchFigure, BenchReport } from './report';
import { median } from './report';

const N = 200;
/**
 * One batch of N programs takes ~25 ms on either side: with 5 timed rounds the ratio moved
 * between 1.30 and 1.50 in back-to-back runs on this machine; 21 rounds after 3 warm-up rounds
 * gave 1.17-1.20 three times running.
 */
const REPEATS = 21;
const WARMUP = 3;
const OVERHEAD_TARGET = 'cpython:3.12.7';

/** Small identity programs, different from each other, deterministic. */
export function generatedPrograms(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    [
      'import sys',
      `a = ${(i * 7919) % 100_000}`,
      'b = a + 0',
      'print(a is b, a == b)',
      `s = ''.join(['p', str(${i})])`,
      'print(sys.intern(s) is s)',
      'items = [a, b, s]',
      'print(len(items), sum(x for x in items if isinstance(x, int)))',
      '',
    ].join('\n'),
  );
}

const BASELINE = `
import io
from contextlib import redirect_stdout
outputs = []
for source in SOURCES:
    buffer = io.StringIO()
    namespace = {'__name__': '__main__', '__builtins__': __builtins__}
    with redirect_stdout(buffer):
        exec(source, namespace)
    outputs.append(buffer.getvalue())
'\\0'.join(outputs)
`;

async function time<T>(action: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await action();
  return [performance.now() - t0, value];
}

async function startTimes(): Promise<Record<string, BenchFigure>> {
  const figures: Record<string, BenchFigure> = {};
  for (const release of embeddedReleases) {
    const info = await startEmbedded(release.target);
    figures[`start ${release.target}`] = { value: info.startMs, unit: 'ms', note: `thread start to ready; Pyodide load ${info.loadMs.toFixed(0)} ms` };
  }
  return figures;
}

async function overhead(): Promise<Record<string, BenchFigure>> {
  const release = embeddedReleases.find((r) => r.target === OVERHEAD_TARGET);
  if (!release) return {};
  const programs = generatedPrograms(N);
  const { loadPyodide } = (await import(pathToFileURL(join(release.indexURL, 'pyodide.mjs')).href)) as { loadPyodide: LoadPyodide };
  const py = await loadPyodide({ indexURL: release.indexURL });
  const globals = py.toPy({ SOURCES: programs }) as PyDict;
  const baseline = () => String(py.runPython(BASELINE, { globals })).split('\0');
  const oracle = () => runPrograms(OVERHEAD_TARGET, programs);
  const [, warmOracle] = await time(oracle);
  const warmBaseline = baseline();
  for (let i = 1; i < WARMUP; i++) {
    await oracle();
    baseline();
  }
  const agree = warmOracle.every((result, i) => result.stdout === warmBaseline[i] && result.exitCode === 0);
  const oracleTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    oracleTimes.push((await time(oracle))[0]);
    baselineTimes.push((await time(baseline))[0]);
  }
  globals.destroy();
  const oracleMs = median(oracleTimes);
  const baselineMs = median(baselineTimes);
  return {
    [`oracle, ${N} programs (${OVERHEAD_TARGET})`]: { value: oracleMs, unit: 'ms', note: `median of ${REPEATS}` },
    [`hand-batched runPython, ${N} programs`]: { value: baselineMs, unit: 'ms', note: `median of ${REPEATS}` },
    'overhead ratio oracle / runPython': { value: oracleMs / baselineMs, unit: 'x', note: `goal <= 1.3; outputs ${agree ? 'agree' : 'DIFFER'}` },
  };
}

async function freshCosts(): Promise<Record<string, BenchFigure>> {
  const figures: Record<string, BenchFigure> = {};
  const few = generatedPrograms(4);
  const [embeddedFresh] = await time(() => runPrograms(OVERHEAD_TARGET, few, { fresh: true }));
  figures[`fresh ${OVERHEAD_TARGET}, per program`] = { value: embeddedFresh / few.length, unit: 'ms', note: 'new Pyodide instance per program (memory snapshot), thread start included' };
  const native = (await discoverNativeInterpreters()).at(-1);
  if (native) {
    const programs = generatedPrograms(40);
    const target = `native:${native.command}`;
    await runPrograms(target, programs.slice(0, 2)); // start the driver
    const [batched] = await time(() => runPrograms(target, programs));
    const [fresh] = await time(() => runPrograms(target, programs, { fresh: true }));
    figures[`native ${native.version} batched driver, per program`] = { value: batched / programs.length, unit: 'ms' };
    figures[`native ${native.version} fresh python FILE.py, per program`] = { value: fresh / programs.length, unit: 'ms' };
  }
  return figures;
}

export async function run(): Promise<BenchReport> {
  try {
    const figures = { ...(await startTimes()), ...(await overhead()), ...(await freshCosts()) };
    return { name: 'oracle', figures };
  } finally {
    await closeAll();
  }
}
