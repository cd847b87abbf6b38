/**
 * A vitest reporter that writes results/invariants.json: per invariant, per layer and target,
 * pass or fail, runs, seed, duration and the counterexample. The site reads only this file
 * (and results/examples.json), never the tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import type { LayerMeta } from './harness/meta';
import './harness/meta';
import { runConfig } from './config';

export const RESULTS_FILE = 'results/invariants.json';

export interface InvariantResults {
  readonly generatedAt: string;
  readonly seed: number;
  readonly scale: number;
  readonly results: readonly LayerMeta[];
}

export default class ResultsReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const results: LayerMeta[] = [];
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const meta = testCase.meta().objspec;
        if (meta) results.push(meta);
      }
    }
    if (results.length === 0) return;
    const config = runConfig();
    const file: InvariantResults = { generatedAt: new Date().toISOString(), seed: config.seed, scale: config.scale, results };
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(file, null, 1)}\n`);
  }
}
