import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of the model: the model's own unit tests
// (no real interpreters, no site), so a mutant is judged in seconds.
export default defineConfig({
  test: {
    include: ['model/**/*.test.ts'],
    exclude: ['model/python/eval/native-agreement.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
