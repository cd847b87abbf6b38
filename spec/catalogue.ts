/**
 * Loads the whole catalogue: every `spec/<family>/<id>.ts` file, each exporting `entry`.
 * Adding an invariant means adding one file here; nothing else lists them.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SpecEntry } from './schema';
import { validateCatalogue } from './validate';

export const SPEC_DIR = dirname(fileURLToPath(import.meta.url));

/** The entry files: one level of family folders, `.ts` files that are not tests. */
export function listEntryFiles(dir = SPEC_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .flatMap((family) =>
      readdirSync(join(dir, family))
        .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
        .sort()
        .map((name) => join(dir, family, name)),
    );
}

/** Imports and validates every entry; ids must match their file names (`<family>/<rest>.ts` ↔ `family.rest`). */
export async function loadCatalogue(dir = SPEC_DIR): Promise<SpecEntry[]> {
  const raw = await Promise.all(
    listEntryFiles(dir).map(async (file) => {
      const module = (await import(pathToFileURL(file).href)) as { entry?: unknown };
      return { file: relative(dirname(dir), file), raw: module.entry };
    }),
  );
  const entries = validateCatalogue(raw);
  for (const [index, entry] of entries.entries()) {
    const file = raw[index]?.file ?? '';
    const expected = file.replace(/^spec\//, '').replace(/\.ts$/, '').replace('/', '.');
    if (entry.id !== expected) {
      throw new Error(`${file}: spec entry ${entry.id}: field id: must match the file name (expected ${expected})`);
    }
  }
  return entries;
}
