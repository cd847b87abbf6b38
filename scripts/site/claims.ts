/**
 * The "Claims checked" data: each claim of spec/claims.ts with the outputs its evidence program
 * really printed (results/claims.json) and the verdict its stored predicate gives on each target.
 */
import { describeExpectation, judgeClaim, type Claim } from '../../spec/claims';
import type { ClaimRun, ClaimsData, ClaimView, TargetColumn } from '../../src/data/types';
import { outcomeView } from './invariant-page';
import { invariantHref } from './matrix';
import type { ClaimResults } from './results';
import { mirrorName } from './targets';

export function overallVerdict(realVerdicts: readonly ClaimRun['verdict'][]): ClaimView['overall'] {
  if (realVerdicts.length === 0) return 'not-run';
  if (realVerdicts.every((verdict) => verdict === 'holds')) return 'holds';
  if (realVerdicts.every((verdict) => verdict === 'fails')) return 'fails';
  return 'depends';
}

export function buildClaims(claims: readonly Claim[], results: ClaimResults | null, targets: readonly TargetColumn[], invariantIds: ReadonlySet<string>): ClaimsData {
  const byName = new Map(targets.map((target) => [target.name, target]));
  const views = claims.map((claim): ClaimView => {
    for (const id of claim.related) {
      if (!invariantIds.has(id)) throw new Error(`spec/claims.ts: claim ${claim.id}: field related: no spec entry ${id}`);
    }
    // Outputs count only if they came from this very program (an edited claim shows none until rerun).
    const recorded = results?.claims.find((item) => item.id === claim.id && item.program === claim.program);
    const runs = (recorded?.runs ?? [])
      .map((run): ClaimRun => {
        const target = byName.get(run.target);
        if (!target) throw new Error(`claims.json: target ${run.target} is missing from the collected targets`);
        const outcome = outcomeView(run.outcome, run.kind === 'model');
        const mirrors =
          run.kind === 'model'
            ? (recorded?.runs.filter((other) => other.kind === 'real' && mirrorName(other.version, other.platform) === run.target).map((other) => other.target).join(', ') ?? null)
            : null;
        return { target, outcome, verdict: outcome.refused ? 'refused' : judgeClaim(claim, run.outcome), mirrors: mirrors === '' ? null : mirrors };
      })
      .sort((a, b) => targets.indexOf(a.target) - targets.indexOf(b.target));
    const verdictsOf = (kind: TargetColumn['kind'][]) => runs.filter((run) => kind.includes(run.target.kind)).map((run) => run.verdict);
    const cpythonOnlyApi = recorded?.cpythonOnlyApi ?? null;
    return {
      id: claim.id,
      origin: claim.origin,
      topic: claim.topic,
      claim: claim.claim,
      reading: claim.reading,
      expectation: describeExpectation(claim.expect),
      program: claim.program,
      related: claim.related.map((id) => ({ id, href: invariantHref(id) })),
      runs,
      overall: overallVerdict(runs.filter((run) => run.target.kind !== 'model').map((run) => run.verdict)),
      onCpython: overallVerdict(verdictsOf(['embedded', 'native'])),
      onPypy: cpythonOnlyApi !== null && verdictsOf(['pypy']).length === 0 ? 'not-applicable' : overallVerdict(verdictsOf(['pypy'])),
      cpythonOnlyApi,
    };
  });
  return { generatedAt: results?.generatedAt ?? null, claims: views };
}
