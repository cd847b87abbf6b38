/** What each layer test leaves on its vitest task for the results reporter (properties/reporter.ts). */
import type { Failure } from './counterexample';

export interface LayerMeta {
  readonly invariant: string;
  readonly layer: 'model' | 'real' | 'agreement';
  readonly target: string;
  readonly status: 'pass' | 'fail';
  readonly runs: number;
  readonly seed: number;
  readonly durationMs: number;
  readonly failure?: Failure;
}

declare module 'vitest' {
  interface TaskMeta {
    objspec?: LayerMeta;
  }
}
