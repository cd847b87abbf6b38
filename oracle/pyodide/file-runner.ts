/**
 * Runs one program in a loaded Pyodide the way `python FILE.py` runs a file: a fresh `__main__`
 * from the driver's glue (oracle/native/driver.py + glue.py), then `PyRun_FileExFlags` called
 * from JavaScript (Python/pythonrun.c `pyrun_file`: the parser's AST arena lives while the module
 * body runs, which `sys.getrefcount` of constants shows). Shared by the oracle's worker thread
 * (oracle/pyodide/worker.ts) and the playground's Web Worker (src/playground/pyodide-worker.ts),
 * so it uses nothing of Node.
 */
import type { EmscriptenModule, PyDict, PyodideInstance, PyProxyCallable } from './pyodide-api';
import type { RawResult } from './protocol';

const PY_FILE_INPUT = 257; // Include/cpython/compile.h: Py_file_input
const PROGRAM_DIR = '/tmp/objspec';
const PROGRAM_PATH = `${PROGRAM_DIR}/program.py`;
/** PEP 263: a comment on line 1 or 2 matching `coding[:=]` (the tokenizer then reopens the file by descriptor). */
const CODING_COOKIE = /^(?:[^\n]*\n)?[ \t\f]*#[^\n]*coding[:=]/;

/** What one program printed and how it ended (the oracle's result, less the watchdog's part). */
export type FileRunOutcome = Omit<RawResult, 'timedOut'> & {
  /** A JavaScript-level failure inside the interpreter (the instance must not be reused), else null. */
  readonly crash: string | null;
};

/** Called right around the C call (the oracle's watchdog arms and settles there). */
export interface RunHooks {
  beforeRun?(): void;
  afterRun?(): void;
}

function decode(chunks: readonly Uint8Array[]): string {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder().decode(bytes);
}

export class PyodideFileRunner {
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

  constructor(
    private readonly py: PyodideInstance,
    driverSource: string,
    interrupt: Int32Array | null,
  ) {
    this.module = py._module;
    const capture = (chunks: () => Uint8Array[]) => (buffer: Uint8Array) => {
      chunks().push(buffer.slice());
      return buffer.length;
    };
    py.setStdout({ write: capture(() => this.out) });
    py.setStderr({ write: capture(() => this.err) });
    py.setStdin({ stdin: () => null }); // end of file, like `python FILE.py < /dev/null`
    if (interrupt) py.setInterruptBuffer(interrupt);
    py.FS.mkdirTree(PROGRAM_DIR);
    const namespace = py.toPy({ __name__: 'objspec_driver' }) as PyDict;
    py.runPython(driverSource, { globals: namespace });
    this.prepare = namespace.get('objspec_prepare') as PyProxyCallable;
    this.finish = namespace.get('objspec_finish') as PyProxyCallable;
    namespace.destroy();
    this.pathAddress = this.module.stringToNewUTF8(PROGRAM_PATH);
    this.modeAddress = this.module.stringToNewUTF8('rb');
    this.errorNameAddress = this.module.stringToNewUTF8('_objspec_exc');
    this.slots = this.module._PyMem_RawMalloc(12);
  }

  /** The release's version (`3.12.7`) and machine (`wasm32`). */
  describe(): { version: string; platform: string } {
    const text = this.py.runPython("import os, sys; '%d.%d.%d %s' % (sys.version_info[:3] + (os.uname().machine,))");
    const [version = '?', platform = '?'] = String(text).split(' ');
    return { version, platform };
  }

  run(source: string, filename: string, hooks: RunHooks = {}): FileRunOutcome {
    const m = this.module;
    this.out = [];
    this.err = [];
    const globals = this.prepare(filename) as number;
    const filenameAddress = m.stringToNewUTF8(filename);
    const { fp, buffer } = this.open(source);
    let crash: string | null = null;
    hooks.beforeRun?.();
    const started = performance.now();
    try {
      const result = m._PyRun_FileExFlags(fp, filenameAddress, PY_FILE_INPUT, globals, globals, 1, 0);
      if (result !== 0) m._Py_DecRef(result);
      else this.stashException();
    } catch (error) {
      crash = error instanceof Error ? error.message : String(error);
    }
    const durationMs = performance.now() - started;
    hooks.afterRun?.();
    m._free(filenameAddress);
    if (buffer !== 0) m._free(buffer);
    if (crash !== null) {
      const message = `the interpreter crashed: ${crash}`;
      return { stdout: decode(this.out), stderr: `${decode(this.err)}${message}\n`, exitCode: 1, errorType: 'InterpreterCrash', errorMessage: message, durationMs, crash };
    }
    const summary = String(this.finish());
    const stdout = decode(this.out);
    const stderr = decode(this.err);
    if (summary === '0') return { stdout, stderr, exitCode: 0, errorType: null, errorMessage: null, durationMs, crash };
    const [code = '1', errorType = '', errorMessage = '', tail = ''] = summary.split('\0');
    return { stdout, stderr: stderr + tail, exitCode: Number(code), errorType, errorMessage, durationMs, crash };
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
