/** Version arithmetic for the catalogue's `holds` ranges: `3.12` means 3.12.0, ranges are half-open. */
import type { SpecEntry, Platform } from './schema';

export type VersionTuple = readonly [number, number, number];

export function parseVersion(text: string): VersionTuple {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a version: ${JSON.stringify(text)} (expected 3.X or 3.X.Y)`);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The `holds` row of an entry that covers this version and platform, if any. */
export function holdingRange(entry: SpecEntry, version: string, platform: Platform): SpecEntry['holds'][number] | undefined {
  return entry.holds.find((range) => inRange(range, version, platform));
}

export function holdsOn(entry: SpecEntry, version: string, platform: Platform): boolean {
  return holdingRange(entry, version, platform) !== undefined;
}

function inRange(range: SpecEntry['holds'][number], version: string, platform: Platform): boolean {
  return (
    range.platforms.includes(platform) &&
    compareVersions(version, range.since) >= 0 &&
    (range.until === null || compareVersions(version, range.until) < 0)
  );
}

/** The regime (named behaviour) of an entry on a target; throws if the entry has none there. */
export function regimeOn(entry: SpecEntry, version: string, platform: Platform): string {
  const matches = (entry.regimes ?? []).filter((regime) => regime.ranges.some((range) => inRange(range, version, platform)));
  if (matches.length !== 1) {
    throw new Error(`spec entry ${entry.id}: ${matches.length === 0 ? 'no regime' : 'several regimes'} for ${version} on ${platform}`);
  }
  return (matches[0] as NonNullable<SpecEntry['regimes']>[number]).id;
}
