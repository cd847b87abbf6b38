/** The runs side by side, line by line, rows where they differ marked `≠`; each column says how its run went. */
import type { ReactElement } from 'react';
import { compareRuns, type RunOutput } from '../../playground/compare';
import type { SlotStatus, TargetRun } from '../../playground/runners';
import styles from './Playground.module.css';

export type ColumnState = { readonly kind: 'pending' } | { readonly kind: 'done'; readonly run: TargetRun } | { readonly kind: 'error'; readonly message: string };

export interface Column {
  /** `model:3.12.7-wasm32` or `cpython:3.12.7`. */
  readonly target: string;
  readonly state: ColumnState;
  /** CPython columns: the interpreter's loading state. */
  readonly slot: SlotStatus | null;
}

const STAGE_TEXT = { queued: 'starting a worker', downloading: 'downloading', starting: 'starting the interpreter', driver: 'loading the oracle driver' } as const;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function columnNote(column: Column, now: number): string {
  const { state, slot } = column;
  if (state.kind === 'error') return `failed: ${state.message}`;
  if (state.kind === 'done') {
    if (state.run.timedOut) return `stopped: ${state.run.output.stderr.trim()}`;
    const loaded = typeof state.run.loadMs === 'number' ? ` (interpreter ${state.run.fromSnapshot ? 'started from its snapshot' : 'loaded'} in ${seconds(state.run.loadMs)})` : '';
    return `ran in ${state.run.durationMs < 1000 ? `${Math.round(state.run.durationMs)} ms` : seconds(state.run.durationMs)}${loaded}`;
  }
  if (slot?.kind === 'loading') return `loading: ${STAGE_TEXT[slot.stage]}… ${seconds(now - slot.since)}`;
  if (slot?.kind === 'running') return `running… ${seconds(now - slot.since)}`;
  return 'running…';
}

export default function Outputs({ runId, columns, now }: { runId: number; columns: readonly Column[]; now: number }): ReactElement {
  const outputs: (RunOutput | null)[] = columns.map((column) => (column.state.kind === 'done' ? column.state.run.output : null));
  const rows = compareRuns(outputs);
  const differing = rows.filter((row) => row.differs).length;
  return (
    <div className={styles.outputsWrap}>
      <table className={styles.outputs} data-testid="outputs" data-run={runId}>
        <thead>
          <tr>
            <th aria-label="differs" />
            <th>line</th>
            {columns.map((column) => (
              <th
                key={column.target}
                data-testid={`column-${column.target}`}
                data-state={column.state.kind}
                data-timed-out={column.state.kind === 'done' && column.state.run.timedOut}
                data-duration-ms={column.state.kind === 'done' ? Math.round(column.state.run.durationMs) : undefined}
                data-exit={column.state.kind === 'done' ? column.state.run.output.exitCode : undefined}
              >
                <code>{column.target}</code>
                <div className={styles.note} data-testid={`note-${column.target}`}>
                  {columnNote(column, now)}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className={row.differs ? styles.differs : undefined} data-section={row.section} data-differs={row.differs}>
              <td className={styles.marker}>{row.differs ? '≠' : ''}</td>
              <td className={styles.label}>{row.label}</td>
              {row.cells.map((cell, i) => (
                <td key={i} data-target={columns[i]?.target} data-section={row.section}>
                  <pre className={styles.cell}>{cell ?? ''}</pre>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.summary} data-testid="diff-summary">
        {outputs.some((output) => output === null)
          ? 'Waiting for every run to finish.'
          : differing === 0
            ? 'All runs printed the same and ended the same way.'
            : `${differing} ${differing === 1 ? 'row differs' : 'rows differ'} (marked ≠).`}
      </p>
    </div>
  );
}
