import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import type { ReactElement } from 'react';
import home from '@site/src/generated/home.json';
import StatusMatrix from '../components/StatusMatrix';
import NoResults from '../components/NoResults';
import { PROPERTIES_COMMAND } from '../components/invariant';

function RunFacts(): ReactElement {
  const { run } = home;
  if (run === null) {
    return (
      <NoResults what="property results (results/invariants.json)" command={PROPERTIES_COMMAND}>
        {' '}
        The matrix below shows only where the spec says each invariant does not apply.
      </NoResults>
    );
  }
  return (
    <p data-testid="run-facts">
      Results of <strong>{run.generatedAt}</strong>: base seed <code>{run.seed}</code>
      {run.scale !== 1 && <>, {run.scale}× runs</>}, {run.totalRuns} generated programs over {run.passed + run.failed} layer checks ({run.passed} passed,{' '}
      {run.failed} failed). Replay with <code>OBJSPEC_SEED={run.seed} npm run check</code>.
    </p>
  );
}

export default function Home(): ReactElement {
  return (
    <Layout title="objspec" description="CPython's object identity model, checked against real interpreters">
      <main className="container margin-top--xl">
        <h1>objspec</h1>
        <p>
          objspec is a specification of CPython&apos;s object identity model (when <code>a is b</code> holds, what <code>id()</code> and{' '}
          <code>sys.getrefcount</code> report, which objects are cached, interned or immortal) written as {home.invariantCount} invariants, each
          marked as a language guarantee or a CPython implementation detail and tied to the versions it holds on. Every invariant is checked by
          fast-check properties on three layers: a TypeScript model of CPython&apos;s object memory, real interpreters (embedded Pyodide builds
          and native CPythons), and the agreement of the two. Every output, verdict and number on this site was produced by running those checks;
          nothing was typed by hand.
        </p>
        <p>
          <Link to="/docs/spec">The catalogue</Link> · <Link to="/docs/spec/claims">Claims checked</Link> ·{' '}
          <Link to="/docs/spec/performance">Performance</Link> · <Link to="/docs/guide">Guide</Link> · <Link to="/docs/api">API reference</Link>
        </p>
        <h2>Status</h2>
        <RunFacts />
        <p>
          Rows are invariants, columns the interpreters and model profiles found in the results. A real interpreter&apos;s cell also says
          whether the model profile of the same version and platform printed the same (≡) or not (≠).
        </p>
      </main>
      {/* Full width: the matrix has a column per target. */}
      <div className="margin-horiz--md margin-bottom--xl">
        {home.targets.length === 0 ? <NoResults what="results on any target" command="npm run check" /> : <StatusMatrix data={home} />}
      </div>
    </Layout>
  );
}
