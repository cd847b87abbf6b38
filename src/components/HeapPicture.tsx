import type { ReactElement } from 'react';
import styles from './styles.module.css';

/**
 * Placeholder: pictures of the heap after each statement will be drawn from the model's trace
 * (`runModel(..., { trace: true })`) once the checks record it in results/examples.json.
 */
export default function HeapPicture(): ReactElement {
  return <p className={styles.small}>Heap pictures come with the model&apos;s trace.</p>;
}
