/**
 * Several targets' results side by side, line by line; a `≠` in the first column marks the rows
 * where the targets differ. Built with cli-table3, without colours so that it pipes cleanly.
 */
import Table from 'cli-table3';
import type { ProgramResult } from '../oracle/index';

const DIFFERS = '≠';

function outputLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}

export function sideBySide(targets: readonly string[], results: readonly ProgramResult[]): string {
  const table = new Table({ head: ['', 'line', ...targets], style: { head: [], border: [] } });
  const row = (label: string, cells: readonly string[]) => {
    const same = cells.every((cell) => cell === cells[0]);
    table.push([same ? '' : DIFFERS, label, ...cells]);
  };
  const stdout = results.map((result) => outputLines(result.stdout));
  const height = Math.max(0, ...stdout.map((lines) => lines.length));
  for (let i = 0; i < height; i++) row(String(i + 1), stdout.map((lines) => lines[i] ?? ''));
  const stderr = results.map((result) => outputLines(result.stderr));
  const stderrHeight = Math.max(0, ...stderr.map((lines) => lines.length));
  for (let i = 0; i < stderrHeight; i++) row(i === 0 ? 'stderr' : '', stderr.map((lines) => lines[i] ?? ''));
  row('exit', results.map((result) => String(result.exitCode)));
  return table.toString();
}

/** Whether every target printed the same and ended the same way. */
export function allAgree(results: readonly ProgramResult[]): boolean {
  const first = results[0];
  return results.every((r) => first !== undefined && r.stdout === first.stdout && r.stderr === first.stderr && r.exitCode === first.exitCode);
}
