import type { ReactElement } from 'react';
import type { CellStatus } from '../data/types';
import styles from './styles.module.css';

export const STATUS_TEXT: Record<CellStatus, string> = { pass: 'pass', fail: 'FAIL', 'not-applicable': 'n/a', 'not-run': 'not run' };

export function statusClass(status: CellStatus): string {
  switch (status) {
    case 'pass':
      return styles.pass ?? '';
    case 'fail':
      return styles.fail ?? '';
    case 'not-applicable':
      return styles.na ?? '';
    case 'not-run':
      return styles.notRun ?? '';
  }
}

export function StatusLegend(): ReactElement {
  return (
    <p className={styles.legend}>
      <span className={styles.pass}>pass</span>
      <span className={styles.fail}>FAIL</span>
      <span className={styles.na}>n/a: the spec says it does not hold there, so it is not checked</span>
      <span className={styles.notRun}>not run: the results have no record</span>
    </p>
  );
}
