/** The playground's editor: CodeMirror 6 with Python highlighting, lint markers and Ctrl/Cmd-Enter to run. */
import { python } from '@codemirror/lang-python';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { keymap } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef, type ReactElement } from 'react';
import { diagnosticOffset, type SourceDiagnostic } from '../../playground/diagnostics';
import styles from './Playground.module.css';

export interface EditorProps {
  readonly initial: string;
  /** Called once with the view; the page reads and replaces the text through it. */
  readonly onView: (view: EditorView | null) => void;
  readonly onRun: () => void;
}

export function showDiagnostics(view: EditorView, diagnostics: readonly SourceDiagnostic[]): void {
  const source = view.state.doc.toString();
  const marks: Diagnostic[] = diagnostics.map((diagnostic) => {
    const from = diagnosticOffset(source, diagnostic);
    const lineEnd = view.state.doc.lineAt(from).to;
    return { from, to: Math.max(from, Math.min(lineEnd, from + 1)), severity: 'error', message: diagnostic.message, source: 'model' };
  });
  view.dispatch(setDiagnostics(view.state, marks));
}

export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

export default function Editor({ initial, onView, onRun }: EditorProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  // The latest callbacks, without re-creating the editor when they change.
  const run = useRef(onRun);
  run.current = onRun;
  useEffect(() => {
    if (host.current === null) return undefined;
    const view = new EditorView({
      doc: initial,
      parent: host.current,
      extensions: [
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              run.current();
              return true;
            },
          },
        ]),
        basicSetup,
        python(),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': 'Python program', 'data-testid': 'playground-editor' }),
      ],
    });
    onView(view);
    return () => {
      onView(null);
      view.destroy();
    };
    // The editor is created once; `initial` only seeds it.
  }, []);
  return <div ref={host} className={styles.editor} />;
}
