import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { runImage, stageImage } from '../docker/stage-image.js';

describe('the Docker image, staged without an engine (test/docker/stage-image.ts)', () => {
  it('builds every stage from the Dockerfile and .dockerignore, and its CMD passes the HEALTHCHECK as USER node', async () => {
    const into = mkdtempSync(join(tmpdir(), 'docker-stage-'));
    chmodSync(into, 0o755);
    try {
      const dockerfile = join(PROJECT_ROOT, 'Dockerfile');
      const stages = stageImage(dockerfile, PROJECT_ROOT, into);
      expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
      const runtime = stages[1];
      if (!runtime) throw new Error('no runtime stage');
      expect(runtime.user).toBe('node');
      const { healthyAfterMs } = await runImage(runtime, dockerfile);
      expect(healthyAfterMs).toBeGreaterThan(0);
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  });
});
