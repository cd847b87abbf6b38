/**
 * The page's side of the workers: one CPython worker per version, started on demand and used for one
 * program (a fresh interpreter per run, then a new worker loads in the background), and one model
 * worker. Both have a time limit: a CPython program is interrupted through Pyodide's interrupt
 * buffer when the page may share memory (cross-origin isolated), and its worker terminated if it
 * does not stop within a grace period, or at once when memory cannot be shared; an endless model
 * run ends with its worker.
 */
import type { HeapSnapshot } from '../../model';
import { DEFAULT_TIME_LIMIT_MS, timeLimitResult } from '../../oracle/types';
import type { RunOutput } from './compare';
import type { ModelReply, ModelRequest, PyodideInit, PyodideReply, PyodideResult, PyodideStage } from './protocol';

export const TIME_LIMIT_MS = DEFAULT_TIME_LIMIT_MS;
/** After the interrupt, how long a program may take to unwind before its worker is terminated (as oracle/pyodide/pool.ts). */
const INTERRUPT_GRACE_MS = 1_000;
const SIGINT = 2;

export type LoadStage = PyodideStage | 'queued';

export interface TargetRun {
  readonly output: RunOutput;
  readonly durationMs: number;
  readonly timedOut: boolean;
  /** CPython: how long its interpreter took to load (null when the load's time is not known). */
  readonly loadMs?: number | null;
  /** CPython: its interpreter started from the site's snapshot. */
  readonly fromSnapshot?: boolean;
}

export type SlotStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly stage: LoadStage; readonly since: number }
  | { readonly kind: 'ready'; readonly loadMs: number }
  | { readonly kind: 'running'; readonly since: number }
  | { readonly kind: 'failed'; readonly message: string };

function timedOut(limitMs: number, stdout: string, durationMs: number): TargetRun {
  return { output: timeLimitResult(limitMs, stdout, durationMs), durationMs, timedOut: true };
}

/** Whether this page may hand a SharedArrayBuffer to a worker (needs COOP/COEP headers). */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
}

interface LiveWorker {
  readonly worker: Worker;
  readonly interrupt: Int32Array | null;
  readonly ready: Promise<void>;
  /** Set while a program runs: receive its result or the worker's failure. */
  readonly handlers: { onResult: ((result: PyodideResult) => void) | null; onFatal: ((message: string) => void) | null; loadMs: number | null; fromSnapshot: boolean };
}

export class CPythonSlot {
  private live: LiveWorker | null = null;
  private status: SlotStatus = { kind: 'idle' };
  private readonly listeners = new Set<(status: SlotStatus) => void>();

  constructor(
    readonly version: string,
    private readonly indexURL: string,
    private readonly driverURL: string,
    private readonly snapshotURL: string | null,
    private readonly esModuleLoader: boolean,
  ) {}

