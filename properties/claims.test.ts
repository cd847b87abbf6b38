/**
 * Runs the evidence program of every claim in spec/claims.ts on every real interpreter the oracle
 * finds and on the model profile mirroring each, and writes results/claims.json for the "Claims
 * checked" page. Verdicts are not stored: the site computes them from these outputs with each
 * claim's own predicate (judgeClaim). The test fails when an evidence program does not run to the
 * end on a real interpreter (its output would then say nothing about the claim), or when the model
 * prints something else than the real interpreter without refusing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { claims } from '../spec/claims';
import { closeAll, listTargets } from '../oracle';
import { runMirrored, type MirroredResult, type MirroredRun } from './harness/mirrored-runs';
import { cpythonOnlyApiInSource } from './harness/cpython-only';

export const CLAIMS_FILE = 'results/claims.json';

const targets = await listTargets();
afterAll(closeAll);

/** Evidence that uses a CPython-only API (sys.getrefcount) says nothing on PyPy: not run there. */
const cpythonOnly = new Map(claims.map((claim) => [claim.id, cpythonOnlyApiInSource(claim.program)]));

describe('claims evidence on every target', () => {
  const runs = new Map<string, MirroredRun[]>(claims.map((claim) => [claim.id, []]));

  test.each(targets.map((t) => [t.name, t] as const))('evidence programs run on %s and its model mirror', async (_name, target) => {
    const applicable = claims.filter((claim) => target.implementation === 'cpython' || cpythonOnly.get(claim.id) === null);
    const results = await runMirrored(
      target,
      applicable.map((claim) => ({ source: claim.program, filename: `claim-${claim.id}.py` })),
      { trace: false },
    );
    const broken: string[] = [];
    const mismatches: string[] = [];
    applicable.forEach((claim, i) => {
      const result = results[i] as MirroredResult;
      const real = result.real.outcome;
      if (real.exitCode !== 0) broken.push(`${claim.id}: exit ${real.exitCode}: ${real.stderr.trim()}`);
      runs.get(claim.id)?.push(result.real, ...(result.model ? [result.model] : []));
      if (result.mismatch !== null) mismatches.push(`${claim.id}: ${result.mismatch}`);
    });
    expect(broken, `every evidence program must run to the end on ${target.name}`).toEqual([]);
    expect(mismatches, `the model must print what ${target.name} prints, or refuse`).toEqual([]);
  });

  test('results/claims.json is written', () => {
    const file = {
      generatedAt: new Date().toISOString(),
      claims: claims.map((claim) => ({ id: claim.id, program: claim.program, runs: runs.get(claim.id) ?? [], cpythonOnlyApi: cpythonOnly.get(claim.id) ?? null })),
    };
    mkdirSync('results', { recursive: true });
    writeFileSync(CLAIMS_FILE, `${JSON.stringify(file, null, 1)}\n`);
    // Two runs per CPython (real and model mirror); one per PyPy, unless the evidence is CPython-only.
    const expected = (claim: (typeof file.claims)[number]) =>
      targets.reduce((sum, target) => sum + (target.implementation === 'cpython' ? 2 : claim.cpythonOnlyApi === null ? 1 : 0), 0);
    expect(file.claims.every((claim) => claim.runs.length === expected(claim))).toBe(true);
  });
});
