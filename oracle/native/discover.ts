/**
 * Finds native CPythons: `OBJSPEC_PYTHONS` (paths or commands, separated by the path delimiter
 * or commas), `python3.X` on PATH, and pyenv's versions. Each candidate is run once to learn its
 * exact version and platform; those that fail (pyenv shims of inactive versions, Python 2) or
 * are older than 3.8 (the driver's floor) are left out. Same executable found twice: kept once.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface NativeInterpreter {
  /** What to run: the interpreter's own `sys.executable`, an absolute path. */
  readonly command: string;
  readonly version: string;
  /** `os.uname().machine`, e.g. x86_64. */
  readonly platform: string;
}

const MIN_MINOR = 8;
const MAX_MINOR = 20;
const PROBE = 'import json, os, sys; print(json.dumps([sys.implementation.name, list(sys.version_info[:3]), sys.executable, os.uname().machine]))';

function fromEnvironment(): string[] {
  const value = process.env.OBJSPEC_PYTHONS ?? '';
  return value
    .split(new RegExp(`[,${delimiter === ';' ? ';' : ':'}]`))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function fromPath(): string[] {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  const found: string[] = [];
  for (let minor = MIN_MINOR; minor <= MAX_MINOR; minor++) {
    for (const dir of dirs) {
      const candidate = join(dir, `python3.${minor}`);
      if (existsSync(candidate)) found.push(candidate);
    }
  }
  return found;
}

function fromPyenv(): string[] {
  const root = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const versions = join(root, 'versions');
  if (!existsSync(versions)) return [];
  return readdirSync(versions)
    .map((version) => join(versions, version, 'bin', 'python'))
    .filter((candidate) => existsSync(candidate));
}

/** Runs `command` once; null if it is not a CPython >= 3.8 that answers within 10 s. */
export async function probeInterpreter(command: string): Promise<NativeInterpreter | null> {
  try {
    const { stdout } = await run(command, ['-c', PROBE], { timeout: 10_000, encoding: 'utf8' });
    const [implementation, [major, minor, micro], executable, machine] = JSON.parse(stdout) as [string, [number, number, number], string, string];
    if (implementation !== 'cpython' || major !== 3 || minor < MIN_MINOR) return null;
    return { command: executable || command, version: `${major}.${minor}.${micro}`, platform: machine };
  } catch {
    return null;
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

let discovery: Promise<NativeInterpreter[]> | undefined;

/** The native interpreters of this machine, found once per process, sorted by version. */
export function discoverNativeInterpreters(): Promise<NativeInterpreter[]> {
  discovery ??= (async () => {
    const candidates = [...new Set([...fromEnvironment(), ...fromPath(), ...fromPyenv()])];
    const probed = await Promise.all(candidates.map(probeInterpreter));
    const seen = new Set<string>();
    const found: NativeInterpreter[] = [];
    for (const interpreter of probed) {
      if (!interpreter) continue;
      const key = realpathOrSelf(interpreter.command);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(interpreter);
    }
    return found.sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
  })();
  return discovery;
}