  /** Calls `listener` with the loading state now and on every change; returns the unsubscribe function. */
  subscribe(listener: (status: SlotStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private onStatus(status: SlotStatus): void {
    this.status = status;
    this.listeners.forEach((listener) => listener(status));
  }

  /** Starts loading a fresh interpreter unless one is loading or loaded. */
  warm(): void {
    this.live ??= this.start();
  }

  private start(): LiveWorker {
    const worker = new Worker(new URL('./pyodide-worker.ts', import.meta.url), { name: `cpython-${this.version}` });
    const interrupt = canShareMemory() ? new Int32Array(new SharedArrayBuffer(4)) : null;
    const since = performance.now();
    this.onStatus({ kind: 'loading', stage: 'queued', since });
    const handlers: LiveWorker['handlers'] = { onResult: null, onFatal: null, loadMs: null, fromSnapshot: false };
    const ready = new Promise<void>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<PyodideReply>) => {
        const reply = event.data;
        if (reply.kind === 'progress') this.onStatus({ kind: 'loading', stage: reply.stage, since });
        else if (reply.kind === 'ready') {
          if (reply.version !== this.version) reject(new Error(`the worker for CPython ${this.version} runs ${reply.version}`));
          else {
            handlers.loadMs = reply.loadMs;
            handlers.fromSnapshot = reply.fromSnapshot;
            this.onStatus({ kind: 'ready', loadMs: reply.loadMs });
            resolve();
          }
        } else if (reply.kind === 'result') handlers.onResult?.(reply.result);
        else {
          reject(new Error(reply.message));
          handlers.onFatal?.(reply.message);
        }
      });
      worker.addEventListener('error', (event) => {
        const message = event.message || `the worker for CPython ${this.version} failed to start`;
        reject(new Error(message));
        handlers.onFatal?.(message);
      });
    });
    const live: LiveWorker = { worker, interrupt, ready, handlers };
    ready.catch((error: unknown) => {
      this.onStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      if (this.live === live) this.live = null;
      worker.terminate();
    });
    worker.postMessage({ kind: 'init', indexURL: this.indexURL, driverURL: this.driverURL, snapshotURL: this.snapshotURL, esModuleLoader: this.esModuleLoader, interrupt: interrupt?.buffer ?? null } satisfies PyodideInit);
    return live;
  }

  /** Runs `source` on a fresh interpreter; the worker is discarded afterwards. */
  async run(source: string, limitMs = TIME_LIMIT_MS): Promise<TargetRun> {
    this.warm();
    const live = this.live as LiveWorker;
    this.live = null; // whatever happens, this interpreter has run its program
    try {
      await live.ready;
      this.onStatus({ kind: 'running', since: performance.now() });
      return { ...(await this.runOn(live, source, limitMs)), loadMs: live.handlers.loadMs, fromSnapshot: live.handlers.fromSnapshot };
    } finally {
      live.worker.terminate();
    }
  }

  private runOn(live: LiveWorker, source: string, limitMs: number): Promise<TargetRun> {
    const started = performance.now();
    return new Promise<TargetRun>((resolve, reject) => {
      let limitHit = false;
      const timers: ReturnType<typeof setTimeout>[] = [];
      const settle = (run: TargetRun) => {
        timers.forEach(clearTimeout);
        resolve(run);
      };
      live.handlers.onResult = (result) => {
        const output = { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
        // A stopped program's time is the page's: from sending it to its end, at least the limit.
        settle(limitHit ? timedOut(limitMs, result.stdout, performance.now() - started) : { output, durationMs: result.durationMs, timedOut: false });
      };
      live.handlers.onFatal = (message) => {
        timers.forEach(clearTimeout);
        reject(new Error(message));
      };
      const terminate = () => settle(timedOut(limitMs, '', performance.now() - started));
      timers.push(
        setTimeout(() => {
          limitHit = true;
          if (live.interrupt === null) return terminate();
          Atomics.store(live.interrupt, 0, SIGINT); // KeyboardInterrupt at the next check
          timers.push(setTimeout(terminate, INTERRUPT_GRACE_MS));
        }, limitMs),
      );
      live.worker.postMessage({ kind: 'run', source });
    });
  }

  dispose(): void {
    this.live?.worker.terminate();
    this.live = null;
  }
}

export interface ModelRun extends TargetRun {
  readonly trace: readonly HeapSnapshot[];
}

/** The model in its own worker (kept between runs; replaced when a run hits the time limit). */
export class ModelSlot {
  private worker: Worker | null = null;

  private ensure(): Worker {
    this.worker ??= new Worker(new URL('./model-worker.ts', import.meta.url), { name: 'model' });
    return this.worker;
  }

  run(source: string, profile: string, limitMs = TIME_LIMIT_MS): Promise<ModelRun> {
    const worker = this.ensure();
    const started = performance.now();
    return new Promise<ModelRun>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      const onMessage = (event: MessageEvent<ModelReply>) => {
        done();
        const reply = event.data;
        if (reply.kind === 'fatal') return reject(new Error(`the model failed: ${reply.message}`));
        resolve({ output: { stdout: reply.stdout, stderr: reply.stderr, exitCode: reply.exitCode }, durationMs: reply.durationMs, timedOut: false, trace: reply.trace });
      };
      const onError = (event: ErrorEvent) => {
        done();
        this.dispose();
        reject(new Error(`the model worker failed: ${event.message}`));
      };
      const timer = setTimeout(() => {
        done();
        this.dispose();
        resolve({ ...timedOut(limitMs, '', performance.now() - started), trace: [] });
      }, limitMs);
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ source, profile } satisfies ModelRequest);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
