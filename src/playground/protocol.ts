/** Messages between the playground page and its workers (model-worker.ts, pyodide-worker.ts). */
import type { HeapSnapshot } from '../../model';

/** `__file__` of the program, on the model and on CPython alike (the oracle's default name). */
export const PROGRAM_FILENAME = 'main.py';

export interface ModelRequest {
  readonly source: string;
  readonly profile: string;
}

export type ModelReply =
  | { readonly kind: 'done'; readonly stdout: string; readonly stderr: string; readonly exitCode: number; readonly trace: readonly HeapSnapshot[]; readonly durationMs: number }
  | { readonly kind: 'fatal'; readonly message: string };

export interface PyodideInit {
  readonly kind: 'init';
  /** Absolute URL of the release's folder (Pyodide's `indexURL`), ending in `/`. */
  readonly indexURL: string;
  /** Absolute URL of the oracle's driver and glue. */
  readonly driverURL: string;
  /** Absolute URL of a memory snapshot of the release right after start-up (scripts/site/pyodide-snapshot.ts), if the site has one. */
  readonly snapshotURL: string | null;
  /** Load `pyodide.mjs` with `import()` rather than `pyodide.js` with `importScripts` (Pyodide 314 on). */
  readonly esModuleLoader: boolean;
  /** Pyodide's interrupt buffer, when the page may share memory (cross-origin isolated). */
  readonly interrupt: SharedArrayBuffer | null;
}

export interface PyodideRun {
  readonly kind: 'run';
  readonly source: string;
}

export type PyodideStage = 'downloading' | 'starting' | 'driver';

export interface PyodideReady {
  readonly kind: 'ready';
  readonly version: string;
  readonly loadMs: number;
  /** Started from the site's snapshot rather than by a full start-up. */
  readonly fromSnapshot: boolean;
}

export interface PyodideResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly durationMs: number;
  /** The page's interrupt was still pending when the program ended (Pyodide may also clear it when it raises KeyboardInterrupt). */
  readonly interrupted: boolean;
}

export type PyodideReply =
  | { readonly kind: 'progress'; readonly stage: PyodideStage }
  | PyodideReady
  | { readonly kind: 'result'; readonly result: PyodideResult }
  | { readonly kind: 'fatal'; readonly message: string };
