import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { runNode } from '../helpers/run-node.js';

const LOGGER = pathToFileURL(join(PROJECT_ROOT, 'mock-server/dist/core/logger.js')).href;

/** A process that logs two JSON lines (far below a 4 KiB batch), then ends as `ending` says. */
const script = (ending: string) => `
import { createLogger } from ${JSON.stringify(LOGGER)};
const { log } = createLogger('info', 'json');
log.info({ session: 'ci-1', status: 200 }, 'GET /x 200');
log.error('about to end');
setTimeout(() => { ${ending} }, 10);
`;

describe('buffered JSON log lines', () => {
  it.each([
    ['an uncaught exception', "throw new Error('boom')"],
    ['process.exit(1)', 'process.exit(1)'],
  ])('are written out when the process ends with %s', async (_case, ending) => {
    const run = await runNode(['--input-type=module', '-e', script(ending)]);
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { level: 30, session: 'ci-1', status: 200, msg: 'GET /x 200' },
      { level: 50, msg: 'about to end' },
    ]);
  });
});
