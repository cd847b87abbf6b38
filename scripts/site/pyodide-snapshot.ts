/**
 * A memory snapshot of the default embedded CPython right after start-up, made at build time and
 * served beside its release: a browser worker starts from it several times faster than from a full
 * load (Pyodide's `_makeSnapshot` / `_loadSnapshot`, what the oracle's fresh mode uses in
 * oracle/pyodide/worker.ts). The environment is the browser's default (`HOME` only), so nothing of
 * the build machine's environment reaches the site. Remade only when the release changes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PyodideInstance } from '../../oracle/pyodide/pyodide-api';

export const SNAPSHOT_FILE = 'objspec-snapshot.bin';
const KEY_FILE = 'objspec-snapshot.key';
/** What Pyodide gives a browser page's interpreter when it is given no `env`. */
const BROWSER_ENV = { HOME: '/home/pyodide' };

type LoadForSnapshot = (options: { indexURL: string; env: Record<string, string>; _makeSnapshot: true }) => Promise<PyodideInstance>;

/** Writes `<folder>/objspec-snapshot.bin` for the release in `indexURL` unless it is current; false when the release cannot make one. */
export async function ensureSnapshot(indexURL: string, folder: string): Promise<boolean> {
  const version = (JSON.parse(readFileSync(join(indexURL, 'package.json'), 'utf8')) as { version: string }).version;
  const keyPath = join(folder, KEY_FILE);
  if (existsSync(join(folder, SNAPSHOT_FILE)) && existsSync(keyPath) && readFileSync(keyPath, 'utf8') === version) return true;
  const { loadPyodide } = (await import(pathToFileURL(join(indexURL, 'pyodide.mjs')).href)) as { loadPyodide: LoadForSnapshot };
  const py = await loadPyodide({ indexURL, env: BROWSER_ENV, _makeSnapshot: true });
  if (py.makeMemorySnapshot === undefined) return false;
  writeFileSync(join(folder, SNAPSHOT_FILE), py.makeMemorySnapshot());
  writeFileSync(keyPath, version);
  return true;
}
