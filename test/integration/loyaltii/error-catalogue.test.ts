import type { Test } from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { LOYALTII_ERRORS, type LoyaltiiErrorCode } from '../../../mock-server/src/vendors/loyaltii/errors.js';
import { LOYALTII } from '../../helpers/identities.js';
import { useSandbox, type SessionAgent } from '../../helpers/sandbox.js';
import { BEARER, contactPath } from './client.js';

// A small body limit, so that a 413 is cheap to provoke.
const t = useSandbox({ bodyLimitBytes: 64 });

/** The catalogue as a test may change it (the sandbox runs in this process and reads the same module). */
const catalogue = LOYALTII_ERRORS as unknown as Record<LoyaltiiErrorCode, { status: number }>;
const original = Object.fromEntries(Object.entries(catalogue).map(([code, entry]) => [code, entry.status]));
afterEach(() => {
  for (const [code, status] of Object.entries(original)) catalogue[code as LoyaltiiErrorCode].status = status;
});

/** A request the sandbox answers with each code without any scenario forcing it, and the scenario that forces it. */
const TRIGGERS = {
  UNAUTHORIZED: (session) => session.get(contactPath(1)),
  NOT_FOUND: (session) => session.get(contactPath(9999)).set(BEARER),
  CONFLICT: (session) => session.patch(contactPath(1)).set(BEARER).send({ Version: 'AAAAAAAAB9A=', FirstName: 'Ann' }),
  UNSUPPORTED_MEDIA_TYPE: (session) => session.post('/api/v1/Contacts').set(BEARER).set('Content-Type', 'application/vnd.test+json').send('{}'),
  REQUEST_ENTITY_TOO_LARGE: (session) =>
    session
      .post('/api/v1/Contacts')
      .set(BEARER)
      .send({ RegistrationSource: 'webshop', FirstName: 'x'.repeat(100) }),
  INTERNAL_SERVER_ERROR: (session) => session.get(contactPath(1)).set(BEARER).set('X-Sandbox-Scenario', 'loyaltii/server-error'),
} as const satisfies Record<LoyaltiiErrorCode, (session: SessionAgent) => Test>;

const CODES = Object.keys(TRIGGERS) as LoyaltiiErrorCode[];

describe("Loyaltii's error catalogue is the one source of each error's status", () => {
  it('has a trigger here for every code', () => {
    expect(CODES.sort()).toEqual(Object.keys(LOYALTII_ERRORS).sort());
  });

  it.each(CODES)('%s: the answer carries the status the catalogue lists', async (code) => {
    const res = await TRIGGERS[code](t.session());
    expect(res.status).toBe(LOYALTII_ERRORS[code].status);
  });

  it.each(CODES)('%s: a changed catalogue status changes the answer', async (code) => {
    // 4xx/5xx values no Loyaltii answer uses, so the answer can only come from the change.
    catalogue[code].status = code === 'INTERNAL_SERVER_ERROR' ? 598 : 499;
    const res = await TRIGGERS[code](t.session());
    expect(res.status).toBe(catalogue[code].status);
  });

  it('a forced error takes its status from the catalogue as well (scenario via X-Sandbox-Scenario)', async () => {
    catalogue.INTERNAL_SERVER_ERROR.status = 597;
    const res = await t.session().post('/api/v1/Contacts').set(BEARER).set('X-Sandbox-Scenario', 'loyaltii/server-error').send({ RegistrationSource: 'webshop' });
    expect([res.status, res.body]).toEqual([597, { Message: 'An error has occurred.' }]);
  });

  it('keeps the answers themselves: a 401 with its challenge, a 409 with the current contact', async () => {
    const unauthorized = await TRIGGERS.UNAUTHORIZED(t.session());
    expect([unauthorized.headers['www-authenticate'], unauthorized.body]).toEqual(['Bearer', { Message: 'Authorization has been denied for this request.' }]);
    const conflict = await TRIGGERS.CONFLICT(t.session());
    expect(conflict.body).toMatchObject({ Id: 1, Version: LOYALTII.contact1.version });
  });
});
