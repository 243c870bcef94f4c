import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { createSandbox, type CreateSandboxOptions } from '../../mock-server/src/index.js';
import type { RunningSandbox, Sandbox } from '../../mock-server/src/index.js';

export interface TestSandbox {
  readonly sandbox: Sandbox;
  readonly url: string;
  /** A supertest agent on the sandbox's real socket. */
  http(): request.Agent;
  /** A fresh, isolated session id (each test gets its own state). */
  newSession(): string;
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
  };
}
