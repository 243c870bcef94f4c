/**
 * The provider side's evidence for a bi-directional contract: what shows that
 * the sandbox answers as each vendor's OpenAPI contract says
 * (docs/decisions/0518). Every contract example that claims to be the
 * sandbox's answer is replayed against a sandbox started here, and the report
 * names each example, its result, and the operations no example reaches.
 */
import { isObject } from '../mock-server/src/core/contract.js';
import { createSandbox } from '../mock-server/src/index.js';
import { vendorTesting } from '../mock-server/src/vendors/testing.js';
import { EXAMPLES_SANDBOX, exampleClaims, replayClaim } from './sandbox-examples.js';

export interface SelfVerification {
  readonly vendor: string;
  readonly ok: boolean;
  /** Plain text, one line per example, then the operations reached and a summary line. */
  readonly report: string;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Replays each vendor's examples against one in-process sandbox (seed and clock of the examples), closed afterwards. */
export async function selfVerify(vendors: readonly { readonly id: string; readonly contract: string; readonly document: unknown }[]): Promise<SelfVerification[]> {
  const sandbox = createSandbox({ ...EXAMPLES_SANDBOX });
  const running = await sandbox.listen(0, '127.0.0.1');
  try {
    const out: SelfVerification[] = [];
    for (const vendor of vendors) {
      const testing = await vendorTesting(vendor.id);
      const lines: string[] = [];
      let failed = 0;
      const claims = exampleClaims(vendor.id, vendor.document);
      const reached = new Set<string>();
      for (const claim of claims) {
        const problems = await replayClaim(running.url, claim, (url, session) => testing.admittedHeaders(url, session));
        const request = claim.request;
        const what = request?.method === undefined ? '' : `  ${request.method.toUpperCase()} ${request.path ?? ''} → ${request.status}`;
        lines.push(`${problems.length === 0 ? '✔' : '✘'} ${claim.pointer}${what}${problems.map((p) => `\n    ${p}`).join('')}`);
        if (problems.length > 0) failed++;
        // The operation the request reaches, as the sandbox's router sees it (an example under components/responses names none itself).
        const route = request?.method === undefined ? undefined : sandbox.route(request.method.toUpperCase(), (request.path ?? '').split('?')[0]!);
        if (route?.kind === 'operation' && route.vendor === vendor.id) reached.add(route.operation.operationId);
      }
      const operations = allOperations(vendor.document);
      const unreached = operations.filter((o) => !reached.has(o));
      const ok = failed === 0 && claims.length > 0;
      const report = [
        `contact-sandbox self-verification of ${vendor.contract}`,
        `Every contract example that claims to be the sandbox's answer, replayed against the sandbox (seed ${EXAMPLES_SANDBOX.seed}, clock ${EXAMPLES_SANDBOX.clock}) and compared with the example (response examples: status, media type, whole body; request examples: status and the fields the example names).`,
        '',
        ...lines,
        '',
        `Operations with a replayed example: ${operations.length - unreached.length} of ${operations.length}${unreached.length ? ` (none for ${unreached.join(', ')})` : ''}`,
        `${claims.length - failed} of ${claims.length} example(s) reproduced: ${ok ? 'passed' : 'failed'}`,
        '',
      ].join('\n');
      out.push({ vendor: vendor.id, ok, report });
    }
    return out;
  } finally {
    await running.close();
  }
}

function allOperations(document: unknown): string[] {
  const paths = isObject(document) && isObject(document['paths']) ? document['paths'] : {};
  return Object.values(paths).flatMap((item) =>
    isObject(item) ? Object.entries(item).flatMap(([method, op]) => (METHODS.has(method) && isObject(op) && typeof op['operationId'] === 'string' ? [op['operationId']] : [])) : [],
  );
}
