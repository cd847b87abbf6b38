import { describe, expect, it } from 'vitest';
import { FACT_ROWS } from './facts';
import { FactTableError, validateFactTable } from './schema';

/** The real table with one row changed by `edit` (row chosen by fact and since). */
function tableWith(fact: string, since: string, edit: (row: Record<string, unknown>) => Record<string, unknown> | null): unknown[] {
  let found = false;
  const rows = FACT_ROWS.flatMap((row) => {
    if (row.fact !== fact || row.since !== since) return [row];
    found = true;
    const edited = edit({ ...row });
    return edited === null ? [] : [edited];
  });
  if (!found) throw new Error(`no row ${fact} since ${since}`);
  return rows;
}

function problemsOf(rows: readonly unknown[]): string {
  try {
    validateFactTable(rows);
  } catch (error) {
    if (error instanceof FactTableError) return error.message;
    throw error;
  }
  throw new Error('the table was accepted');
}

describe('validateFactTable', () => {
  it('accepts the real table', () => {
    expect(validateFactTable(FACT_ROWS)).toHaveLength(FACT_ROWS.length);
  });

  it('names the fact when two rows overlap', () => {
    const rows = tableWith('sysInternImmortal', '3.12.0', (row) => ({ ...row, until: '3.12.9' }));
    expect(problemsOf(rows)).toMatch(/fact 'sysInternImmortal' on x86_64: rows overlap at 3\.12\.7/);
  });

  it('names the fact when a range is left uncovered', () => {
    const rows = tableWith('sysInternImmortal', '3.12.0', (row) => ({ ...row, until: '3.12.3' }));
    expect(problemsOf(rows)).toMatch(/fact 'sysInternImmortal' on wasm32: no row covers 3\.12\.3 \.\. 3\.12\.6/);
  });

  it('names the fact when a platform is missing', () => {
    const rows = tableWith('sizeofFloat', '3.11.0', () => null);
    expect(problemsOf(rows)).toMatch(/fact 'sizeofFloat' on wasm32: no row covers 3\.11\.0 \.\. 3\.14\.\d+/);
  });

  it('names the fact when it has no rows at all', () => {
    const rows = FACT_ROWS.filter((row) => row.fact !== 'emptyTupleSingleton');
    expect(problemsOf(rows)).toContain("fact 'emptyTupleSingleton' has no rows");
  });

  it('rejects a value of the wrong type for its fact', () => {
    const rows = tableWith('listGrowth', '3.9.0', (row) => ({ ...row, value: 'py310' }));
    expect(problemsOf(rows)).toMatch(/fact 'listGrowth'.*bad value for fact 'listGrowth'/);
  });

  it('rejects malformed rows: unknown fact, bad version, empty platforms, missing source symbol', () => {
    const base = FACT_ROWS[0];
    expect(problemsOf([...FACT_ROWS, { ...base, fact: 'noSuchFact' }])).toMatch(/fact 'noSuchFact'.*fact:/);
    expect(problemsOf([...FACT_ROWS, { ...base, since: '3.12' }])).toMatch(/since: expected <major>\.<minor>\.<patch>/);
    expect(problemsOf([...FACT_ROWS, { ...base, platforms: [] }])).toMatch(/platforms:/);
    expect(problemsOf([...FACT_ROWS, { ...base, source: { file: 'Objects/x.c', symbol: '' } }])).toMatch(/source\.symbol/);
  });

  it('rejects an empty range and an unmeasured row without a note', () => {
    const empty = tableWith('listGrowth', '3.9.0', (row) => ({ ...row, until: '3.9.0' }));
    expect(problemsOf(empty)).toMatch(/empty range/);
    const silent = tableWith('sizeofFunction', '3.14.0', (row) =>
      row.platforms instanceof Array && row.platforms.includes('x86_64') ? { ...row, note: undefined } : row,
    );
    expect(problemsOf(silent)).toMatch(/not measured anywhere, so it needs a note/);
  });
});
