import { describe, expect, it } from 'vitest';
import { SANDBOX_ERRORS } from '../../mock-server/src/core/sandbox-errors.js';
import { contractOf } from '../helpers/contract-matchers.js';

const document = contractOf('admin').document as {
  'x-sandbox-errors': { codes: Record<string, { status: number }> };
  components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } };
};

describe("the sandbox's own error catalogue", () => {
  it('declares every code, with its status, in contracts/admin.openapi.yaml, and the contract declares no other', () => {
    const declared = Object.fromEntries(Object.entries(document['x-sandbox-errors'].codes).map(([code, entry]) => [code, entry.status]));
    expect(declared).toEqual(SANDBOX_ERRORS);
  });

  it("lists the same codes in the Error schema's code enum", () => {
    expect([...document.components.schemas.Error.properties.error.properties.code.enum].sort()).toEqual(Object.keys(SANDBOX_ERRORS).sort());
  });
});
