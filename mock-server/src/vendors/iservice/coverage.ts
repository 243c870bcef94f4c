import type { ResultCodes } from '../../core/coverage-outcomes.js';
import { ISERVICE_ERRORS, type IServiceErrorCode } from './errors.js';
import type { operations } from './generated/contract.js';
import { LOGIN_REFUSED } from './login-form.js';

/** The outcome of an answer with empty `errors`, and of a refused login (not a catalogue error: a business answer of the login form). */
const OK = 'OK';
const LOGIN_FAILED = 'LOGIN_FAILED';

const CODE_BY_MESSAGE: ReadonlyMap<string, string> = new Map([
  ...Object.entries(ISERVICE_ERRORS).map(([code, entry]): [string, string] => [entry.message, code]),
  [LOGIN_REFUSED, LOGIN_FAILED],
]);

const FORM_ERRORS: readonly IServiceErrorCode[] = ['INVALID_REQUEST', 'MALFORMED_REQUEST', 'UNKNOWN_API'];
const CUSTINFO_ERRORS: readonly IServiceErrorCode[] = [
  'NOT_LOGGED_IN',
  'INVALID_SECURITY_TOKEN',
  'ACCESS_DENIED',
  'CONTACT_NOT_FOUND',
  'INVALID_PROPERTY',
  'INVALID_SEGMENT',
  'LOGIN_IN_USE',
  ...FORM_ERRORS,
];

/**
 * iService's answers name no code: `{errors: [message], errorDetails}`, empty
 * arrays for success (docs/vendors/iservice.md §5.2). The outcome is the
 * catalogue entry whose message is `errors[0]` (the first failure gives the
 * status too), so a code counts whatever status carried it (`notLoggedInStatus`).
 * The login form answers no "not logged in" (its 401 lists no code here).
 */
export const resultCodes: ResultCodes<operations> = {
  read: ({ body }) => {
    const errors = typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
    if (!Array.isArray(errors)) return undefined;
    const [first] = errors as unknown[];
    return first === undefined ? OK : typeof first === 'string' ? CODE_BY_MESSAGE.get(first) : undefined;
  },
  documented: {
    webappApiLogin: {
      '200': [OK, LOGIN_FAILED, ...FORM_ERRORS],
      '401': [],
      '413': ['PAYLOAD_TOO_LARGE'],
      '415': ['UNSUPPORTED_MEDIA_TYPE'],
      '500': ['SERVER_ERROR'],
    },
    webappApiCustinfo: {
      '200': [OK, ...CUSTINFO_ERRORS],
      '401': ['NOT_LOGGED_IN'],
      '413': ['PAYLOAD_TOO_LARGE'],
      '415': ['UNSUPPORTED_MEDIA_TYPE'],
      '500': ['SERVER_ERROR'],
    },
  },
};
