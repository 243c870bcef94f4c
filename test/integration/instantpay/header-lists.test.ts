import { describe, expect, it } from 'vitest';
import { INSTANTPAY } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { rawCall } from './client.js';

const t = useSandbox();

/** The seed's headers with X-Ipay-Auth-Code sent as the given lines (RFC 9110 §5.3: repeated lines = one comma-joined list). */
function headersWith(authCodeLines: readonly string[]): [string, string][] {
  return [
    ...authCodeLines.map((value): [string, string] => ['X-Ipay-Auth-Code', value]),
    ['X-Ipay-Client-Id', INSTANTPAY.sandbox.clientId],
    ['X-Ipay-Client-Secret', INSTANTPAY.sandbox.clientSecret],
    ['X-Ipay-Endpoint-Ip', '125.0.0.1'],
    ['X-Sandbox-Session', t.newSession()],
  ];
}

describe("X-Ipay-Auth-Code as one comma-joined line, as fetch sends the seed's repeated header (I-1)", () => {
  it.each([
    ["the placeholder then 1, as fetch joins the seed's two lines", ['{{authCode}}, 1']],
    ['"1, 1"', ['1, 1']],
    ['"1,1"', ['1,1']],
    ['"2, 1" (the last member counts, as with lines 2 then 1)', ['2, 1']],
    ['a trailing empty member "1," (empty members do not count)', ['1,']],
    ['the two lines themselves', ['{{authCode}}', '1']],
  ])('reads %s like the repeated lines: TXN', async (_case, lines) => {
    const res = await rawCall(t.url, 'GET', '/contacts/tag', headersWith(lines));
    expect(res.status).toBe(200);
    expect((res.body as { statuscode: string }).statuscode).toBe('TXN');
    expect(res).toMatchContract('instantpay', 'listTags');
  });

  it.each([
    ['"1, {{authCode}}" (the last member is the placeholder)', ['1, {{authCode}}']],
    ['"1, 2"', ['1, 2']],
    ['lines "1, 1" then "0"', ['1, 1', '0']],
  ])('answers RPI for %s, as for the same values on separate lines', async (_case, lines) => {
    const res = await rawCall(t.url, 'GET', '/contacts/tag', headersWith(lines));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statuscode: 'RPI', status: 'The X-Ipay-Auth-Code header must have valid authCode.' });
    expect(res).toMatchContract('instantpay', 'listTags');
  });
});
