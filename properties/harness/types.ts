/** The shape of one invariant's property: how to generate a case, the program for it, and the check. */
import type fc from 'fast-check';
import type { Module } from '../../model/python/ast';
import type { Platform } from '../../spec';

/** What a run printed, on the model or on a real interpreter. */
export interface Outcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** The target a check is judged on: its implementation, exact version and platform. */
export interface TargetFacts {
  /** `model:3.12.7-wasm32`, `cpython:3.12.7`, `native:/usr/bin/python3.12` */
  readonly name: string;
  readonly implementation: 'cpython' | 'pypy';
  readonly version: string;
  readonly platform: Platform;
}

export interface InvariantProperty<Case> {
  /** The spec entry this property checks (`spec/<family>/<id>.ts`). */
  readonly id: string;
  readonly arbitrary: fc.Arbitrary<Case>;
  /**
   * The program for a case. `salt` is unique per execution: fold it into strings the program builds
   * at run time, because one real interpreter runs many programs and its intern table outlives each.
   */
  program(testCase: Case, salt: string): Module;
  /** `null` when the outcome satisfies the invariant on that target; otherwise what was violated. */
  check(testCase: Case, outcome: Outcome, target: TargetFacts): string | null;
  /** Runs per target: model layer (default 1000) and real layer (default 200), times the run scale. */
  readonly runs?: { readonly model?: number; readonly real?: number };
}

/** Any property, whatever its case type (the registry holds many). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyInvariantProperty = InvariantProperty<any>;

export function defineProperty<Case>(property: InvariantProperty<Case>): InvariantProperty<Case> {
  return property;
}
