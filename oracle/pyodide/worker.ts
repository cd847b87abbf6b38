/**
 * Worker thread holding one Pyodide release (one release per thread: a second one in the same
 * thread fails to link). Runs batches of programs sent by oracle/pyodide/pool.ts, each through
 * `PyRun_FileExFlags` like `python FILE.py`, and posts one result per program as soon as it ends,
 * so that results survive if the pool has to terminate this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProgramSpec } from '../types';
import { DEFAULT_FILENAME } from '../types';
import type { LoadPyodide, PyodideInstance } from './pyodide-api';
import { PyodideFileRunner } from './file-runner';
import type { FromWorker, RawResult, RunRequest, WorkerInit } from './protocol';
import { CONTROL_START_OFFSET, ControlSlot, RESULT_FLUSH_MS } from './protocol';

const init = workerData as WorkerInit;
const port = parentPort!;
const control = new Int32Array(init.control, 0, 2);
const startedAt = new Float64Array(init.control, CONTROL_START_OFFSET, 1);
const interrupt = new Int32Array(init.interrupt);

function post(message: FromWorker): void {
  port.postMessage(message);
}

/** One interpreter instance with the driver loaded, its streams captured and the watchdog around each run. */
class Interpreter {
  private readonly runner: PyodideFileRunner;
  /** Set when a program broke the instance (a JavaScript-level crash): it must not be reused. */
  broken = false;

  constructor(py: PyodideInstance) {
    this.runner = new PyodideFileRunner(py, init.driverSource, interrupt);
  }

  describe(): { version: string; platform: string } {
    return this.runner.describe();
  }

  run(program: ProgramSpec, index: number): RawResult {
    let timedOut = false;
    const outcome = this.runner.run(program.source, program.filename ?? DEFAULT_FILENAME, {
      beforeRun: () => {
        startedAt[0] = Date.now();
        Atomics.store(control, ControlSlot.STATE, index + 1);
      },
      afterRun: () => {
        timedOut = settleWatchdog(index);
      },
    });
    if (outcome.crash !== null) this.broken = true;
    const { stdout, stderr, exitCode, errorType, errorMessage, durationMs } = outcome;
    return { stdout, stderr, exitCode, errorType, errorMessage, durationMs, timedOut };
  }
}

/**
 * Ends the watchdog's hold on program `index`. If the watchdog claimed it (STATE = -(index+1)),
 * wait until its interrupt is raised, then withdraw it in case the program ended first, so it can
 * never hit the driver or the next program. Returns whether the program was stopped.
 */
function settleWatchdog(index: number): boolean {
  const previous = Atomics.exchange(control, ControlSlot.STATE, 0);
  if (previous >= 0) return false;
  while (Atomics.load(control, ControlSlot.SIGNALED) !== index + 1) {
    Atomics.wait(control, ControlSlot.SIGNALED, Atomics.load(control, ControlSlot.SIGNALED), 50);
  }
  Atomics.store(interrupt, 0, 0);
  Atomics.store(control, ControlSlot.SIGNALED, 0); // indices repeat in the next batch
  return true;
}

async function main(): Promise<void> {
  const moduleUrl = pathToFileURL(join(init.indexURL, 'pyodide.mjs')).href;
  const { loadPyodide } = (await import(moduleUrl)) as { loadPyodide: LoadPyodide };
  const t0 = performance.now();
  const load = async (snapshot?: Uint8Array) =>
    new Interpreter(await loadPyodide(snapshot ? { indexURL: init.indexURL, _loadSnapshot: snapshot } : { indexURL: init.indexURL }));
  let interpreter = await load();
  const loadMs = performance.now() - t0;
  // A memory snapshot taken right after start-up makes each fresh instance ~10x cheaper to
  // start than a full load; releases without makeMemorySnapshot (0.25) load in full.
  let snapshot: Uint8Array | undefined;
  if (init.fresh) {
    const maker = await loadPyodide({ indexURL: init.indexURL, _makeSnapshot: true });
    snapshot = maker.makeMemorySnapshot?.();
  }
  post({ kind: 'ready', ...interpreter.describe(), loadMs });
  const runBatch = async (request: RunRequest): Promise<void> => {
    let pending: { index: number; result: RawResult }[] = [];
    let flushedAt = performance.now();
    const flush = () => {
      if (pending.length > 0) post({ kind: 'results', batch: request.batch, results: pending });
      pending = [];
      flushedAt = performance.now();
    };
    for (const { index, program } of request.programs) {
      if (init.fresh) interpreter = await load(snapshot);
      pending.push({ index, result: interpreter.run(program, index) });
      if (init.fresh || performance.now() - flushedAt > RESULT_FLUSH_MS) flush();
      if (interpreter.broken) interpreter = await load(snapshot);
    }
    flush();
    post({ kind: 'done', batch: request.batch });
  };
  // Batches run one after another even when loading a fresh instance makes a batch asynchronous.
  let queue = Promise.resolve();
  port.on('message', (request: RunRequest) => {
    queue = queue.then(() => runBatch(request)).catch(reportFatal);
  });
}

function reportFatal(error: unknown): void {
  post({ kind: 'fatal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

main().catch(reportFatal);
