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
import type { EmscriptenModule, LoadPyodide, PyDict, PyodideInstance, PyProxyCallable } from './pyodide-api';
import type { FromWorker, RawResult, RunRequest, WorkerInit } from './protocol';
import { CONTROL_START_OFFSET, ControlSlot, RESULT_FLUSH_MS } from './protocol';

const PY_FILE_INPUT = 257; // Include/cpython/compile.h: Py_file_input
const PROGRAM_DIR = '/tmp/objspec';
/** PEP 263: a comment on line 1 or 2 matching `coding[:=]`. */
const CODING_COOKIE = /^(?:[^\n]*\n)?[ \t\f]*#[^\n]*coding[:=]/;
const PROGRAM_PATH = `${PROGRAM_DIR}/program.py`;

const init = workerData as WorkerInit;
const port = parentPort!;
const control = new Int32Array(init.control, 0, 2);
const startedAt = new Float64Array(init.control, CONTROL_START_OFFSET, 1);
const interrupt = new Int32Array(init.interrupt);

function post(message: FromWorker): void {
  port.postMessage(message);
}

function concat(chunks: Uint8Array[]): string {
  return Buffer.concat(chunks).toString('utf8');
}

/** One interpreter instance with the driver loaded and its streams captured. */
class Interpreter {
  private out: Uint8Array[] = [];
  private err: Uint8Array[] = [];
  private readonly module: EmscriptenModule;
  private readonly prepare: PyProxyCallable;
  private readonly finish: PyProxyCallable;
  private readonly pathAddress: number;
  private readonly modeAddress: number;
  private readonly errorNameAddress: number;
  /** Three pointer slots for PyErr_Fetch (wasm32: 4 bytes each). */
  private readonly slots: number;
  /** Set when a program broke the instance (a JavaScript-level crash): it must not be reused. */
  broken = false;

  constructor(private readonly py: PyodideInstance) {
    this.module = py._module;
    const capture = (chunks: () => Uint8Array[]) => (buffer: Uint8Array) => {
      chunks().push(buffer.slice());
      return buffer.length;
    };
    py.setStdout({ write: capture(() => this.out) });
    py.setStderr({ write: capture(() => this.err) });
    py.setStdin({ stdin: () => null }); // end of file, like `python FILE.py < /dev/null`
    py.setInterruptBuffer(interrupt);
    py.FS.mkdirTree(PROGRAM_DIR);
    const namespace = py.toPy({ __name__: 'objspec_driver' }) as PyDict;
    py.runPython(init.driverSource, { globals: namespace });
    this.prepare = namespace.get('objspec_prepare') as PyProxyCallable;
    this.finish = namespace.get('objspec_finish') as PyProxyCallable;
    namespace.destroy();
    this.pathAddress = this.module.stringToNewUTF8(PROGRAM_PATH);
    this.modeAddress = this.module.stringToNewUTF8('rb');
    this.errorNameAddress = this.module.stringToNewUTF8('_objspec_exc');
    this.slots = this.module._PyMem_RawMalloc(12);
  }

  describe(): { version: string; platform: string } {
    const text = this.py.runPython("import os, sys; '%d.%d.%d %s' % (sys.version_info[:3] + (os.uname().machine,))");
    const [version = '?', platform = '?'] = String(text).split(' ');
    return { version, platform };
  }

  run(program: ProgramSpec, index: number): RawResult {
    const m = this.module;
    const filename = program.filename ?? DEFAULT_FILENAME;
    this.out = [];
    this.err = [];
    const globals = this.prepare(filename) as number;
    const filenameAddress = m.stringToNewUTF8(filename);
    const { fp, buffer } = this.open(program.source);
    let crash: string | null = null;
    startedAt[0] = Date.now();
    const t0 = performance.now();
    Atomics.store(control, ControlSlot.STATE, index + 1);
    try {
      const result = m._PyRun_FileExFlags(fp, filenameAddress, PY_FILE_INPUT, globals, globals, 1, 0);
      if (result !== 0) m._Py_DecRef(result);
      else this.stashException();
    } catch (error) {
      crash = error instanceof Error ? error.message : String(error);
    }
    const durationMs = performance.now() - t0;
    const timedOut = settleWatchdog(index);
    m._free(filenameAddress);
    if (buffer !== 0) m._free(buffer);
    if (crash !== null) {
      this.broken = true;
      const message = `the interpreter crashed: ${crash}`;
      return { stdout: concat(this.out), stderr: `${concat(this.err)}${message}\n`, exitCode: 1, errorType: 'InterpreterCrash', errorMessage: message, durationMs, timedOut };
    }
    const summary = String(this.finish());
    const stdout = concat(this.out);
    const stderr = concat(this.err);
    if (summary === '0') return { stdout, stderr, exitCode: 0, errorType: null, errorMessage: null, durationMs, timedOut };
    const [code = '1', errorType = '', errorMessage = '', tail = ''] = summary.split('\0');
    return { stdout, stderr: stderr + tail, exitCode: Number(code), errorType, errorMessage, durationMs, timedOut };
  }

  /**
   * A `FILE *` holding the source, for PyRun_FileExFlags. Usually an `fmemopen` of a copy in
   * wasm memory, which skips Emscripten's JavaScript file system; a source with a PEP 263 coding
   * cookie (the tokenizer then reopens the file by descriptor, which a memory stream lacks) or an
   * empty one goes through a real file in that file system instead.
   */
  private open(source: string): { fp: number; buffer: number } {
    const m = this.module;
    if (source !== '' && !CODING_COOKIE.test(source)) {
      const buffer = m.stringToNewUTF8(source);
      const fp = m._fmemopen(buffer, m.lengthBytesUTF8(source), this.modeAddress);
      if (fp !== 0) return { fp, buffer };
      m._free(buffer);
    }
    this.py.FS.writeFile(PROGRAM_PATH, source);
    const fp = m._fopen(this.pathAddress, this.modeAddress);
    if (fp === 0) throw new Error(`cannot open ${PROGRAM_PATH} in the Pyodide file system`);
    return { fp, buffer: 0 };
  }

  /** Moves the pending exception to `sys._objspec_exc`, where the driver's glue picks it up. */
  private stashException(): void {
    const m = this.module;
    const [typeSlot, valueSlot, tracebackSlot] = [this.slots, this.slots + 4, this.slots + 8];
    m._PyErr_Fetch(typeSlot, valueSlot, tracebackSlot);
    m._PyErr_NormalizeException(typeSlot, valueSlot, tracebackSlot);
    const type = m.HEAP32[typeSlot >> 2] ?? 0;
    const value = m.HEAP32[valueSlot >> 2] ?? 0;
    const traceback = m.HEAP32[tracebackSlot >> 2] ?? 0;
    if (value !== 0 && traceback !== 0) m._PyException_SetTraceback(value, traceback);
    if (value !== 0) m._PySys_SetObject(this.errorNameAddress, value);
    m._Py_DecRef(type); // Py_DecRef is Py_XDECREF: NULL is fine
    m._Py_DecRef(value);
    m._Py_DecRef(traceback);
    m._PyErr_Clear();
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
