import type { ResultCodes } from '../../core/coverage-outcomes.js';
import { INSTANTPAY_ERRORS } from './errors.js';
import type { operations } from './generated/contract.js';

const FAILURES = Object.keys(INSTANTPAY_ERRORS);

/** Every operation answers `TXN` or any code of the vendor's error-code list, under whatever HTTP status the settings give it (contracts/instantpay/openapi.yaml, FailureEnvelope). */
const EVERY_OPERATION = { '200': ['TXN', ...FAILURES], '4XX': FAILURES, '5XX': FAILURES } as const;

/**
 * Instantpay's outcomes are its envelope's `statuscode` (docs/vendors/instantpay.md §1.3, §1.4):
 * business outcomes travel with HTTP 200, and a scenario may move a failure
 * code to a 4xx/5xx, so a code counts whatever status carried it.
 */
export const resultCodes: ResultCodes<operations> = {
  read: ({ body }) => {
    const code = typeof body === 'object' && body !== null ? (body as { statuscode?: unknown }).statuscode : undefined;
    return typeof code === 'string' ? code : undefined;
  },
  documented: {
    listContacts: EVERY_OPERATION,
    addContact: EVERY_OPERATION,
    updateContact: EVERY_OPERATION,
    deleteContact: EVERY_OPERATION,
    listTags: EVERY_OPERATION,
    addTag: EVERY_OPERATION,
    updateTag: EVERY_OPERATION,
    deleteTag: EVERY_OPERATION,
    listPersons: EVERY_OPERATION,
    addPerson: EVERY_OPERATION,
    updatePerson: EVERY_OPERATION,
    deletePerson: EVERY_OPERATION,
  },
};
