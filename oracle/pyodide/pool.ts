/**
 * Main-thread side of the embedded CPythons: one worker thread per Pyodide release (and one
 * more for fresh-interpreter runs), started on first use, reused, and stopped by `close()`.
 * A watchdog enforces the time limit: it interrupts the running program through Pyodide's
 * interrupt buffer (KeyboardInterrupt) and, if that does not stop it, terminates the thread,
 * starts a new one and sends it the rest of the batch.
 */
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProgramResult, ProgramSpec } from '../types';
import { timeLimitResult } from '../types';
import type { EmbeddedRelease } from '../targets';
import type { FromWorker, IndexedProgram, RawResult, RunRequest, WorkerInit } from './protocol';
import { CONTROL_BYTES, CONTROL_START_OFFSET, ControlSlot } from './protocol';

/** After the interrupt, how long a program may take to unwind before its thread is terminated. */
const INTERRUPT_GRACE_MS = 1_000;
/** A batch is abandoned after this many thread restarts (each one costs a Pyodide start). */
const MAX_RESTARTS_PER_BATCH = 8;

const require = createRequire(import.meta.url);
const workerUrl = new URL('./worker.ts', import.meta.url).href;
// worker.ts is TypeScript: the thread registers tsx's loader first (Node 20 has no type
// stripping, and a worker's `--import` in execArgv does not apply to its entry module).
// (`tsx/esm/api` under the `import` condition, which createRequire cannot resolve.)
const tsxApi = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const workerBootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); })`;
const driverSource = ['../native/driver.py', './glue.py']
  .map((relative) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8'))
  .join('\n\n');

export interface StartInfo {
  readonly version: string;
  readonly platform: string;
  /** Time to load Pyodide inside the thread, as the thread measured it. */
  readonly loadMs: number;
  /** Time from creating the thread to its first `ready` message. */
  readonly startMs: number;
}

interface Thread {
  readonly worker: Worker;
  readonly control: Int32Array;
  readonly startedAt: Float64Array;
  readonly interrupt: Int32Array;
  readonly info: StartInfo;
}

/** How one attempt at a batch ended: all done, or stopped at `index` (time limit or crash). */
type Attempt = { readonly kind: 'done' } | { readonly kind: 'stopped'; readonly index: number; readonly result: ProgramResult };

function toProgramResult(raw: RawResult, timeLimitMs: number): ProgramResult {
  if (raw.timedOut) return timeLimitResult(timeLimitMs, raw.stdout, raw.durationMs);
  const error = raw.errorType === null ? null : { type: raw.errorType, message: raw.errorMessage ?? '' };
  return { stdout: raw.stdout, stderr: raw.stderr, exitCode: raw.exitCode, error, durationMs: raw.durationMs };
}

function missing(index: number): never {
  throw new Error(`internal error: no result for program ${index}`);
}

export class PyodideRunner {
  private thread: Promise<Thread> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private batchCounter = 0;

  constructor(
    readonly release: EmbeddedRelease,
    readonly fresh: boolean,
  ) {}

  /** Starts the thread if needed and reports what it runs. */
  start(): Promise<StartInfo> {
    return this.ensureThread().then((thread) => thread.info);
  }

  /** Runs the programs in order; calls on one runner are queued, never interleaved. */
  run(programs: readonly ProgramSpec[], timeLimitMs: number): Promise<ProgramResult[]> {
    const next = this.queue.then(() => this.runNow(programs, timeLimitMs));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    if (thread) await (await thread.catch(() => undefined))?.worker.terminate();
  }

  private ensureThread(): Promise<Thread> {
    this.thread ??= this.spawn();
    const thread = this.thread;
    thread.catch(() => {
      if (this.thread === thread) this.thread = undefined;
    });
    return thread;
  }

  private spawn(): Promise<Thread> {
    const control = new SharedArrayBuffer(CONTROL_BYTES);
    const interrupt = new SharedArrayBuffer(4);
    const init: WorkerInit = { indexURL: this.release.indexURL, driverSource, control, interrupt, fresh: this.fresh };
    const t0 = performance.now();
    const worker = new Worker(workerBootstrap, { eval: true, workerData: init });
    return new Promise<Thread>((resolve, reject) => {
      const detach = () => {
        worker.off('error', fail);
        worker.off('exit', onExit);
        worker.off('message', onReady);
      };
      const fail = (error: Error) => {
        detach();
        void worker.terminate();
        reject(new Error(`${this.release.target}: the Pyodide thread failed to start: ${error.message}`));
      };
      const onExit = (code: number) => fail(new Error(`thread exited with code ${code}`));
      const onReady = (message: FromWorker) => {
        detach(); // not removeAllListeners(): the Worker's own listeners must stay
        if (message.kind !== 'ready') return fail(new Error(message.kind === 'fatal' ? message.message : `unexpected ${message.kind}`));
        if (message.version !== this.release.version) {
          return fail(new Error(`${this.release.packageName} holds CPython ${message.version}, not ${this.release.version} as oracle/targets.ts says`));
        }
        worker.unref(); // an idle thread must not keep the process alive
        const info: StartInfo = { version: message.version, platform: message.platform, loadMs: message.loadMs, startMs: performance.now() - t0 };
        resolve({ worker, control: new Int32Array(control, 0, 2), startedAt: new Float64Array(control, CONTROL_START_OFFSET, 1), interrupt: new Int32Array(interrupt), info });
      };
      worker.on('error', fail);
      worker.on('exit', onExit);
      worker.on('message', onReady);
    });
  }

  private async runNow(programs: readonly ProgramSpec[], timeLimitMs: number): Promise<ProgramResult[]> {
    const results: (ProgramResult | undefined)[] = new Array<ProgramResult | undefined>(programs.length).fill(undefined);
    let restarts = 0;
    for (;;) {
      // Programs still without a result: all of them at first; after a restart, the rest, and any
      // that ran in the stopped thread after its last group of results was sent.
      const todo = programs.flatMap((program, index) => (results[index] === undefined ? [{ index, program }] : []));
      if (todo.length === 0) break;
      const thread = await this.ensureThread();
      const attempt = await this.attempt(thread, todo, timeLimitMs, results);
      if (attempt.kind === 'done') break;
      results[attempt.index] = attempt.result;
      this.thread = undefined; // the old thread is gone; the next round starts another
      if (++restarts > MAX_RESTARTS_PER_BATCH) throw new Error(`${this.release.target}: gave up after ${MAX_RESTARTS_PER_BATCH} restarts of the Pyodide thread`);
    }
    if (this.fresh) await this.close(); // fresh instances pile up in a thread's memory: start clean next time
    return results.map((result, index) => result ?? missing(index));
  }

  /** Sends the programs to the thread and watches the clock until they end. */
  private attempt(thread: Thread, programs: readonly IndexedProgram[], timeLimitMs: number, results: (ProgramResult | undefined)[]): Promise<Attempt> {
    const { worker, control, startedAt, interrupt } = thread;
    const batch = ++this.batchCounter;
    return new Promise<Attempt>((resolve, reject) => {
      let signaledAt = 0;
      const finish = (outcome: Attempt | Error) => {
        clearInterval(watchdog);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const stop = (index: number, result: ProgramResult) => {
        void worker.terminate();
        finish({ kind: 'stopped', index, result });
      };
      const running = () => Math.abs(Atomics.load(control, ControlSlot.STATE)) - 1;
      const onMessage = (message: FromWorker) => {
        if (message.kind === 'results' && message.batch === batch) {
          for (const { index, result } of message.results) results[index] = toProgramResult(result, timeLimitMs);
        }
        else if (message.kind === 'done' && message.batch === batch) finish({ kind: 'done' });
        else if (message.kind === 'fatal') finish(new Error(`${this.release.target}: the Pyodide thread failed: ${message.message}`));
      };
      const onCrash = (why: string) => {
        const index = running();
        if (index < 0) return finish(new Error(`${this.release.target}: the Pyodide thread ${why} between programs`));
        const message = `the interpreter crashed: thread ${why}`;
        stop(index, { stdout: '', stderr: `${message}\n`, exitCode: 1, error: { type: 'InterpreterCrash', message }, durationMs: Date.now() - (startedAt[0] ?? 0) });
      };
      const onError = (error: Error) => onCrash(`raised ${error.message}`);
      const onExit = (code: number) => onCrash(`exited with code ${code}`);
      const watchdog = setInterval(
        () => {
          const state = Atomics.load(control, ControlSlot.STATE);
          const now = Date.now();
          if (state > 0 && now - (startedAt[0] ?? now) > timeLimitMs) {
            // Claim the program first, so the interrupt cannot land on the next one.
            if (Atomics.compareExchange(control, ControlSlot.STATE, state, -state) !== state) return;
            Atomics.store(interrupt, 0, 2); // SIGINT
            Atomics.store(control, ControlSlot.SIGNALED, state);
            Atomics.notify(control, ControlSlot.SIGNALED);
            signaledAt = now;
          } else if (state < 0 && signaledAt > 0 && now - signaledAt > INTERRUPT_GRACE_MS) {
            stop(-state - 1, timeLimitResult(timeLimitMs, '', now - (startedAt[0] ?? now)));
          }
        },
        Math.max(5, Math.min(50, timeLimitMs / 4)),
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      const request: RunRequest = { kind: 'run', batch, programs };
      worker.postMessage(request);
    });
  }
}
