import type { ResultCodes } from '../../core/coverage-outcomes.js';
import type { operations } from './generated/contract.js';

const AUTH = ['7001', '7002'];
const BODY = ['7000', '7003', '7011', '7012'];

/**
 * IMIconnect's outcomes are its codes: `response.code` in the queued and
 * error envelopes, `code` at the top of Get Profile(s) and Get Profile Status
 * (contracts/imiconnect/openapi.yaml). Its HTTP statuses are the sandbox's
 * mapping, which the vendor does not document (docs/vendors/imiconnect.md
 * §2.2), so a code counts whatever status carried it (`httpStatus.alwaysOk`).
 * Per operation, the codes of its responses that apply to it: the shared
 * NotFound response lists 7014, 7203 and 7600, of which update and get answer
 * 7014, delete 7203 and status 7600; only delete answers 7208 for the
 * allow-list (docs/vendors/imiconnect.md M-8).
 */
export const resultCodes: ResultCodes<operations> = {
  read: ({ body }) => {
    if (typeof body !== 'object' || body === null) return undefined;
    const { response, code } = body as { response?: { code?: unknown }; code?: unknown };
    const found = typeof response === 'object' && response !== null ? response.code : code;
    return typeof found === 'string' ? found : undefined;
  },
  documented: {
    updateProfile: { '200': ['1001'], '400': BODY, '401': AUTH, '403': ['7010'], '404': ['7014'], '500': ['7006'] },
    createProfile: { '200': ['1001'], '400': BODY, '401': AUTH, '403': ['7010'], '409': ['7015'], '500': ['7006'] },
    getProfile: { '200': ['1000'], '400': ['7003'], '401': AUTH, '403': ['7010'], '404': ['7014'], '500': ['7006'] },
    deleteProfile: { '200': ['1001'], '401': AUTH, '403': ['7208'], '404': ['7203'], '500': ['7006'] },
    getProfiles: { '200': ['1000'], '400': ['7003'], '401': AUTH, '403': ['7010'], '404': ['7014'], '500': ['7006'] },
    deleteProfiles: { '200': ['1001'], '400': ['7003', '7012'], '401': AUTH, '403': ['7208'], '404': ['7203'], '500': ['7006'] },
    getProfileV1: { '200': ['1000'], '400': ['7003'], '401': AUTH, '403': ['7010'], '404': ['7014'], '500': ['7006'] },
    deleteProfileV1: { '200': ['1001'], '401': AUTH, '403': ['7208'], '404': ['7203'], '500': ['7006'] },
    getProfileStatus: { '200': ['1000', '1002'], '401': AUTH, '403': ['7010'], '404': ['7600'], '500': ['7006'] },
  },
};
