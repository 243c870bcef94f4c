import type { Response } from 'supertest';
import { expect } from 'vitest';
import { contractProblems, schemaProblems, bodyOf } from './contract-matchers.js';

interface ContractMatchers<R = unknown> {
  /** The response's status, content type, headers and body are what the vendor's contract declares for this operation. */
  toMatchContract(vendor: string, operationId: string): R;
  /** The body validates against a schema of the contract (a JSON pointer such as `#/components/responses/NotFound/content/application~1json/schema`). */
  toMatchContractSchema(vendor: string, pointer: string): R;
}

// Vitest's own declarations are empty extensions (`Assertion<T = any>`): merging needs the same shape.
/* eslint-disable @typescript-eslint/no-empty-object-type */
declare module 'vitest' {
  interface Assertion<T = any> extends ContractMatchers<T> {}
  interface AsymmetricMatchersContaining extends ContractMatchers {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type */

expect.extend({
  toMatchContract(received: Response, vendor: string, operationId: string) {
    const problems = contractProblems(received, vendor, operationId);
    return {
      pass: problems.length === 0,
      message: () =>
        problems.length === 0
          ? `expected ${received.status} not to match ${vendor} ${operationId}`
          : `${vendor} ${operationId} (HTTP ${received.status}):\n  ${problems.join('\n  ')}\nbody: ${received.text}`,
    };
  },
  toMatchContractSchema(received: Response, vendor: string, pointer: string) {
    const problems = schemaProblems(vendor, pointer, bodyOf(received));
    return {
      pass: problems.length === 0,
      message: () => (problems.length === 0 ? `expected body not to match ${pointer}` : `${vendor} ${pointer}:\n  ${problems.join('\n  ')}\nbody: ${received.text}`),
    };
  },
});
