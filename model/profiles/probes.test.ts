import { describe, expect, it } from 'vitest';
import { FACT_ROWS } from './facts';
import { FACT_NAMES, type FactRow, listKnownTargets, resolveProfile } from './index';
import { PROBES, expectedProbeOutputs } from './probes';
import { formatVersion, knownVersions, parseVersion, compareVersions } from './versions';

describe('probes', () => {
  it('cover every fact', () => {
    const covered = new Set(PROBES.flatMap((probe) => probe.facts));
    expect(FACT_NAMES.filter((fact) => !covered.has(fact))).toEqual([]);
  });

  it('are ASCII Python with unique names', () => {
    expect(new Set(PROBES.map((probe) => probe.name)).size).toBe(PROBES.length);
    for (const probe of PROBES) expect(/^[\x20-\x7e\n]*$/.test(probe.source)).toBe(true);
  });

  it('state an output for every known target', () => {
    for (const target of listKnownTargets()) {
      for (const [name, output] of expectedProbeOutputs(resolveProfile(target))) {
        expect(output, `${name} on ${target}`).toMatch(/\n$/);
        expect(output).not.toMatch(/undefined|NaN|null/);
      }
    }
  });

  // A change in the table that no probe can see would never be checked against real CPython.
  it('see every change of value between adjacent rows', () => {
    const blind: string[] = [];
    let changes = 0;
    for (const fact of FACT_NAMES) {
      for (const platform of ['x86_64', 'wasm32'] as const) {
        const rows = FACT_ROWS.filter((row: FactRow) => row.fact === fact && row.platforms.includes(platform));
        for (const row of rows) {
          if (row.until === null) continue;
          const next = rows.find((other) => other.since === row.until);
          if (!next || JSON.stringify(next.value) === JSON.stringify(row.value)) continue;
          const at = parseVersion(next.since);
          const before = knownVersions(platform).filter((v) => compareVersions(v, at) < 0).pop();
          if (!before) continue;
          const old = resolveProfile(`${formatVersion(before)}-${platform}`);
          const now = resolveProfile(`${next.since}-${platform}`);
          changes++;
          const seen = PROBES.some((probe) => probe.facts.includes(fact) && probe.expected(old) !== probe.expected(now));
          if (!seen) blind.push(`${fact} at ${next.since} on ${platform}`);
        }
      }
    }
    expect(blind).toEqual([]);
    expect(changes).toBeGreaterThan(20);
  });
});
