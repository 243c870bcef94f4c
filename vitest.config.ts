import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // vmThreads/vmForks fail on Node 20 (toolchain notes); forks isolate each file in its own process.
    pool: 'forks',
    setupFiles: ['test/helpers/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
