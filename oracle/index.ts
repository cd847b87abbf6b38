/**
 * The oracle: runs Python programs on real CPython and returns what they printed.
 *
 *   const results = await runPrograms('cpython:3.12.7', ['print(1)', 'print(x)'], { timeLimitMs: 2000 });
 *   await closeAll();
 *
 * Targets: `cpython:<version>` (embedded Pyodide, wasm32), `native:<command|path|version>` (a native
 * CPython) and `pypy:<language version|command|path>` (a native PyPy).
 * See oracle/README.md for what carries over between the programs of one interpreter.
 */
import type { ProgramInput, ProgramResult, RunOptions, TargetInfo } from './types';
import { DEFAULT_TIME_LIMIT_MS, toProgramSpec } from './types';
import { OracleInputError } from './errors';
import type { ResolvedTarget } from './targets';
import { embeddedTargetInfo, nativeTargetInfo, resolveTarget } from './targets';
import type { StartInfo } from './pyodide/pool';
import { PyodideRunner } from './pyodide/pool';
import { NativeRunner } from './native/runner';

export type { ProgramError, ProgramInput, ProgramResult, ProgramSpec, RunOptions, TargetInfo } from './types';
export { DEFAULT_TIME_LIMIT_MS, EXIT_EXCEPTION, EXIT_OK, EXIT_TIME_LIMIT, timeLimitMessage } from './types';
export { OracleInputError } from './errors';
export { listTargets, embeddedReleases, describeImplementation } from './targets';
export { discoverNativeInterpreters } from './native/discover';
export type { Implementation, NativeInterpreter } from './native/discover';

type Runner = PyodideRunner | NativeRunner;
const runners = new Map<string, Runner>();

function runnerFor(target: ResolvedTarget, fresh: boolean): Runner {
  const key = `${target.kind === 'embedded' ? target.release.target : `native:${target.interpreter.command}`}${fresh ? ' fresh' : ''}`;
  let runner = runners.get(key);
  if (!runner) {
    runner = target.kind === 'embedded' ? new PyodideRunner(target.release, fresh) : new NativeRunner(target.interpreter, fresh);
    runners.set(key, runner);
  }
  return runner;
}

function checkTimeLimit(timeLimitMs: number): void {
  if (!Number.isFinite(timeLimitMs) || timeLimitMs <= 0) throw new OracleInputError(`time limit must be a positive number of milliseconds, got ${timeLimitMs}`);
}

/** Runs the programs in order on one target; each gets a fresh `__main__`, its own output and time limit. */
export async function runPrograms(target: string, programs: readonly ProgramInput[], options: RunOptions = {}): Promise<ProgramResult[]> {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  checkTimeLimit(timeLimitMs);
  const resolved = await resolveTarget(target);
  if (programs.length === 0) return [];
  return runnerFor(resolved, options.fresh ?? false).run(programs.map(toProgramSpec), timeLimitMs);
}

/** Describes a target without running anything (native interpreters are probed once). */
export async function describeTarget(target: string): Promise<TargetInfo> {
  const resolved = await resolveTarget(target);
  return resolved.kind === 'embedded' ? embeddedTargetInfo(resolved.release) : nativeTargetInfo(resolved.interpreter);
}

/** Starts an embedded target's thread now (normally it starts on first use) and times it. */
export async function startEmbedded(target: string): Promise<StartInfo> {
  const resolved = await resolveTarget(target);
  if (resolved.kind !== 'embedded') throw new OracleInputError(`${target} is not an embedded target`);
  const runner = runnerFor(resolved, false);
  if (!(runner instanceof PyodideRunner)) throw new OracleInputError(`${target} is not an embedded target`);
  return runner.start();
}

/** Stops every thread and process the oracle started. */
export async function closeAll(): Promise<void> {
  const all = [...runners.values()];
  runners.clear();
  await Promise.all(all.map((runner) => runner.close()));
}

