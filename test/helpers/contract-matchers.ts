import { join } from 'node:path';
import type { Response } from 'supertest';
import { Contract } from '../../mock-server/src/core/contract.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';

const contracts = new Map<string, Contract>();

/** A vendor's contract (`admin` for the admin API), loaded once per test process. */
export function contractOf(vendor: string): Contract {
  let contract = contracts.get(vendor);
  if (!contract) {
    const file = vendor === 'admin' ? 'contracts/admin.openapi.yaml' : `contracts/${vendor}/openapi.yaml`;
    contract = Contract.load(vendor, join(PROJECT_ROOT, file));
    contracts.set(vendor, contract);
  }
  return contract;
}

/** The parsed body of a supertest response, or undefined when it was empty. */
export function bodyOf(res: Response): unknown {
  if (res.text === '' || res.text === undefined) return undefined;
  return (res.headers['content-type'] ?? '').includes('json') ? (JSON.parse(res.text) as unknown) : res.text;
}

/** Problems with a response measured against the operation it answers. */
export function contractProblems(res: Response, vendor: string, operationId: string): string[] {
  return contractOf(vendor).validateResponse(operationId, { status: res.status, headers: res.headers as Record<string, string>, body: bodyOf(res) });
}

/** Problems with a body measured against `#/components/schemas/<name>` or `#/components/responses/<name>` of a contract. */
export function schemaProblems(vendor: string, pointer: string, value: unknown): string[] {
  return contractOf(vendor)
    .schemaValidator(pointer)(value)
    .map((i) => `${i.path.join('.')}: ${i.message}`);
}
