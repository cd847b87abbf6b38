/**
 * Every construct property `properties/constructs/<construct>.construct.ts`, each exporting
 * `construct` whose name equals the file's (see types.ts).
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyConstructProperty } from './types';

export const CONSTRUCTS_DIR = dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.construct.ts';

export interface RegisteredConstruct {
  readonly file: string;
  readonly construct: AnyConstructProperty;
}

export function listConstructFiles(dir = CONSTRUCTS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(SUFFIX))
    .sort()
    .map((name) => join(dir, name));
}

/** Imports every construct file; a file that exports none, or one named otherwise, is an error naming the file. */
export async function loadConstructs(dir = CONSTRUCTS_DIR): Promise<RegisteredConstruct[]> {
  return Promise.all(
    listConstructFiles(dir).map(async (file) => {
      const module = (await import(pathToFileURL(file).href)) as { construct?: AnyConstructProperty };
      const where = relative(dirname(dirname(dir)), file);
      if (!module.construct) throw new Error(`${where}: exports no \`construct\``);
      const expected = file.slice(dirname(file).length + 1, -SUFFIX.length);
      if (module.construct.construct !== expected) {
        throw new Error(`${where}: construct name ${JSON.stringify(module.construct.construct)} must equal its file name (expected ${JSON.stringify(expected)})`);
      }
      return { file: where, construct: module.construct };
    }),
  );
}
