/**
 * The playground: type a program, run it on the model (a chosen profile) and on the embedded
 * CPythons ticked, each in its own Web Worker, and see the outputs side by side and the model's heap
 * picture. Browser-only (src/pages/playground.tsx loads it lazily). The program runs once when the
 * page opens, so a shared link shows its results straight away.
 */
import useBaseUrl from '@docusaurus/useBaseUrl';
import data from '@site/src/generated/playground.json';
import type { EditorView } from 'codemirror';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { HeapPictureResult } from '../../../scripts/site/heap-picture';
import { modelDiagnostics, type SourceDiagnostic } from '../../playground/diagnostics';
import { playgroundPicture } from '../../playground/heap';
import { PROGRAM_FILENAME } from '../../playground/protocol';
import { cpythonSlot, disposeInterpreters } from '../../playground/interpreters';
import { canShareMemory, ModelSlot, TIME_LIMIT_MS, type SlotStatus } from '../../playground/runners';
import { readState, stateQuery, type PlaygroundState } from '../../playground/url-state';
import HeapPicture from '../HeapPicture';
import Editor, { replaceText, showDiagnostics } from './Editor';
import Outputs, { type Column, type ColumnState } from './Outputs';
import styles from './Playground.module.css';

const FIRST_EXAMPLE = data.examples.find((example) => example.invariant === 'interning.mortality') ?? data.examples[0];
const DEFAULTS: PlaygroundState = { source: FIRST_EXAMPLE?.source ?? 'print("hello")\n', versions: [data.defaultVersion], profile: data.defaultProfile };

interface RunView {
  readonly id: number;
  readonly profile: string;
  readonly versions: readonly string[];
  readonly model: ColumnState;
  readonly reals: Readonly<Record<string, ColumnState>>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Timings the browser test reads: page load to the first result of the default CPython. */
function markFirstResult(version: string): void {
  const root = document.querySelector('[data-testid="playground"]');
  if (version === data.defaultVersion && root && !root.hasAttribute('data-first-result-ms')) root.setAttribute('data-first-result-ms', String(Math.round(performance.now())));
}

export default function Playground(): ReactElement {
  const siteRoot = useBaseUrl('/');
  const initial = useMemo(() => readState(window.location.search, DEFAULTS, { versions: data.versions.map((item) => item.version), profiles: data.profiles }), []);
  const [versions, setVersions] = useState<readonly string[]>(initial.versions);
  const [profile, setProfile] = useState(initial.profile);
  const [slotStatus, setSlotStatus] = useState<Readonly<Record<string, SlotStatus>>>({});
  const [run, setRun] = useState<RunView | null>(null);
  const [picture, setPicture] = useState<HeapPictureResult | null>(null);
  const [diagnostics, setDiagnosticList] = useState<readonly SourceDiagnostic[]>([]);
  const [shareUrl, setShareUrl] = useState('');
  const [now, setNow] = useState(() => performance.now());
  const view = useRef<EditorView | null>(null);
  const runCounter = useRef(0);

  const model = useMemo(() => new ModelSlot(), []);
  const slots = useMemo(() => new Map(data.versions.map((item) => [item.version, cpythonSlot(item.version, siteRoot)])), [siteRoot]);
  useEffect(() => {
    const unsubscribe = [...slots].map(([version, slot]) => slot.subscribe((status) => setSlotStatus((previous) => ({ ...previous, [version]: status }))));
    return () => {
      unsubscribe.forEach((stop) => stop());
      model.dispose();
      disposeInterpreters();
    };
  }, [model, slots]);

  const busy = run !== null && (run.model.kind === 'pending' || Object.values(run.reals).some((state) => state.kind === 'pending'));
  // A clock for the loading and running times shown while anything is pending.
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, [busy]);

