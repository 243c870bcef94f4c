import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { startCli } from '../helpers/cli.js';

/** The Dockerfile's HEALTHCHECK command (exec form). */
function healthcheck(): string[] {
  const line = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('HEALTHCHECK '));
  const json = line?.slice(line.indexOf(' CMD ') + 5);
  if (json === undefined) throw new Error('Dockerfile: no HEALTHCHECK … CMD');
  return JSON.parse(json) as string[];
}

/** The Kubernetes example's readiness probe command. */
function readinessProbe(): unknown {
  const [deployment] = parseAllDocuments(readFileSync(join(PROJECT_ROOT, 'deploy/kubernetes/sandbox.yaml'), 'utf8')).map((d) => d.toJS() as unknown);
  const spec = deployment as { spec: { template: { spec: { containers: { readinessProbe?: { exec?: { command?: unknown } } }[] } } } };
  return spec.spec.template.spec.containers[0]?.readinessProbe?.exec?.command;
}

describe("the image's health check with the admin token set (decision 0031)", () => {
  it('passes with SANDBOX_ADMIN_TOKEN in its environment, as the README starts the image, and fails without it or with the server stopped; the Kubernetes probe is the same command', async () => {
    const command = healthcheck();
    expect(readinessProbe()).toEqual(command);
    const token = 'healthcheck-token';
    const cli = await startCli(['--port', '0', '--log-level', 'warn'], { SANDBOX_ADMIN_TOKEN: token });
    const port = new URL(cli.url).port;
    const run = (env: Record<string, string>) => spawnSync(command[0]!, command.slice(1), { env: { PATH: process.env.PATH ?? '', PORT: port, ...env }, timeout: 5000 }).status;
    try {
      expect(run({ SANDBOX_ADMIN_TOKEN: token })).toBe(0);
      // Without the token the admin API refuses the check: it is the token that lets it through.
      expect(run({})).toBe(1);
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect((await cli.exited).code).toBe(0);
    expect(run({ SANDBOX_ADMIN_TOKEN: token })).toBe(1);
  });
});
