/** The "Claims checked" page: each claim, its evidence program, and the verdict computed on every target. */
import Link from '@docusaurus/Link';
import CodeBlock from '@theme/CodeBlock';
import type { ReactElement } from 'react';
import type { ClaimRun, ClaimsData, ClaimView } from '../data/types';
import NoResults from './NoResults';
import OutcomeBlock from './OutcomeBlock';
import styles from './styles.module.css';

export const CLAIMS_COMMAND = 'npx vitest run --project properties properties/claims.test.ts';

const OVERALL_TEXT: Record<ClaimView['overall'], string> = {
  holds: 'holds on every real interpreter checked',
  fails: 'fails on every real interpreter checked',
  depends: 'depends on the interpreter',
  'not-run': 'not run yet',
};

const SIDE_TEXT: Record<ClaimView['onPypy'], string> = {
  holds: 'holds',
  fails: 'fails',
  depends: 'depends on the version',
  'not-run': 'not run',
  'not-applicable': 'not applicable',
};

function verdictClass(verdict: ClaimRun['verdict'] | ClaimView['onPypy']): string {
  if (verdict === 'holds') return styles.pass ?? '';
  if (verdict === 'fails' || verdict === 'error') return styles.fail ?? '';
  if (verdict === 'refused' || verdict === 'depends') return styles.refused ?? '';
  return styles.notRun ?? '';
}

/** The model's cell: green when it printed what the real interpreter printed, red when not, amber when it refused. */
function modelClass(model: ClaimRun, real: ClaimRun): string {
  if (model.outcome.refused) return styles.refused ?? '';
  const same = model.outcome.stdout === real.outcome.stdout && model.outcome.exitCode === real.outcome.exitCode;
  return (same ? styles.pass : styles.fail) ?? '';
}

function Claim({ claim }: { claim: ClaimView }): ReactElement {
  const real = claim.runs.filter((run) => run.target.kind !== 'model');
  const model = new Map(claim.runs.filter((run) => run.target.kind === 'model').map((run) => [run.target.name, run]));
  const modelFor = (run: ClaimRun) => (run.target.version && run.target.platform ? model.get(`model:${run.target.version}-${run.target.platform}`) : undefined);
  return (
    <section data-claim={claim.id} data-overall={claim.overall}>
      <h3 id={claim.id}>{claim.claim}</h3>
      <p>
        <span className={`${styles.badge} ${verdictClass(claim.overall)}`}>{OVERALL_TEXT[claim.overall]}</span>{' '}
        <span className={`${styles.badge} ${verdictClass(claim.onCpython)}`} data-side="cpython">
          CPython: {SIDE_TEXT[claim.onCpython]}
        </span>{' '}
        <span className={`${styles.badge} ${verdictClass(claim.onPypy)}`} data-side="pypy" data-verdict={claim.onPypy}>
          PyPy: {SIDE_TEXT[claim.onPypy]}
          {claim.cpythonOnlyApi && claim.onPypy === 'not-applicable' && ` (uses ${claim.cpythonOnlyApi})`}
        </span>{' '}
        <span className={styles.small}>
          {claim.origin === 'tutorial' ? 'from the tutorial' : 'a common claim'} · {claim.topic}
          {claim.related.length > 0 && ' · see '}
          {claim.related.map((related, i) => (
            <span key={related.id}>
              {i > 0 && ', '}
              <Link to={related.href}>{related.id}</Link>
            </span>
          ))}
        </span>
      </p>
      <p>
        <strong>How it is tested:</strong> {claim.reading} The claim, so read, predicts that the program {claim.expectation.includes('\n') ? 'prints exactly:' : claim.expectation.replace(/^prints /, 'prints ')}
      </p>
      {claim.expectation.includes('\n') && <pre className={styles.output}>{claim.expectation.split('\n').slice(1).join('\n').replace(/\n$/, '')}</pre>}
      <CodeBlock language="python">{claim.program}</CodeBlock>
      {real.length === 0 ? (
        <NoResults what="the outputs of this evidence program" command={CLAIMS_COMMAND} />
      ) : (
        <table className={styles.runs}>
          <thead>
            <tr>
              <th>target</th>
              <th>real CPython prints</th>
              <th>verdict</th>
              <th>model prints</th>
            </tr>
          </thead>
          <tbody>
            {real.map((run) => {
              const mirror = modelFor(run);
              return (
                <tr key={run.target.name} data-target={run.target.name} data-verdict={run.verdict}>
                  <td>
                    <code>{run.target.name}</code>
                  </td>
                  <td>
                    <OutcomeBlock outcome={run.outcome} />
                  </td>
                  <td className={verdictClass(run.verdict)}>{run.verdict}</td>
                  <td className={mirror ? modelClass(mirror, run) : styles.notRun}>
                    {mirror ? <OutcomeBlock outcome={mirror.outcome} /> : <span className={styles.small}>no model run recorded</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function ClaimsList({ data }: { data: ClaimsData }): ReactElement {
  const counts = { holds: 0, fails: 0, depends: 0, 'not-run': 0 };
  for (const claim of data.claims) counts[claim.overall] += 1;
  return (
    <>
      {data.generatedAt === null ? (
        <NoResults what="the evidence programs' outputs (results/claims.json)" command={CLAIMS_COMMAND} />
      ) : (
        <p data-testid="claims-summary">
          Evidence run of {data.generatedAt}: of {data.claims.length} claims, {counts.holds} hold everywhere, {counts.fails} fail everywhere and {counts.depends}{' '}
          depend on the interpreter{counts['not-run'] > 0 && `; ${counts['not-run']} not run`}.
        </p>
      )}
      {data.claims.map((claim) => (
        <Claim key={claim.id} claim={claim} />
      ))}
    </>
  );
}
