import { escapePointer, isObject, type Contract } from '../../mock-server/src/core/contract.js';
import type { FuzzResponse } from './http-client.js';
import type { FuzzCase } from './request-arbitraries.js';
import type { FuzzTarget } from './targets.js';

/**
 * What is wrong with an answer, measured against the contract: a 5xx, or an
 * answer the operation does not declare. An answer to another method or to a
 * path the operation does not take (a route-level answer) must still be a
 * refusal among the vendor's declared responses (`#/components/responses/*`).
 */
export function answerProblems(contract: Contract, target: FuzzTarget, fuzzCase: FuzzCase, res: FuzzResponse): string[] {
  if (res.status >= 500) return [`status ${res.status}`];
  // HEAD answers carry no body to check, and the rest of the answer is GET's.
  if (fuzzCase.request.method === 'HEAD') return [];
  const { op } = fuzzCase.operation;
  // Another method on the same path is another operation when the contract has one.
  const operationId = fuzzCase.ownMethod ? op.operationId : [...contract.operations.values()].find((o) => o.path === op.path && o.method === fuzzCase.request.method)?.operationId;
  const parts = { status: res.status, headers: res.headers as Record<string, string>, body: res.body };
  const own = operationId !== undefined && contract.responsePointer(operationId, res.status) !== undefined ? contract.validateResponse(operationId, parts) : undefined;
  if (own !== undefined && own.length === 0) return [];
  // A bent path can reach another operation of the same method (`/api/v1/Contacts/` is Loyaltii's PATCH of many).
  for (const other of contract.operations.values()) {
    if (other.method !== fuzzCase.request.method || other.operationId === operationId || contract.responsePointer(other.operationId, res.status) === undefined) continue;
    if (contract.validateResponse(other.operationId, parts).length === 0) return [];
  }
  // iService answers route-level errors with 200 by default: the vendor's own refusal test decides what is an error.
  if (target.refused(res.status, res.body) && routeLevelAnswer(contract, res)) return [];
  return (
    own ?? [
      `status ${res.status} is not declared for ${operationId ?? `${fuzzCase.request.method} ${op.path}`}, and the answer is no refusal among the vendor's declared responses`,
    ]
  );
}

const routeLevel = new WeakMap<Contract, ((res: FuzzResponse) => boolean)[]>();

/** True when the answer matches one of the vendor's reusable responses (status family, media type and schema). */
function routeLevelAnswer(contract: Contract, res: FuzzResponse): boolean {
  let checks = routeLevel.get(contract);
  if (!checks) {
    const responses = isObject(contract.document['components']) && isObject(contract.document['components']['responses']) ? contract.document['components']['responses'] : {};
    checks = Object.entries(responses).flatMap(([name, response]) => {
      const content = isObject(response) && isObject(response['content']) ? response['content'] : {};
      return Object.keys(content).map((mediaType) => {
        const validate = contract.schemaValidator(`#/components/responses/${escapePointer(name)}/content/${escapePointer(mediaType)}/schema`);
        return (r: FuzzResponse) =>
          String(r.headers['content-type'] ?? '')
            .split(';')[0]!
            .trim() === mediaType && validate(r.body).length === 0;
      });
    });
    routeLevel.set(contract, checks);
  }
  return checks.some((check) => check(res));
}

/** Own properties of the built-in prototypes, to compare after a run (prototype pollution leaves new ones). */
export function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join(',')).join('|');
}
