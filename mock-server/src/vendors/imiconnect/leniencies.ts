import { isObject } from '../../core/contract.js';
import { bodyTypeLeniency, trailingSlashLeniency, type Leniency, type LeniencyFinding } from '../../core/leniency.js';
import type { RequestContext } from '../../core/vendor-module.js';
import { coreErrors, IMICONNECT_ERRORS, renderImiconnectError } from './errors.js';
import type { ImiconnectSettings } from './settings.js';
import type { ImiconnectStore } from './store.js';

type Ctx = RequestContext<ImiconnectStore, ImiconnectSettings>;

const WRITES = ['updateProfile', 'createProfile'];
/** Operations whose pages name the key header `key` only (the read pages also say `secretKey`: docs/vendors/imiconnect.md M-7). */
const KEY_ONLY = [...WRITES, 'deleteProfile', 'deleteProfileV1', 'deleteProfiles'];

/** The records of a write as sent (either spelling of the array), for the spelling checks. */
function records(ctx: Ctx): { readonly key: string; readonly list: readonly unknown[] } | undefined {
  const body = ctx.request.body;
  if (!isObject(body)) return undefined;
  const key = body['Records'] !== undefined ? 'Records' : 'records';
  const list = body[key];
  return Array.isArray(list) ? { key, list } : undefined;
}

/**
 * Records that carry a key only in the table's spelling (`customerid`), not in
 * the examples' (`customerId`): where the first one is and how many there are.
 */
function tableSpelling(ctx: Ctx, examples: string, table: string): LeniencyFinding | undefined {
  const found = records(ctx);
  if (found === undefined) return undefined;
  let first = -1;
  let count = 0;
  found.list.forEach((record, i) => {
    if (isObject(record) && record[examples] === undefined && record[table] !== undefined) {
      if (first < 0) first = i;
      count++;
    }
  });
  if (count === 0) return undefined;
  return {
    where: `/${found.key}/${first}/${table}`,
    message: `${count} record${count === 1 ? '' : 's'} spelled "${table}" (the body table's spelling); the vendor's examples send "${examples}"`,
  };
}

/** An attribute value that is a number or a boolean: the examples send strings only. */
function nonStringAttribute(ctx: Ctx): LeniencyFinding | undefined {
  const found = records(ctx);
  if (found === undefined) return undefined;
  for (let i = 0; i < found.list.length; i++) {
    const record = found.list[i];
    if (!isObject(record)) continue;
    const key = record['Attributes'] !== undefined ? 'Attributes' : 'attributes';
    const attributes = record[key];
    if (!isObject(attributes)) continue;
    for (const [name, value] of Object.entries(attributes)) {
      if (typeof value === 'number' || typeof value === 'boolean') {
        return {
          where: `/${found.key}/${i}/${key}/${name}`,
          message: `attribute "${name}" sent as the ${typeof value} ${String(value)} was stored as a string; the vendor's examples send strings`,
        };
      }
    }
  }
  return undefined;
}

const IMICONNECT_CODES: ReadonlySet<string> = new Set(Object.keys(IMICONNECT_ERRORS));

/** The 7xxx code of an IMIconnect error envelope, if the outcome is one. */
function errorCode(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body['response'])) return undefined;
  const code = body['response']['code'];
  return typeof code === 'string' && IMICONNECT_CODES.has(code) ? code : undefined;
}

/**
 * Where the IMIconnect emulation accepts more than seed 001 and the vendor's
 * pages promise (docs/leniencies.md). Strict mode answers the code the vendor
 * documents for that kind of bad request, under HTTP 200 like every strict
 * IMIconnect answer (see imiconnect/http-status).
 */
