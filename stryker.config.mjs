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
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  timeoutMS: 60000,
};
