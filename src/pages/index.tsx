import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import type { ReactElement } from 'react';

export default function Home(): ReactElement {
  return (
    <Layout title="objspec" description="CPython's object identity model, checked against real interpreters">
      <main className="container margin-vert--xl">
        <h1>objspec</h1>
        <p>
          An executable specification of CPython&apos;s object identity model: when <code>a is b</code>, what{' '}
          <code>id()</code> and <code>sys.getrefcount</code> report, which objects are cached, interned or immortal.
        </p>
        <p>
          Every invariant is checked by property-based tests against a TypeScript model and against real CPython
          interpreters (3.11 to 3.14), and every output shown here was produced by running it.
        </p>
        <p>
          <Link to="/docs/spec">The catalogue</Link> · <Link to="/docs/guide">Getting started</Link> ·{' '}
          <Link to="/docs/api">API reference</Link>
        </p>
      </main>
    </Layout>
  );
}
