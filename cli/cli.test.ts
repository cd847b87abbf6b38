/**
 * The command line, spawned for real (`node bin/objspec.js ...`): output streams and exit codes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { embeddedReleases } from '../oracle/index';
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

  test('model targets are not plugged in yet', async () => {
    const outcome = await objspec(['run', file('b.py', 'print(1)\n'), '--target', 'model:3.12.7-wasm32']);
    expect(outcome).toMatchObject({ status: 2, stdout: '' });
    expect(outcome.stderr).toContain('model targets are not available yet');
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
  for (const release of embeddedReleases) expect(outcome.stdout).toMatch(new RegExp(`${release.target}\\s*│\\s*${release.version}\\s*│\\s*wasm32`));
});
