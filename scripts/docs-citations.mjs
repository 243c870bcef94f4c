#!/usr/bin/env node
// Rewrites citations of the research dossier, a document that is not in the
// repository, into citations of docs/vendors/, which keeps its numbering:
//   "dossier §1.6"                  -> "docs/vendors/instantpay.md §1.6"
//   "dossier M-4"                   -> "docs/vendors/imiconnect.md M-4"
//   "shared/vendor-dossier.md §4"   -> "docs/vendors/ocamba.md §4"
//   "the dossier's suggestions (§5.2)" -> "the suggestions of docs/vendors/iservice.md (§5.2)"
//   "dossier, preamble" / "dossier §0" -> "docs/vendors/README.md §0"
// The file follows from the section's first number (1 instantpay, 2 imiconnect,
// 3 loyaltii, 4 ocamba, 5 iservice, 0 and 6 README) or from the letter of an
// inconsistency id (I, M, L, O, S). JSON files may spell § as \u00a7; that
// spelling is kept. Running it twice changes nothing the second time.
//
// Usage: node scripts/docs-citations.mjs [--check] [root]
//   --check  report what would change and exit 1 if anything would; write nothing.
// Plain Node, no dependencies.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders whose files cite the dossier. */
export const FOLDERS = ['mock-server', 'test', 'contracts', 'fixtures', 'scenarios', 'scripts', 'docs'];
const TEXT_FILE = /\.(?:[cm]?[jt]s|json|ya?ml|md|txt)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git']);
/** Files that name the dossier on purpose (this script and its test). */
const SELF = new Set(['scripts/docs-citations.mjs', 'test/contract/docs-citations.test.ts']);

const BY_SECTION = { 0: 'README', 1: 'instantpay', 2: 'imiconnect', 3: 'loyaltii', 4: 'ocamba', 5: 'iservice', 6: 'README' };
const BY_LETTER = { I: 'instantpay', M: 'imiconnect', L: 'loyaltii', O: 'ocamba', S: 'iservice' };

// The cited section, whole (group 1), and its first number (group 2).
const SECTION = String.raw`((?:§|\\u00a7)(\d+)(?:\.\d+)*)`;
// Between "dossier" and what it cites: a space, or a line break inside a comment.
const GAP = String.raw`(\s*\n[ \t]*(?:\*|#|\/\/)?[ \t]*|[ \t]+)`;

const file = (name) => `docs/vendors/${name}.md`;

/** Each rule: a name (for the counts), a pattern and its replacement. Order matters. */
export const RULES = [
  {
    name: 'shared/vendor-dossier.md §N',
    pattern: new RegExp(String.raw`(?:/work/)?shared/vendor-dossier\.md` + GAP + SECTION, 'g'),
    replace: (m, gap, section, first) => (BY_SECTION[first] ? `${file(BY_SECTION[first])}${gap}${section}` : m),
  },
  {
    name: "the dossier's X (§N)",
    pattern: new RegExp(String.raw`\bthe dossier's ([a-z]+(?: [a-z]+)?) \(` + SECTION, 'g'),
    replace: (m, words, section, first) => (BY_SECTION[first] ? `the ${words} of ${file(BY_SECTION[first])} (${section}` : m),
  },
  {
    name: 'dossier §N',
    pattern: new RegExp(String.raw`\b[Dd]ossier` + GAP + SECTION, 'g'),
    replace: (m, gap, section, first) => (BY_SECTION[first] ? `${file(BY_SECTION[first])}${gap}${section}` : m),
  },
  {
    name: 'dossier X-N',
    pattern: new RegExp(String.raw`\b[Dd]ossier` + GAP + String.raw`([ILMOS]-\d+)\b`, 'g'),
    replace: (m, gap, id) => `${file(BY_LETTER[id[0]])}${gap}${id}`,
  },
  {
    name: 'dossier, preamble',
    pattern: /\b[Dd]ossier, preamble\b/g,
    replace: () => `${file('README')} §0`,
  },
];

/** Rewrites one text; returns the new text and how often each rule applied. */
export function rewrite(text) {
  const counts = {};
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, (...args) => {
      const replaced = rule.replace(...args);
      if (replaced !== args[0]) counts[rule.name] = (counts[rule.name] ?? 0) + 1;
      return replaced;
    });
  }
  return { text: out, counts };
}

/** Every text file under the folders, as paths relative to root with '/' separators. */
export function citingFiles(root) {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile() && TEXT_FILE.test(entry.name)) {
        const rel = relative(root, path).split(sep).join('/');
        if (!SELF.has(rel)) found.push(rel);
      }
    }
  };
  for (const folder of FOLDERS) walk(join(root, folder));
  return found.sort();
}

function main(argv) {
  const check = argv.includes('--check');
  const rootArg = argv.find((a) => !a.startsWith('--'));
  const root = resolve(rootArg ?? join(fileURLToPath(new URL('.', import.meta.url)), '..'));
  const totals = {};
  let changedFiles = 0;
  let scanned = 0;
  const leftOver = [];
  for (const rel of citingFiles(root)) {
    const path = join(root, rel);
    if (statSync(path).size > 5_000_000) continue;
    scanned++;
    const before = readFileSync(path, 'utf8');
    if (!/dossier/i.test(before)) continue;
    const { text, counts } = rewrite(before);
    const n = Object.values(counts).reduce((a, b) => a + b, 0);
    if (n > 0) {
      changedFiles++;
      for (const [name, c] of Object.entries(counts)) totals[name] = (totals[name] ?? 0) + c;
      console.log(`${check ? 'would rewrite' : 'rewrote'} ${String(n).padStart(3)}  ${rel}`);
      if (!check) writeFileSync(path, text);
    }
    text.split('\n').forEach((line, i) => {
      if (/dossier/i.test(line)) leftOver.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
  }
  const total = Object.values(totals).reduce((a, b) => a + b, 0);
  console.log(`\n${total} citation(s) in ${changedFiles} file(s) ${check ? 'to rewrite' : 'rewritten'} (${scanned} files scanned)`);
  for (const [name, c] of Object.entries(totals)) console.log(`  ${String(c).padStart(4)}  ${name}`);
  if (leftOver.length > 0) {
    console.log(`\n${leftOver.length} mention(s) of the dossier left that are not citations (reword by hand):`);
    for (const line of leftOver) console.log(`  ${line}`);
  }
  if (check && total > 0) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
