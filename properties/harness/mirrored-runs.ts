/**
 * Runs fixed programs (spec examples, claim evidence) on one real interpreter and on the model
 * profile of the same version and platform, for the results files the site reads: both outcomes,
 * and whether the model printed something else without refusing.
 */
import { runModel, type HeapSnapshot } from '../../model';
import { runPrograms, type TargetInfo } from '../../oracle';
import { mirrorOf } from '../targets';
import type { Outcome } from './types';

/** One side of a mirrored run, as written to results/. */
export interface MirroredRun {
  readonly target: string;
  readonly kind: 'real' | 'model';
  /** Set for another implementation than CPython (`pypy`). */
  readonly implementation?: 'pypy';
  readonly version: string;
  readonly platform: string;
  readonly outcome: Outcome;
  /** Model runs asked to trace: the heap after each statement, for the site's pictures. */
  readonly trace?: HeapSnapshot[];
}

export interface MirroredProgram {
  readonly source: string;
  readonly filename: string;
}

export interface MirroredResult {
  readonly real: MirroredRun;
  /** null on PyPy: the model is a model of CPython, so it mirrors CPython targets only. */
  readonly model: MirroredRun | null;
  /** null when the model printed what the real interpreter printed, or refused (exit 2). */
  readonly mismatch: string | null;
}

/** The model refuses what it is not sure of with exit code 2 (model/errors.ts); shown as a refusal. */
const MODEL_REFUSED = 2;

const pick = (o: Outcome): Outcome => ({ stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode });

export async function runMirrored(target: TargetInfo, programs: readonly MirroredProgram[], options: { trace: boolean }): Promise<MirroredResult[]> {
  const results = await runPrograms(target.name, programs, { timeLimitMs: 20_000 });
  const mirror = mirrorOf(target);
  return programs.map((program, i) => {
    const real = results[i];
    if (!real) throw new Error(`no result for ${program.filename} on ${target.name}`);
    const realRun: MirroredRun = { target: target.name, kind: 'real', version: target.version, platform: target.platform, outcome: pick(real) };
    if (target.implementation !== 'cpython') return { real: { ...realRun, implementation: target.implementation }, model: null, mismatch: null };
    const model = runModel(program.source, mirror.name, { filename: program.filename, trace: options.trace });
    const differs = model.exitCode !== MODEL_REFUSED && (model.stdout !== real.stdout || model.exitCode !== real.exitCode);
    return {
      real: realRun,
      model: { target: mirror.name, kind: 'model', version: target.version, platform: target.platform, outcome: pick(model), ...(model.trace ? { trace: model.trace } : {}) },
      mismatch: differs ? `model ${JSON.stringify(model.stdout)} vs real ${JSON.stringify(real.stdout)}` : null,
    };
  });
}
