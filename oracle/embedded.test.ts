/**
 * Every embedded CPython (Pyodide) runs the same programs; outputs that depend on how a program
 * is run are compared with real `python FILE.py` runs of native interpreters of the same minor
 * version, when this machine has them. One batch per version keeps it to one Pyodide start each.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProgramResult } from './index';
import { closeAll, discoverNativeInterpreters, embeddedReleases, runPrograms, timeLimitMessage } from './index';
import type { NativeInterpreter } from './index';
import { FIDELITY_PROGRAMS } from './fidelity-programs';
import { lastLine, runPythonFile } from './testing/file-run';
import { AFTER_LOOP, BASIC_BATCH, CODING_COOKIE, EMPTY, ERROR_TRAILERS, EXEC_COMPILE_REFCOUNT, EXITS_3, INTERN_MORTALITY, LOOPS_FOREVER, NON_ASCII, RAISES, SYNTAX_ERROR, WRITES_STDERR } from './testing/programs';

const TIME_LIMIT_MS = 1_000;
const BATCH = [...BASIC_BATCH, ...FIDELITY_PROGRAMS, ...ERROR_TRAILERS, EXEC_COMPILE_REFCOUNT, INTERN_MORTALITY, CODING_COOKIE, EMPTY];
const at = (program: string) => BATCH.indexOf(program);

const natives = (await discoverNativeInterpreters()).filter((native) => native.implementation === 'cpython');
const minor = (version: string) => version.split('.').slice(0, 2).join('.');
const nativeFor = (version: string): NativeInterpreter | undefined => natives.find((n) => minor(n.version) === minor(version));

const results = new Map<string, ProgramResult[]>();
beforeAll(async () => {
  const runs = embeddedReleases.map(async (release) => [release.target, await runPrograms(release.target, BATCH, { timeLimitMs: TIME_LIMIT_MS })] as const);
  for (const [target, batch] of await Promise.all(runs)) results.set(target, batch);
});
afterAll(closeAll);

test('all five embedded CPythons are installed', () => {
  expect(embeddedReleases.map((release) => release.target)).toEqual(['cpython:3.11.3', 'cpython:3.12.1', 'cpython:3.12.7', 'cpython:3.13.2', 'cpython:3.14.2']);
});

describe.each(embeddedReleases.map((release) => release.target))('%s', (target) => {
  const result = (program: string): ProgramResult => {
    const found = results.get(target)?.[at(program)];
    if (!found) throw new Error(`no result for program ${at(program)} on ${target}`);
    return found;
  };

  test('prints non-ASCII text as it is', () => {
    expect(result(NON_ASCII)).toMatchObject({ stdout: 'héllo ✓ 日本語 😀\n', stderr: '', exitCode: 0, error: null });
  });

  test('reports an exception: exit 1, type, message, last traceback line, output before it', () => {
    expect(result(RAISES)).toMatchObject({ stdout: 'before\n', stderr: 'ValueError: bad ✗\n', exitCode: 1, error: { type: 'ValueError', message: 'bad ✗' } });
  });

  test('stops a program that loops forever, and the next program still runs', () => {
    const loop = result(LOOPS_FOREVER);
    expect(loop).toMatchObject({ exitCode: 124, stderr: `${timeLimitMessage(TIME_LIMIT_MS)}\n` });
    expect(loop.durationMs).toBeGreaterThanOrEqual(TIME_LIMIT_MS);
    expect(result(AFTER_LOOP)).toMatchObject({ stdout: 'after the loop\n', exitCode: 0 });
  });

  test('reports a syntax error as python FILE.py does: exit 1, SyntaxError line only', () => {
    const syntax = result(SYNTAX_ERROR);
    expect(syntax).toMatchObject({ stdout: '', exitCode: 1, error: { type: 'SyntaxError' } });
    expect(syntax.stderr).toMatch(/^SyntaxError: .+\n$/);
  });

  test('exits with the SystemExit code, and keeps stderr apart from stdout', () => {
    expect(result(EXITS_3)).toMatchObject({ exitCode: 3, stdout: '' });
    expect(result(WRITES_STDERR)).toMatchObject({ stdout: 'to stdout\n', stderr: 'to stderr\n', exitCode: 0 });
  });

  test('runs an empty program and one with a coding cookie', () => {
    expect(result(EMPTY)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(result(CODING_COOKIE)).toMatchObject({ stdout: 'cookie 3\n', exitCode: 0 });
  });

  test('runs programs as a file run does, not as exec(compile()) does', () => {
    // Arena references differ between the two ways (see oracle/README.md): the check can fail.
    expect(result(EXEC_COMPILE_REFCOUNT).stdout).not.toBe(result(FIDELITY_PROGRAMS[0]!).stdout);
  });

  const native = nativeFor(target.slice('cpython:'.length));
  const compare = native ? test : test.skip;
  const title = native
    ? `prints what native ${native.version} prints for \`python FILE.py\` (${native.command})`
    : `no native CPython ${minor(target.slice('cpython:'.length))} found to compare with (OBJSPEC_PYTHONS, python3.X on PATH, pyenv)`;
  compare(title, () => {
    const programs = [...FIDELITY_PROGRAMS, ...ERROR_TRAILERS, EXEC_COMPILE_REFCOUNT, NON_ASCII, RAISES, CODING_COOKIE];
    const oracle = programs.map((program) => ({ stdout: result(program).stdout, last: lastLine(result(program).stderr) }));
    const truth = programs.map((program) => {
      const run = runPythonFile(native!.command, program);
      return { stdout: run.stdout, last: lastLine(run.stderr) };
    });
    expect(oracle).toEqual(truth);
  });
});

describe('sys.intern and immortality: cpython:3.12.1 against cpython:3.12.7', () => {
  test('interning a run-time string, dropping it and interning an equal one prints differently', () => {
    const early = results.get('cpython:3.12.1')![at(INTERN_MORTALITY)]!;
    const late = results.get('cpython:3.12.7')![at(INTERN_MORTALITY)]!;
    expect(early.exitCode).toBe(0);
    expect(late.exitCode).toBe(0);
    expect(early.stdout).not.toBe(late.stdout);
    // The older patch level keeps the first string alive (immortal): the fresh one is not returned.
    const native = natives.find((n) => n.version === '3.12.1');
    if (native) expect(early.stdout).toBe(runPythonFile(native.command, INTERN_MORTALITY).stdout);
    const later13 = results.get('cpython:3.13.2')![at(INTERN_MORTALITY)]!;
    expect(late.stdout).toBe(later13.stdout);
  });
});

describe('fresh-interpreter mode', () => {
  const KEEPS = "import sys\nkept = sys.intern(''.join(['objspec', '-', 'carried', '-', str(99)]))\n";
  const CHECKS = "import sys\nb = ''.join(['objspec', '-', 'carried', '-', str(99)])\nprint(sys.intern(b) is b)\n";

  test('state left by an earlier program shows in a shared interpreter, not in fresh ones', async () => {
    const shared = await runPrograms('cpython:3.12.1', [KEEPS, CHECKS]);
    const fresh = await runPrograms('cpython:3.12.1', [KEEPS, CHECKS], { fresh: true });
    expect(shared[1]!.exitCode).toBe(0);
    expect(fresh[1]!.exitCode).toBe(0);
    expect(shared[1]!.stdout).not.toBe(fresh[1]!.stdout);
    const native = natives.find((n) => n.version === '3.12.1');
    if (native) expect(fresh[1]!.stdout).toBe(runPythonFile(native.command, CHECKS).stdout);
  });
});

test('a program that ignores the interrupt is stopped by restarting its thread; the batch goes on', async () => {
  const stubborn = 'while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass\n';
  const [stopped, next] = await runPrograms('cpython:3.12.7', [stubborn, AFTER_LOOP], { timeLimitMs: 300 });
  expect(stopped).toMatchObject({ exitCode: 124, error: { type: 'TimeLimitExceeded', message: timeLimitMessage(300) } });
  expect(next).toMatchObject({ stdout: 'after the loop\n', exitCode: 0 });
});

test('an unknown target is refused with the list of known ones', async () => {
  await expect(runPrograms('cpython:2.7', ['print(1)'])).rejects.toThrow(/unknown target 'cpython:2.7'[\s\S]*cpython:3\.12\.7/);
});

test('cpython:3.12 means the newest 3.12 held', async () => {
  const [result] = await runPrograms('cpython:3.12', ["import sys\nprint('%d.%d.%d' % sys.version_info[:3])\n"]);
  expect(result!.stdout).toBe(`${embeddedReleases.filter((r) => r.version.startsWith('3.12.')).at(-1)!.version}\n`);
});
