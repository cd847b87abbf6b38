/**
 * Generated programs checked per second on each layer of the properties, measured on one run of
 * every property: model (generate, run on one profile, check), real (generate, print, run a batch on
 * cpython:3.12.7, check) and agreement (run the model on the batch's programs and compare).
 */
import { closeAll, listTargets } from '../oracle/index';
import { checkAgreementLayer, checkModelLayer, checkRealLayer, runRealBatch } from '../properties/harness/layers';
import { loadProperties } from '../properties/registry';
import { projectRunners } from '../properties/runners';
import { mirrorOf, modelProfileFacts, realFacts } from '../properties/targets';
import type { BenchReport } from './report';

const MODEL_RUNS = 200;
const REAL_RUNS = 100;

async function timed(action: () => unknown): Promise<number> {
  const started = performance.now();
  try {
    await action();
  } catch {
    // a failing layer still counts the programs it checked before failing: the rate is what matters here
  }
  return performance.now() - started;
}

export async function run(): Promise<BenchReport> {
  const properties = await loadProperties();
  const info = (await listTargets()).find((t) => t.name === 'cpython:3.12.7');
  if (!info) throw new Error('cpython:3.12.7 is not available');
  const real = realFacts(info);
  const mirror = mirrorOf(info);
  const profile = modelProfileFacts('3.12.7-wasm32');
  await projectRunners.runReal(real.name, ['pass\n']); // start-up outside the timing
  let model = 0;
  let realLayer = 0;
  let agreement = 0;
  for (const { property } of properties) {
    const settings = { seed: 5, numRuns: MODEL_RUNS, runSeed: 5 };
    model += await timed(() => checkModelLayer(property, profile, settings, projectRunners));
    let batch: Awaited<ReturnType<typeof runRealBatch>> | undefined;
    realLayer += await timed(async () => {
      batch = await runRealBatch(property, real, { seed: 5, numRuns: REAL_RUNS, runSeed: 5 }, projectRunners);
      await checkRealLayer(property, real, batch, projectRunners);
    });
    if (batch) {
      const done = batch;
      agreement += await timed(() => checkAgreementLayer(property, real, mirror, done, projectRunners));
    }
  }
  await closeAll();
  const count = properties.length;
  return {
    name: 'layers',
    figures: {
      model: { value: (count * MODEL_RUNS * 1000) / model, unit: 'programs/s', note: `${count} properties x ${MODEL_RUNS} runs on ${profile.name}` },
      real: { value: (count * REAL_RUNS * 1000) / realLayer, unit: 'programs/s', note: `${count} properties x ${REAL_RUNS} runs on ${real.name}` },
      agreement: { value: (count * REAL_RUNS * 1000) / agreement, unit: 'programs/s', note: `model ${mirror.name} vs the real batch` },
    },
  };
}
