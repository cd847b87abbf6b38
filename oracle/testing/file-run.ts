/**
 * Test helper: the ground truth itself, `python FILE.py` on a native interpreter, written
 * independently of the oracle's runners so that tests compare the oracle against it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interpreterEnvironment } from '../native/environment';

export interface FileRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

export function runPythonFile(command: string, source: string): FileRun {
  const dir = mkdtempSync(join(tmpdir(), 'objspec-truth-'));
  try {
    const file = join(dir, 'main.py');
    writeFileSync(file, source);
    const run = spawnSync(command, [file], { cwd: dir, env: interpreterEnvironment(), encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
    return { stdout: run.stdout, stderr: run.stderr, status: run.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The last line of a traceback (`ValueError: bad`), what the oracle reports on stderr. */
export function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}
