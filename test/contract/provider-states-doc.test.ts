import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVIDER_STATES_DOC, providerStatesDoc } from '../../scripts/provider-states-doc.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';

describe('docs/provider-states.md', () => {
  it('is what the vendors declare (npm run docs:provider-states writes it)', () => {
    expect(readFileSync(PROVIDER_STATES_DOC, 'utf8')).toBe(providerStatesDoc());
  });

  it('names every declared state and parameter', () => {
    const doc = readFileSync(PROVIDER_STATES_DOC, 'utf8');
    for (const state of VENDORS.flatMap((v) => v.providerStates)) {
      expect(doc).toContain(`### \`${state.name}\``);
      for (const p of state.params) expect(doc).toContain(`| \`${p.name}\` | ${p.type} | ${p.required ? 'yes' : 'no'} |`);
    }
  });
});
