import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';

/**
 * Code that works for every vendor alike: the core, the CLI and `verify`, the
 * fixture generator, the scripts, the generic tests and their helpers. A new
 * vendor must not need an edit here, so none of it may name a vendor id in
 * code (comments may, as examples; prose naming a vendor's title, such as the
 * CLI's description, is not an id). Vendor-specific tests and clients
 * (`test/integration/<id>/`, `test/pact/<id>.*`, `mock-server/src/clients/<id>.ts`) and the
 * shared identities are about one vendor by nature and are not in this list.
 */
const GENERIC = ['mock-server/src', 'mock-server/ui', 'fixtures', 'scripts', 'test/contract', 'test/helpers'];
const EXEMPT = new Set([
  'test/helpers/identities.ts',
  // Checks of one vendor's documents: each vendor doc's section numbers (docs/vendors/<id>.md), one Loyaltii example under a second validator.
  'test/contract/docs-citations.test.ts',
  'test/contract/third-party-validator.test.ts',
  // A measurement of one vendor's queue, and a sample journal entry (some vendor has to be in it).
  'scripts/measure-imiconnect-puts.ts',
  // Heap per session after each vendor's main write, the same writes bench/vendor-writes.ts sends (session-cost.test.ts runs it).
  'test/helpers/session-heap.ts',
  'test/helpers/journal-record.ts',
  // Generated from vendors/index.ts by `npm run names:generate` (a test keeps it up to date): a sixth vendor regenerates it, no hand edit.
  'mock-server/src/generated-names.ts',
  // This file: the list above names those files.
  'test/contract/vendor-folders.test.ts',
]);
/** Folders of per-vendor code, one file per vendor: the typed reference clients the package exports (`contact-sandbox/clients/<id>`). */
const EXEMPT_DIRS = new Set(['mock-server/src/clients']);

function tsFiles(dir: string): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (EXEMPT_DIRS.has(path)) return [];
      return path === 'mock-server/src/vendors' ? ['mock-server/src/vendors/index.ts', 'mock-server/src/vendors/testing.ts'] : tsFiles(path);
    }
    return entry.name.endsWith('.ts') && !EXEMPT.has(path) ? [path] : [];
  });
}

/** Identifiers and string/template text of a file, comments left out (the parser, not a regex, tells them apart). */
function codeTokens(file: string, source: string): string[] {
  const tokens: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) tokens.push(node.text);
    else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node)) tokens.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true));
  return tokens;
}

describe('a vendor lives in its own folder', () => {
  const ids = VENDORS.map((v) => v.id);
  const files = GENERIC.flatMap(tsFiles);

  it('reads the generic code (the core, the generic tests)', () => {
    expect(files).toContain('mock-server/src/core/create-sandbox.ts');
    expect(files).toContain('test/contract/drift.test.ts');
    expect(files).toContain('mock-server/ui/views/journal.ts');
    expect(files).not.toContain(`mock-server/src/vendors/${VENDORS[0]!.id}/index.ts`);
  });

  it('no generic file names a vendor id in code: a sixth vendor touches its folder and one line of vendors/index.ts', () => {
    const naming = files.flatMap((file) => {
      const tokens = codeTokens(file, readFileSync(join(PROJECT_ROOT, file), 'utf8'));
      return ids.filter((id) => tokens.some((token) => new RegExp(`\\b${id}\\b`).test(token))).map((id) => `${relative('.', file)} names ${id}`);
    });
    // vendors/index.ts is the one list: it names each vendor once, in its import and in the list.
    expect(naming.filter((line) => !line.startsWith('mock-server/src/vendors/index.ts'))).toEqual([]);
  });

  it('the core never imports the vendor dispatcher from the admin API (sandbox errors come from their catalogue)', () => {
    for (const file of files.filter((f) => f.startsWith('mock-server/src/core/admin/'))) {
      expect(readFileSync(join(PROJECT_ROOT, file), 'utf8'), file).not.toMatch(/from '\.\.\/vendor-dispatch\.js'/);
    }
  });
});
