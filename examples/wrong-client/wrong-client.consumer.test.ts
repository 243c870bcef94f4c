/**
 * The wrong client's consumer test. It passes (a consumer test only checks the
 * client against its own expectations); the provider verification is what
 * catches the mistake:
 *
 *   npx contact-sandbox verify --pact examples/wrong-client/pacts
 *
 * Writes examples/wrong-client/pacts/wrong-client-ocamba-hood.json.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PactV4 } from '@pact-foundation/pact';
import { beforeAll, expect, it } from 'vitest';
import { updateContact } from './client.js';

const dir = fileURLToPath(new URL('./pacts/', import.meta.url));
const pact = new PactV4({ consumer: 'wrong-client', provider: 'ocamba-hood', dir, logLevel: 'warn' });

beforeAll(() => rmSync(dir, { recursive: true, force: true }));

it('expects the updated contact back from the PATCH (it will not get it)', () =>
  pact
    .addInteraction()
    .given('default')
    .uponReceiving('an update of a partner contact, read as the vendor JS sample reads it')
    .withRequest('PATCH', '/v1/hood/partners/1000418/contacts/b9193e28-9146-44ef-bf95-baa9c02c81d2', (b) =>
      b
        .headers({ Authorization: 'Bearer 5d6a00456bfc614f9c809a26dcddc8aa749dc8dd', 'Content-Type': 'application/json' })
        .jsonBody({ value: 'jane.doe@example.com', type: 'email' }),
    )
    .willRespondWith(200, (b) => b.jsonBody({ id: 'b9193e28-9146-44ef-bf95-baa9c02c81d2', type: 'email', value: 'jane.doe@example.com' }))
    .executeTest(async (server) => {
      const contact = await updateContact(server.url, '5d6a00456bfc614f9c809a26dcddc8aa749dc8dd', '1000418', 'b9193e28-9146-44ef-bf95-baa9c02c81d2', {
        value: 'jane.doe@example.com',
        type: 'email',
      });
      expect(contact.value).toBe('jane.doe@example.com');
    }));
