import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** One figure of the bench, with the issue's target when it has one. */
export interface Figure {
  readonly section: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** `<=` target for ratios and limits; absent for figures shown for context. */
  readonly target?: number;
  /** Set when a target can be judged: `value <= target` (and for limits, the run completed). */
  readonly pass?: boolean;
  readonly note?: string;
}

export const figure = (f: Omit<Figure, 'pass'> & { pass?: boolean }): Figure => ({ ...f, pass: f.pass ?? (f.target === undefined ? undefined : f.value <= f.target) });

const format = (value: number) => (Number.isFinite(value) ? (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)) : String(value));

/** Prints the figures as a table per section, with pass/fail against the targets. */
export function printFigures(figures: readonly Figure[]): void {
  let section = '';
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    if (f.section !== section) console.log(`\n${(section = f.section)}`);
    const target = f.target === undefined ? (f.pass === false ? '   FAIL' : '') : `   target <= ${f.target}${f.unit === '×' ? '×' : ` ${f.unit}`}   ${f.pass ? 'PASS' : 'FAIL'}`;
    console.log(`  ${f.name.padEnd(width)}   ${format(f.value).padStart(9)} ${f.unit}${target}${f.note ? `   (${f.note})` : ''}`);
  }
}

/** Saves the run as JSON (bench/results.json by default; not committed: figures depend on the machine). */
export function saveFigures(file: string, figures: readonly Figure[], mode: string): void {
  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version };
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), mode, machine, figures }, null, 2) + '\n');
}
