/**
 * A deliberately wrong Ocamba client, written the way the vendor's own
 * JavaScript sample reads: it calls `response.json()` after the PATCH and
 * expects the updated contact back with status 200. Ocamba answers 204 with
 * an empty body, so `contact-sandbox verify` fails this client's pact.
 */
export async function updateContact(baseUrl: string, apiKey: string, partnerId: string, contactId: string, patch: { type?: string; value?: string }) {
  const response = await fetch(`${baseUrl}/v1/hood/partners/${partnerId}/contacts/${contactId}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(patch),
  });
  if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
  return (await response.json()) as { id: string; type: string; value: string };
}
