import { explainedError, shown } from '../../core/explain.js';
import type { Admission, RequestContext } from '../../core/vendor-module.js';
import { imiconnectError, type ImiconnectErrorCode } from './errors.js';
import { reasonFor } from './reasons.js';
import type { Tenant } from './fixtures.js';
import type { ImiconnectSettings } from './settings.js';
import type { ImiconnectStore } from './store.js';

/** Operations whose page documents 7208 instead of 7010 for a caller outside the allow-list (docs/vendors/imiconnect.md M-8). */
const DELETE_OPERATIONS: ReadonlySet<string> = new Set(['deleteProfile', 'deleteProfileV1', 'deleteProfiles']);

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}

/**
 * The Client Profile Key in `key`, or in `secretKey` as the read pages name
 * it (docs/vendors/imiconnect.md M-7): none is 7002, an unknown one 7001. Then the tenant's IP
 * allow-list (or the one the settings impose): 7010, or 7208 on delete.
 * Node lower-cases header names, so `secretKey` arrives as `secretkey`.
 */
export function admit(ctx: RequestContext<ImiconnectStore, ImiconnectSettings>): Admission<Tenant> {
  const key = headerValue(ctx.request.headers['key']) ?? headerValue(ctx.request.headers['secretkey']);
  const refuse = (code: ImiconnectErrorCode, got?: string) => explainedError(imiconnectError(code, ctx), reasonFor(code, ctx, got));
  if (key === undefined) throw refuse('7002');
  const tenant = ctx.state.tenant(key);
  if (!tenant) throw refuse('7001', `unknown key ${shown(key)}`);
  if (!ctx.state.allowList(tenant, ctx.settings.allowedIps).allows(ctx.request.clientIp)) throw refuse(DELETE_OPERATIONS.has(ctx.operationId) ? '7208' : '7010');
  return { principal: tenant };
}
