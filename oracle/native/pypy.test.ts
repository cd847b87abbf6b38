/**
 * PyPy through the batching driver must print what a real `pypy3 FILE.py` run prints, program by
 * program: the driver's PyPy path (driver.py, `_PyPyFileRunner`) reproduces PyPy's own file run.
 * A machine without PyPy still passes; the skipped test then says so by name.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { closeAll, discoverNativeInterpreters, listTargets, runPrograms, timeLimitMessage } from '../index';
import { FIDELITY_PROGRAMS } from '../fidelity-programs';
import { lastLine, runPythonFile } from '../testing/file-run';
import { AFTER_LOOP, BASIC_BATCH, CODING_COOKIE, EMPTY, ERROR_TRAILERS, INTERN_MORTALITY, LOOPS_FOREVER } from '../testing/programs';
import { PYPY_FIDELITY_PROGRAMS } from '../testing/pypy-programs';

const pypys = (await discoverNativeInterpreters()).filter((native) => native.implementation === 'pypy');
afterAll(closeAll);

const COMPARED = [...BASIC_BATCH.filter((program) => program !== LOOPS_FOREVER), ...PYPY_FIDELITY_PROGRAMS, ...FIDELITY_PROGRAMS, ...ERROR_TRAILERS, INTERN_MORTALITY, CODING_COOKIE, EMPTY];

if (pypys.length === 0) {
  test.skip('no PyPy found (pypy3 or pypy3.X on PATH, OBJSPEC_PYTHONS): PyPy runs not tested', () => undefined);
}

describe.each(pypys.map((pypy) => [`pypy:${pypy.version} (PyPy ${pypy.implementationVersion}, ${pypy.command})`, pypy] as const))('%s', (_label, pypy) => {
  const name = `pypy:${pypy.version}`;

  test('is listed as pypy:<language version> with its implementation, versions and platform', async () => {
    const listed = (await listTargets()).find((target) => target.name === name);
    expect(listed).toEqual({ name, implementation: 'pypy', version: pypy.version, implementationVersion: pypy.implementationVersion, platform: pypy.platform, kind: 'native', command: pypy.command });
    expect(pypy.implementationVersion).not.toBe(pypy.version);
  });

  test('the batching driver prints what pypy3 FILE.py prints, program by program', async () => {
    const oracle = await runPrograms(name, COMPARED, { timeLimitMs: 5_000 });
    const truth = COMPARED.map((program) => runPythonFile(pypy.command, program));
    expect(oracle.map((r) => ({ stdout: r.stdout, exit: r.exitCode, last: lastLine(r.stderr) }))).toEqual(
      truth.map((t) => ({ stdout: t.stdout, exit: t.status, last: lastLine(t.stderr) })),
    );
  });

  test('what a program leaves for the collector never shows in the next program', async () => {
    const leaves = "class A:\n    def __del__(self):\n        print('late finalizer')\ncycle = A()\ncycle.me = cycle\n";
    const next = "import gc\ngc.collect()\nprint('next')\n";
    const [first, second] = await runPrograms(name, [leaves, next]);
    expect([first?.stdout, second?.stdout]).toEqual([runPythonFile(pypy.command, leaves).stdout, 'next\n']);
  });

  test('fresh mode (one pypy3 FILE.py per program) agrees with the driver', async () => {
    const programs = [...PYPY_FIDELITY_PROGRAMS.slice(0, 4), BASIC_BATCH[1] as string];
    const fresh = await runPrograms(name, programs, { fresh: true });
    const batched = await runPrograms(name, programs);
    expect(fresh.map((r) => [r.stdout, r.stderr, r.exitCode, r.error])).toEqual(batched.map((r) => [r.stdout, r.stderr, r.exitCode, r.error]));
  });

  test('a program that loops forever is stopped and the next one still runs', async () => {
    const [loop, after] = await runPrograms(name, [LOOPS_FOREVER, AFTER_LOOP], { timeLimitMs: 500 });
    expect(loop).toMatchObject({ exitCode: 124, stderr: `${timeLimitMessage(500)}\n` });
    expect(after).toMatchObject({ stdout: 'after the loop\n', exitCode: 0 });
  });
});
