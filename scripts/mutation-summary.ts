/**
 * Prints the per-file summary of the last `npm run mutate` from Stryker's JSON report
 * (reports/mutation/mutation.json): score per file, then each surviving or uncovered mutant
 * on one line (place, mutator, replacement), so the rules the tests leave open are easy to read.
 * Usage: npx tsx scripts/mutation-summary.ts [report.json...]
 */
import { readFileSync } from 'node:fs';

interface ReportMutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

interface Report {
  readonly files: Readonly<Record<string, { readonly mutants: readonly ReportMutant[] }>>;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

interface Tally {
  detected: number;
  undetected: number;
  ignored: number;
  errors: number;
}

function tally(mutants: readonly ReportMutant[]): Tally {
  const t: Tally = { detected: 0, undetected: 0, ignored: 0, errors: 0 };
  for (const m of mutants) {
    if (DETECTED.has(m.status)) t.detected++;
    else if (UNDETECTED.has(m.status)) t.undetected++;
    else if (m.status === 'Ignored') t.ignored++;
    else t.errors++;
  }
  return t;
}

function score(t: Tally): string {
  const valid = t.detected + t.undetected;
  return valid === 0 ? '   n/a' : `${((100 * t.detected) / valid).toFixed(1).padStart(5)}%`;
}

function oneLine(text: string | undefined): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > 70 ? `${flat.slice(0, 67)}...` : flat;
}

// Several reports (e.g. one per file) are merged; a file in more than one keeps its last report.
const paths = process.argv.length > 2 ? process.argv.slice(2) : ['reports/mutation/mutation.json'];
const merged = new Map<string, { readonly mutants: readonly ReportMutant[] }>();
for (const path of paths) {
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    for (const [name, file] of Object.entries(report.files)) merged.set(name, file);
  } catch (error) {
    console.error(`mutation-summary: cannot read ${path}: ${(error as Error).message} (run \`npm run mutate\` first)`);
    process.exit(2);
  }
}

const files = [...merged.entries()].sort(([a], [b]) => a.localeCompare(b));
const width = Math.max(...files.map(([name]) => name.length), 'all files'.length);
const total: Tally = { detected: 0, undetected: 0, ignored: 0, errors: 0 };
console.log(`${'file'.padEnd(width)}   score  killed  survived  ignored(static/disabled)  errors`);
for (const [name, { mutants }] of files) {
  const t = tally(mutants);
  total.detected += t.detected;
  total.undetected += t.undetected;
  total.ignored += t.ignored;
  total.errors += t.errors;
  console.log(`${name.padEnd(width)}  ${score(t)}  ${String(t.detected).padStart(6)}  ${String(t.undetected).padStart(8)}  ${String(t.ignored).padStart(24)}  ${String(t.errors).padStart(6)}`);
}
console.log(`${'all files'.padEnd(width)}  ${score(total)}  ${String(total.detected).padStart(6)}  ${String(total.undetected).padStart(8)}  ${String(total.ignored).padStart(24)}  ${String(total.errors).padStart(6)}`);

const open = files.flatMap(([name, { mutants }]) =>
  mutants
    .filter((m) => UNDETECTED.has(m.status))
    .map((m) => `${name}:${m.location.start.line}:${m.location.start.column}  ${m.status === 'NoCoverage' ? 'no coverage' : 'survived'}  ${m.mutatorName}  -> ${oneLine(m.replacement)}`),
);
if (open.length > 0) console.log(`\nMutants no test detects (${open.length}):\n${open.join('\n')}`);
console.log(`\nFull report: ${paths.join(', ')}`);
