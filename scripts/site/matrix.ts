/**
 * The status matrix: invariants as rows (grouped by family), targets as columns. A cell is the
 * recorded layer result for that target (real layer for interpreters, model layer for profiles),
 * `not-applicable` where the spec says the invariant does not hold (spec `holdsOn`), and `not-run`
 * where the results have nothing to say.
 */
import { holdsOn, type SpecEntry } from '../../spec';
import type { CellStatus, MatrixCell, MatrixFamily, RunInfo, TargetColumn } from '../../src/data/types';
import type { InvariantResults, LayerRecord } from './results';
import { splitAgreement } from './targets';

export function invariantHref(id: string): string {
  const [family, ...rest] = id.split('.');
  return `/docs/spec/${family}/${rest.join('.')}`;
}

/** The spec says whether it holds, when the target's version and platform are known. */
export function applies(entry: SpecEntry, target: TargetColumn): boolean | null {
  if (target.version === null || target.platform === null) return null;
  if (target.platform !== 'x86_64' && target.platform !== 'wasm32') return false;
  return holdsOn(entry, target.version, target.platform);
}

function worst(records: readonly LayerRecord[]): LayerRecord | undefined {
  return records.find((record) => record.status === 'fail') ?? records[0];
}

export function cellFor(entry: SpecEntry, target: TargetColumn, records: readonly LayerRecord[]): MatrixCell {
  const layer = target.kind === 'model' ? 'model' : 'real';
  const own = worst(records.filter((record) => record.invariant === entry.id && record.layer === layer && record.target === target.name));
  const agreement =
    target.kind === 'model'
      ? undefined
      : worst(records.filter((record) => record.invariant === entry.id && record.layer === 'agreement' && splitAgreement(record.target).real === target.name));
  let status: CellStatus;
  if (own) status = own.status;
  else status = applies(entry, target) === false ? 'not-applicable' : 'not-run';
  const implementation = own?.implementation ? { expectation: own.expectation ?? 'unmeasured', observed: own.observed ?? null } : null;
  return { status, runs: own ? own.runs : null, agreement: agreement && agreement.status !== 'not-applicable' ? agreement.status : null, implementation };
}

export function buildMatrix(catalogue: readonly SpecEntry[], targets: readonly TargetColumn[], results: InvariantResults | null): MatrixFamily[] {
  const records = results?.results ?? [];
  const families = [...new Set(catalogue.map((entry) => entry.family))];
  return families.map((family) => ({
    family,
    rows: catalogue
      .filter((entry) => entry.family === family)
      .map((entry) => ({
        id: entry.id,
        title: entry.title,
        guarantee: entry.guarantee,
        href: invariantHref(entry.id),
        cells: Object.fromEntries(targets.map((target) => [target.name, cellFor(entry, target, records)])),
      })),
  }));
}

export function runInfo(results: InvariantResults | null): RunInfo | null {
  if (!results) return null;
  return {
    generatedAt: results.generatedAt,
    seed: results.seed,
    scale: results.scale,
    totalRuns: results.results.reduce((sum, record) => sum + record.runs, 0),
    passed: results.results.filter((record) => record.status === 'pass').length,
    failed: results.results.filter((record) => record.status === 'fail').length,
  };
}
