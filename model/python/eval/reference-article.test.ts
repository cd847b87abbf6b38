/**
 * The done-when of issue #9: every complete program of the tutorial in
 * ../shared/reference/interning-and-object-caching.txt runs on the model, and prints what real
 * CPython prints, on every embedded profile (Pyodide, wasm32: real outputs from the oracle, each
 * program on a fresh interpreter as `python FILE.py` would be) and every native interpreter found
 * here (x86_64, `python FILE.py`). The programs are extracted from the article when the test runs
 * (model/python/testing/article-programs.ts says what counts as a complete program); nothing of
 * the article is copied into this repository, and no expected output is typed here.
 *
 * Compared: stdout and exit code. Programs that print an address (`{id(x):#x}` or `hex(id(x))`)
 * run on the model with `printAddresses` (the model's own numbers) and have every `0x...` masked
 * in both outputs; today that is the object-pool answer of the practice challenges.
 *
 * One kind of refusal is accepted, and only on profiles without immortal objects (before 3.12):
 * `sys.getrefcount` of a cached or singleton object (None, True, small ints, the empty tuple).
 * There CPython reports an ordinary count of references held all over the interpreter, which
 * differs from run to run of the same program (measured: `sys.getrefcount(None)` printed 4106,
 * 4115, 4107 in three runs on 3.8.18; 5508, 5508, 5534 on 3.11.7), so no model can predict it.
 * The test lists those programs; every other program must be answered and agree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { interpreterEnvironment } from '../../../oracle/native/environment';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, embeddedReleases, runPrograms } from '../../../oracle';
import { articlePrograms, type ArticleProgram } from '../testing/article-programs';
import { evalConfigFor, runModel } from './run';

const ARTICLE = resolve(import.meta.dirname, '../../../..', 'shared/reference/interning-and-object-caching.txt');
const NATIVE = ['3.8.18', '3.9.18', '3.10.13', '3.11.7', '3.12.1', '3.13.0']
  .map((version) => ({ version, python: `/root/.pyenv/versions/${version}/bin/python` }))
  .filter((n) => existsSync(n.python));

/** The refusal accepted before 3.12 (see the header). */
const UNPREDICTABLE_COUNT = /^unsupported: sys\.getrefcount of this object at .*shared or pre-existing object/;

interface RealRun {
  readonly stdout: string;
  readonly exitCode: number;
  readonly lastErrLine: string;
}

const printsAddresses = (source: string): boolean => /id\([^()]*\):#x\}|hex\(id\(/.test(source);
const mask = (text: string): string => text.replace(/0x[0-9a-f]+/g, '0x…');

/** Rule 4 of article-programs.ts: a fragment fails with SyntaxError, or NameError for a name it never binds. */
function isFragment(program: ArticleProgram, real: RealRun): boolean {
  if (real.lastErrLine.startsWith('SyntaxError')) return true;
  const name = /^NameError: name '(\w+)' is not defined/.exec(real.lastErrLine)?.[1];
  if (name === undefined) return false;
  const binds = new RegExp(`^\\s*(${name}\\s*=[^=]|(def|class)\\s+${name}\\b|import .*\\b${name}\\b|for\\s+${name}\\b)`, 'm');
  return !binds.test(program.source);
}

function compare(label: string, program: ArticleProgram, target: string, real: RealRun, refused: string[], disagreements: string[]): void {
  const masked = printsAddresses(program.source);
  const model = runModel(program.source, target, { filename: `article-line-${program.line}.py`, printAddresses: masked });
  const where = `article line ${program.line} on ${label}`;
  if (model.exitCode === 2) {
    const immortal = evalConfigFor(target).core.immortalRefcount !== null;
    if (!immortal && UNPREDICTABLE_COUNT.test(model.stderr)) refused.push(where);
    else disagreements.push(`${where}: refused: ${model.stderr.trim()}`);
    return;
  }
  const [ours, theirs] = masked ? [mask(model.stdout), mask(real.stdout)] : [model.stdout, real.stdout];
  const sameError = model.exitCode === 0 || model.stderr.trim() === real.lastErrLine;
  if (ours !== theirs || model.exitCode !== real.exitCode || !sameError) {
    disagreements.push(`${where}:\nmodel (${model.exitCode}):\n${ours}${model.stderr}\nreal (${real.exitCode}):\n${theirs}${real.lastErrLine}`);
  }
}

const text = existsSync(ARTICLE) ? readFileSync(ARTICLE, 'utf8') : null;
if (text === null) console.warn(`reference-article.test.ts: skipped, ${ARTICLE} is absent (the article is not part of this repository)`);

describe.skipIf(text === null)(`the complete programs of ${ARTICLE.split('/').pop()} on the model`, () => {
  const programs = text === null ? [] : articlePrograms(text);
  const fragments = new Set<number>();

  afterAll(async () => {
    await closeAll();
  });

  it('finds the article\'s programs (the extraction rule still matches the text)', () => {
    expect(programs.length).toBeGreaterThanOrEqual(20);
    for (const p of programs) expect(p.source.trim().length).toBeGreaterThan(0);
  });

  describe.skipIf(NATIVE.length === 0)('native CPython (x86_64)', () => {
    it('every program agrees on every native interpreter found', () => {
      const dir = mkdtempSync(join(tmpdir(), 'article-'));
      const refused: string[] = [];
      const disagreements: string[] = [];
      try {
        for (const { version, python } of NATIVE) {
          for (const program of programs) {
            const file = join(dir, `article-line-${program.line}.py`);
            writeFileSync(file, program.source);
            const r = spawnSync(python, ['-W', 'ignore', file], { env: interpreterEnvironment(), encoding: 'utf8', timeout: 20_000 });
            if (r.error) throw r.error;
            const real: RealRun = { stdout: r.stdout, exitCode: r.status ?? -1, lastErrLine: r.stderr.trim().split('\n').pop() ?? '' };
            if (isFragment(program, real)) {
              fragments.add(program.line);
              continue;
            }
            compare(`${version} native`, program, `${version}-x86_64`, real, refused, disagreements);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      if (refused.length > 0) console.info(`counts CPython itself does not fix (refused, see header):\n  ${refused.join('\n  ')}`);
      expect(disagreements, disagreements.join('\n\n')).toEqual([]);
      expect(fragments.size, `fragments dropped: ${[...fragments].join(', ')}`).toBe(0);
    });
  });

  describe.skipIf(embeddedReleases.length === 0)('embedded CPython (Pyodide, wasm32)', () => {
    for (const release of embeddedReleases) {
      it(`every program agrees on ${release.target}`, async () => {
        const results = await runPrograms(
          release.target,
          programs.map((p) => ({ source: p.source, filename: `article-line-${p.line}.py` })),
          { fresh: true, timeLimitMs: 30_000 },
        );
        const refused: string[] = [];
        const disagreements: string[] = [];
        programs.forEach((program, i) => {
          const r = results[i]!;
          const real: RealRun = { stdout: r.stdout, exitCode: r.exitCode, lastErrLine: r.stderr.trim().split('\n').pop() ?? '' };
          if (isFragment(program, real)) return;
          compare(release.target, program, `${release.version}-wasm32`, real, refused, disagreements);
        });
        if (refused.length > 0) console.info(`counts CPython itself does not fix (refused, see header):\n  ${refused.join('\n  ')}`);
        expect(disagreements, disagreements.join('\n\n')).toEqual([]);
      }, 600_000);
    }
  });
});
