/**
 * Native interpreters found on this machine run the same programs as the embedded ones, through
 * the batching driver, and must print what a real `python FILE.py` run of each program prints.
 * A machine without any still passes; the skipped test then says so by name.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { closeAll, discoverNativeInterpreters, runPrograms, timeLimitMessage } from '../index';
import { FIDELITY_PROGRAMS } from '../fidelity-programs';
import { lastLine, runPythonFile } from '../testing/file-run';
import { AFTER_LOOP, BASIC_BATCH, CODING_COOKIE, EMPTY, ERROR_TRAILERS, EXEC_COMPILE_REFCOUNT, INTERN_MORTALITY, LOOPS_FOREVER } from '../testing/programs';
import { condenseTraceback } from './traceback';

/** PyPy has its own test (pypy.test.ts): these programs measure CPython's reference counts. */
const natives = (await discoverNativeInterpreters()).filter((native) => native.implementation === 'cpython');
afterAll(closeAll);

const TIME_LIMIT_MS = 1_000;
/** Programs with a deterministic output under `python FILE.py` (everything but the endless loop). */
const COMPARED = [...BASIC_BATCH.filter((program) => program !== LOOPS_FOREVER), ...FIDELITY_PROGRAMS, ...ERROR_TRAILERS, EXEC_COMPILE_REFCOUNT, INTERN_MORTALITY, CODING_COOKIE, EMPTY];

if (natives.length === 0) {
  test.skip('no native CPython found (OBJSPEC_PYTHONS, python3.X on PATH, pyenv versions): native runs not tested', () => undefined);
}

describe.each(natives.map((native) => [`native:${native.command} (CPython ${native.version}, ${native.platform})`, native] as const))('%s', (target, native) => {
  const name = `native:${native.command}`;

  test('the batching driver prints what python FILE.py prints, program by program', async () => {
    const oracle = await runPrograms(name, COMPARED, { timeLimitMs: TIME_LIMIT_MS });
    const truth = COMPARED.map((program) => runPythonFile(native.command, program));
    expect(oracle.map((r) => ({ stdout: r.stdout, exit: r.exitCode, last: lastLine(r.stderr) }))).toEqual(
      truth.map((t) => ({ stdout: t.stdout, exit: t.status, last: lastLine(t.stderr) })),
    );
  });

  test('fresh mode (one python FILE.py per program) agrees with the driver', async () => {
    const programs = [...FIDELITY_PROGRAMS, BASIC_BATCH[1]!];
    const fresh = await runPrograms(name, programs, { fresh: true });
    const batched = await runPrograms(name, programs);
    expect(fresh.map((r) => [r.stdout, r.stderr, r.exitCode, r.error])).toEqual(batched.map((r) => [r.stdout, r.stderr, r.exitCode, r.error]));
  });

  test('a program that loops forever is stopped and the next one still runs', async () => {
    const [loop, after] = await runPrograms(name, [LOOPS_FOREVER, AFTER_LOOP], { timeLimitMs: 300 });
    expect(loop).toMatchObject({ exitCode: 124, stderr: `${timeLimitMessage(300)}\n` });
    expect(after).toMatchObject({ stdout: 'after the loop\n', exitCode: 0 });
  });

  void target;
});

describe('condenseTraceback (stderr of python FILE.py -> oracle form)', () => {
  test('keeps the program text and the exception line of a chained traceback', () => {
    const stderr = [
      'note\n',
      'Traceback (most recent call last):\n',
      '  File "/tmp/x/main.py", line 2, in <module>\n',
      'KeyError: 1\n',
      '\n',
      'During handling of the above exception, another exception occurred:\n',
      '\n',
      'Traceback (most recent call last):\n',
      '  File "/tmp/x/main.py", line 4, in <module>\n',
      'ValueError: two\n',
    ].join('');
    expect(condenseTraceback(stderr, 1)).toEqual({ stderr: 'note\nValueError: two\n', error: { type: 'ValueError', message: 'two' } });
  });

  test('drops the location lines of a syntax error', () => {
    const stderr = '  File "/tmp/x/main.py", line 1\n    x = (\n        ^\nSyntaxError: \'(\' was never closed\n';
    expect(condenseTraceback(stderr, 1)).toEqual({ stderr: "SyntaxError: '(' was never closed\n", error: { type: 'SyntaxError', message: "'(' was never closed" } });
  });
});
