/**
 * The three layers of every invariant:
 *  - model: the model satisfies it on a profile (fc.check, shrunk by fast-check);
 *  - real: a real interpreter satisfies it (a batch through the oracle; a failure is replayed
 *    by seed and path and shrunk one program at a time);
 *  - agreement: the model's outcome equals the real one for the same program.
 */
import fc from 'fast-check';
import type { Module } from '../../model/python/ast';
import { InvariantFailure, type Failure } from './counterexample';
import { MODEL_SALT, nextSalt, recordCases } from './cases';
import type { AnyInvariantProperty, Outcome, TargetFacts } from './types';

/** What the layers need from the rest of the project: injected, so the harness can be tested alone. */
export interface Runners {
  runModel(module: Module, profile: string): Outcome;
  runReal(target: string, sources: readonly string[]): Promise<Outcome[]>;
  print(module: Module): string;
}

export interface LayerSettings {
  /** This layer's fast-check seed. */
  readonly seed: number;
  readonly numRuns: number;
  /** The run's seed (OBJSPEC_SEED), quoted in failure reports so they replay. */
  readonly runSeed: number;
}

export interface LayerResult {
  readonly runs: number;
  readonly seed: number;
}

function outcomeOf(outcome: Outcome): Outcome {
  return { stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.exitCode };
}

/** Layer 1. Throws InvariantFailure with the shrunk counterexample. */
export function checkModelLayer(property: AnyInvariantProperty, profile: TargetFacts, settings: LayerSettings, runners: Runners): LayerResult {
  const details = fc.check(
    fc.property(property.arbitrary, (testCase) => property.check(testCase, runners.runModel(property.program(testCase, MODEL_SALT), profile.name), profile) === null),
    { seed: settings.seed, numRuns: settings.numRuns },
  );
  if (details.failed) {
    const testCase = (details.counterexample as unknown[] | null)?.[0];
    const module = property.program(testCase, MODEL_SALT);
    const outcome = runners.runModel(module, profile.name);
    throw new InvariantFailure({
      invariantId: property.id,
      layer: 'model',
      target: profile.name,
      seed: details.seed,
      runSeed: settings.runSeed,
      path: details.counterexamplePath ?? '',
      counterexample: {
        program: runners.print(module),
        outputs: { [profile.name]: outcomeOf(outcome) },
        violation: property.check(testCase, outcome, profile) ?? (details.errorInstance instanceof Error ? details.errorInstance.message : 'the check threw'),
      },
    });
  }
  return { runs: details.numRuns, seed: settings.seed };
}

/** The programs of one real-layer batch and what the interpreter printed for each. */
export interface RealBatch {
  readonly seed: number;
  readonly runSeed: number;
  readonly cases: readonly unknown[];
  readonly modules: readonly Module[];
  readonly sources: readonly string[];
  readonly outcomes: readonly Outcome[];
}

export async function runRealBatch(property: AnyInvariantProperty, target: TargetFacts, settings: LayerSettings, runners: Runners): Promise<RealBatch> {
  const cases = recordCases(property.arbitrary, settings.seed, settings.numRuns);
  const modules = cases.map((testCase) => property.program(testCase, nextSalt('r')));
  const sources = modules.map((module) => runners.print(module));
  const outcomes = await runners.runReal(target.name, sources);
  return { seed: settings.seed, runSeed: settings.runSeed, cases, modules, sources, outcomes };
}

export type Judge = (testCase: unknown, module: Module, real: Outcome) => { violation: string | null; outputs: Record<string, Outcome> };

/**
 * Replays case `index` of the batch with fast-check's path and shrinks it, running one program
 * at a time on the real interpreter; returns the minimal failing case's report.
 */
export async function shrinkOnReal(
  property: AnyInvariantProperty,
  target: TargetFacts,
  batch: RealBatch,
  index: number,
  layer: Failure['layer'],
  judge: Judge,
  runners: Runners,
): Promise<Failure> {
  let last: { module: Module; violation: string; outputs: Record<string, Outcome> } | null = null;
  const details = await fc.check(
    fc.asyncProperty(property.arbitrary, async (testCase) => {
      const module = property.program(testCase, nextSalt('s'));
      const [real] = await runners.runReal(target.name, [runners.print(module)]);
      if (!real) throw new Error(`the oracle returned no result for ${target.name}`);
      const { violation, outputs } = judge(testCase, module, real);
      if (violation !== null) last = { module, violation, outputs };
      return violation === null;
    }),
    { seed: batch.seed, numRuns: batch.cases.length, path: String(index) },
  );
  const found = last as { module: Module; violation: string; outputs: Record<string, Outcome> } | null;
  if (!details.failed || found === null) {
    // The batch saw a failure that a lone rerun did not: report the batch's own program.
    const module = batch.modules[index] as Module;
    const real = batch.outcomes[index] as Outcome;
    const { violation, outputs } = judge(batch.cases[index], module, real);
    return {
      invariantId: property.id,
      layer,
      target: target.name,
      seed: batch.seed,
      runSeed: batch.runSeed,
      path: String(index),
      counterexample: {
        program: batch.sources[index] ?? '',
        outputs,
        violation: `${violation ?? 'failed'} (seen in the batch; a lone rerun passed: interpreter state left by earlier programs matters)`,
      },
    };
  }
  return {
    invariantId: property.id,
    layer,
    target: target.name,
    seed: batch.seed,
    runSeed: batch.runSeed,
    path: details.counterexamplePath ?? String(index),
    counterexample: { program: runners.print(found.module), outputs: found.outputs, violation: found.violation },
  };
}

/** Layer 2. Throws InvariantFailure with the shrunk counterexample. */
export async function checkRealLayer(property: AnyInvariantProperty, target: TargetFacts, batch: RealBatch, runners: Runners): Promise<LayerResult> {
  const judge: Judge = (testCase, _module, real) => ({
    violation: property.check(testCase, real, target),
    outputs: { [target.name]: outcomeOf(real) },
  });
  const index = batch.cases.findIndex((testCase, i) => judge(testCase, batch.modules[i] as Module, batch.outcomes[i] as Outcome).violation !== null);
  if (index >= 0) throw new InvariantFailure(await shrinkOnReal(property, target, batch, index, 'real', judge, runners));
  return { runs: batch.cases.length, seed: batch.seed };
}

function describeDifference(model: Outcome, real: Outcome): string | null {
  if (model.exitCode !== real.exitCode) return `exit code ${model.exitCode} on the model, ${real.exitCode} on the real interpreter`;
  if (model.stdout !== real.stdout) return 'stdout differs';
  if (model.stderr !== real.stderr) return 'stderr differs';
  return null;
}

/** Layer 3: the model profile `mirror` predicts the real target's outcome exactly. */
export async function checkAgreementLayer(
  property: AnyInvariantProperty,
  target: TargetFacts,
  mirror: TargetFacts,
  batch: RealBatch,
  runners: Runners,
): Promise<LayerResult> {
  const judge: Judge = (_testCase, module, real) => {
    const model = runners.runModel(module, mirror.name);
    return { violation: describeDifference(model, real), outputs: { [mirror.name]: outcomeOf(model), [target.name]: outcomeOf(real) } };
  };
  const index = batch.modules.findIndex((module, i) => judge(batch.cases[i], module, batch.outcomes[i] as Outcome).violation !== null);
  if (index >= 0) throw new InvariantFailure(await shrinkOnReal(property, target, batch, index, 'agreement', judge, runners));
  return { runs: batch.cases.length, seed: batch.seed };
}
