/**
 * Runs every bench/*.bench.ts module (each exports `run(): Promise<BenchReport>`), one after
 * another so they do not compete for the cores, and writes results/bench.json and a table.
 * The same record goes to bench/recorded.json, which is committed: a site built where no
 * benchmark ran (CI) shows the last recorded run, with its date, machine and commit.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Table from 'cli-table3';
import type { BenchReport } from './report';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

function formatValue(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

export function reportTable(reports: readonly BenchReport[]): string {
  const table = new Table({ head: ['benchmark', 'figure', 'value', 'unit', 'note'], style: { head: [], border: [] } });
  for (const report of reports) {
    for (const [name, figure] of Object.entries(report.figures)) table.push([report.name, name, formatValue(figure.value), figure.unit, figure.note ?? '']);
  }
  return table.toString();
}

/** The commit measured, with `+changes` when the work tree differs from it (the record itself aside: a second run would always say so). */
function currentCommit(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: benchDir, encoding: 'utf8' }).trim();
    return git(['rev-parse', '--short', 'HEAD']) + (git(['status', '--porcelain', '--untracked-files=no', '--', ':/', ':(exclude,top)bench/recorded.json']) === '' ? '' : '+changes');
  } catch {
    return 'unknown';
  }
}

export async function runBenchmarks(): Promise<number> {
  const files = readdirSync(benchDir).filter((file) => file.endsWith('.bench.ts')).sort();
  const reports: BenchReport[] = [];
  for (const file of files) {
    process.stderr.write(`bench: ${file}\n`);
    const module = (await import(pathToFileURL(join(benchDir, file)).href)) as { run: () => Promise<BenchReport> };
    reports.push(await module.run());
  }
  mkdirSync(resultsDir, { recursive: true });
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}` };
  const record = `${JSON.stringify({ date: new Date().toISOString(), commit: currentCommit(), machine, reports }, null, 2)}\n`;
  writeFileSync(join(resultsDir, 'bench.json'), record);
  writeFileSync(join(benchDir, 'recorded.json'), record);
  process.stdout.write(`${reportTable(reports)}\nwritten: results/bench.json, bench/recorded.json (commit it to publish the figures)\n`);
  return 0;
}
