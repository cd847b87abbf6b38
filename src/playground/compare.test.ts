import { describe, expect, test } from 'vitest';
import { compareRuns } from './compare';

const run = (stdout: string, exitCode = 0, stderr = '') => ({ stdout, stderr, exitCode });

describe('runs side by side', () => {
  test('rows where the outputs differ are marked, the others not', () => {
    const rows = compareRuns([run('True\nFalse\n'), run('True\nTrue\n')]);
    expect(rows.map((row) => [row.section, row.label, row.cells, row.differs])).toEqual([
      ['stdout', '1', ['True', 'True'], false],
      ['stdout', '2', ['False', 'True'], true],
      ['exit', 'exit', ['0', '0'], false],
    ]);
  });

  test('a shorter output and a different ending differ', () => {
    const rows = compareRuns([run('a\n'), run('a\nb\n', 1, 'Traceback...\nValueError: x\n')]);
    expect(rows.filter((row) => row.differs).map((row) => row.label)).toEqual(['2', 'stderr', '', 'exit']);
  });

  test('a run still pending is never a difference', () => {
    const rows = compareRuns([run('1\n'), null]);
    expect(rows.every((row) => !row.differs)).toBe(true);
    expect(rows[0]?.cells).toEqual(['1', null]);
  });
});
