import { describe, expect, it } from 'vitest';
import { DEFAULT_REDACTED, REDACTED, Redactor } from '../../mock-server/src/proxy/redact.js';

describe('Redactor (drift recordings)', () => {
  const redactor = new Redactor([...DEFAULT_REDACTED, 'key'], ['proxy-authorization']);

  it('redacts credential query parameters and form fields, keeping the rest as sent', () => {
    const found = new Set<string>();
    expect(redactor.url('/v1/profile?key=s3cret&customerId=1', found)).toBe(`/v1/profile?key=${encodeURIComponent(REDACTED)}&customerId=1`);
    const form = redactor.body({ text: 'emailAddress=a%40b.c&Password=hunter2' }, 'application/x-www-form-urlencoded', found);
    expect(form).toEqual({ text: `emailAddress=a%40b.c&Password=${encodeURIComponent(REDACTED)}` });
    expect([...found].sort()).toEqual(['Password', 'key']);
  });

  it('leaves a body without credentials byte for byte, and names given to keep unredacted', () => {
    const found = new Set<string>();
    const body = { text: '{ "name" : "x" }' };
    expect(redactor.body(body, 'application/json', found)).toBe(body);
    expect(redactor.headers({ 'proxy-authorization': 'Basic abc', authorization: 'Bearer t' }, found)).toEqual({ 'proxy-authorization': 'Basic abc', authorization: REDACTED });
    expect(new Redactor(DEFAULT_REDACTED, ['password']).body({ text: '{"password":"p"}' }, 'application/json', found)).toEqual({ text: '{"password":"p"}' });
  });
});
