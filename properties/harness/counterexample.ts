/** A failure report that reads on its own: seed, path, the program as runnable Python, both sides' outputs. */
import type { Outcome } from './types';

export interface Counterexample {
  readonly program: string;
  /** Target name -> what it printed. */
  readonly outputs: Readonly<Record<string, Outcome>>;
  readonly violation: string;
}

export interface Failure {
  readonly invariantId: string;
  readonly layer: 'model' | 'real' | 'agreement';
  readonly target: string;
  /** The seed of this layer's fast-check run (derived from the run seed, the invariant, the layer and the target). */
  readonly seed: number;
  /** The run's seed: OBJSPEC_SEED replays the whole run, and with it this failure. */
  readonly runSeed: number;
  readonly path: string;
  readonly counterexample: Counterexample;
}

function indent(text: string): string {
  return text.replace(/\n$/, '').split('\n').map((line) => `    ${line}`).join('\n');
}

function formatOutcome(target: string, outcome: Outcome): string {
  const parts = [`  ${target} (exit ${outcome.exitCode}):`, indent(outcome.stdout === '' ? '(no output)' : outcome.stdout)];
  if (outcome.stderr !== '') parts.push('  stderr:', indent(outcome.stderr));
  return parts.join('\n');
}

export function formatFailure(failure: Failure): string {
  const { counterexample: ce } = failure;
  return [
    `${failure.invariantId} failed on the ${failure.layer} layer for ${failure.target}: ${ce.violation}`,
    `layer seed ${failure.seed}, path ${JSON.stringify(failure.path)}; replay with OBJSPEC_SEED=${failure.runSeed} npx vitest run --project properties -t ${JSON.stringify(failure.invariantId)}`,
    'counterexample (paste into python3):',
    indent(ce.program),
    'outputs:',
    ...Object.entries(ce.outputs).map(([target, outcome]) => formatOutcome(target, outcome)),
  ].join('\n');
}

/** Thrown by the layers so that vitest shows the readable report, and the reporter can store it. */
export class InvariantFailure extends Error {
  constructor(readonly failure: Failure) {
    super(formatFailure(failure));
    this.name = 'InvariantFailure';
  }
}
