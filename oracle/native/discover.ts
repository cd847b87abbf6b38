/**
 * Finds native interpreters: `OBJSPEC_PYTHONS` (paths or commands, separated by the path delimiter
 * or commas), `python3.X`, `pypy3` and `pypy3.X` on PATH, and pyenv's versions. Each candidate is
 * run once to learn its implementation (CPython or PyPy), exact language version and platform;
 * those that fail (pyenv shims of inactive versions, Python 2), are older than 3.8 (the driver's
 * floor) or are another implementation are left out. Same executable found twice: kept once.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The implementations the driver knows how to run as `python FILE.py` (`sys.implementation.name`). */
export type Implementation = 'cpython' | 'pypy';

export interface NativeInterpreter {
  /** What to run: the interpreter's own `sys.executable`, an absolute path. */
  readonly command: string;
  readonly implementation: Implementation;
  /** The Python language version (`sys.version_info`), e.g. 3.9.16 for PyPy 7.3.11. */
  readonly version: string;
  /** The implementation's own release (`sys.implementation.version`): 7.3.11 for PyPy; equals `version` on CPython. */
  readonly implementationVersion: string;
  /** `os.uname().machine`, e.g. x86_64. */
  readonly platform: string;
}

const MIN_MINOR = 8;
const MAX_MINOR = 20;
const PROBE =
  'import json, os, sys; print(json.dumps([sys.implementation.name, list(sys.version_info[:3]), sys.executable, os.uname().machine, list(sys.implementation.version[:3])]))';
const IMPLEMENTATIONS: readonly string[] = ['cpython', 'pypy'] satisfies readonly Implementation[];

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
  const names = ['pypy3'];
  for (let minor = MIN_MINOR; minor <= MAX_MINOR; minor++) names.push(`python3.${minor}`, `pypy3.${minor}`);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
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

/** Runs `command` once; null if it is not a CPython or PyPy of language version >= 3.8 that answers within 10 s. */
export async function probeInterpreter(command: string): Promise<NativeInterpreter | null> {
  try {
    const { stdout } = await run(command, ['-c', PROBE], { timeout: 10_000, encoding: 'utf8' });
    const [implementation, [major, minor, micro], executable, machine, own] = JSON.parse(stdout) as [string, [number, number, number], string, string, number[]];
    if (!IMPLEMENTATIONS.includes(implementation) || major !== 3 || minor < MIN_MINOR) return null;
    const version = `${major}.${minor}.${micro}`;
    return {
      command: executable || command,
      implementation: implementation as Implementation,
      version,
      implementationVersion: implementation === 'cpython' ? version : own.join('.'),
      platform: machine,
    };
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
