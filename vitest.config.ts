import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/src/**/*.test.ts',
      'core/bench/**/*.test.ts',
      'connectors/**/*.test.ts',
      'web/e2e/**/*.test.ts',
      'web/src/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
