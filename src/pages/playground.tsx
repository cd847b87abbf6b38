import BrowserOnly from '@docusaurus/BrowserOnly';
import useBaseUrl from '@docusaurus/useBaseUrl';
import Layout from '@theme/Layout';
import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import { warmDefaultInterpreter } from '../playground/interpreters';

// Workers, CodeMirror and the model exist only in the browser: the page's server render is a shell.
const Playground = lazy(() => import('../components/playground/Playground'));

const LOADING = <p>Loading the playground…</p>;

export default function PlaygroundPage(): ReactElement {
  const siteRoot = useBaseUrl('/');
  // The default CPython starts loading while the editor and the model are still on their way.
  useEffect(() => warmDefaultInterpreter(siteRoot), [siteRoot]);
  return (
    <Layout title="Playground" description="Run Python on the objspec model and on real CPython in the browser, side by side">
      <main className="container margin-vert--lg">
        <h1>Playground</h1>
        <p>
          Type a Python program and run it on the model (the TypeScript model of CPython&apos;s object memory, for the profile you choose) and on real
          CPythons compiled to WebAssembly (Pyodide), all in this page. Rows where the outputs differ are marked ≠; the heap picture steps through
          the program as the model sees it. Constructs the model does not support are marked in the editor.
        </p>
        <BrowserOnly fallback={LOADING}>
          {() => (
            <Suspense fallback={LOADING}>
              <Playground />
            </Suspense>
          )}
        </BrowserOnly>
      </main>
    </Layout>
  );
}
