/**
 * The model's fact table, checked against every real interpreter the oracle finds: each probe
 * program (model/profiles/probes.ts) must print on the real interpreter exactly what the profile
 * of the same version and platform says. Probes run on a fresh interpreter each, as a file would.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { resolveProfile } from '../model/profiles';
import { PROBES, expectedProbeOutputs } from '../model/profiles/probes';
import { closeAll, listTargets, runPrograms } from '../oracle';

// The fact table describes CPython: other implementations (PyPy) are checked against the spec, not the table.
const targets = (await listTargets()).filter((t) => t.implementation === 'cpython');

afterAll(closeAll);

describe('the fact table agrees with real CPython', () => {
  test.each(targets.map((t) => [t.name, t] as const))('probes on %s', async (_name, target) => {
    const profile = resolveProfile(`${target.version}-${target.platform}`);
    const expected = expectedProbeOutputs(profile);
    const results = await runPrograms(
      target.name,
      PROBES.map((probe) => ({ source: probe.source, filename: `${probe.name}.py` })),
      { fresh: target.kind === 'native', timeLimitMs: 30_000 },
    );
    const actual = new Map(PROBES.map((probe, i) => [probe.name, results[i]?.stdout]));
    expect(Object.fromEntries(actual), `probes on ${target.name} vs profile ${profile.target}`).toEqual(Object.fromEntries(expected));
  });
});
