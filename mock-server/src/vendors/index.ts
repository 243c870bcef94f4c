import type { VendorModule } from '../core/vendor-module.js';
import { imiconnect } from './imiconnect/index.js';
import { instantpay } from './instantpay/index.js';
import { iservice } from './iservice/index.js';
import { loyaltii } from './loyaltii/index.js';
import { ocamba } from './ocamba/index.js';

/** Every emulated vendor. The admin API, the drift tests and Pact verification iterate this list. */
export const VENDORS: readonly VendorModule[] = [instantpay, imiconnect, loyaltii, ocamba, iservice];
