import { describe, expect, it } from 'vitest';
import { defaultPactEnvironment } from '../../mock-server/src/verify.js';

describe('defaultPactEnvironment', () => {
  it("turns Pact's anonymous telemetry off when PACT_DO_NOT_TRACK is not set", () => {
    const env: NodeJS.ProcessEnv = { PATH: '/bin' };
    defaultPactEnvironment(env);
    expect(env).toEqual({ PATH: '/bin', PACT_DO_NOT_TRACK: 'true' });
  });

  it.each(['false', '0', ''])('keeps the value the user set (%j)', (value) => {
    const env: NodeJS.ProcessEnv = { PACT_DO_NOT_TRACK: value };
    defaultPactEnvironment(env);
    expect(env['PACT_DO_NOT_TRACK']).toBe(value);
  });
});