  const runProgram = useCallback(() => {
    const editor = view.current;
    if (editor === null) return;
    const source = editor.state.doc.toString();
    const id = ++runCounter.current;
    const chosen = data.versions.map((item) => item.version).filter((version) => versions.includes(version));
    const query = stateQuery({ source, versions: chosen, profile });
    window.history.replaceState(null, '', `${window.location.pathname}${query}`);
    setShareUrl(window.location.href);
    setRun({ id, profile, versions: chosen, model: { kind: 'pending' }, reals: Object.fromEntries(chosen.map((version) => [version, { kind: 'pending' }])) });
    setPicture(null);
    const update = (change: (current: RunView) => RunView) => setRun((current) => (current === null || current.id !== id ? current : change(current)));
    const reals = chosen.map(async (version) => {
      try {
        const result = await cpythonSlot(version, siteRoot).run(source);
        update((current) => ({ ...current, reals: { ...current.reals, [version]: { kind: 'done', run: result } } }));
        markFirstResult(version);
        return { version, run: result };
      } catch (error) {
        update((current) => ({ ...current, reals: { ...current.reals, [version]: { kind: 'error', message: message(error) } } }));
        return null;
      }
    });
    const modelRun = model.run(source, profile).then(
      (result) => {
        update((current) => ({ ...current, model: { kind: 'done', run: result } }));
        const found = result.output.exitCode === 2 ? modelDiagnostics(result.output.stderr, PROGRAM_FILENAME) : [];
        setDiagnosticList(found);
        if (view.current) showDiagnostics(view.current, found);
        return result;
      },
      (error: unknown) => {
        update((current) => ({ ...current, model: { kind: 'error', message: message(error) } }));
        return null;
      },
    );
    void Promise.all([modelRun, Promise.all(reals)]).then(async ([modelResult, realResults]) => {
      // Fresh interpreters for the next run load while the reader looks at this one.
      chosen.forEach((version) => slots.get(version)?.warm());
      if (modelResult === null || modelResult.timedOut || runCounter.current !== id) return;
      try {
        const drawn = await playgroundPicture(new URL(data.elkWorkerPath, new URL(siteRoot, window.location.href)).href, source, profile, modelResult, realResults.filter((item) => item !== null));
        if (runCounter.current === id) setPicture(drawn);
      } catch (error) {
        if (runCounter.current === id) setPicture({ kind: 'none', reason: `No heap picture: ${message(error)}` });
      }
    });
  }, [model, slots, versions, profile, siteRoot]);

  // Run once on opening: the default program, or the one the link carries.
  const started = useRef(false);
  const onView = useCallback(
    (editor: EditorView | null) => {
      view.current = editor;
      if (editor !== null && !started.current) {
        started.current = true;
        runProgram();
      }
    },
    [runProgram],
  );

  const chooseExample = (index: string) => {
    const example = data.examples[Number(index)];
    if (example && view.current) replaceText(view.current, example.source);
  };

  const toggleVersion = (version: string, on: boolean) => {
    setVersions((current) => (on ? [...current.filter((item) => item !== version), version] : current.filter((item) => item !== version)));
    if (on) slots.get(version)?.warm();
  };

  const columns: Column[] =
    run === null
      ? []
      : [
          { target: run.profile, state: run.model, slot: null },
          ...run.versions.map((version) => ({ target: `cpython:${version}`, state: run.reals[version] ?? ({ kind: 'pending' } as const), slot: slotStatus[version] ?? null })),
        ];

  return (
    <div data-testid="playground" data-shared-memory={canShareMemory()}>
      <div className={styles.toolbar}>
        <label>
          Example{' '}
          <select data-testid="examples" defaultValue="" onChange={(event) => chooseExample(event.currentTarget.value)}>
            <option value="" disabled>
              from the spec…
            </option>
            {data.examples.map((example, index) => (
              <option key={`${example.invariant}#${example.index}`} value={index}>
                {example.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Model profile{' '}
          <select data-testid="profile" value={profile} onChange={(event) => setProfile(event.currentTarget.value)}>
            {data.profiles.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className={styles.versions}>
          <legend>Real CPython (Pyodide, wasm32)</legend>
          {data.versions.map(({ version }) => (
            <label key={version}>
              <input type="checkbox" data-testid={`version-${version}`} checked={versions.includes(version)} onChange={(event) => toggleVersion(version, event.currentTarget.checked)} />{' '}
              {version}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button button--primary" data-testid="run" onClick={runProgram}>
          Run (Ctrl+Enter)
        </button>
      </div>
      <Editor initial={initial.source} onView={onView} onRun={runProgram} />
      {diagnostics.length > 0 && (
        <ul className={styles.diagnostics} data-testid="diagnostics">
          {diagnostics.map((diagnostic, index) => (
            <li key={index}>
              line {diagnostic.line}, column {diagnostic.col}: {diagnostic.message}
            </li>
          ))}
        </ul>
      )}
      <p className={styles.note}>
        Each program runs as <code>python {PROGRAM_FILENAME}</code> would, on a fresh interpreter, with a time limit of {TIME_LIMIT_MS / 1000} s. The interpreters are
        downloaded from this site when first needed (several megabytes each).
      </p>
      {run !== null && <Outputs runId={run.id} columns={columns} now={now} />}
      {shareUrl !== '' && (
        <p className={styles.share}>
          Link to this program: <a href={shareUrl} data-testid="share-link">{shareUrl}</a>
        </p>
      )}
      <h2>Heap picture</h2>
      {picture === null ? <p className={styles.note}>{busy ? 'Drawn when the model has run.' : 'No picture yet.'}</p> : <HeapPicture key={run?.id} heap={picture} />}
    </div>
  );
}
