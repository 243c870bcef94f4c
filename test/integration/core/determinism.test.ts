import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSandbox, type CreateSandboxOptions } from '../../../mock-server/src/index.js';
import { OCAMBA } from '../../helpers/identities.js';

const contact = `/v1/hood/partners/${OCAMBA.partner}/contacts`;

/** Requests that exercise generated values: trace ids, new ids, rate-limit headers, dates. */
const SEQUENCE: readonly { method: string; path: string; body?: string }[] = [
  { method: 'PATCH', path: `${contact}/${OCAMBA.emailContact}`, body: '{"value":"jane.doe@example.com","type":"email"}' },
  { method: 'PATCH', path: `${contact}/${OCAMBA.emailContact}`, body: '{}' },
  { method: 'POST', path: contact, body: '{"type":"mobile","value":"43164324"}' },
  { method: 'POST', path: contact, body: '{"type":"email","value":"second@example.com"}' },
  { method: 'GET', path: contact },
  { method: 'GET', path: `/v1/hood/partners/${OCAMBA.partner}` },
  { method: 'PATCH', path: `${contact}/00000000-0000-4000-8000-000000000000`, body: '{"value":"a@b.co"}' },
  { method: 'GET', path: '/v1/hood/partners' },
  { method: 'GET', path: '/v1/hood/partners' },
  { method: 'GET', path: '/v1/hood/partners' },
  { method: 'GET', path: '/v1/hood/partners' },
];

/** The raw bytes of each answer, each request on its own connection. */
async function transcript(options: CreateSandboxOptions): Promise<string[]> {
  const sandbox = createSandbox(options);
  const running = await sandbox.listen(0);
  try {
    const out: string[] = [];
    for (const step of SEQUENCE) {
      const body = step.body ?? '';
      const head = [`${step.method} ${step.path} HTTP/1.1`, 'Host: sandbox', `Authorization: Bearer ${OCAMBA.keyA}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
      out.push(await exchange(running.port, `${head.join('\r\n')}\r\n\r\n${body}`));
    }
    return out;
  } finally {
    await running.close();
  }
}

function exchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

describe('determinism', () => {
  it('gives byte-identical responses for the same seed, clock and requests', async () => {
    const options = { seed: 424242, clock: '2026-05-01T08:00:00Z' };
    const [first, second] = [await transcript(options), await transcript(options)];
    expect(first).toHaveLength(SEQUENCE.length);
    expect(second).toEqual(first);
    // The transcript really contains generated values, so the comparison means something.
    expect(first[1]).toMatch(/"trace_id":"[0-9a-f-]{36}"/);
    expect(first[2]).toMatch(/^HTTP\/1\.1 201 Created\r\n/);
    expect(first[0]).toContain('Date: Fri, 01 May 2026 08:00:00 GMT');
    expect(first[10]).toMatch(/^HTTP\/1\.1 429 /);
  });

  it('gives different generated values for another seed', async () => {
    const [a, b] = [await transcript({ seed: 1, clock: '2026-05-01T08:00:00Z' }), await transcript({ seed: 2, clock: '2026-05-01T08:00:00Z' })];
    expect(a[0]).toBe(b[0]);
    expect(a[1]).not.toBe(b[1]);
    expect(a[2]).not.toBe(b[2]);
  });
});
