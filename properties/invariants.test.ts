/**
 * Runs every invariant's property on its three layers:
 *   model      on every profile of MODEL_LAYER_PROFILES where the spec says it holds;
 *   real       on every real interpreter the oracle finds (embedded CPythons, native ones);
 *   agreement  model profile vs real interpreter of the same version and platform;
 *   real on PyPy (every PyPy found) judged by the entry's expectation of PyPy
 *              (harness/implementation-layer.ts): language guarantees must hold there.
 * All real batches start at once (one worker per version) while the model layers run.
 */
import { afterAll, describe, test } from 'vitest';
import { expectationOn, holdsOn, loadCatalogue } from '../spec';
import { closeAll, listTargets } from '../oracle';
import { runConfig, seedFor } from './config';
import { loadProperties } from './registry';
import { MODEL_LAYER_PROFILES, mirrorOf, modelProfileFacts, realFacts } from './targets';
import { projectRunners } from './runners';
import { checkAgreementLayer, checkModelLayer, checkRealLayer, runRealBatch, type LayerResult, type RealBatch } from './harness/layers';
import { checkImplementationLayer, type ImplementationLayerResult } from './harness/implementation-layer';
import { InvariantFailure } from './harness/counterexample';
import type { LayerMeta } from './harness/meta';
import type { TargetFacts } from './harness/types';
import './harness/meta';

const config = runConfig();
const catalogue = new Map((await loadCatalogue()).map((entry) => [entry.id, entry]));
const properties = await loadProperties();
const allTargets = await listTargets();
const realTargets = allTargets.filter((info) => info.implementation === 'cpython').map((info) => ({ real: realFacts(info), mirror: mirrorOf(info) }));
const pypyTargets = allTargets.filter((info) => info.implementation === 'pypy').map(realFacts);

console.log(`objspec properties: seed ${config.seed}${config.deep ? ' (deep: 10x runs)' : ''}; replay with OBJSPEC_SEED=${config.seed}`);

afterAll(closeAll);

type LayerName = LayerMeta['layer'];

/** Runs one layer and leaves its result on the task for the results reporter. */
async function recordLayer(
  task: { meta: { objspec?: LayerMeta } },
  invariant: string,
  layer: LayerName,
  target: string,
  body: () => LayerResult | Promise<LayerResult>,
): Promise<void> {
  const started = performance.now();
  try {
    const result = await body();
    task.meta.objspec = { invariant, layer, target, status: 'pass', runs: result.runs, seed: result.seed, durationMs: performance.now() - started };
  } catch (error) {
    if (error instanceof InvariantFailure) {
      task.meta.objspec = {
        invariant,
        layer,
        target,
        status: 'fail',
        runs: 0,
        seed: error.failure.seed,
        durationMs: performance.now() - started,
        failure: error.failure,
      };
    }
    throw error;
  }
}

/** Layer 2 on PyPy: runs, judges by the entry's expectation of PyPy, and leaves the result for the reporter. */
async function recordImplementationLayer(
  task: { meta: { objspec?: LayerMeta } },
  invariant: string,
  target: string,
  expectation: LayerMeta['expectation'],
  body: () => Promise<ImplementationLayerResult>,
): Promise<void> {
  const started = performance.now();
  const common = { invariant, layer: 'real' as const, target, implementation: 'pypy' as const, expectation };
  try {
    const result = await body();
    task.meta.objspec = {
      ...common,
      status: result.observed === null ? 'not-applicable' : 'pass',
      runs: result.runs,
      seed: result.seed,
      durationMs: performance.now() - started,
      observed: result.observed,
      notApplicable: result.notApplicable,
      ...(result.evidence ? { evidence: result.evidence } : {}),
      ...(result.observed === null ? { reason: `all ${result.notApplicable} programs use a CPython-only API` } : {}),
    };
  } catch (error) {
    const failure = error instanceof InvariantFailure ? error.failure : undefined;
    task.meta.objspec = { ...common, status: 'fail', runs: 0, seed: failure?.seed ?? 0, durationMs: performance.now() - started, ...(failure ? { failure } : {}), reason: error instanceof Error ? error.message : String(error) };
    throw error;
  }
}

if (pypyTargets.length === 0) {
  describe('PyPy', () => test.skip('no PyPy found (pypy3 or pypy3.X on PATH, OBJSPEC_PYTHONS): the PyPy layer did not run', () => undefined));
}

for (const { property } of properties) {
  const entry = catalogue.get(property.id);
  if (!entry) throw new Error(`property ${property.id} names no spec entry`);
  const applies = (target: TargetFacts) => holdsOn(entry, target.version, target.platform);
  const modelRuns = Math.round((property.runs?.model ?? 1000) * config.scale);
  const realRuns = Math.round((property.runs?.real ?? 200) * config.scale);

  // Start every real batch now; the tests below await them.
  const batches = new Map<string, Promise<RealBatch>>();
  for (const { real } of realTargets.filter(({ real }) => applies(real))) {
    const batch = runRealBatch(property, real, { seed: seedFor(config.seed, property.id, 'real', real.name), numRuns: realRuns, runSeed: config.seed }, projectRunners);
    batch.catch(() => undefined); // reported by the test that awaits it
    batches.set(real.name, batch);
  }

  describe(property.id, () => {
    for (const profile of MODEL_LAYER_PROFILES.map(modelProfileFacts).filter(applies)) {
      test(`model ${profile.name}`, ({ task }) =>
        recordLayer(task, property.id, 'model', profile.name, () =>
          checkModelLayer(property, profile, { seed: seedFor(config.seed, property.id, 'model', profile.name), numRuns: modelRuns, runSeed: config.seed }, projectRunners),
        ));
    }
    for (const { real, mirror } of realTargets.filter(({ real }) => applies(real))) {
      const batch = batches.get(real.name) as Promise<RealBatch>;
      test(`real ${real.name}`, ({ task }) =>
        recordLayer(task, property.id, 'real', real.name, async () => checkRealLayer(property, real, await batch, projectRunners)));
      test(`agreement ${mirror.name} ~ ${real.name}`, ({ task }) =>
        recordLayer(task, property.id, 'agreement', `${mirror.name}~${real.name}`, async () =>
          checkAgreementLayer(property, real, mirror, await batch, projectRunners),
        ));
    }
    for (const pypy of pypyTargets) {
      const expectation = expectationOn(entry, 'pypy');
      const label = expectation?.status ?? 'unmeasured';
      // The CPython rule at PyPy's language version is what PyPy is judged against; an entry that
      // has none there (immortal objects start at 3.12) says nothing about that PyPy.
      if (!holdsOn(entry, pypy.version, pypy.platform)) {
        test(`real ${pypy.name} (PyPy, expected: ${label}): not applicable, the entry has no CPython rule at ${pypy.version}`, ({ task }) => {
          task.meta.objspec = { invariant: property.id, layer: 'real', target: pypy.name, implementation: 'pypy', expectation: label, status: 'not-applicable', runs: 0, seed: 0, durationMs: 0, reason: `no CPython rule at Python ${pypy.version}` };
        });
        continue;
      }
      const settings = { seed: seedFor(config.seed, property.id, 'real', pypy.name), numRuns: realRuns, runSeed: config.seed };
      const run = checkImplementationLayer(property, pypy, expectation, settings, projectRunners, entry.guarantee);
      run.catch(() => undefined); // reported by the test that awaits it
      test(`real ${pypy.name} (PyPy, expected: ${label})`, ({ task }) => recordImplementationLayer(task, property.id, pypy.name, label, () => run));
    }
  });
}
