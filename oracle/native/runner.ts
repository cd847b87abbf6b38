/**
 * Native CPythons in child processes.
 * - Batched (default): one `python driver.py` process per interpreter runs many programs, each
 *   through `PyRun_FileExFlags` in a fresh `__main__` (see driver.py). A program over the time
 *   limit gets the process killed; a new one runs the rest of the batch (a start costs ~20 ms).
 * - Fresh: each program is a real `python FILE.py` process, the ground truth itself.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { ProgramResult, ProgramSpec } from '../types';
import { DEFAULT_FILENAME, timeLimitResult } from '../types';
import type { NativeInterpreter } from './discover';
import { condenseTraceback } from './traceback';
import { interpreterEnvironment } from './environment';

const driverPath = fileURLToPath(new URL('./driver.py', import.meta.url));

interface DriverResult {
  readonly index: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly errorType: string | null;
  readonly errorMessage: string | null;
  readonly durationMs: number;
}

interface DriverProcess {
  readonly child: ChildProcess;
  readonly requests: Writable;
  readonly lines: AsyncIterator<string>;
  readonly workDir: string;
}

function fromDriver(result: DriverResult): ProgramResult {
  const error = result.errorType === null ? null : { type: result.errorType, message: result.errorMessage ?? '' };
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, error, durationMs: result.durationMs };
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export class NativeRunner {
  private driver: Promise<DriverProcess> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private batchCounter = 0;

  constructor(
    readonly interpreter: NativeInterpreter,
    readonly fresh: boolean,
  ) {}

  run(programs: readonly ProgramSpec[], timeLimitMs: number): Promise<ProgramResult[]> {
    const next = this.queue.then(() => (this.fresh ? this.runFresh(programs, timeLimitMs) : this.runBatched(programs, timeLimitMs)));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    const driver = this.driver;
    this.driver = undefined;
    if (driver) stopDriver(await driver);
    return Promise.resolve();
  }

  private async runBatched(programs: readonly ProgramSpec[], timeLimitMs: number): Promise<ProgramResult[]> {
    const results = new Array<ProgramResult>(programs.length);
    const retried = new Set<number>();
    let next = 0;
    while (next < programs.length) {
      this.driver ??= startDriver(this.interpreter);
      const driver = await this.driver;
      const stoppedAt = await this.attempt(driver, programs.slice(next), next, timeLimitMs, results);
      if (stoppedAt === null) break;
      this.driver = undefined;
      // A crash (not a time limit) is retried once on a new process: a crash seen once under load
      // (the driver's output ended with no exit status) must not pass for the program's behaviour.
      // A program that crashes the interpreter again is reported as crashing.
      const crashed = results[stoppedAt]?.error?.type === 'InterpreterCrash';
      if (crashed && !retried.has(stoppedAt)) {
        retried.add(stoppedAt);
        next = stoppedAt;
      } else {
        next = stoppedAt + 1;
      }
    }
    return results;
  }

  /** Runs programs on the driver; returns null when all ended, or the index of a stopped one. */
  private async attempt(driver: DriverProcess, programs: readonly ProgramSpec[], offset: number, timeLimitMs: number, results: ProgramResult[]): Promise<number | null> {
    const batch = ++this.batchCounter;
    let current = offset;
    let startedAt = Date.now();
    let killed = false;
    const tick = Math.max(5, Math.min(50, timeLimitMs / 4));
    let lastTick = startedAt;
    const watchdog = setInterval(() => {
      const now = Date.now();
      // While this thread was blocked (a long synchronous job, such as a model run in the same
      // process), results could not be read: a stall is not the program's time, so it does not count.
      const stall = now - lastTick - tick;
      lastTick = now;
      if (stall > tick) startedAt += stall;
      if (now - startedAt <= timeLimitMs) return;
      killed = true;
      driver.child.kill('SIGKILL');
    }, tick);
    driver.child.ref();
    try {
      driver.requests.write(`${JSON.stringify({ batch, programs: programs.map((p) => ({ source: p.source, filename: p.filename ?? DEFAULT_FILENAME })) })}\n`);
      for (let received = 0; received < programs.length; received++) {
        const line = await driver.lines.next();
        if (line.done) {
          const duration = Date.now() - startedAt;
          const stdout = readOrEmpty(join(driver.workDir, 'stdout'));
          stopDriver(driver);
          if (killed) results[current] = timeLimitResult(timeLimitMs, stdout, duration);
          else {
            const message = `the interpreter crashed: ${this.interpreter.command} ended (${String(driver.child.exitCode ?? driver.child.signalCode)})`;
            results[current] = { stdout, stderr: `${message}\n`, exitCode: 1, error: { type: 'InterpreterCrash', message }, durationMs: duration };
          }
          return current;
        }
        const result = JSON.parse(line.value) as DriverResult;
        results[offset + result.index] = fromDriver(result);
        current = offset + result.index + 1;
        startedAt = Date.now();
      }
      return null;
    } finally {
      clearInterval(watchdog);
      driver.child.unref();
    }
  }

  private async runFresh(programs: readonly ProgramSpec[], timeLimitMs: number): Promise<ProgramResult[]> {
    const results: ProgramResult[] = [];
    for (const program of programs) results.push(await runFileProcess(this.interpreter.command, program, timeLimitMs));
    return results;
  }
}

async function startDriver(interpreter: NativeInterpreter): Promise<DriverProcess> {
  const workDir = mkdtempSync(join(tmpdir(), 'objspec-native-'));
  const child = spawn(interpreter.command, [driverPath, workDir], { env: interpreterEnvironment(), stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'] });
  const requests = child.stdio[3] as Writable;
  const responses = child.stdio[4] as Readable;
  let early = '';
  child.stdout?.on('data', (chunk: Buffer) => (early += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (early += chunk.toString()));
  requests.on('error', () => undefined); // a killed driver: reported through its result stream
  const lines = createInterface({ input: responses })[Symbol.asyncIterator]();
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject));
  const hello = await Promise.race([lines.next(), spawnFailed]);
  if (hello.done) {
    rmSync(workDir, { recursive: true, force: true });
    throw new Error(`native:${interpreter.command}: the driver did not start: ${early.trim() || 'no output'}`);
  }
  child.unref();
  for (const stream of [child.stdout, child.stderr, requests, responses]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  return { child, requests, lines, workDir };
}

function stopDriver(driver: DriverProcess): void {
  driver.child.kill('SIGKILL');
  rmSync(driver.workDir, { recursive: true, force: true });
}

/** `python FILE.py` in a temporary folder: the reference run. */
export function runFileProcess(command: string, program: ProgramSpec, timeLimitMs: number): Promise<ProgramResult> {
  const workDir = mkdtempSync(join(tmpdir(), 'objspec-file-'));
  const file = join(workDir, basename(program.filename ?? DEFAULT_FILENAME));
  writeFileSync(file, program.source);
  const started = Date.now();
  return new Promise<ProgramResult>((resolve, reject) => {
    const child = spawn(command, [file], { cwd: workDir, env: interpreterEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeLimitMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      rmSync(workDir, { recursive: true, force: true });
      const stdout = Buffer.concat(out).toString('utf8');
      const durationMs = Date.now() - started;
      if (timedOut) return resolve(timeLimitResult(timeLimitMs, stdout, durationMs));
      const exitCode = code ?? 1;
      const { stderr, error } = condenseTraceback(Buffer.concat(err).toString('utf8'), exitCode);
      resolve({ stdout, stderr, exitCode, error, durationMs });
    });
  });
}
