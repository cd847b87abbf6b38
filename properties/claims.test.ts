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
import { closeAll, listTargets, runPrograms } from '../oracle';
import { runModel } from '../model';
import { mirrorOf } from './targets';
import type { Outcome } from './harness/types';

export const CLAIMS_FILE = 'results/claims.json';

interface ClaimRun {
  readonly target: string;
  readonly kind: 'real' | 'model';
  readonly version: string;
  readonly platform: string;
  readonly outcome: Outcome;
}

/** The model refuses what it is not sure of with exit code 2 (model/errors.ts); shown as a refusal. */
const MODEL_REFUSED = 2;

const targets = await listTargets();
afterAll(closeAll);

const pick = (o: Outcome): Outcome => ({ stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode });

describe('claims evidence on every target', () => {
  const runs = new Map<string, ClaimRun[]>(claims.map((claim) => [claim.id, []]));

  test.each(targets.map((t) => [t.name, t] as const))('evidence programs run on %s and its model mirror', async (_name, target) => {
    const results = await runPrograms(
      target.name,
      claims.map((claim) => ({ source: claim.program, filename: `claim-${claim.id}.py` })),
      { timeLimitMs: 20_000 },
    );
    const mirror = mirrorOf(target);
    const broken: string[] = [];
    const mismatches: string[] = [];
    claims.forEach((claim, i) => {
      const real = results[i];
      if (!real) throw new Error(`no result for claim ${claim.id} on ${target.name}`);
      if (real.exitCode !== 0) broken.push(`${claim.id}: exit ${real.exitCode}: ${real.stderr.trim()}`);
      const model = runModel(claim.program, mirror.name, { filename: `claim-${claim.id}.py` });
      runs.get(claim.id)?.push(
        { target: target.name, kind: 'real', version: target.version, platform: target.platform, outcome: pick(real) },
        { target: mirror.name, kind: 'model', version: target.version, platform: target.platform, outcome: pick(model) },
      );
      if (model.exitCode !== MODEL_REFUSED && (model.stdout !== real.stdout || model.exitCode !== real.exitCode)) {
        mismatches.push(`${claim.id}: model ${JSON.stringify(model.stdout)} vs real ${JSON.stringify(real.stdout)}`);
      }
    });
    expect(broken, `every evidence program must run to the end on ${target.name}`).toEqual([]);
    expect(mismatches, `the model must print what ${target.name} prints, or refuse`).toEqual([]);
  });

  test('results/claims.json is written', () => {
    const file = {
      generatedAt: new Date().toISOString(),
      claims: claims.map((claim) => ({ id: claim.id, program: claim.program, runs: runs.get(claim.id) ?? [] })),
    };
    mkdirSync('results', { recursive: true });
    writeFileSync(CLAIMS_FILE, `${JSON.stringify(file, null, 1)}\n`);
    expect(file.claims.every((claim) => claim.runs.length === targets.length * 2)).toBe(true);
  });
});
