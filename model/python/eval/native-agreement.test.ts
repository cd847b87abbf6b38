/**
 * The model against the real interpreters: every program of `programs/` runs on each native
 * CPython found on this machine and on the model profile of the same release; wherever the
 * model answers (does not refuse), stdout, exit code and the last stderr line must match.
 * The model must also answer most runs: refusing everything would pass the first check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { interpreterEnvironment } from '../../../oracle/native/environment';
import { describe, expect, it } from 'vitest';
import { runModel } from './run';

const NATIVE = ['3.8.18', '3.9.18', '3.10.13', '3.11.7', '3.12.1', '3.13.0']
  .map((v) => ({ version: v, python: `/root/.pyenv/versions/${v}/bin/python` }))
  .filter((n) => existsSync(n.python));

const ROOT = join(import.meta.dirname, 'programs');

function programs(mode: 'module' | 'repl'): { name: string; source: string }[] {
  const dir = join(ROOT, mode);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((f) => ({ name: f, source: readFileSync(join(dir, f), 'utf8') }));
}

function runReal(python: string, mode: 'module' | 'repl', name: string, source: string) {
  const args = mode === 'repl' ? ['-W', 'ignore', '-i', '-q'] : ['-W', 'ignore', join(ROOT, mode, name)];
  const r = spawnSync(python, args, { env: interpreterEnvironment(), input: mode === 'repl' ? source : '', encoding: 'utf8', timeout: 20_000 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, lastErrLine: r.stderr.trim().split('\n').pop() ?? '', exitCode: r.status ?? -1 };
}

describe.skipIf(NATIVE.length === 0)('model agrees with native CPython', () => {
  for (const mode of ['module', 'repl'] as const) {
    it(`${mode} programs`, () => {
      let answered = 0;
      let total = 0;
      const disagreements: string[] = [];
      for (const { version, python } of NATIVE) {
        for (const { name, source } of programs(mode)) {
          total++;
          const model = runModel(source, `${version}-x86_64`, { mode, filename: name });
          if (model.exitCode === 2) {
            expect(model.stderr, `${name} on ${version}: a refusal says why`).toMatch(/^unsupported: /);
            continue;
          }
          answered++;
          const real = runReal(python, mode, name, source);
          const lastLine = mode === 'repl' ? '' : real.lastErrLine;
          const same =
            model.stdout === real.stdout &&
            model.exitCode === real.exitCode &&
            (model.exitCode === 0 || model.stderr.trim() === lastLine);
          if (!same) {
            disagreements.push(`${name} on ${version}:\nmodel (${model.exitCode}):\n${model.stdout}${model.stderr}\nreal (${real.exitCode}):\n${real.stdout}${lastLine}`);
          }
        }
      }
      expect(disagreements, disagreements.join('\n\n')).toEqual([]);
      expect(answered / total, `the model answered ${answered} of ${total} runs`).toBeGreaterThan(0.8);
    });
  }
});
