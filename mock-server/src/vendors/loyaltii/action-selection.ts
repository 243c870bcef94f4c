import { match, type MatchFunction } from 'path-to-regexp';
import { escapePointer, isObject, type Contract } from '../../core/contract.js';
import { toExpressPath } from '../../core/router.js';

/**
 * What Web API 2 does between "the path looks like a route" and "this action
 * runs", which the contract's path templates cannot say on their own:
 *
 * - integer path parameters carry the `{id:int}` constraint: `/Contacts/abc`
 *   (or a number beyond Int32) matches no route at all, so it is a 404, not a
 *   400 (docs/vendors/loyaltii.md §3.7 item 8);
 * - a required query parameter takes part in action selection: `GET
 *   /api/v1/Contacts` without `secret` selects no GET action, and Web API
 *   answers 405 naming the methods whose actions it could select (PATCH,
 *   POST), as `ApiControllerActionSelector` does.
 */
export type ActionSelection = { readonly kind: 'selected' } | { readonly kind: 'no-route' } | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] };

interface Action {
  readonly operationId: string;
  readonly method: string;
  readonly matches: MatchFunction<Partial<Record<string, string>>>;
  readonly intParams: readonly string[];
  readonly requiredQuery: readonly string[];
}

/** An integer as Web API 2's model binding reads it from text: surrounding spaces and a sign allowed. */
export const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const actionsByContract = new WeakMap<Contract, readonly Action[]>();

function actionsOf(contract: Contract): readonly Action[] {
  let actions = actionsByContract.get(contract);
  if (!actions) {
    actions = [...contract.operations].map(([operationId, op]) => {
      const pathItem = contract.dereferenced(`#/paths/${escapePointer(op.path)}`);
      const operation = isObject(pathItem) ? pathItem[op.method.toLowerCase()] : undefined;
      const params = [pathItem, operation].flatMap((node) => (isObject(node) && Array.isArray(node['parameters']) ? node['parameters'].filter(isObject) : []));
      const named = (where: string, test: (p: Record<string, unknown>) => boolean) => params.filter((p) => p['in'] === where && test(p)).map((p) => String(p['name']));
      return {
        operationId,
        method: op.method,
        matches: match<Partial<Record<string, string>>>(toExpressPath(op.path), { sensitive: false, decode: false }),
        intParams: named('path', (p) => isObject(p['schema']) && p['schema']['type'] === 'integer'),
        requiredQuery: named('query', (p) => p['required'] === true).map((name) => name.toLowerCase()),
      };
    });
    actionsByContract.set(contract, actions);
  }
  return actions;
}

function isInt32(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return false;
  }
  if (!INTEGER_TEXT.test(decoded)) return false;
  const value = Number(decoded);
  return value >= -2_147_483_648 && value <= 2_147_483_647;
}

function routes(action: Action, path: string): boolean {
  const found = action.matches(path);
  return found !== false && action.intParams.every((name) => isInt32(found.params[name]));
}

/**
 * Selects the action for a request the way Web API 2 would. `query` is
 * undefined where it is not known (answers rendered before an operation
 * matched): actions that need a query parameter then count as not selectable.
 * `operationId`, the operation the sandbox routed the request to: when its own
 * action is selectable, that is the answer, without trying every other action.
 */
export function selectAction(contract: Contract, method: string, path: string, query: Readonly<Record<string, unknown>> | undefined, operationId?: string): ActionSelection {
  const present = new Set(Object.keys(query ?? {}).map((name) => name.toLowerCase()));
  const actions = actionsOf(contract);
  const own = operationId === undefined ? undefined : actions.find((action) => action.operationId === operationId);
  if (own && own.method === method && routes(own, path) && own.requiredQuery.every((name) => present.has(name))) return { kind: 'selected' };
  const routed = actions.filter((action) => routes(action, path));
  if (routed.length === 0) return { kind: 'no-route' };
  const selectable = routed.filter((action) => action.requiredQuery.every((name) => present.has(name)));
  if (selectable.some((action) => action.method === method)) return { kind: 'selected' };
  const allowed = [...new Set(selectable.map((action) => action.method))].sort();
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'no-route' };
}
