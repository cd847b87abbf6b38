/**
 * The fact table against real CPython, offline: every probe's expected output on a profile must
 * equal what the probe printed on the real interpreter of that release and platform, as recorded
 * by `npx tsx scripts/record-probe-outputs.ts` (measured/probe-outputs.json). The property suite
 * runs the same probes live; this copy lets the unit tests (and mutation testing) check the
 * table and the size arithmetic in sizes.ts without starting an interpreter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_INTERPRETERS, formatVersion, resolveProfile } from './index';
import { PROBES, probeFingerprint } from './probes';

interface Recording {
  readonly label: string;
  readonly version: string;
  readonly platform: string;
  readonly outputs: Readonly<Record<string, { readonly source: string; readonly stdout: string }>>;
}

const { recordings } = JSON.parse(readFileSync(join(import.meta.dirname, 'measured', 'probe-outputs.json'), 'utf8')) as {
  recordings: readonly Recording[];
};

describe('probes: profiles agree with the recorded outputs of real CPython', () => {
  it('the recordings cover every real interpreter the facts were measured on', () => {
    const recorded = new Set(recordings.map((r) => `${r.version}-${r.platform}`));
    const missing = REAL_INTERPRETERS.map((i) => `${formatVersion(i.version)}-${i.platform}`).filter((t) => !recorded.has(t));
    expect(missing).toEqual([]);
  });

  it.each(recordings.map((r) => [r.label, r] as const))('on %s', (_label, recording) => {
    const profile = resolveProfile(`${recording.version}-${recording.platform}`);
    for (const probe of PROBES) {
      const real = recording.outputs[probe.name];
      expect(real, `no recording of probe ${probe.name}: run npx tsx scripts/record-probe-outputs.ts`).toBeDefined();
      expect(real?.source, `probe ${probe.name} changed since it was recorded: run npx tsx scripts/record-probe-outputs.ts`).toBe(
        probeFingerprint(probe.source),
      );
      expect(probe.expected(profile), `probe ${probe.name} on ${recording.label} vs ${profile.target}`).toBe(real?.stdout);
    }
  });
});
