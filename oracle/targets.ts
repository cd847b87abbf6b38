/**
 * Which CPythons the oracle can run, and how target names map to them.
 * Embedded: Pyodide releases installed side by side under npm aliases (package.json).
 * Native: interpreters found by oracle/native/discover.ts.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { TargetInfo } from './types';
import { OracleInputError } from './errors';
import type { NativeInterpreter } from './native/discover';
import { discoverNativeInterpreters, probeInterpreter } from './native/discover';

export interface EmbeddedRelease {
  /** `cpython:3.12.7` */
  readonly target: string;
  /** npm alias in package.json. */
  readonly packageName: string;
  /** The CPython version the release embeds; checked against `sys.version_info` at start. */
  readonly version: string;
  /** Folder of the package: Pyodide's `indexURL`. */
  readonly indexURL: string;
}

/**
 * Pyodide release -> CPython version it embeds (each worker checks it at start-up).
 * 3.12.1 and 3.12.7 are both kept: they differ in whether `sys.intern` makes strings immortal.
 */
const EMBEDDED: readonly { readonly packageName: string; readonly version: string }[] = [
  { packageName: 'pyodide-0-25', version: '3.11.3' },
  { packageName: 'pyodide-0-26', version: '3.12.1' },
  { packageName: 'pyodide-0-27', version: '3.12.7' },
  { packageName: 'pyodide-0-29', version: '3.13.2' },
  { packageName: 'pyodide-314', version: '3.14.2' },
];

const require = createRequire(import.meta.url);

function packageFolder(packageName: string): string | null {
  try {
    return dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    return null;
  }
}

/** The embedded releases that are installed, oldest first. */
export const embeddedReleases: readonly EmbeddedRelease[] = EMBEDDED.flatMap(({ packageName, version }) => {
  const folder = packageFolder(packageName);
  return folder === null ? [] : [{ target: `cpython:${version}`, packageName, version, indexURL: `${folder}/` }];
});

export function embeddedTargetInfo(release: EmbeddedRelease): TargetInfo {
  return { name: release.target, implementation: 'cpython', version: release.version, implementationVersion: release.version, platform: 'wasm32', kind: 'embedded' };
}

/** The listed name: `native:<path>` for a CPython, `pypy:<language version>` for a PyPy. */
export function nativeTargetName(interpreter: NativeInterpreter): string {
  return interpreter.implementation === 'pypy' ? `pypy:${interpreter.version}` : `native:${interpreter.command}`;
}

export function nativeTargetInfo(interpreter: NativeInterpreter): TargetInfo {
  return {
    name: nativeTargetName(interpreter),
    implementation: interpreter.implementation,
    version: interpreter.version,
    implementationVersion: interpreter.implementationVersion,
    platform: interpreter.platform,
    kind: 'native',
    command: interpreter.command,
  };
}

/** Everything available here: embedded releases, then native interpreters found. */
export async function listTargets(): Promise<TargetInfo[]> {
  const natives = await discoverNativeInterpreters();
  return [...embeddedReleases.map(embeddedTargetInfo), ...natives.map(nativeTargetInfo)];
}

export type ResolvedTarget =
  | { readonly kind: 'embedded'; readonly release: EmbeddedRelease }
  | { readonly kind: 'native'; readonly interpreter: NativeInterpreter };

const VERSION = /^\d+\.\d+(\.\d+)?$/;

function newestMatching<T extends { readonly version: string }>(items: readonly T[], version: string): T | undefined {
  const matches = items.filter((item) => item.version === version || item.version.startsWith(`${version}.`));
  return matches.sort((a, b) => compareVersions(b.version, a.version))[0];
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `CPython 3.12.7`, `PyPy 7.3.11 (Python 3.9.16)`. */
export function describeImplementation(target: TargetInfo): string {
  return target.implementation === 'pypy' ? `PyPy ${target.implementationVersion} (Python ${target.version})` : `CPython ${target.version}`;
}

async function unknownTarget(name: string, why: string): Promise<OracleInputError> {
  const known = (await listTargets()).map((target) => `  ${target.name}  (${describeImplementation(target)}, ${target.platform})`);
  return new OracleInputError(`unknown target '${name}': ${why}. Known targets:\n${known.join('\n')}`);
}

/**
 * `cpython:3.12.7` (exact), `cpython:3.12` (newest 3.12 held);
 * `native:<command or path>`, or `native:3.12` / `native:3.12.1` for a discovered CPython;
 * `pypy:3.9.16` / `pypy:3.9` (language version) for a discovered PyPy, or `pypy:<command or path>`.
 */
export async function resolveTarget(name: string): Promise<ResolvedTarget> {
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? name : name.slice(0, colon);
  const rest = colon < 0 ? '' : name.slice(colon + 1);
  if (prefix === 'cpython') {
    if (!VERSION.test(rest)) throw await unknownTarget(name, 'expected cpython:<major>.<minor>[.<patch>]');
    const release = newestMatching(embeddedReleases, rest);
    if (!release) throw await unknownTarget(name, `no embedded CPython ${rest} is installed`);
    return { kind: 'embedded', release };
  }
  if (prefix === 'native') {
    if (rest === '') throw await unknownTarget(name, 'expected native:<command or path> or native:<version>');
    const natives = (await discoverNativeInterpreters()).filter((candidate) => candidate.implementation === 'cpython');
    if (VERSION.test(rest)) {
      const interpreter = newestMatching(natives, rest);
      if (!interpreter) throw await unknownTarget(name, `no native CPython ${rest} was found`);
      return { kind: 'native', interpreter };
    }
    const interpreter = natives.find((candidate) => candidate.command === rest) ?? (await probeInterpreter(rest));
    if (!interpreter || interpreter.implementation !== 'cpython') throw await unknownTarget(name, `'${rest}' does not run as a CPython 3.8 or newer`);
    return { kind: 'native', interpreter };
  }
  if (prefix === 'pypy') {
    if (rest === '') throw await unknownTarget(name, 'expected pypy:<language version> or pypy:<command or path>');
    const pypys = (await discoverNativeInterpreters()).filter((candidate) => candidate.implementation === 'pypy');
    if (VERSION.test(rest)) {
      const interpreter = newestMatching(pypys, rest);
      if (!interpreter) throw await unknownTarget(name, `no PyPy of Python ${rest} was found (pypy3 on PATH, OBJSPEC_PYTHONS)`);
      return { kind: 'native', interpreter };
    }
    const interpreter = pypys.find((candidate) => candidate.command === rest) ?? (await probeInterpreter(rest));
    if (!interpreter || interpreter.implementation !== 'pypy') throw await unknownTarget(name, `'${rest}' does not run as a PyPy of Python 3.8 or newer`);
    return { kind: 'native', interpreter };
  }
  throw await unknownTarget(name, "the oracle knows the prefixes 'cpython:', 'native:' and 'pypy:'");
}
