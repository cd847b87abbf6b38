/**
 * The counterpart of native-agreement.test.ts for the wasm32 profiles: every program of
 * `programs/module` runs on each Pyodide build (through the oracle, as `python FILE.py` runs it)
 * and on the model profile of the same release; wherever the model answers, stdout, exit code and
 * the last stderr line must match. Expectations come from the real builds, never typed here.
 *
 * The oracle runs the programs one after another in one interpreter per build (a fresh one per
 * program would take minutes): free lists, the intern table and the gc counts carry over. The
 * wasm32 profiles already allow for full free lists at the start (Pyodide imports ~180 modules
 * and starts with them nearly full); `id-reuse-*` programs also run on a fresh interpreter each.
 * Importing the oracle is for this test only: the model itself never asks a real interpreter.
 *
 * The last stderr line of an uncaught exception is what CPython's own hook prints
 * (`sys.__excepthook__`, C `PyErr_Display`, as `python FILE.py` ends), so a program that fails
 * runs a second time with that hook printing its error. The oracle reports
 * `traceback.format_exception_only`, and Pyodide replaces `sys.excepthook` with a traceback.py
 * printer; on 3.11/3.12 both leave out "Did you mean" trailers that the C code prints (measured:
 * `'Base' object has no attribute 'aa'. Did you mean: 'ab'?` for an unset slot, native 3.12.1).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, embeddedReleases, runPrograms } from '../../../oracle';
import { runModel } from './run';

const ROOT = join(import.meta.dirname, 'programs', 'module');
const PROGRAMS = readdirSync(ROOT)
  .filter((f) => f.endsWith('.py'))
  .sort()
  .map((f) => ({ name: f, source: readFileSync(join(ROOT, f), 'utf8') }));
/** Programs about address reuse: also run each on a fresh interpreter, as a file run starts. */
const FRESH = PROGRAMS.filter((p) => p.name.startsWith('id-reuse') || p.name.includes('free-list'));

const RELEASES = embeddedReleases;

afterAll(closeAll);

/** The program run through `exec`, its uncaught exception printed by `sys.__excepthook__`. */
function underExcepthook(name: string, source: string): string {
  const hex = Buffer.from(source, 'utf8').toString('hex');
  return `import sys as _objspec_sys
_objspec_code = compile(bytes.fromhex('${hex}').decode('utf-8'), ${JSON.stringify(name)}, 'exec')
try:
    exec(_objspec_code, {'__name__': '__main__', '__builtins__': __builtins__})
except BaseException as _objspec_error:
    _objspec_sys.__excepthook__(type(_objspec_error), _objspec_error, _objspec_error.__traceback__)
`;
}

const lastLineOf = (text: string): string => text.trim().split('\n').pop() ?? '';

async function compare(version: string, programs: typeof PROGRAMS, fresh: boolean) {
  const real = await runPrograms(
    `cpython:${version}`,
    programs.map((p) => ({ source: p.source, filename: p.name })),
    { fresh, timeLimitMs: 30_000 },
  );
  const failed = programs.flatMap((p, i) => (real[i]?.exitCode === 1 ? [{ index: i, ...p }] : []));
  const hooked = await runPrograms(
    `cpython:${version}`,
    failed.map((p) => ({ source: underExcepthook(p.name, p.source), filename: p.name })),
    { fresh, timeLimitMs: 30_000 },
  );
  const printedLastLine = new Map(failed.map((p, i) => [p.index, lastLineOf(hooked[i]?.stderr ?? '')]));
  const disagreements: string[] = [];
  let answered = 0;
  programs.forEach(({ name, source }, i) => {
    const model = runModel(source, `${version}-wasm32`, { mode: 'module', filename: name });
    if (model.exitCode === 2) {
      expect(model.stderr, `${name} on ${version}: a refusal says why`).toMatch(/^unsupported: /);
      return;
    }
    answered++;
    const r = real[i];
    if (!r) throw new Error(`no result for ${name}`);
    const lastLine = printedLastLine.get(i) ?? lastLineOf(r.stderr);
    const same = model.stdout === r.stdout && model.exitCode === r.exitCode && (model.exitCode === 0 || model.stderr.trim() === lastLine);
    if (!same) {
      disagreements.push(`${name} on ${version}${fresh ? ' (fresh)' : ''}:\nmodel (${model.exitCode}):\n${model.stdout}${model.stderr}\nreal (${r.exitCode}):\n${r.stdout}${lastLine}`);
    }
  });
  return { answered, disagreements };
}

describe('model agrees with the Pyodide builds (wasm32)', () => {
  for (const release of RELEASES) {
    const version = release.version;
    it(`programs on ${version}`, async () => {
      const all = await compare(version, PROGRAMS, false);
      const fresh = await compare(version, FRESH, true);
      const disagreements = [...all.disagreements, ...fresh.disagreements];
      expect(disagreements, disagreements.join('\n\n')).toEqual([]);
      expect(all.answered / PROGRAMS.length, `the model answered ${all.answered} of ${PROGRAMS.length} programs`).toBeGreaterThan(0.7);
    });
  }
});
