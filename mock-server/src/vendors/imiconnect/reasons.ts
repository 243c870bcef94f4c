import { shown, type Explanation } from '../../core/explain.js';
import type { ImiconnectErrorCode } from './errors.js';
import type { ImiconnectSettings } from './settings.js';

const CODES = 'docs/vendors/imiconnect.md §2.4';

/** What IMIconnect's own rules refuse with each code, for the journal (core/explain.ts); contract violations are explained by the core. */
export interface ReasonContext {
  readonly settings: ImiconnectSettings;
  readonly request: { readonly path: string; readonly clientIp: string };
}

/** `where` names the request part the customers came from (`/Records`, `path:customerid`, `query:customerId`) for the not-found codes. */
export function reasonFor(code: ImiconnectErrorCode, ctx: ReasonContext, got?: string, where = '/Records'): Explanation {
  switch (code) {
    case '7002':
      return { rule: 'credentials', where: 'header:key', expected: 'the Client Profile Key in key (or secretKey)', got: 'absent', source: 'docs/vendors/imiconnect.md §2.2' };
    case '7001':
      return { rule: 'credentials', where: 'header:key', expected: "a tenant's Client Profile Key", got: got ?? 'unknown key', source: 'docs/vendors/imiconnect.md §2.2' };
    case '7010':
    case '7208':
      return {
        rule: 'ip-allow-list',
        where: 'client-ip',
        expected: "an address on the tenant's IP allow-list",
        got: shown(ctx.request.clientIp),
        source: 'docs/vendors/imiconnect.md §2.2 (M-8)',
      };
    case '7012':
      return {
        rule: 'batch-limit',
        where: '/Records',
        expected: `at most ${ctx.settings.batchLimit} records`,
        got: got ?? 'more',
        source: 'docs/vendors/imiconnect.md §2.3 (M-3)',
      };
    case '7014':
    case '7203':
      return { rule: 'not-found', where, expected: "customers the tenant's profiles hold", got: got ?? 'none of them known', source: CODES };
    case '7015':
      return { rule: 'already-exists', where, expected: 'customers not yet created', got: got ?? 'every one exists', source: CODES };
    case '7600':
      return { rule: 'not-found', where: 'path:transid', expected: 'a finished transaction of the tenant', got: ctx.request.path, source: `${CODES} (Get Profile Status)` };
    default:
      return { rule: `code-${code}`, where: 'body', expected: 'a valid request', got: got ?? code, source: CODES };
  }
}
