/**
 * Several runs' outputs side by side, line by line, with the rows where they differ marked (the
 * browser's counterpart of cli/side-by-side.ts, as data for a table).
 */

export interface RunOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface CompareRow {
  readonly section: 'stdout' | 'stderr' | 'exit';
  /** `1`, `2`, ... for output lines; the first stderr row says `stderr`, the exit row `exit`. */
  readonly label: string;
  /** One cell per run; null where that run has not finished (a pending run is never a difference). */
  readonly cells: readonly (string | null)[];
  readonly differs: boolean;
}

function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

function differs(cells: readonly (string | null)[]): boolean {
  const present = cells.filter((cell): cell is string => cell !== null);
  return present.some((cell) => cell !== present[0]);
}

export function compareRuns(runs: readonly (RunOutput | null)[]): CompareRow[] {
  const rows: CompareRow[] = [];
  const section = (name: 'stdout' | 'stderr', pick: (run: RunOutput) => string) => {
    const split = runs.map((run) => (run === null ? null : lines(pick(run))));
    const height = Math.max(0, ...split.map((cell) => cell?.length ?? 0));
    for (let i = 0; i < height; i++) {
      const cells = split.map((cell) => (cell === null ? null : (cell[i] ?? '')));
      rows.push({ section: name, label: name === 'stdout' ? String(i + 1) : i === 0 ? 'stderr' : '', cells, differs: differs(cells) });
    }
  };
  section('stdout', (run) => run.stdout);
  section('stderr', (run) => run.stderr);
  const exits = runs.map((run) => (run === null ? null : String(run.exitCode)));
  rows.push({ section: 'exit', label: 'exit', cells: exits, differs: differs(exits) });
  return rows;
}
