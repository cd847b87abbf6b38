/**
 * Version profiles: resolve a target name (`model:3.12.7-wasm32`) to the CPython facts that hold
 * for that release and platform. Facts live as data in facts.ts; this module only looks them up.
 */
import { UnknownTargetError } from '../errors';
import { FACT_ROWS } from './facts';
import { FACT_NAMES, type FactName, type FactRow, type FactValue, validateFactTable } from './schema';
import {
  PLATFORMS,
  POINTER_BYTES,
  type Platform,
  type Version,
  describeKnownVersions,
  formatVersion,
  isKnownVersion,
  knownVersions,
  parseVersion,
  versionInRange,
} from './versions';

export type { FactName, FactRow, FactValue, SourceRef } from './schema';
export { FactTableError, FACT_NAMES, validateFactTable } from './schema';
export type { Platform, Version } from './versions';
export { PLATFORMS, REAL_INTERPRETERS, compareVersions, formatVersion } from './versions';
export { fillMessage } from './messages';

/** The facts that hold for one release on one platform. */
export type Profile = {
  /** Canonical name, e.g. `model:3.12.7-wasm32`. */
  readonly target: string;
  readonly version: Version;
  readonly platform: Platform;
  readonly pointerBytes: 4 | 8;
} & { readonly [K in FactName]: FactValue<K> };

/** Validated once when the module loads: a bad table fails every import, naming the fact. */
const TABLE: readonly FactRow[] = validateFactTable(FACT_ROWS);

const TARGET_PATTERN = /^(?:model:)?(\d+\.\d+\.\d+)-([A-Za-z0-9_]+)$/;

function knownTargetsMessage(): string {
  return `known targets are model:<version>-<platform> with ${describeKnownVersions()}`;
}

function isPlatform(text: string): text is Platform {
  return (PLATFORMS as readonly string[]).includes(text);
}

function rowApplies(row: FactRow, version: Version, platform: Platform): boolean {
  return (
    row.platforms.includes(platform) &&
    versionInRange(version, parseVersion(row.since), row.until === null ? null : parseVersion(row.until))
  );
}

/** Resolves `model:3.12.7-wasm32` or `3.12.7-wasm32`; throws UnknownTargetError listing the known ones. */
export function resolveProfile(target: string): Profile {
  const match = TARGET_PATTERN.exec(target.trim());
  if (!match) {
    throw new UnknownTargetError(
      `unknown target '${target}': expected model:<major>.<minor>.<patch>-<platform>; ${knownTargetsMessage()}`,
    );
  }
  const [, versionText = '', platformText = ''] = match;
  if (!isPlatform(platformText)) {
    throw new UnknownTargetError(
      `unknown target '${target}': no platform '${platformText}' (known: ${PLATFORMS.join(', ')}); ${knownTargetsMessage()}`,
    );
  }
  const version = parseVersion(versionText);
  if (!isKnownVersion(version, platformText)) {
    throw new UnknownTargetError(
      `unknown target '${target}': no CPython ${versionText} profile for ${platformText}; ${knownTargetsMessage()}`,
    );
  }
  return buildProfile(version, platformText);
}

function buildProfile(version: Version, platform: Platform): Profile {
  const facts: Record<string, unknown> = {};
  for (const fact of FACT_NAMES) {
    const row = TABLE.find((candidate) => candidate.fact === fact && rowApplies(candidate, version, platform));
    // validateFactTable proved every known release is covered exactly once.
    if (!row) throw new Error(`fact table has no row for '${fact}' at ${formatVersion(version)} on ${platform}`);
    facts[fact] = row.value;
  }
  return {
    target: `model:${formatVersion(version)}-${platform}`,
    version,
    platform,
    pointerBytes: POINTER_BYTES[platform],
    ...facts,
  } as Profile;
}

/** Every target name that resolves, oldest first per platform. */
export function listKnownTargets(): string[] {
  return PLATFORMS.flatMap((platform) =>
    knownVersions(platform).map((version) => `model:${formatVersion(version)}-${platform}`),
  );
}

/** The rows that gave this profile its values (for the docs), one per fact. */
export function profileFacts(profile: Profile): FactRow[] {
  return FACT_NAMES.map((fact) => {
    const row = TABLE.find((candidate) => candidate.fact === fact && rowApplies(candidate, profile.version, profile.platform));
    if (!row) throw new Error(`fact table has no row for '${fact}' at ${profile.target}`);
    return row;
  });
}

/** All rows of the table, validated (for the site's "where things change" pages). */
export function allFactRows(): readonly FactRow[] {
  return TABLE;
}
