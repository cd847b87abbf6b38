/**
 * Serves the built site (build/) on 127.0.0.1 on a free port, as `docusaurus serve` would.
 * `crossOriginIsolated` adds the COOP/COEP headers that let pages share memory with their workers
 * (SharedArrayBuffer: the playground then stops an endless program through Pyodide's interrupt buffer).
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import handler from 'serve-handler';

export interface ServedSite {
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly crossOriginIsolated?: boolean;
}

const ISOLATION_HEADERS = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
];

export async function serveBuiltSite(buildDir = resolve('build'), options: ServeOptions = {}): Promise<ServedSite> {
  if (!existsSync(resolve(buildDir, 'index.html'))) {
    throw new Error(`the built site is missing: ${buildDir}/index.html not found; run \`npm run build:site\` first`);
  }
  const server: Server = createServer((req, res) => {
    const headers = options.crossOriginIsolated ? [{ source: '**', headers: ISOLATION_HEADERS }] : [];
    void handler(req, res, { public: buildDir, cleanUrls: true, trailingSlash: false, headers });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done, fail) => server.close((err) => (err ? fail(err) : done()))),
  };
}
