/**
 * Layer 2 on another implementation (PyPy): the generated programs of an invariant run there and
 * are judged by what the spec entry expects of that implementation (spec/implementations.ts):
 *  - holds (every `language` entry, and `cpython` entries PyPy shares): every applicable program
 *    must satisfy the CPython rule; the first that does not is shrunk and reported, as on CPython;
 *  - differs: the entry says PyPy behaves otherwise, so some program must show it; the first one
 *    is kept as evidence (the site shows it); none in the whole batch fails the layer;
 *  - not measured (null): the runs are reported, not judged.
 * Programs that use a CPython-only API (cpython-only.ts) are not run there: not applicable.
 */
import type { ImplementationExpectation } from '../../spec';
import type { Module } from '../../model/python/ast';
import { InvariantFailure, type Counterexample } from './counterexample';
import { nextSalt, recordCases } from './cases';
import { cpythonOnlyApiIn } from './cpython-only';
import { shrinkOnReal, type Judge, type LayerSettings, type RealBatch, type Runners } from './layers';
import type { AnyInvariantProperty, Outcome, TargetFacts } from './types';

export interface ImplementationLayerResult {
  /** Programs run and judged. */
  readonly runs: number;
  /** Programs not run because they use a CPython-only API. */
  readonly notApplicable: number;
  readonly seed: number;
  /** What the runs showed: every program kept the CPython rule, or some did not. null: none applicable. */
  readonly observed: 'holds' | 'differs' | null;
  /** The first program that broke the CPython rule (the evidence of a `differs` entry). */
  readonly evidence?: Counterexample;
}

const pick = (o: Outcome): Outcome => ({ stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode });

export async function checkImplementationLayer(
  property: AnyInvariantProperty,
  target: TargetFacts,
  expectation: ImplementationExpectation | null,
  settings: LayerSettings,
  runners: Runners,
  /** The entry's guarantee level, quoted when a language guarantee fails. */
  guarantee: 'language' | 'cpython',
): Promise<ImplementationLayerResult> {
  const cases = recordCases(property.arbitrary, settings.seed, settings.numRuns);
  const modules = cases.map((testCase) => property.program(testCase, nextSalt('i')));
  const applicable = modules.flatMap((module, index) => (cpythonOnlyApiIn(module) === null ? [index] : []));
  const notApplicable = modules.length - applicable.length;
  if (applicable.length === 0) return { runs: 0, notApplicable, seed: settings.seed, observed: null };

  const sources = applicable.map((index) => runners.print(modules[index] as Module));
  const outcomes = await runners.runReal(target.name, sources);
  const violationAt = (position: number): string | null => property.check(cases[applicable[position] as number], outcomes[position] as Outcome, target);
  const first = applicable.findIndex((_, position) => violationAt(position) !== null);
  const base = { runs: applicable.length, notApplicable, seed: settings.seed };
  if (first < 0) {
    if (expectation?.status === 'differs') {
      throw new Error(
        `${property.id} on ${target.name}: the spec entry says PyPy differs (${expectation.behaviour}), but all ${applicable.length} applicable programs kept the CPython rule (seed ${settings.seed}; replay with OBJSPEC_SEED=${settings.runSeed}). Measure again and correct the entry.`,
      );
    }
    return { ...base, observed: 'holds' };
  }
  const evidence: Counterexample = {
    program: sources[first] as string,
    outputs: { [target.name]: pick(outcomes[first] as Outcome) },
    violation: violationAt(first) as string,
  };
  if (expectation === null || expectation.status === 'differs') return { ...base, observed: 'differs', evidence };

  // Expected to hold: shrink the counterexample on the implementation and fail, as layer 2 does on CPython.
  const level = guarantee === 'language' ? 'a language guarantee, so it must hold on every implementation' : 'said to hold on PyPy too';
  const describeViolation = (violation: string | null) => (violation === null ? null : `${property.id} is ${level}; on ${target.name}: ${violation}`);
  const judge: Judge = (testCase, module, real) => ({
    violation: cpythonOnlyApiIn(module) === null ? describeViolation(property.check(testCase, real, target)) : null,
    outputs: { [target.name]: pick(real) },
  });
  // The batch in fast-check's order, so that the replay path names the right case; programs that
  // were not run get an outcome that is never judged (the judge skips them).
  const outcomeAt = new Map(applicable.map((index, position) => [index, outcomes[position] as Outcome]));
  const notRun: Outcome = { stdout: '', stderr: 'not applicable', exitCode: 0 };
  const batch: RealBatch = {
    seed: settings.seed,
    runSeed: settings.runSeed,
    cases,
    modules,
    sources: modules.map((module) => runners.print(module)),
    outcomes: modules.map((_, index) => outcomeAt.get(index) ?? notRun),
  };
  throw new InvariantFailure(await shrinkOnReal(property, target, batch, applicable[first] as number, 'real', judge, runners));
}
