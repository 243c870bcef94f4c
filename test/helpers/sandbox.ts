import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { createSandbox, type CreateSandboxOptions } from '../../mock-server/src/index.js';
import type { RunningSandbox, Sandbox } from '../../mock-server/src/index.js';

export interface TestSandbox {
  readonly sandbox: Sandbox;
  readonly url: string;
  /** A supertest agent on the sandbox's real socket, in no session (the `default` one) unless a request says so. */
  http(): request.Agent;
  /** A fresh, isolated session id (each test gets its own state). */
  newSession(): string;
  /** A supertest agent whose every request is in session `id` (`X-Sandbox-Session`); default: a fresh session. */
  session(id?: string): SessionAgent;
  /** The admin calls tests make, in session `id`. */
  admin(id: string): AdminHelpers;
}

/** A supertest agent bound to one session. */
export type SessionAgent = request.Agent & { readonly id: string };

/** The admin calls tests make again and again, each in one session. */
export interface AdminHelpers {
  /** `PUT /__admin/scenario`. */
  activate(name: string): request.Test;
  /** `POST /__admin/clock/advance`. */
  advanceClock(ms: number): request.Test;
  /** `PUT /__admin/clock`. */
  setClock(now: string, mode?: 'real' | 'frozen'): request.Test;
  /** `POST /__admin/reset`, of one vendor or (without one) the whole session. */
  reset(vendor?: string): request.Test;
  /** `POST /__admin/provider-states`, as a Pact verifier sends it. */
  providerState(state: string, action?: 'setup' | 'teardown'): request.Test;
  /** `GET /__admin/state/<vendor>`. */
  state(vendor: string): request.Test;
}

/** Admin helpers on any base URL (tests with a sandbox of their own use these too). */
export function adminHelpers(url: string, session: string): AdminHelpers {
  const agent = () => request.agent(url).set('X-Sandbox-Session', session);
  return {
    activate: (name) => agent().put('/__admin/scenario').send({ name }),
    advanceClock: (ms) => agent().post('/__admin/clock/advance').send({ ms }),
    setClock: (now, mode) =>
      agent()
        .put('/__admin/clock')
        .send(mode === undefined ? { now } : { now, mode }),
    reset: (vendor) => (vendor === undefined ? agent().post('/__admin/reset') : agent().post('/__admin/reset').send({ vendor })),
    providerState: (state, action) =>
      agent()
        .post('/__admin/provider-states')
        .send(action === undefined ? { state, params: {} } : { state, params: {}, action }),
    state: (vendor) => agent().get(`/__admin/state/${vendor}`),
  };
}

/**
 * One sandbox per test file, listening on a free port; tests isolate their
 * state with their own session rather than their own sandbox.
 */
export function useSandbox(options: CreateSandboxOptions = {}): TestSandbox {
  let sandbox: Sandbox | undefined;
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    sandbox = createSandbox({ seed: 1, clock: '2026-03-02T10:00:00.000Z', ...options });
    running = await sandbox.listen(0);
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    get sandbox() {
      if (!sandbox) throw new Error('sandbox not started');
      return sandbox;
    },
    get url() {
      if (!running) throw new Error('sandbox not listening');
      return running.url;
    },
    http() {
      if (!running) throw new Error('sandbox not listening');
      return request.agent(running.url);
    },
    newSession: () => `test-${randomUUID()}`,
    session(id = `test-${randomUUID()}`) {
      if (!running) throw new Error('sandbox not listening');
      return Object.assign(request.agent(running.url).set('X-Sandbox-Session', id), { id });
    },
    admin(id) {
      if (!running) throw new Error('sandbox not listening');
      return adminHelpers(running.url, id);
    },
  };
}
