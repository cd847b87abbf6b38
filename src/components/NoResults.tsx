import type { ReactElement, ReactNode } from 'react';
import styles from './styles.module.css';

/** Says plainly that a results file was not produced, and which command produces it. */
export default function NoResults({ what, command, children }: { what: string; command: string; children?: ReactNode }): ReactElement {
  return (
    <div className={styles.notice} data-testid="no-results">
      <strong>No results yet:</strong> {what} were not produced when this site was built. Produce them with{' '}
      <code>{command}</code>, then rebuild the site (<code>npm run build:site</code>).
      {children}
    </div>
  );
}
