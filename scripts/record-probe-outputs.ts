/**
 * Records what every fact-table probe (model/profiles/probes.ts) prints on every real interpreter
 * the oracle finds, into model/profiles/measured/probe-outputs.json. The unit test
 * `probes.recorded.test.ts` compares each profile's expected outputs with these recordings, so
 * the fact table and the size arithmetic are checked against real CPython without starting one
 * (mutation testing runs the unit tests hundreds of times). The property suite
 * (properties/profiles.test.ts) still runs the probes live.
 * Usage: npx tsx scripts/record-probe-outputs.ts   (after changing a probe)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROBES, probeFingerprint } from '../model/profiles/probes';
import { closeAll, listTargets, runPrograms } from '../oracle';

const OUT = join(import.meta.dirname, '..', 'model', 'profiles', 'measured', 'probe-outputs.json');

const recordings: { label: string; target: string; version: string; platform: string; outputs: Record<string, { source: string; stdout: string }> }[] = [];
try {
  // The fact table describes CPython; PyPy is checked against the spec, not the table.
  for (const target of (await listTargets()).filter((t) => t.implementation === 'cpython')) {
    const results = await runPrograms(
      target.name,
      PROBES.map((probe) => ({ source: probe.source, filename: `${probe.name}.py` })),
      { fresh: target.kind === 'native', timeLimitMs: 30_000 },
    );
    const outputs: Record<string, { source: string; stdout: string }> = {};
    PROBES.forEach((probe, i) => {
      const result = results[i];
      if (!result || result.exitCode !== 0) throw new Error(`probe ${probe.name} failed on ${target.name}: ${JSON.stringify(result)}`);
      outputs[probe.name] = { source: probeFingerprint(probe.source), stdout: result.stdout };
    });
    recordings.push({ label: `${target.kind} ${target.name}`, target: target.name, version: target.version, platform: target.platform, outputs });
    console.log(`recorded ${PROBES.length} probes on ${target.name} (${target.version}, ${target.platform})`);
  }
} finally {
  await closeAll();
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify({ recordedBy: 'scripts/record-probe-outputs.ts', recordings }, null, 1)}\n`);
console.log(`wrote ${OUT}`);
