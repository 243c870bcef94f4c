import { bodyTypeLeniency, trailingSlashLeniency, type Leniency } from '../../core/leniency.js';
import { renderOcambaError } from './errors.js';
import type { OcambaSettings } from './settings.js';
import type { OcambaStore } from './store.js';

/**
 * Where the Ocamba Hood emulation accepts more than seed 003 and Ocamba's
 * pages promise (docs/leniencies.md). Strict mode answers the error Ocamba
 * documents for the kind of request: the seed's 400 for a body, 404 for a path.
 */
export const leniencies: readonly Leniency<OcambaStore, OcambaSettings>[] = [
  bodyTypeLeniency({
    id: 'ocamba/content-type',
    description: 'A JSON body without Content-Type (or under a "+json" type) is read as JSON; other types are refused with 415.',
    source: 'seed 003: every sample sends "Content-Type: application/json" (docs/decisions/0005-ocamba.md)',
    strict: '400 "The request body is not valid." (the seed\'s documented answer for a body it cannot take)',
    documented: ['application/json'],
    refuse: (ctx) => renderOcambaError('BAD_REQUEST', ctx),
  }),
  trailingSlashLeniency({
    id: 'ocamba/trailing-slash',
    source: 'seed 003 and the Hood pages: paths without a trailing "/" (docs/vendors/ocamba.md §4.4)',
    strict: '404 "The requested resource was not found."',
    refuse: (ctx) => renderOcambaError('NOT_FOUND', ctx),
  }),
];
