import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { citingFiles, rewrite } from '../../scripts/docs-citations.mjs';

/**
 * Source, contract and test comments cite docs/vendors/<vendor>.md by section
 * (§1.6, §2.8.12) or inconsistency id (I-4). These tests hold every such
 * citation to a heading or list item of that file, and keep out citations of
 * the research dossier, which is not in the repository
 * (scripts/docs-citations.mjs rewrites those).
 */
const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');

/** Section numbers and ids a docs/vendors file defines: its headings and bold list-item labels. */
function anchorsOf(doc: string): Set<string> {
  const anchors = new Set<string>();
  for (const m of doc.matchAll(/^#{1,6}[ \t]+(§\d+(?:\.\d+)*)/gm)) anchors.add(m[1] ?? '');
  for (const m of doc.matchAll(/^[ \t]*[-*][ \t]+\*\*(§\d+(?:\.\d+)*|[A-Z]-\d+)\*\*/gm)) anchors.add(m[1] ?? '');
  return anchors;
}

const anchorCache = new Map<string, Set<string> | undefined>();
function anchorsOfFile(path: string): Set<string> | undefined {
  if (!anchorCache.has(path)) anchorCache.set(path, existsSync(join(PROJECT_ROOT, path)) ? anchorsOf(read(path)) : undefined);
  return anchorCache.get(path);
}

// The form the script writes: the file, a space or a comment line break, an optional "(",
// then a section (§ or JSON's \u00a7) or an inconsistency id; "§2.8 item 12" names §2.8.12 too.
const CITATION = /docs\/vendors\/([\w-]+\.md)(?:\s*\n[ \t]*(?:\*|#|\/\/)?[ \t]*|[ \t]+)\(?((?:§|\\u00a7)(\d+(?:\.\d+)*)(?: items? (\d+(?:, \d+)*))?|[ILMOS]-\d+)/g;

const files = [...citingFiles(PROJECT_ROOT), 'README.md'];
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe('citations of docs/vendors', () => {
  it('name a file that exists and a section or id that is a heading or list item in it', () => {
    const unresolved: string[] = [];
    let resolved = 0;
    for (const path of files) {
      const text = read(path);
      if (!text.includes('docs/vendors/')) continue;
      for (const m of text.matchAll(CITATION)) {
        const [, name = '', cited = '', section, items] = m;
        const doc = `docs/vendors/${name}`;
        const wanted = section === undefined ? [cited] : [`§${section}`, ...(items?.split(', ').map((n) => `§${section}.${n}`) ?? [])];
        const anchors = anchorsOfFile(doc);
        for (const id of wanted) {
          if (anchors?.has(id)) resolved++;
          else unresolved.push(`${path}:${lineOf(text, m.index)}: ${doc} ${id}${anchors ? '' : ' (no such file)'}`);
        }
      }
    }
    expect(unresolved, unresolved.join('\n')).toEqual([]);
    expect(resolved).toBeGreaterThan(0);
  });

  it('leave no mention of the dossier, which is not in the repository', () => {
    const left: string[] = [];
    for (const path of files) {
      const text = read(path);
      for (const m of text.matchAll(/dossier/gi)) left.push(`${path}:${lineOf(text, m.index)}`);
    }
    expect(left, `reword these (node scripts/docs-citations.mjs rewrites citations):\n${left.join('\n')}`).toEqual([]);
  });
});

describe('docs/vendors', () => {
  const vendors = ['instantpay', 'imiconnect', 'loyaltii', 'ocamba', 'iservice'];

  it('keeps each vendor at its section number, with its inconsistencies and every checklist item numbered', () => {
    const checklists: Record<string, [string, string, number]> = {
      instantpay: ['§1', '§1.9', 10],
      imiconnect: ['§2', '§2.8', 13],
      loyaltii: ['§3', '§3.7', 11],
      ocamba: ['§4', '§4.6', 10],
      iservice: ['§5', '§5.5', 9],
    };
    for (const vendor of vendors) {
      const anchors = anchorsOfFile(`docs/vendors/${vendor}.md`);
      const [top, checklist, count] = checklists[vendor] ?? ['', '', 0];
      expect(anchors?.has(top), vendor).toBe(true);
      for (let i = 1; i <= count; i++) expect(anchors?.has(`${checklist}.${i}`), `${vendor} ${checklist}.${i}`).toBe(true);
      expect(anchors?.has(`${checklist}.${count + 1}`), vendor).toBe(false);
    }
    const readme = anchorsOfFile('docs/vendors/README.md');
    expect(readme?.has('§0') && readme.has('§6')).toBe(true);
  });
});

describe('scripts/docs-citations.mjs', () => {
  it('rewrites each form of dossier citation to its vendor file, and changes nothing on a second run', () => {
    const before = [
      '/** seed 003, dossier §4. */',
      '// (dossier §1.6, §1.3, L-3) and dossier M-4',
      ' * is the model (dossier\n * §1.5); and shared/vendor-dossier.md §5.',
      '"description": "(dossier \\u00a75.2: 200)"',
      "the first four texts are the dossier's suggestions (§5.2)",
      '(dossier, preamble) and dossier §0, dossier §6.2; Dossier §2 defaults; dossier S-8, O-4, I-1',
    ].join('\n');
    const after = [
      '/** seed 003, docs/vendors/ocamba.md §4. */',
      '// (docs/vendors/instantpay.md §1.6, §1.3, L-3) and docs/vendors/imiconnect.md M-4',
      ' * is the model (docs/vendors/instantpay.md\n * §1.5); and docs/vendors/iservice.md §5.',
      '"description": "(docs/vendors/iservice.md \\u00a75.2: 200)"',
      'the first four texts are the suggestions of docs/vendors/iservice.md (§5.2)',
      '(docs/vendors/README.md §0) and docs/vendors/README.md §0, docs/vendors/README.md §6.2; docs/vendors/imiconnect.md §2 defaults; docs/vendors/iservice.md S-8, O-4, I-1',
    ].join('\n');
    const first = rewrite(before);
    expect(first.text).toBe(after);
    expect(Object.values(first.counts).reduce((a, b) => a + b, 0)).toBe(12);
    expect(rewrite(first.text)).toEqual({ text: after, counts: {} });
  });
});

describe('docs/decisions/README.md', () => {
  it('indexes every decision, each with a one-line summary and a status', () => {
    const decisions = readdirSync(join(PROJECT_ROOT, 'docs/decisions')).filter((name) => /^\d{4}-.*\.md$/.test(name));
    const rows = new Map<string, string[]>();
    for (const m of read('docs/decisions/README.md').matchAll(/^\| \[(\d{4})\]\((\d{4}-[^)]+\.md)\) \|(.*)\|$/gm)) {
      rows.set(
        m[2] ?? '',
        (m[3] ?? '').split(' | ').map((cell) => cell.trim()),
      );
    }
    expect(decisions.length).toBeGreaterThan(0);
    for (const name of decisions) {
      const [summary = '', status = ''] = rows.get(name) ?? [];
      expect(summary.length, `${name}: no row with a summary`).toBeGreaterThan(0);
      expect(status, name).toMatch(/^(accepted|proposed|superseded by \d{4}|deprecated)\b/);
    }
    expect(
      [...rows.keys()].filter((name) => !decisions.includes(name)),
      'rows without a file',
    ).toEqual([]);
  });
});
