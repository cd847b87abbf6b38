/**
 * The oracle's contract: run Python programs on a real CPython and report what they printed.
 * Nothing here knows about the model.
 */

/** A program to run: its source text, and the file name a `python FILE.py` run would give it. */
export interface ProgramSpec {
  readonly source: string;
  /** Becomes `__file__` and `sys.argv[0]`; defaults to {@link DEFAULT_FILENAME}. */
  readonly filename?: string;
}

export type ProgramInput = string | ProgramSpec;

/** `__file__` of a program given as a bare string. */
export const DEFAULT_FILENAME = 'main.py';

export interface RunOptions {
  /** Wall-clock limit per program, in milliseconds (default {@link DEFAULT_TIME_LIMIT_MS}). */
  readonly timeLimitMs?: number;
  /**
   * Run every program on a freshly started interpreter instead of one long-lived interpreter
   * per target. Slower; use it when a program's output depends on interpreter-wide state left
   * by earlier programs (the intern table, free lists, caches). See oracle/README.md.
   */
  readonly fresh?: boolean;
}

export const DEFAULT_TIME_LIMIT_MS = 5_000;

/** Exit status as `python FILE.py` reports it, plus 124 for the oracle's time limit. */
export const EXIT_OK = 0;
export const EXIT_EXCEPTION = 1;
export const EXIT_TIME_LIMIT = 124;

export interface ProgramError {
  /** The exception's type as a traceback names it (`ValueError`, `MyError`, `pkg.mod.Error`). */
  readonly type: string;
  /** `str(exception)`. */
  readonly message: string;
}

export interface ProgramResult {
  /** Everything the program wrote to standard output. */
  readonly stdout: string;
  /**
   * What the program wrote to standard error, followed by the last line of the traceback if
   * it ended with an exception (`ZeroDivisionError: division by zero`), or the time-limit message.
   */
  readonly stderr: string;
  /** 0, 1 for an uncaught exception, 124 for the time limit, or a `SystemExit` code. */
  readonly exitCode: number;
  readonly error: ProgramError | null;
  readonly durationMs: number;
}

export type Platform = 'wasm32' | 'x86_64' | (string & {});

export interface TargetInfo {
  /** The name to pass to `runPrograms`: `cpython:3.12.7`, `native:/path/to/python` or `pypy:3.9.16`. */
  readonly name: string;
  readonly implementation: 'cpython' | 'pypy';
  /** Exact Python language version, e.g. `3.12.7` (`3.9.16` for PyPy 7.3.11). */
  readonly version: string;
  /** The implementation's own release: `7.3.11` for PyPy; the same as `version` for CPython. */
  readonly implementationVersion: string;
  readonly platform: Platform;
  readonly kind: 'embedded' | 'native';
  /** Native targets: the interpreter's executable. */
  readonly command?: string;
}

export function toProgramSpec(input: ProgramInput): ProgramSpec {
  return typeof input === 'string' ? { source: input } : input;
}

/** `time limit of 2 s exceeded`: the text every runner reports for a stopped program. */
export function timeLimitMessage(timeLimitMs: number): string {
  return `time limit of ${Number((timeLimitMs / 1000).toFixed(3))} s exceeded`;
}

export function timeLimitResult(timeLimitMs: number, stdout: string, durationMs: number): ProgramResult {
  const message = timeLimitMessage(timeLimitMs);
  return {
    stdout,
    stderr: `${message}\n`,
    exitCode: EXIT_TIME_LIMIT,
    error: { type: 'TimeLimitExceeded', message },
    durationMs,
  };
}
