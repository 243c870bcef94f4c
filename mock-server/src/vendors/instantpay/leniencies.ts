import { bodyTypeLeniency, quoted, trailingSlashLeniency, type Leniency, type LeniencyFinding } from '../../core/leniency.js';
import type { RequestContext } from '../../core/vendor-module.js';
import { coreErrors, renderInstantpayError } from './errors.js';
import type { InstantpaySettings } from './settings.js';
import type { InstantpayStore } from './store.js';

type Ctx = RequestContext<InstantpayStore, InstantpaySettings>;

/** The headers admission reads with "the last value counts" (credentials.ts `lastHeader`), and what a wrong one answers. */
const READ_HEADERS: Readonly<Record<string, { readonly name: string; readonly refuse: (ctx: Ctx) => ReturnType<typeof renderInstantpayError> }>> = {
  'x-ipay-auth-code': { name: 'X-Ipay-Auth-Code', refuse: (ctx) => renderInstantpayError('RPI', ctx, { status: 'The X-Ipay-Auth-Code header must have valid authCode.' }) },
  'x-ipay-endpoint-ip': { name: 'X-Ipay-Endpoint-Ip', refuse: (ctx) => renderInstantpayError('RPI', ctx, { status: 'The X-Ipay-Endpoint-Ip header must have valid IP address.' }) },
  'x-ipay-client-id': { name: 'X-Ipay-Client-Id', refuse: (ctx) => renderInstantpayError('IAC', ctx) },
  'x-ipay-client-secret': { name: 'X-Ipay-Client-Secret', refuse: (ctx) => renderInstantpayError('IAC', ctx) },
};

const READ_NAMES = Object.keys(READ_HEADERS);

/**
 * The first `X-Ipay-*` header admission reads whose lines (or comma-joined
 * members) disagree: the sandbox took the last value (docs/decisions/0106). The same
 * value repeated (the seed's `{{authCode}}` once filled in as 1) reads the same
 * whichever one a server takes, so it is no leniency.
 */
function disagreeingHeader(ctx: Ctx): LeniencyFinding | undefined {
  // Node joins repeated lines of these headers with ", ": without a comma, each was sent once with one value (no allocation).
  const headers = ctx.request.headers;
  if (!READ_NAMES.some((name) => headers[name]?.includes(','))) return undefined;
  const raw = ctx.request.rawHeaders;
  for (const lower of READ_NAMES) {
    const sent: string[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if (raw[i]!.toLowerCase() === lower)
        sent.push(
          ...raw[i + 1]!.split(',')
            .map((m) => m.trim())
            .filter((m) => m !== ''),
        );
    }
    if (new Set(sent).size < 2) continue;
    const header = READ_HEADERS[lower]!.name;
    return { where: header, message: `${header} was sent with the values ${quoted(sent.join(' | '))}; the sandbox read the last one ${quoted(sent[sent.length - 1]!)}` };
  }
  return undefined;
}

/**
 * Where the Instantpay emulation accepts more than seed 000 and the vendor's
 * pages promise (docs/leniencies.md). Strict mode answers what Instantpay
 * answers for that kind of bad request: RPI with Laravel's words, or IAC.
 */
export const leniencies: readonly Leniency<InstantpayStore, InstantpaySettings>[] = [
  bodyTypeLeniency({
    id: 'instantpay/content-type',
    description: "A body without Content-Type (the seed's curl sends none, so curl labels it form-urlencoded), or under another type, is read as JSON.",
    source: 'seed 000, raw HTTP request: "Content-Type: application/json" (docs/vendors/instantpay.md I-2)',
    strict: 'RPI with the first mandatory field reported missing ("The contact id field is required."), as Laravel reads a body that is not JSON',
    documented: ['application/json'],
    refuse: (ctx) => coreErrors.malformedBody(ctx, 'not declared as JSON'),
  }),
  {
    kind: 'request',
    id: 'instantpay/repeated-header',
    description: 'One of the X-Ipay headers admission reads, sent several times (or as a comma-joined list) with different values counts with its last value.',
    source: 'the vendor\'s header tables: one value each, X-Ipay-Auth-Code "1 (Fixed)" (docs/vendors/instantpay.md I-1, docs/decisions/0106-instantpay-header-lists.md)',
    strict: 'RPI "The X-Ipay-Auth-Code header must have valid authCode." (or the Endpoint-Ip text); IAC "Invalid Dealer Credentials" for the client id or secret',
    detect: disagreeingHeader,
    refuse: (ctx, finding) => READ_HEADERS[finding.where.toLowerCase()]!.refuse(ctx),
  },
  trailingSlashLeniency({
    id: 'instantpay/trailing-slash',
    source: 'seed 000 and the vendor pages: "/contacts/profile", "/contacts/tag", "/contacts/person" without a trailing "/" (docs/vendors/instantpay.md §1.7)',
    strict: 'ERR "Route Not Found", HTTP 404 (decision 0103)',
    refuse: (ctx) => coreErrors.routeNotFound(ctx),
  }),
];
