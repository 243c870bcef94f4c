import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFixtureFiles } from '../../fixtures/generate.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';
import { generatedTypes } from '../../scripts/contract-types.js';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');

describe('generated files are up to date', () => {
  it('fixtures: the generator reproduces every committed fixture file byte for byte', () => {
    for (const [path, content] of generateFixtureFiles()) expect(read(path), path).toBe(content);
  });

  it('contract types: mock-server/src/vendors/*/generated/contract.ts and core/generated/scenario-file.ts match their contracts', async () => {
    const generated = await generatedTypes();
    expect(generated.map((g) => g.source).sort()).toEqual([...VENDORS.map((v) => `contracts/${v.id}/openapi.yaml`), 'contracts/scenario.schema.json'].sort());
    for (const { file, content } of generated) expect(readFileSync(file, 'utf8'), file).toBe(content);
  });
});

describe('.gitattributes', () => {
  it('marks every generated file linguist-generated, so reviews and language statistics skip it', async () => {
    const files = (await generatedTypes()).map(({ file }) => relative(PROJECT_ROOT, file));
    const answer = execFileSync('git', ['check-attr', 'linguist-generated', '--', ...files], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(answer.trim().split('\n')).toEqual(files.map((file) => `${file}: linguist-generated: set`));
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
