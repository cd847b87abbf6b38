/** The data of one invariant's page: the spec entry, its examples' real and model outputs, its property results. */
import { existsSync } from 'node:fs';
import { expectationOn, regimeOn, type Platform, type SpecEntry } from '../../spec';
import type {
  ExampleRow,
  ExampleView,
  FailureView,
  HoldsView,
  InvariantPageData,
  LayerResultView,
  OutcomeView,
  RegimeView,
  SourceLink,
  TargetColumn,
} from '../../src/data/types';
import { NO_PICTURE, pictureKey, type HeapPictureResult } from './heap-picture';
import { applies } from './matrix';
import type { AllResults, LayerRecord, Outcome } from './results';
import { mirrorName, splitAgreement } from './targets';

/** The model declines programs it is not sure about with exit code 2 and `unsupported:` (model/errors.ts). */
export const MODEL_REFUSAL_EXIT = 2;

export function outcomeView(outcome: Outcome, fromModel: boolean): OutcomeView {
  return { stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.exitCode, refused: fromModel && outcome.exitCode === MODEL_REFUSAL_EXIT };
}

export function sameOutput(a: OutcomeView, b: OutcomeView): boolean {
  return a.stdout === b.stdout && a.exitCode === b.exitCode;
}

export function sourceUrl(tag: string, file: string): string {
  return `https://github.com/python/cpython/blob/${tag}/${file}`;
}

function holdsView(range: SpecEntry['holds'][number]): HoldsView {
  return { since: range.since, until: range.until, platforms: range.platforms, otherwise: range.otherwise ?? null };
}

