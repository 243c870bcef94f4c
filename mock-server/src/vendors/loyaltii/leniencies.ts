import type { Leniency } from '../../core/leniency.js';
import type { LoyaltiiSettings } from './settings.js';
import type { LoyaltiiStore } from './store.js';

/**
 * None: the Loyaltii emulation reads requests as ASP.NET Web API 2 does, no
 * more leniently (docs/leniencies.md). Other Content-Types and none at all are
 * Web API's 415; Json.NET's coercions (a number for a string, "5" for an
 * integer) are refused (docs/decisions/0303-loyaltii-validation.md); what it does
 * accept is Web API's own behaviour: case-insensitive routes and query names, a
 * trailing "/", Unicode spaces between JSON tokens (docs/decisions/0011), unknown
 * properties ignored, any valid base64 as a Version.
 */
export const leniencies: readonly Leniency<LoyaltiiStore, LoyaltiiSettings>[] = [];
