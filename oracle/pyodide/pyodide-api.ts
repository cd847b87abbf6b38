/**
 * The few parts of a Pyodide instance the worker uses, typed once for every Pyodide release
 * installed (0.25 to 314): their own .d.ts files differ between releases.
 */

export interface PyProxyCallable {
  (...args: unknown[]): unknown;
  destroy(): void;
}

export interface PyDict {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  destroy(): void;
}

/** Exports of the Emscripten module (`pyodide._module`): C functions take and return addresses. */
export interface EmscriptenModule {
  readonly HEAP32: Int32Array;
  stringToNewUTF8(text: string): number;
  _free(address: number): void;
  _PyMem_RawMalloc(size: number): number;
  _fopen(path: number, mode: number): number;
  _fmemopen(buffer: number, size: number, mode: number): number;
  lengthBytesUTF8(text: string): number;
  _PyRun_FileExFlags(fp: number, filename: number, start: number, globals: number, locals: number, closeit: number, flags: number): number;
  _Py_DecRef(object: number): void;
  _PyErr_Fetch(type: number, value: number, traceback: number): void;
  _PyErr_NormalizeException(type: number, value: number, traceback: number): void;
  _PyException_SetTraceback(exception: number, traceback: number): number;
  _PySys_SetObject(name: number, value: number): number;
  _PyErr_Clear(): void;
}

export interface StreamOptions {
  write: (buffer: Uint8Array) => number;
  isatty?: boolean;
}

export interface PyodideInstance {
  runPython(code: string, options?: { globals?: PyDict }): unknown;
  toPy(value: unknown): unknown;
  setStdout(options: StreamOptions): void;
  setStderr(options: StreamOptions): void;
  setStdin(options: { stdin: () => null }): void;
  setInterruptBuffer(buffer: Int32Array): void;
  makeMemorySnapshot?: () => Uint8Array;
  readonly FS: { writeFile(path: string, data: string | Uint8Array): void; mkdirTree(path: string): void };
  readonly _module: EmscriptenModule;
}

export interface LoadOptions {
  indexURL: string;
  _makeSnapshot?: boolean;
  _loadSnapshot?: Uint8Array;
}

export type LoadPyodide = (options: LoadOptions) => Promise<PyodideInstance>;
