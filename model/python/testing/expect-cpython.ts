/**
 * Test support: compare the parser with CPython on a list of sources, in one interpreter run.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { parseModule } from '../parse';
import { comparable, cpythonVerdicts } from './cpython-ast';

/** Each source must parse, and to exactly what CPython's `ast` gives (places included). */
export function expectSameAsCPython(python: string, sources: readonly string[]): void {
  const verdicts = cpythonVerdicts(python, sources, true);
  const differences: string[] = [];
  sources.forEach((source, i) => {
    const theirs = verdicts[i]!;
    let ours: unknown;
    try {
      ours = { ok: JSON.parse(JSON.stringify(comparable(parseModule(source), true))) as unknown };
    } catch (e) {
      ours = { error: (e as Error).message };
    }
    if (!isDeepStrictEqual(ours, theirs))
      differences.push(`${JSON.stringify(source)}\n  model:   ${JSON.stringify(ours)}\n  CPython: ${JSON.stringify(theirs)}`);
  });
  expect(differences).toEqual([]);
}

/** CPython's verdicts (error or not) for sources, to check a refusal or a syntax error against. */
export function cpythonRejects(python: string, sources: readonly string[]): boolean[] {
  return cpythonVerdicts(python, sources, false).map((v) => 'error' in v);
}
