/**
 * The playground's build-time part: the data its page reads (the spec's examples for the menu, the
 * embedded CPythons it offers, the model profiles) and the Pyodide files it loads, copied from
 * node_modules into static/pyodide/<version>/ so that the site serves them itself (no CDN), with
 * the oracle's driver and glue (oracle/native/driver.py + oracle/pyodide/glue.py) beside them,
 * and elkjs's layout worker in static/elk/.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listKnownTargets } from '../../model/profiles';
import { embeddedReleases } from '../../oracle/targets';
import type { PlaygroundData } from '../../src/data/types';
import { ensureSnapshot, SNAPSHOT_FILE } from './pyodide-snapshot';

/** What a browser worker needs of a Pyodide release: its loader (classic script and ES module) and what it fetches. */
export const PYODIDE_FILES = ['pyodide.js', 'pyodide.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;
/** The Emscripten glue: `pyodide.asm.js` up to 0.29, an ES module `pyodide.asm.mjs` from 314 on. */
const ASM_GLUE = ['pyodide.asm.js', 'pyodide.asm.mjs'] as const;
/** The profile and interpreter a new playground starts with (the version the site's pictures use most). */
export const DEFAULT_VERSION = '3.12.7';
/** Served as /pyodide/driver.py: the oracle's own Python side, so the browser prints what the oracle prints. */
export const DRIVER_FILE = 'driver.py';

export const pyodideFolder = (version: string): string => `pyodide/${version}/`;
/** elkjs's layout worker, served as a file for the playground's heap pictures. */
export const ELK_WORKER = 'elk/elk-worker.min.js';

interface CatalogueEntry {
  readonly id: string;
  readonly title: string;
  readonly examples: readonly { readonly title: string; readonly source: string }[];
}

/** `snapshots`: the versions whose start-up snapshot is served (copyPlaygroundAssets). */
export function buildPlaygroundData(catalogue: readonly CatalogueEntry[], snapshots: ReadonlySet<string>): PlaygroundData {
  const versions = embeddedReleases.map((release) => ({
    version: release.version,
    path: pyodideFolder(release.version),
    snapshot: snapshots.has(release.version) ? `${pyodideFolder(release.version)}${SNAPSHOT_FILE}` : null,
    // From 314 on, Pyodide's glue is an ES module (pyodide.asm.mjs) and its loader wants a module worker.
    esModuleLoader: existsSync(join(release.indexURL, 'pyodide.asm.mjs')),
  }));
  if (!versions.some((item) => item.version === DEFAULT_VERSION)) throw new Error(`playground: the default CPython ${DEFAULT_VERSION} is not installed`);
  return {
    defaultVersion: DEFAULT_VERSION,
    defaultProfile: `model:${DEFAULT_VERSION}-wasm32`,
    versions,
    profiles: listKnownTargets(),
    driverPath: `pyodide/${DRIVER_FILE}`,
    elkWorkerPath: ELK_WORKER,
    examples: catalogue.flatMap((entry) => entry.examples.map((example, index) => ({ invariant: entry.id, index, title: `${entry.id}: ${example.title}`, source: example.source }))),
  };
}

/** Copies a file unless the copy is already there with the same size and a newer time (rebuilds stay fast). */
function copyIfChanged(from: string, to: string): boolean {
  if (existsSync(to)) {
    const [source, target] = [statSync(from), statSync(to)];
    if (source.size === target.size && target.mtimeMs >= source.mtimeMs) return false;
  }
  copyFileSync(from, to);
  return true;
}

/**
 * Writes static/pyodide/ (every installed release's files, the driver, the default release's
 * start-up snapshot) and static/elk/; returns how many files were copied and which versions have a snapshot.
 */
export async function copyPlaygroundAssets(root: string): Promise<{ copied: number; snapshots: Set<string> }> {
  mkdirSync(join(root, 'static', 'elk'), { recursive: true });
  let copied = copyIfChanged(join(root, 'node_modules', 'elkjs', 'lib', 'elk-worker.min.js'), join(root, 'static', ELK_WORKER)) ? 1 : 0;
  for (const release of embeddedReleases) {
    const target = join(root, 'static', pyodideFolder(release.version));
    mkdirSync(target, { recursive: true });
    const glue = ASM_GLUE.filter((file) => existsSync(join(release.indexURL, file)));
    if (glue.length === 0) throw new Error(`playground: ${release.packageName} has none of ${ASM_GLUE.join(', ')} (${release.indexURL})`);
    for (const file of [...PYODIDE_FILES, ...glue]) {
      const from = join(release.indexURL, file);
      if (!existsSync(from)) throw new Error(`playground: ${release.packageName} has no ${file} (${from})`);
      if (copyIfChanged(from, join(target, file))) copied++;
    }
  }
  const driver = ['oracle/native/driver.py', 'oracle/pyodide/glue.py'].map((file) => readFileSync(join(root, file), 'utf8')).join('\n\n');
  writeFileSync(join(root, 'static', 'pyodide', DRIVER_FILE), driver);
  // Only the default version: a snapshot costs a full start at build time and 20 MB on the site.
  const snapshots = new Set<string>();
  const release = embeddedReleases.find((item) => item.version === DEFAULT_VERSION);
  if (release && (await ensureSnapshot(release.indexURL, join(root, 'static', pyodideFolder(release.version))))) snapshots.add(release.version);
  return { copied, snapshots };
}
