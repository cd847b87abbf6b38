/**
 * The command line, spawned for real (`node bin/objspec.js ...`): output streams and exit codes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { discoverNativeInterpreters, embeddedReleases } from '../oracle/index';
import { NON_ASCII, RAISES, SYNTAX_ERROR } from '../oracle/testing/programs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'objspec-cli-'));

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function objspec(args: readonly string[], input = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/objspec.js', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

function file(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

describe.concurrent('objspec run', () => {
  test('prints exactly what the program printed, non-ASCII included; exit 0', async () => {
    expect(await objspec(['run', file('ok.py', NON_ASCII), '--target', 'cpython:3.13'])).toEqual({ status: 0, stdout: 'héllo ✓ 日本語 😀\n', stderr: '' });
  });

  test('an exception: stdout so far, the traceback line on stderr, exit 1', async () => {
    expect(await objspec(['run', file('raises.py', RAISES), '--target', 'cpython:3.12.7'])).toEqual({ status: 1, stdout: 'before\n', stderr: 'ValueError: bad ✗\n' });
  });

  test('a syntax error exits 1, as python FILE.py does', async () => {
    const outcome = await objspec(['run', file('syntax.py', SYNTAX_ERROR), '--target', 'cpython:3.11']);
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toMatch(/^SyntaxError: /);
  });

  test("reads the program from standard input with '-', and exits 124 on the time limit", async () => {
    const outcome = await objspec(['run', '-', '--target', 'cpython:3.14', '--time-limit', '0.5'], "print('started', flush=True)\nwhile True:\n    pass\n");
    expect(outcome).toEqual({ status: 124, stdout: 'started\n', stderr: 'time limit of 0.5 s exceeded\n' });
  });

  test('several targets: a side-by-side table marking the lines that differ', async () => {
    const program = file('versions.py', "import sys\nprint('same line')\nprint(sys.version_info[:2])\n");
    const outcome = await objspec(['run', program, '--target', 'cpython:3.12,cpython:3.13']);
    expect(outcome.status).toBe(0);
    const lines = outcome.stdout.split('\n');
    const row = (text: string) => lines.find((line) => line.includes(text)) ?? '';
    expect(row('cpython:3.12')).toContain('cpython:3.13');
    expect(row('same line')).not.toContain('≠');
    expect(row('(3, 12)')).toContain('≠');
    expect(row('(3, 12)')).toContain('(3, 13)');
  });
});

describe.concurrent('refused input exits 2 with a clear message', () => {
  test('unknown target: lists the known ones', async () => {
    const outcome = await objspec(['run', file('a.py', 'print(1)\n'), '--target', 'cpython:2.7']);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain("unknown target 'cpython:2.7'");
    for (const release of embeddedReleases) expect(outcome.stderr).toContain(release.target);
  });

  test('a model target prints what the model predicts, and agrees with the real interpreter', async () => {
    const program = file('m.py', 'a = [1]\nb = a\nprint(a is b, len(b))\n');
    const model = await objspec(['run', program, '--target', 'model:3.12.7-wasm32']);
    const real = await objspec(['run', program, '--target', 'cpython:3.12.7']);
    expect(model).toMatchObject({ status: 0, stderr: '' });
    expect(model.stdout).toBe(real.stdout);
  });

  test('an unknown model version is refused with the known ones listed', async () => {
    const outcome = await objspec(['run', file('v.py', 'print(1)\n'), '--target', 'model:3.7.1-x86_64']);
    expect(outcome).toMatchObject({ status: 2, stdout: '' });
    expect(outcome.stderr).toMatch(/no CPython 3\.7\.1 profile for x86_64; known targets are .*3\.8\.0-3\.8\.\d+/);
  });

  test('a construct outside the subset is refused with its place, exit 2', async () => {
    const program = file('u.py', 'x = [1, 2]\na, *rest = x\n');
    const outcome = await objspec(['run', program, '--target', 'model:3.13.2-wasm32']);
    expect(outcome).toMatchObject({ status: 2, stdout: '' });
    expect(outcome.stderr).toMatch(/^unsupported: starred expression at .*u\.py:2:4/);
  });

  test('--mode repl compiles each statement on its own; --trace writes JSON lines', async () => {
    const program = file('r.py', 'a = 1000\nb = 1000\nprint(a is b)\n');
    expect((await objspec(['run', program, '--target', 'model:3.12.7-x86_64'])).stdout).toBe('True\n');
    expect((await objspec(['run', program, '--target', 'model:3.12.7-x86_64', '--mode', 'repl'])).stdout).toBe('False\n');
    const traced = await objspec(['run', program, '--target', 'model:3.12.7-x86_64', '--trace', '-']);
    const [printed, ...lines] = traced.stdout.trimEnd().split('\n');
    expect(printed).toBe('True');
    expect(lines).toHaveLength(3);
    const last = JSON.parse(lines[2] as string) as { names: Record<string, number> };
    expect(Object.keys(last.names)).toEqual(expect.arrayContaining(['a', 'b']));
    expect((await objspec(['run', program, '--target', 'cpython:3.12.7', '--trace', '-'])).status).toBe(2);
  });

  test('bad flags, missing file, bad time limit', async () => {
    expect((await objspec(['run', '--no-such-flag'])).status).toBe(2);
    const missing = await objspec(['run', join(dir, 'missing.py'), '--target', 'cpython:3.13']);
    expect(missing).toMatchObject({ status: 2 });
    expect(missing.stderr).toContain('missing.py: cannot read the program (ENOENT)');
    expect((await objspec(['run', file('c.py', 'print(1)\n'), '--target', 'cpython:3.13', '--time-limit', 'soon'])).status).toBe(2);
  });
});

test('objspec targets lists every embedded CPython with its exact version and platform', async () => {
  const outcome = await objspec(['targets']);
  expect(outcome.status).toBe(0);
  for (const release of embeddedReleases) expect(outcome.stdout).toMatch(new RegExp(`${release.target}\\s*│\\s*CPython ${release.version}\\s*│\\s*${release.version}\\s*│\\s*wasm32`));
});

const pypys = (await discoverNativeInterpreters()).filter((interpreter) => interpreter.implementation === 'pypy');
if (pypys.length === 0) test.skip('no PyPy found (pypy3 on PATH, OBJSPEC_PYTHONS): objspec targets listing of PyPy not tested', () => undefined);
for (const pypy of pypys) {
  test(`objspec targets lists PyPy ${pypy.implementationVersion} as pypy:${pypy.version} with implementation, language version and platform`, async () => {
    const outcome = await objspec(['targets']);
    expect(outcome.stdout).toMatch(new RegExp(`pypy:${pypy.version}\\s*│\\s*PyPy ${pypy.implementationVersion} \\(Python ${pypy.version}\\)\\s*│\\s*${pypy.version}\\s*│\\s*${pypy.platform}`));
  });
}
