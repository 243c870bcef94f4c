import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLeniencies } from '../../mock-server/src/core/leniency.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';

/** docs/leniencies.md: one table row per declared leniency, `| \`id\` | accepts | source | strict |`. */
const doc = readFileSync(join(PROJECT_ROOT, 'docs/leniencies.md'), 'utf8');
const rows = [...doc.matchAll(/^\| `([^`]+)` \| (.+) \| (.+) \| (.+) \|$/gm)].map(([, id = '', description = '', source = '', strict = '']) => ({
  id,
  description,
  source,
  strict,
}));
const declared = collectLeniencies(VENDORS);

describe('docs/leniencies.md and the declared leniencies', () => {
  it('has a row for every declared leniency and declares every row, each once', () => {
    expect(rows.map((r) => r.id).sort()).toEqual(declared.map((l) => l.id).sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('gives each row the texts the vendor declares (what is accepted, its source, what strict mode answers)', () => {
    const row = (l: (typeof declared)[number]) => `| \`${l.id}\` | ${l.description} | ${l.source} | ${l.strict} |`;
    const stale = declared.filter((l) => !doc.includes(row(l)));
    expect(stale.map(row), 'rows to write into docs/leniencies.md').toEqual([]);
  });

  it('lists each vendor under its own heading, its rows in declaration order', () => {
    for (const vendor of VENDORS) {
      const section = doc.split(/^## /m).find((part) => part.startsWith(`${vendor.title} (\`${vendor.id}\`)`));
      expect(section, `a "## ${vendor.title} (\`${vendor.id}\`)" section`).toBeDefined();
      expect([...section!.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1])).toEqual(vendor.leniencies.map((l) => l.id));
    }
  });
});
