/**
 * Runs every construct property (properties/constructs/*.construct.ts, issue #9): for each real
 * CPython the oracle finds, `runs` generated programs on that interpreter (one batch per target,
 * all started at once) and on the model profile of the same version and platform; the model must
 * answer every program, with the same stdout and exit code. Failures are shrunk on the real
 * interpreter and printed as Python with the target, both outputs and the seed.
 */
import { afterAll, describe, test } from 'vitest';
import { closeAll, listTargets } from '../oracle';
import { runConfig, seedFor } from './config';
import { mirrorOf, realFacts } from './targets';
import { projectRunners } from './runners';
import { InvariantFailure } from './harness/counterexample';
import type { RealBatch } from './harness/layers';
import { loadConstructs } from './constructs/registry';
import { DEFAULT_CONSTRUCT_RUNS, checkConstructAgreement, constructId, runConstructBatch } from './constructs/agreement';
import './harness/meta';

const config = runConfig();
const constructs = await loadConstructs();
const realTargets = (await listTargets()).filter((info) => info.implementation === 'cpython').map((info) => ({ real: realFacts(info), mirror: mirrorOf(info) }));

console.log(`objspec constructs: seed ${config.seed}${config.deep ? ' (deep: 10x runs)' : ''}; replay with OBJSPEC_SEED=${config.seed}`);

afterAll(closeAll);

if (constructs.length === 0) describe('constructs', () => test.skip('no properties/constructs/*.construct.ts yet', () => undefined));

for (const { construct } of constructs) {
  const id = constructId(construct);
  const runs = Math.round((construct.runs ?? DEFAULT_CONSTRUCT_RUNS) * config.scale);
  const batches = new Map<string, Promise<RealBatch>>();
  for (const { real } of realTargets) {
    const batch = runConstructBatch(construct, real, { seed: seedFor(config.seed, id, 'agreement', real.name), numRuns: runs, runSeed: config.seed }, projectRunners);
    batch.catch(() => undefined); // reported by the test that awaits it
    batches.set(real.name, batch);
  }

  describe(id, () => {
    for (const { real, mirror } of realTargets) {
      test(`agreement ${mirror.name} ~ ${real.name}`, async ({ task }) => {
        const started = performance.now();
        const target = `${mirror.name}~${real.name}`;
        try {
          const result = await checkConstructAgreement(construct, real, mirror, await (batches.get(real.name) as Promise<RealBatch>), projectRunners);
          task.meta.objspec = { invariant: id, layer: 'agreement', target, status: 'pass', runs: result.runs, seed: result.seed, durationMs: performance.now() - started };
        } catch (error) {
          if (error instanceof InvariantFailure) {
            task.meta.objspec = { invariant: id, layer: 'agreement', target, status: 'fail', runs: 0, seed: error.failure.seed, durationMs: performance.now() - started, failure: error.failure };
          }
          throw error;
        }
      });
    }
  });
}
