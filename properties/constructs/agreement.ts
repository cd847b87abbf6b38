/**
 * The one layer of a construct property: the model profile mirroring a real CPython answers every
 * generated program, with the real interpreter's stdout and exit code. Reuses the invariant
 * harness's batches and its shrinking on the real interpreter (../harness/layers.ts).
 */
import type { Module } from '../../model/python/ast';
import { InvariantFailure } from '../harness/counterexample';
import { runRealBatch, shrinkOnReal, type Judge, type LayerResult, type LayerSettings, type RealBatch, type Runners } from '../harness/layers';
import type { AnyInvariantProperty, Outcome, TargetFacts } from '../harness/types';
import type { AnyConstructProperty } from './types';

/** Programs per target when the construct does not say. */
export const DEFAULT_CONSTRUCT_RUNS = 30;

/** The model refuses what it is not sure of with exit code 2 (model/errors.ts). */
const MODEL_REFUSED = 2;

/** The id under which a construct's results and failures are reported (`construct:lambda`). */
export function constructId(construct: AnyConstructProperty): string {
  return `construct:${construct.construct}`;
}

/** A construct seen as an invariant with no rule of its own, so the harness can batch and shrink it. */
export function asInvariant(construct: AnyConstructProperty): AnyInvariantProperty {
  return { id: constructId(construct), arbitrary: construct.arbitrary, program: (testCase, salt) => construct.program(testCase, salt), check: () => null };
}

const pick = (o: Outcome): Outcome => ({ stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode });

/** null when the model answered as the real interpreter did; else what went wrong. */
export function judgeConstructRun(model: Outcome, real: Outcome): string | null {
  if (model.exitCode === MODEL_REFUSED && real.exitCode !== MODEL_REFUSED) {
    const reason = model.stderr.trim().split('\n').pop() ?? '';
    return `the model refused the program: ${reason === '' ? '(no message)' : reason}`;
  }
  if (model.exitCode !== real.exitCode) return `exit code ${model.exitCode} on the model, ${real.exitCode} on the real interpreter`;
  if (model.stdout !== real.stdout) return 'stdout differs';
  return null;
}

export function runConstructBatch(construct: AnyConstructProperty, real: TargetFacts, settings: LayerSettings, runners: Runners): Promise<RealBatch> {
  return runRealBatch(asInvariant(construct), real, settings, runners);
}

/** Throws InvariantFailure with the shrunk program, both outputs and the seed. */
export async function checkConstructAgreement(
  construct: AnyConstructProperty,
  real: TargetFacts,
  mirror: TargetFacts,
  batch: RealBatch,
  runners: Runners,
): Promise<LayerResult> {
  const judge: Judge = (_testCase, module: Module, realOutcome) => {
    const model = runners.runModel(module, mirror.name);
    return { violation: judgeConstructRun(model, realOutcome), outputs: { [mirror.name]: pick(model), [real.name]: pick(realOutcome) } };
  };
  const index = batch.modules.findIndex((module, i) => judge(batch.cases[i], module, batch.outcomes[i] as Outcome).violation !== null);
  if (index >= 0) throw new InvariantFailure(await shrinkOnReal(asInvariant(construct), real, batch, index, 'agreement', judge, runners));
  return { runs: batch.cases.length, seed: batch.seed };
}
