import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // Minutes each (npm installs): .ci/run runs them on their own with vitest.slow.config.ts.
    exclude: [...configDefaults.exclude, 'test/slow/**'],
    // vmThreads/vmForks fail on Node 20 (toolchain notes); forks isolate each file in its own process.
    pool: 'forks',
    setupFiles: ['test/helpers/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
