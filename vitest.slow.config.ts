import { defineConfig } from 'vitest/config';

// The checks that take minutes (npm installs): the Docker image staged, the
// package as a consumer installs it. `.ci/run` runs them after the two suites
// (docs/decisions/0043-docker-image-staged.md, 0044-package-for-consumers.md).
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 300_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
