// Mutation testing of the model's rule modules (npm run mutate): every surviving mutant is a rule
// the tests do not pin down. Only the unit tests run (the properties need the real interpreters).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['model/core/**/*.ts', 'model/profiles/**/*.ts', '!model/**/*.test.ts', '!model/profiles/probes.ts'],
  ignorePatterns: ['build', '.docusaurus', 'docs/api', 'results', 'test-output', 'reports', '.scratch-*', 'src/generated', 'node_modules'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  // The score table only: scripts/mutation-summary.ts (run after stryker by `npm run mutate`) lists
  // every undetected mutant on one line; the JSON report has the details.
  clearTextReporter: { reportMutants: false, reportTests: false },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  // A mutant that loops forever is stopped after the net test time x 1.5 + this (the unit tests
  // take ~4 s net; 60 s made every such mutant cost a minute).
  timeoutMS: 10000,
  // Module-level data (the fact table, measured configs, zod schemas) is mutated only at load:
  // each such mutant reruns every test from a fresh import (76% of the time in the first run).
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
};
