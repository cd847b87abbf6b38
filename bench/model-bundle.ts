/**
 * The model as the bench runs it: `model/index.ts` bundled by esbuild (the compiler tsx itself
 * uses) into results/ on every bench run, never committed. Why: tsx compiles each file with
 * `keepNames`, which wraps every function and closure made at run time in `__name(...)`
 * (an `Object.defineProperty` call); the model makes many closures per run, and those calls
 * cost more than running a small program. The bundle is the same source without that wrapper;
 * the tests keep running the source itself.
 */
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type * as Model from '../model';

type ModelApi = typeof Model;

const entry = fileURLToPath(new URL('../model/index.ts', import.meta.url));
// Inside the repository, so that the packages it leaves out (external) resolve from node_modules.
const outDir = fileURLToPath(new URL('../results/', import.meta.url));

/** Bundles the model now (every run, so a stale bundle is never measured) and loads it. */
export async function loadBundledModel(): Promise<ModelApi> {
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}model-bundle.mjs`;
  buildSync({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', packages: 'external', keepNames: false, logLevel: 'warning' });
  // The query makes a second bundle in the same process a new module, not the cached first one.
  return (await import(`${pathToFileURL(outfile).href}?built=${Date.now()}`)) as ModelApi;
}
