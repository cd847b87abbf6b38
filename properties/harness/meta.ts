/** What each layer test leaves on its vitest task for the results reporter (properties/reporter.ts). */
import type { Counterexample, Failure } from './counterexample';

export interface LayerMeta {
  readonly invariant: string;
  readonly layer: 'model' | 'real' | 'agreement';
  readonly target: string;
  /** `not-applicable`: every program used a CPython-only API, or no CPython rule exists at that version (PyPy). */
  readonly status: 'pass' | 'fail' | 'not-applicable';
  readonly runs: number;
  readonly seed: number;
  readonly durationMs: number;
  readonly failure?: Failure;
  /** Another implementation's layer 2 (PyPy): the implementation, and what the spec entry expects of it. */
  readonly implementation?: 'pypy';
  readonly expectation?: 'holds' | 'differs' | 'unmeasured';
  /** What the runs showed: every applicable program kept the CPython rule, or some did not. */
  readonly observed?: 'holds' | 'differs' | null;
  /** Programs not run there because they use a CPython-only API. */
  readonly notApplicable?: number;
  /** The first program that broke the CPython rule there, with its output. */
  readonly evidence?: Counterexample;
  /** Why the layer is not applicable, when it is not. */
  readonly reason?: string;
}

declare module 'vitest' {
  interface TaskMeta {
    objspec?: LayerMeta;
  }
}
