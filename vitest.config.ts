import { defineConfig } from 'vitest/config';

// Three projects:
//   unit        fast tests of every module (model, spec, oracle, CLI, harness), plus the fact-table probes;
//   properties  every invariant on its three layers (model, real CPython, agreement); writes results/;
//   browser     needs the built site and Debian's Chromium, so it runs after `docusaurus build`.
export default defineConfig({
  test: {
    reporters: ['default', './properties/reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          setupFiles: ['tests/fast-check-seed.ts'],
          include: ['{spec,model,oracle,properties,cli,scripts,src,tests,bench}/**/*.test.ts'],
          exclude: ['tests/browser/**', 'properties/invariants.test.ts', 'properties/constructs.test.ts', 'properties/examples.test.ts', 'properties/claims.test.ts', 'node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'properties',
          include: ['properties/invariants.test.ts', 'properties/constructs.test.ts', 'properties/examples.test.ts', 'properties/claims.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