function regimeViews(entry: SpecEntry, targets: readonly TargetColumn[]): RegimeView[] {
  const regimeOf = (target: TargetColumn): string | null => {
    if (target.version === null || target.platform === null || applies(entry, target) !== true) return null;
    try {
      return regimeOn(entry, target.version, target.platform as Platform);
    } catch {
      return null;
    }
  };
  return (entry.regimes ?? []).map((regime) => ({
    id: regime.id,
    description: regime.description,
    ranges: regime.ranges.map(holdsView),
    targets: targets.filter((target) => regimeOf(target) === regime.id).map((target) => target.name),
  }));
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/**
 * Example outputs, only when the results were produced from this very source: an edited example
 * whose checks have not been rerun shows no outputs rather than another program's.
 */
function exampleViews(entry: SpecEntry, results: AllResults, targets: readonly TargetColumn[], pictures: ReadonlyMap<string, HeapPictureResult>): ExampleView[] {
  const byName = new Map(targets.map((target) => [target.name, target]));
  return entry.examples.map((example, index) => {
    const recorded = results.examples?.examples.find((item) => item.invariant === entry.id && item.index === index && item.source === example.source);
    const runs = recorded?.runs ?? [];
    const realRuns = runs.filter((run) => run.kind === 'real');
    const keyOf = (view: OutcomeView) => `${view.exitCode}\u0000${view.stdout}`;
    const common = mostCommon(realRuns.map((run) => keyOf(outcomeView(run.outcome, false))));
    const rows = realRuns
      .map((run): ExampleRow => {
        const target = byName.get(run.target);
        if (!target) throw new Error(`examples.json: target ${run.target} is missing from the collected targets`);
        const modelName = mirrorName(run.version, run.platform);
        const modelRun = runs.find((other) => other.kind === 'model' && other.target === modelName);
        const real = outcomeView(run.outcome, false);
        const model = modelRun ? outcomeView(modelRun.outcome, true) : null;
        return {
          target,
          real,
          modelTarget: modelRun ? modelName : null,
          model,
          agrees: model === null || model.refused ? null : sameOutput(model, real),
          differsFromMost: realRuns.length > 1 && keyOf(real) !== common,
        };
      })
      .sort((a, b) => targets.indexOf(a.target) - targets.indexOf(b.target));
    return { title: example.title, source: example.source, rows, heap: pictures.get(pictureKey(entry.id, index)) ?? NO_PICTURE };
  });
}

function failureView(record: LayerRecord, baseSeed: number | null): FailureView | null {
  const failure = record.failure;
  if (!failure) return null;
  const seed = baseSeed ?? failure.seed;
  return {
    violation: failure.counterexample.violation,
    program: failure.counterexample.program,
    path: failure.path,
    outputs: Object.entries(failure.counterexample.outputs).map(([target, outcome]) => ({ target, outcome: outcomeView(outcome, target.startsWith('model:')) })),
    replay: `OBJSPEC_SEED=${seed} npx vitest run --project properties properties/invariants.test.ts -t "${record.invariant}"`,
  };
}

function resultViews(entry: SpecEntry, results: AllResults, targets: readonly TargetColumn[]): LayerResultView[] {
  const order = { real: 0, agreement: 1, model: 2 } as const;
  const position = (record: LayerRecord) => {
    const name = record.layer === 'agreement' ? splitAgreement(record.target).real : record.target;
    return targets.findIndex((target) => target.name === name);
  };
  return (results.invariants?.results ?? [])
    .filter((record) => record.invariant === entry.id)
    .sort((a, b) => order[a.layer] - order[b.layer] || position(a) - position(b))
    .map((record) => ({
      layer: record.layer,
      target: record.target,
      status: record.status,
      runs: record.runs,
      seed: record.seed,
      durationMs: record.durationMs,
      failure: failureView(record, results.invariants?.seed ?? null),
      implementation: record.implementation
        ? {
            expectation: record.expectation ?? 'unmeasured',
            observed: record.observed ?? null,
            notApplicable: record.notApplicable ?? 0,
            reason: record.reason ?? null,
            evidence: record.evidence
              ? {
                  program: record.evidence.program,
                  violation: record.evidence.violation,
                  outputs: Object.entries(record.evidence.outputs).map(([target, outcome]) => ({ target, outcome: outcomeView(outcome, false) })),
                }
              : null,
          }
        : null,
    }));
}

function pypyView(entry: SpecEntry): InvariantPageData['pypy'] {
  const expectation = expectationOn(entry, 'pypy');
  if (expectation === null) return { status: 'unmeasured', behaviour: null };
  return expectation.status === 'differs' ? { status: 'differs', behaviour: expectation.behaviour } : { status: 'holds', behaviour: null };
}

/** `pictures`: the examples' heap pictures (heap-picture.ts `heapPictures`), drawn beforehand because layout is asynchronous. */
export function buildInvariantPage(
  entry: SpecEntry,
  results: AllResults,
  targets: readonly TargetColumn[],
  runInfo: InvariantPageData['run'],
  repoRoot: string,
  pictures: ReadonlyMap<string, HeapPictureResult> = new Map(),
): InvariantPageData {
  const [family, ...rest] = entry.id.split('.');
  const propertyFile = `properties/${family}/${rest.join('.')}.prop.ts`;
  const sources: SourceLink[] = entry.sources.map((source) => ({ ...source, url: sourceUrl(source.tag, source.file) }));
  return {
    id: entry.id,
    family: entry.family,
    title: entry.title,
    statement: entry.statement,
    guarantee: entry.guarantee,
    specFile: `spec/${family}/${rest.join('.')}.ts`,
    propertyFile: existsSync(`${repoRoot}/${propertyFile}`) ? propertyFile : null,
    holds: entry.holds.map(holdsView),
    regimes: regimeViews(entry, targets),
    sources,
    examples: exampleViews(entry, results, targets, pictures),
    examplesGeneratedAt: results.examples?.generatedAt ?? null,
    results: resultViews(entry, results, targets),
    run: runInfo,
    notApplicable: targets.filter((target) => target.kind !== 'pypy' && applies(entry, target) === false).map((target) => target.name),
    pypy: pypyView(entry),
  };
}
