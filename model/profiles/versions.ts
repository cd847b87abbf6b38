/**
 * CPython release numbers and platforms the profiles know, and version arithmetic.
 *
 * Release list: the last patch of each minor is the newest `Misc/NEWS.d/3.X.Y.rst` file in the
 * python/cpython repository index (looked up November 2026); patch numbers are contiguous from .0.
 */

export type Platform = 'x86_64' | 'wasm32';
export const PLATFORMS: readonly Platform[] = ['x86_64', 'wasm32'];

/** A CPython version as `[major, minor, patch]`. */
export type Version = readonly [number, number, number];

const VERSION_PATTERN = /^(\d+)\.(\d+)\.(\d+)$/;

/** Last released patch of each minor (CPython's `Misc/NEWS.d/<version>.rst`). */
export const LAST_PATCH: ReadonlyMap<string, number> = new Map([
  ['3.8', 20],
  ['3.9', 25],
  ['3.10', 22],
  ['3.11', 17],
  ['3.12', 15],
  ['3.13', 16],
  ['3.14', 8],
]);

/**
 * Minors each platform has profiles for. wasm32 means Pyodide's builds; the ones installed here
 * run CPython 3.11 to 3.14, so older wasm32 facts could not be measured and are not offered.
 */
export const PLATFORM_MINORS: Readonly<Record<Platform, readonly string[]>> = {
  x86_64: ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14'],
  wasm32: ['3.11', '3.12', '3.13', '3.14'],
};

/** Pointer width of each platform, in bytes. */
export const POINTER_BYTES: Readonly<Record<Platform, 4 | 8>> = { x86_64: 8, wasm32: 4 };

/** The real interpreters on this machine that the facts were measured on (and the probes run on). */
export interface RealInterpreter {
  readonly label: string;
  readonly version: Version;
  readonly platform: Platform;
}

function real(version: string, platform: Platform, via: string): RealInterpreter {
  return { label: `${via} ${version} (${platform})`, version: parseVersion(version), platform };
}

export const REAL_INTERPRETERS: readonly RealInterpreter[] = [
  real('3.8.18', 'x86_64', 'pyenv'),
  real('3.9.18', 'x86_64', 'pyenv'),
  real('3.10.13', 'x86_64', 'pyenv'),
  real('3.11.7', 'x86_64', 'pyenv'),
  real('3.12.1', 'x86_64', 'pyenv'),
  real('3.13.0', 'x86_64', 'pyenv'),
  real('3.11.3', 'wasm32', 'pyodide-0.25'),
  real('3.12.1', 'wasm32', 'pyodide-0.26'),
  real('3.12.7', 'wasm32', 'pyodide-0.27'),
  real('3.13.2', 'wasm32', 'pyodide-0.29'),
  real('3.14.2', 'wasm32', 'pyodide-314'),
];

/** Parses `3.12.7`; throws on anything else (callers that take user input check first). */
export function parseVersion(text: string): Version {
  const match = VERSION_PATTERN.exec(text);
  if (!match) throw new Error(`not a version: '${text}' (expected <major>.<minor>.<patch>)`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function isVersionText(text: string): boolean {
  return VERSION_PATTERN.test(text);
}

export function formatVersion(version: Version): string {
  return version.join('.');
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** `since <= version < until` (until null: open-ended). */
export function versionInRange(version: Version, since: Version, until: Version | null): boolean {
  return compareVersions(version, since) >= 0 && (until === null || compareVersions(version, until) < 0);
}

/** Every known release for a platform, oldest first. */
export function knownVersions(platform: Platform): Version[] {
  const versions: Version[] = [];
  for (const minorText of PLATFORM_MINORS[platform]) {
    const [major, minor] = minorText.split('.').map(Number) as [number, number];
    const last = LAST_PATCH.get(minorText) ?? -1;
    for (let patch = 0; patch <= last; patch++) versions.push([major, minor, patch]);
  }
  return versions;
}

export function isKnownVersion(version: Version, platform: Platform): boolean {
  const minorText = `${version[0]}.${version[1]}`;
  const last = LAST_PATCH.get(minorText);
  return last !== undefined && PLATFORM_MINORS[platform].includes(minorText) && version[2] >= 0 && version[2] <= last;
}

/** Compact description, e.g. `x86_64: 3.8.0-3.8.20, ...; wasm32: 3.11.0-3.11.17, ...`. */
export function describeKnownVersions(): string {
  return PLATFORMS.map(
    (platform) =>
      `${platform}: ${PLATFORM_MINORS[platform].map((minor) => `${minor}.0-${minor}.${LAST_PATCH.get(minor) ?? '?'}`).join(', ')}`,
  ).join('; ');
}
