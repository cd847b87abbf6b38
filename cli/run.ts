/**
 * `objspec run FILE.py --target T[,T...]|all`: one target prints exactly what that CPython
 * printed (stdout, the traceback's last line on stderr, its exit code); several print a table.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliInputError } from './errors';
import { allAgree, sideBySide } from './side-by-side';
import { expandTargets, runOnTarget } from './targets';

export interface RunCommandOptions {
  readonly target: string;
  /** Seconds, as typed. */
  readonly timeLimit?: string;
  readonly fresh?: boolean;
  readonly mode?: 'module' | 'repl';
  /** `--trace FILE` (model targets). */
  readonly trace?: string;
}

function readProgram(file: string): { source: string; filename: string } {
  if (file === '-') return { source: readFileSync(0, 'utf8'), filename: '<stdin>' };
  try {
    return { source: readFileSync(file, 'utf8'), filename: resolve(file) };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new CliInputError(`${file}: cannot read the program (${reason})`);
  }
}

function parseTimeLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new CliInputError(`--time-limit: expected a positive number of seconds, got '${text}'`);
  return seconds * 1000;
}

/** Runs the command; returns the exit code. */
export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const timeLimitMs = parseTimeLimit(options.timeLimit);
  const targets = await expandTargets(options.target);
  const program = readProgram(file);
  if ((options.trace !== undefined || options.mode === 'repl') && !targets.every((target) => target.startsWith('model:'))) {
    throw new CliInputError('--trace and --mode repl apply to model targets only (real interpreters run the program as a file)');
  }
  const settings = { timeLimitMs, fresh: options.fresh ?? false, mode: options.mode, traceFile: options.trace };
  const results = await Promise.all(targets.map(async (target) => (await runOnTarget(target, [program], settings))[0]!));
  if (results.length === 1) {
    const [result] = results as [(typeof results)[0]];
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.exitCode;
  }
  process.stdout.write(`${sideBySide(targets, results)}\n`);
  if (!allAgree(results)) process.stdout.write(`the targets differ (rows marked ≠)\n`);
  const codes = new Set(results.map((result) => result.exitCode));
  return codes.size === 1 ? [...codes][0]! : 1;
}
