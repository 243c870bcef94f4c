import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFixtureFiles } from '../../fixtures/generate.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { contractTypes } from '../../scripts/contract-types.js';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');

describe('generated files are up to date', () => {
  it('fixtures: the generator reproduces every committed fixture file byte for byte', () => {
    for (const [path, content] of generateFixtureFiles()) expect(read(path), path).toBe(content);
  });

  it('contract types: mock-server/src/vendors/*/contract.gen.ts match their contracts', async () => {
    const generated = await contractTypes();
    expect(generated.size).toBeGreaterThan(0);
    for (const { file, content } of generated.values()) expect(readFileSync(file, 'utf8'), file).toBe(content);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start'];

  it('runs the same command as npm start (the command the e2e tests run)', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(cmd).toBeDefined();
    expect((JSON.parse(cmd ?? '[]') as string[]).join(' ')).toBe(start);
    expect(start).toBe('node mock-server/dist/main.js');
  });

  it('is multi-stage on a slim Node LTS image, runs as a non-root user, binds 0.0.0.0, exposes 4010 and checks health', () => {
    expect(dockerfile.match(/^FROM node:\d+-slim AS \w+$/gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENV .*HOST=0\.0\.0\.0/m);
    expect(dockerfile).toMatch(/^EXPOSE 4010$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\/__admin\/health/m);
  });
});

describe('.ci/run', () => {
  it("runs the README's test command", () => {
    expect(read('.ci/run')).toMatch(/set -euo pipefail[\s\S]*npm ci && npm test/);
    expect(read('README.md')).toContain('npm ci && npm test');
    expect(read('README.md')).toContain('npm ci && npm start');
  });
});
