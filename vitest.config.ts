import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but Node (model, spec, oracle, properties, CLI);
// `browser` needs the built site and Debian's Chromium, so it runs after `docusaurus build`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{spec,model,oracle,properties,cli,scripts,tests}/**/*.test.ts'],
          exclude: ['tests/browser/**', 'node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
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
