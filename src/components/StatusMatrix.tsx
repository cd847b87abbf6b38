import Link from '@docusaurus/Link';
import type { ReactElement } from 'react';
import type { HomeData, MatrixCell, TargetColumn, TargetKind } from '../data/types';
import { STATUS_TEXT, StatusLegend, statusClass } from './StatusCell';
import styles from './styles.module.css';

const GROUP_TITLE: Record<TargetKind, string> = {
  embedded: 'Embedded CPython (Pyodide, wasm32): real layer',
  native: 'Native CPython: real layer',
  pypy: 'PyPy: real layer, judged by what the spec expects of PyPy',
  model: 'Model profiles: model layer',
};

function groups(targets: readonly TargetColumn[]): { kind: TargetKind; count: number }[] {
  const result: { kind: TargetKind; count: number }[] = [];
  for (const target of targets) {
    const last = result[result.length - 1];
    if (last && last.kind === target.kind) last.count += 1;
    else result.push({ kind: target.kind, count: 1 });
  }
  return result;
}

function cellTitle(id: string, target: TargetColumn, cell: MatrixCell): string {
  const parts = [`${id} on ${target.name}: ${STATUS_TEXT[cell.status]}`];
  if (cell.runs !== null) parts.push(`${cell.runs} runs`);
  if (cell.agreement) parts.push(`model mirror ${cell.agreement === 'pass' ? 'agrees' : 'DISAGREES'}`);
  if (cell.implementation?.observed === 'differs') parts.push('PyPy breaks the CPython rule, as the spec says');
  if (cell.implementation?.observed === 'holds') parts.push('PyPy keeps the CPython rule');
  return parts.join(', ');
}

/** Invariants (rows, by family) against every target found in the results (columns). */
export default function StatusMatrix({ data }: { data: HomeData }): ReactElement {
  const { targets, families } = data;
  return (
    <>
      <StatusLegend />
      <div className={styles.matrixWrap}>
        <table className={styles.matrix} data-testid="status-matrix">
          <thead>
            <tr>
              <th className={styles.rowHead} rowSpan={2}>
                invariant
              </th>
              {groups(targets).map((group) => (
                <th key={group.kind} colSpan={group.count} data-group={group.kind}>
                  {GROUP_TITLE[group.kind]}
                </th>
              ))}
            </tr>
            <tr>
              {targets.map((target) => (
                <th key={target.name} data-target={target.name} title={target.name}>
                  {target.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {families.flatMap((family) => [
              <tr key={`family-${family.family}`}>
                <th className={styles.family} colSpan={targets.length + 1}>
                  {family.family}
                </th>
              </tr>,
              ...family.rows.map((row) => (
                <tr key={row.id} data-invariant={row.id}>
                  <td className={styles.rowHead}>
                    <Link to={row.href} title={row.title}>
                      {row.id}
                    </Link>{' '}
                    <span className={styles.small} title={row.guarantee === 'language' ? 'language guarantee' : 'CPython implementation detail'}>
                      {row.guarantee === 'language' ? '(language)' : '(CPython)'}
                    </span>
                  </td>
                  {targets.map((target) => {
                    const cell: MatrixCell = row.cells[target.name] ?? { status: 'not-run', runs: null, agreement: null, implementation: null };
                    return (
                      <td key={target.name} className={statusClass(cell.status)} data-target={target.name} data-status={cell.status} title={cellTitle(row.id, target, cell)}>
                        <Link className={styles.cellLink} to={row.href}>
                          {STATUS_TEXT[cell.status]}
                          {cell.implementation?.observed === 'differs' && (
                            <span className={styles.agree} data-pypy="differs">
                              differs
                            </span>
                          )}
                          {cell.agreement && (
                            <span className={`${styles.agree} ${cell.agreement === 'pass' ? '' : styles.fail}`} data-agreement={cell.agreement}>
                              {cell.agreement === 'pass' ? 'model ≡' : 'model ≠'}
                            </span>
                          )}
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </div>
    </>
  );
}
