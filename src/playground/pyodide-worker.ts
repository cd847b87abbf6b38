/**
 * Web Worker holding one Pyodide release for the playground: it loads the release
 * from the site's own files, loads the oracle's driver and glue (oracle/native/driver.py +
 * oracle/pyodide/glue.py) and runs ONE program the way oracle/pyodide/worker.ts does, through
 * `PyRun_FileExFlags` on a fresh `__main__`, so that it prints what `python FILE.py` prints. The
 * page then discards the worker: every program gets a fresh interpreter, as on the command line.
 */
import './worker-errors';
import type { EmscriptenModule, LoadPyodide, PyDict, PyodideInstance, PyProxyCallable } from '../../oracle/pyodide/pyodide-api';
import type { PyodideInit, PyodideReply, PyodideResult, PyodideRun } from './protocol';
import { PROGRAM_FILENAME } from './protocol';

const PY_FILE_INPUT = 257; // Include/cpython/compile.h: Py_file_input
const PROGRAM_DIR = '/tmp/objspec';
const PROGRAM_PATH = `${PROGRAM_DIR}/program.py`;
/** PEP 263: a comment on line 1 or 2 matching `coding[:=]` (the tokenizer then reopens the file by descriptor). */
const CODING_COOKIE = /^(?:[^\n]*\n)?[ \t\f]*#[^\n]*coding[:=]/;

interface WorkerScope {
  postMessage(message: unknown): void;
  importScripts(...urls: string[]): void;
  loadPyodide?: LoadPyodide;
}
const scope = globalThis as unknown as WorkerScope;
const post = (reply: PyodideReply): void => scope.postMessage(reply);

function decode(chunks: readonly Uint8Array[]): string {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder().decode(bytes);
}

class Interpreter {
  private readonly out: Uint8Array[] = [];
  private readonly err: Uint8Array[] = [];
  private readonly module: EmscriptenModule;
  private readonly prepare: PyProxyCallable;
  private readonly finish: PyProxyCallable;

  constructor(
    private readonly py: PyodideInstance,
    driverSource: string,
    private readonly interrupt: Int32Array | null,
  ) {
    this.module = py._module;
    const capture = (chunks: Uint8Array[]) => (buffer: Uint8Array) => {
      chunks.push(buffer.slice());
      return buffer.length;
    };
    py.setStdout({ write: capture(this.out) });
    py.setStderr({ write: capture(this.err) });
    py.setStdin({ stdin: () => null }); // end of file, like `python FILE.py < /dev/null`
    if (interrupt) py.setInterruptBuffer(interrupt);
    py.FS.mkdirTree(PROGRAM_DIR);
    const namespace = py.toPy({ __name__: 'objspec_driver' }) as PyDict;
    py.runPython(driverSource, { globals: namespace });
    this.prepare = namespace.get('objspec_prepare') as PyProxyCallable;
    this.finish = namespace.get('objspec_finish') as PyProxyCallable;
    namespace.destroy();
  }

  version(): string {
    return String(this.py.runPython("import sys; '%d.%d.%d' % sys.version_info[:3]"));
  }

  run(source: string): PyodideResult {
    const m = this.module;
    const globals = this.prepare(PROGRAM_FILENAME) as number;
    const filename = m.stringToNewUTF8(PROGRAM_FILENAME);
    const mode = m.stringToNewUTF8('rb');
    const { fp, buffer } = this.open(source, mode);
    const started = performance.now();
    let crash: string | null = null;
    try {
      const result = m._PyRun_FileExFlags(fp, filename, PY_FILE_INPUT, globals, globals, 1, 0);
      if (result !== 0) m._Py_DecRef(result);
      else this.stashException();
    } catch (error) {
      crash = error instanceof Error ? error.message : String(error);
    }
    const durationMs = performance.now() - started;
    const interrupted = this.interrupt !== null && Atomics.exchange(this.interrupt, 0, 0) !== 0;
    for (const address of [filename, mode, buffer]) if (address !== 0) m._free(address);
    if (crash !== null) {
      return { stdout: decode(this.out), stderr: `${decode(this.err)}the interpreter crashed: ${crash}\n`, exitCode: 1, durationMs, interrupted };
    }
    const summary = String(this.finish());
    const [code = '0', , , tail = ''] = summary.split('\0');
    return { stdout: decode(this.out), stderr: decode(this.err) + tail, exitCode: Number(code), durationMs, interrupted };
  }

  /** A `FILE *` on the source: `fmemopen` of a copy in wasm memory, or a real file (see oracle/pyodide/worker.ts `open`). */
  private open(source: string, mode: number): { fp: number; buffer: number } {
    const m = this.module;
    if (source !== '' && !CODING_COOKIE.test(source)) {
      const buffer = m.stringToNewUTF8(source);
      const fp = m._fmemopen(buffer, m.lengthBytesUTF8(source), mode);
      if (fp !== 0) return { fp, buffer };
      m._free(buffer);
    }
    this.py.FS.writeFile(PROGRAM_PATH, source);
    const path = m.stringToNewUTF8(PROGRAM_PATH);
    const fp = m._fopen(path, mode);
    m._free(path);
    if (fp === 0) throw new Error(`cannot open ${PROGRAM_PATH} in the Pyodide file system`);
    return { fp, buffer: 0 };
  }

