/**
 * Web Worker holding one Pyodide release for the playground: it loads the release
 * from the site's own files, loads the oracle's driver and glue (oracle/native/driver.py +
 * oracle/pyodide/glue.py) and runs ONE program with the oracle's own file runner
 * (oracle/pyodide/file-runner.ts: `PyRun_FileExFlags` on a fresh `__main__`), so that it prints
 * what `python FILE.py` prints. The page then discards the worker: every program gets a fresh
 * interpreter, as on the command line.
 */
import './worker-errors';
import type { LoadPyodide, PyodideInstance } from '../../oracle/pyodide/pyodide-api';
import { PyodideFileRunner } from '../../oracle/pyodide/file-runner';
import type { PyodideInit, PyodideReply, PyodideResult, PyodideRun } from './protocol';
import { PROGRAM_FILENAME } from './protocol';

interface WorkerScope {
  postMessage(message: unknown): void;
  importScripts(...urls: string[]): void;
  loadPyodide?: LoadPyodide;
}
const scope = globalThis as unknown as WorkerScope;
const post = (reply: PyodideReply): void => scope.postMessage(reply);

/** The oracle's file runner, with the interrupt buffer read after each run. */
class Interpreter {
  private readonly runner: PyodideFileRunner;

  constructor(
    py: PyodideInstance,
    driverSource: string,
    private readonly interrupt: Int32Array | null,
  ) {
    this.runner = new PyodideFileRunner(py, driverSource, interrupt);
  }

  version(): string {
    return this.runner.describe().version;
  }

  run(source: string): PyodideResult {
    const { stdout, stderr, exitCode, durationMs } = this.runner.run(source, PROGRAM_FILENAME);
    const interrupted = this.interrupt !== null && Atomics.exchange(this.interrupt, 0, 0) !== 0;
    return { stdout, stderr, exitCode, durationMs, interrupted };
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
