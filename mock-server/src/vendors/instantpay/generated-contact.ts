import type { Contract } from '../../core/contract.js';
import { generateEntity } from '../../core/generate-entity.js';
import type { Contact } from './fixtures.js';

/**
 * A contact's own values as the fixture generator makes them: the contract's
 * Contact schema with its faker hints, from (seed, key) alone. Provider states
 * make theirs the same way, from the sandbox's seed.
 */
export function generatedContactFields(contract: Contract, seed: number, key: string): Pick<Contact, 'name' | 'email' | 'mobile' | 'callingCode' | 'companyName'> {
  const generated = generateEntity(contract, 'Contact', seed, key);
  return {
    name: String(generated['name']),
    email: String(generated['email']).toLowerCase(),
    mobile: String(generated['mobile']),
    callingCode: '91',
    companyName: String(generated['companyName']),
  };
}
