/**
 * Every property file `properties/<family>/<id>.prop.ts`, each exporting `property`. The file name
 * mirrors the spec entry's (`spec/<family>/<id>.ts`), so a reader goes from id to property in one step.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyInvariantProperty } from './harness/types';

export const PROPERTIES_DIR = dirname(fileURLToPath(import.meta.url));

export interface RegisteredProperty {
  readonly file: string;
  readonly property: AnyInvariantProperty;
}

export function listPropertyFiles(dir = PROPERTIES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name !== 'harness' && statSync(join(dir, name)).isDirectory())
    .sort()
    .flatMap((family) =>
      readdirSync(join(dir, family))
        .filter((name) => name.endsWith('.prop.ts'))
        .sort()
        .map((name) => join(dir, family, name)),
    );
}

export async function loadProperties(dir = PROPERTIES_DIR): Promise<RegisteredProperty[]> {
  return Promise.all(
    listPropertyFiles(dir).map(async (file) => {
      const module = (await import(pathToFileURL(file).href)) as { property?: AnyInvariantProperty };
      const where = relative(dirname(dir), file);
      if (!module.property) throw new Error(`${where}: exports no \`property\``);
      const expected = where.replace(/^properties\//, '').replace(/\.prop\.ts$/, '').replace('/', '.');
      if (module.property.id !== expected) throw new Error(`${where}: property id ${module.property.id} must match its file name (expected ${expected})`);
      return { file: where, property: module.property };
    }),
  );
}
