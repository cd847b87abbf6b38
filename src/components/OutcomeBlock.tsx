import type { ReactElement } from 'react';
import type { OutcomeView } from '../data/types';
import styles from './styles.module.css';

/** What one run printed: stdout, then the exception or exit status; a model refusal is shown as one. */
export default function OutcomeBlock({ outcome }: { outcome: OutcomeView }): ReactElement {
  if (outcome.refused) {
    return (
      <div className={styles.refused} data-outcome="refused">
        <strong>refused</strong>
        <pre className={styles.output}>{outcome.stderr.trim() || 'unsupported'}</pre>
      </div>
    );
  }
  return (
    <div data-outcome={outcome.exitCode === 0 ? 'ok' : 'error'}>
      <pre className={styles.output}>{outcome.stdout === '' ? '(no output)' : outcome.stdout.replace(/\n$/, '')}</pre>
      {outcome.exitCode !== 0 && (
        <pre className={`${styles.output} ${styles.fail}`}>
          {outcome.stderr.trim().split('\n').pop() || '(no message)'}
          {`\nexit code ${outcome.exitCode}`}
        </pre>
      )}
    </div>
  );
}
