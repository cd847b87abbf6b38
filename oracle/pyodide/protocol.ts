/** Messages between oracle/pyodide/pool.ts (main thread) and oracle/pyodide/worker.ts. */
import type { ProgramSpec } from '../types';

export interface WorkerInit {
  /** Folder of the Pyodide npm package (its `indexURL`). */
  readonly indexURL: string;
  /** Source of oracle/native/driver.py followed by oracle/pyodide/glue.py. */
  readonly driverSource: string;
  /** Control words shared with the watchdog, see {@link ControlSlot}. */
  readonly control: SharedArrayBuffer;
  /** Pyodide's interrupt buffer (`setInterruptBuffer`): 2 = SIGINT. */
  readonly interrupt: SharedArrayBuffer;
  /** Run each program in a new interpreter instance instead of one long-lived one. */
  readonly fresh: boolean;
}

/**
 * Int32 slots of `WorkerInit.control`. STATE is k > 0 while program k-1 runs, and the watchdog
 * swaps it to -k (compare-and-swap) before it raises the interrupt, so that an interrupt can
 * only ever hit the program it was meant for. SIGNALED is set to k once the interrupt is raised.
 */
export const ControlSlot = { STATE: 0, SIGNALED: 1 } as const;
/** Byte offset of the Float64 start time (ms since epoch) of the running program. */
export const CONTROL_START_OFFSET = 8;
export const CONTROL_BYTES = 16;

export interface IndexedProgram {
  /** Position in the caller's batch (after a restart, only the programs still without a result are resent). */
  readonly index: number;
  readonly program: ProgramSpec;
}

export interface RunRequest {
  readonly kind: 'run';
  readonly batch: number;
  readonly programs: readonly IndexedProgram[];
}

/** Results travel in groups, at most this long apart: one message per program costs as much as a small program. */
export const RESULT_FLUSH_MS = 25;

export interface RawResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly errorType: string | null;
  readonly errorMessage: string | null;
  readonly durationMs: number;
  /** The watchdog stopped this program. */
  readonly timedOut: boolean;
}

export type FromWorker =
  | { readonly kind: 'ready'; readonly version: string; readonly platform: string; readonly loadMs: number }
  | { readonly kind: 'results'; readonly batch: number; readonly results: readonly { readonly index: number; readonly result: RawResult }[] }
  | { readonly kind: 'done'; readonly batch: number }
  | { readonly kind: 'fatal'; readonly message: string };
