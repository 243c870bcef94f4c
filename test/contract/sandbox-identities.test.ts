import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';

/** README's "Sandbox identities" section, up to the next heading. */
const section = /## Sandbox identities\n([\s\S]*?)\n## /.exec(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8'))?.[1] ?? '';

describe("each vendor's sandbox identities (vendors/<id>/identities.ts, listed by GET /__admin/vendors and the dashboard)", () => {
  it('README has the section', () => {
    expect(section).toContain('| vendor | credential | records |');
  });

  it.each(VENDORS.map((v) => [v.id, v] as const))('%s: every credential is one README names', (_id, vendor) => {
    expect(vendor.identities.length).toBeGreaterThan(0);
    for (const identity of vendor.identities) {
      for (const [name, value] of Object.entries(identity.credentials)) {
        // README gives a Basic credential as user and password; the identity, as the header sends it.
        const basic = /^Basic (\S+)$/.exec(value);
        const parts = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [value.replace(/^Bearer /, '')];
        for (const part of parts) expect(section, `${vendor.id} ${identity.name} ${name}`).toContain(part);
      }
    }
  });
});