  /** Moves the pending exception to `sys._objspec_exc`, where the glue picks it up (as oracle/pyodide/worker.ts does). */
  private stashException(): void {
    const m = this.module;
    const slots = m._PyMem_RawMalloc(12);
    const [typeSlot, valueSlot, tracebackSlot] = [slots, slots + 4, slots + 8];
    m._PyErr_Fetch(typeSlot, valueSlot, tracebackSlot);
    m._PyErr_NormalizeException(typeSlot, valueSlot, tracebackSlot);
    const type = m.HEAP32[typeSlot >> 2] ?? 0;
    const value = m.HEAP32[valueSlot >> 2] ?? 0;
    const traceback = m.HEAP32[tracebackSlot >> 2] ?? 0;
    const name = m.stringToNewUTF8('_objspec_exc');
    if (value !== 0 && traceback !== 0) m._PyException_SetTraceback(value, traceback);
    if (value !== 0) m._PySys_SetObject(name, value);
    m._Py_DecRef(type);
    m._Py_DecRef(value);
    m._Py_DecRef(traceback);
    m._PyErr_Clear();
    m._free(name);
    m._free(slots);
  }
}

let interpreter: Promise<Interpreter> | null = null;

/**
 * Pyodide's `loadPyodide`: from its classic script up to 0.29; from its ES module from 314 on,
 * whose loader refuses classic workers. webpack emits this worker as a classic one whatever the
 * page asks (its output is not ES modules), and Chromium runs `import()` in classic workers, so
 * the worker hides `importScripts`, which is what Pyodide tests (pyodide.mjs `isClassicWorker`):
 * the release then loads its parts with `import()` as in a module worker.
 */
async function loader(init: PyodideInit): Promise<LoadPyodide | undefined> {
  if (!init.esModuleLoader) {
    scope.importScripts(`${init.indexURL}pyodide.js`);
    return scope.loadPyodide;
  }
  scope.importScripts = () => {
    throw new TypeError('importScripts is not used in this worker');
  };
  const module = (await import(/* webpackIgnore: true */ `${init.indexURL}pyodide.mjs`)) as { loadPyodide?: LoadPyodide };
  return module.loadPyodide;
}

async function load(init: PyodideInit): Promise<Interpreter> {
  const started = performance.now();
  post({ kind: 'progress', stage: 'downloading' });
  const driver = fetch(init.driverURL).then(async (response) => {
    if (!response.ok) throw new Error(`${init.driverURL}: HTTP ${response.status}`);
    return response.text();
  });
  const loadPyodide = await loader(init);
  if (loadPyodide === undefined) throw new Error(`${init.indexURL}: the Pyodide loader did not define loadPyodide`);
  post({ kind: 'progress', stage: 'starting' });
  const { py, fromSnapshot } = await start(loadPyodide, init);
  post({ kind: 'progress', stage: 'driver' });
  const loaded = new Interpreter(py, await driver, init.interrupt ? new Int32Array(init.interrupt) : null);
  post({ kind: 'ready', version: loaded.version(), loadMs: performance.now() - started, fromSnapshot });
  return loaded;
}

/** From the site's snapshot when there is one (downloaded while the wasm compiles), else a full start; a snapshot that fails falls back to the full start. */
async function start(loadPyodide: LoadPyodide, init: PyodideInit): Promise<{ py: PyodideInstance; fromSnapshot: boolean }> {
  if (init.snapshotURL !== null) {
    const snapshot = fetch(init.snapshotURL).then(async (response) => {
      if (!response.ok) throw new Error(`${init.snapshotURL}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    });
    try {
      return { py: await loadPyodide({ indexURL: init.indexURL, _loadSnapshot: snapshot as unknown as Uint8Array }), fromSnapshot: true };
    } catch (error) {
      console.warn(`objspec playground: starting without the snapshot (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { py: await loadPyodide({ indexURL: init.indexURL }), fromSnapshot: false };
}

function fatal(error: unknown): void {
  post({ kind: 'fatal', message: error instanceof Error ? error.message : String(error) });
}

addEventListener('message', (event: MessageEvent<PyodideInit | PyodideRun>) => {
  const message = event.data;
  if (message.kind === 'init') {
    interpreter = load(message);
    interpreter.catch(fatal);
    return;
  }
  if (interpreter === null) return fatal('run before init');
  interpreter.then((loaded) => post({ kind: 'result', result: loaded.run(message.source) })).catch(fatal);
});