export const leniencies: readonly Leniency<ImiconnectStore, ImiconnectSettings>[] = [
  bodyTypeLeniency({
    id: 'imiconnect/content-type',
    description: 'A body without Content-Type, or under another type, is read as JSON.',
    source: 'seed 001, request headers: "content-type: application/json" (docs/decisions/0202-imiconnect-requests.md)',
    strict: '7000 Invalid JSON',
    documented: ['application/json'],
    refuse: (ctx) => renderImiconnectError('7000', ctx),
  }),
  {
    kind: 'request',
    id: 'imiconnect/records-spelling',
    description: 'The records array is also read as "records" (lower case).',
    source: 'seed 001, request examples: "Records" (docs/vendors/imiconnect.md M-4)',
    strict: '7003 Mandatory parameters missing',
    operations: WRITES,
    detect: (ctx) => {
      const body = ctx.request.body;
      if (!isObject(body) || body['Records'] !== undefined || body['records'] === undefined) return undefined;
      return { where: '/records', message: 'the records were sent as "records"; the vendor\'s examples send "Records"' };
    },
    refuse: (ctx) => renderImiconnectError('7003', ctx),
  },
  {
    kind: 'request',
    id: 'imiconnect/customerid-spelling',
    description: 'A record\'s id is also read as "customerid", the body table\'s spelling.',
    source: 'seed 001, request examples: "customerId" (the table writes "customerid"; docs/vendors/imiconnect.md M-4)',
    strict: '7003 Mandatory parameters missing',
    operations: WRITES,
    detect: (ctx) => tableSpelling(ctx, 'customerId', 'customerid'),
    refuse: (ctx) => renderImiconnectError('7003', ctx),
  },
  {
    kind: 'request',
    id: 'imiconnect/attributes-spelling',
    description: 'A record\'s attributes are also read as "attributes", the body table\'s spelling.',
    source: 'seed 001, request examples: "Attributes" (the table writes "attributes"; docs/vendors/imiconnect.md M-4)',
    strict: '7003 Mandatory parameters missing',
    operations: WRITES,
    detect: (ctx) => tableSpelling(ctx, 'Attributes', 'attributes'),
    refuse: (ctx) => renderImiconnectError('7003', ctx),
  },
  {
    kind: 'request',
    id: 'imiconnect/attribute-types',
    description: 'An attribute value that is a number or a boolean is stored as a string.',
    source: 'seed 001: attributes are a "String of key/value pairs", every example value a string (docs/decisions/0202-imiconnect-requests.md)',
    strict: '7011 Invalid Attribute Value',
    operations: WRITES,
    detect: nonStringAttribute,
    refuse: (ctx) => renderImiconnectError('7011', ctx),
  },
  {
    kind: 'request',
    id: 'imiconnect/secretkey-header',
    description: 'The key is also read from a "secretKey" header on creates, updates and deletes.',
    source: 'seed 001 and the create/delete pages: header "key" (only the read pages say "secretKey": docs/vendors/imiconnect.md M-7)',
    strict: '7002 Service Key Missing',
    operations: KEY_ONLY,
    detect: (ctx) => {
      const headers = ctx.request.headers;
      const key = headers['key'];
      // Admission read `key` when it was sent (not empty), as it does before `secretKey`.
      if (headers['secretkey'] === undefined || (Array.isArray(key) ? key[0] : key)?.trim()) return undefined;
      return { where: 'secretKey', message: 'the key came in "secretKey"; this operation\'s page names the header "key"' };
    },
    refuse: (ctx) => renderImiconnectError('7002', ctx),
  },
  trailingSlashLeniency({
    id: 'imiconnect/trailing-slash',
    source: 'seed 001 and the vendor pages: paths without a trailing "/" (docs/vendors/imiconnect.md §2.1)',
    strict: '404 in the route-error envelope (decision 0203)',
    refuse: (ctx) => coreErrors.routeNotFound(ctx),
  }),
  {
    kind: 'answer',
    id: 'imiconnect/http-status',
    description: 'Error codes come with a 4xx/5xx HTTP status (httpStatus.byCode), which the vendor does not document: a client reading only the status passes here.',
    source: 'seed 001, response codes: codes in the body only, no HTTP status (docs/vendors/imiconnect.md §2.2, docs/decisions/0200-imiconnect-http-status.md)',
    strict: 'HTTP 200 with the same body, as httpStatus.alwaysOk answers',
    detect: (outcome) => {
      if (outcome.status === 200) return undefined;
      const code = errorCode(outcome.body);
      if (code === undefined) return undefined;
      return {
        where: 'status',
        message: `${code} was answered with HTTP ${outcome.status}; IMIconnect documents no HTTP status for its codes (the real API may answer 200): read response.code`,
      };
    },
    strictAnswer: (outcome) => ({ ...outcome, status: 200 }),
  },
];
