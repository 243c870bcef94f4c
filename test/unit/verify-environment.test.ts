import { describe, expect, it } from 'vitest';
import { pactEnvironment } from '../../mock-server/src/core/config.js';

describe('pactEnvironment', () => {
  it("turns Pact's anonymous telemetry off when PACT_DO_NOT_TRACK is not set", () => {
    const env: NodeJS.ProcessEnv = { PATH: '/bin' };
    expect(pactEnvironment(env)).toEqual({ PACT_DO_NOT_TRACK: 'true' });
    expect(env).toEqual({ PATH: '/bin' });
  });

  it.each(['false', '0', ''])('keeps the value the user set (%j)', (value) => {
    const env: NodeJS.ProcessEnv = { PACT_DO_NOT_TRACK: value };
    expect(pactEnvironment(env)).toEqual({});
    expect({ ...env, ...pactEnvironment(env) }['PACT_DO_NOT_TRACK']).toBe(value);
  });
});
