/**
 * Turns what `python FILE.py` wrote to stderr into the oracle's form: the program's own stderr
 * text, then only the exception line(s) of the traceback (`ValueError: bad`), which are the same
 * on every platform (the `File ...` lines carry paths that are not).
 */
import type { ProgramError } from '../types';

const TRACEBACK_HEADER = 'Traceback (most recent call last):';
const EXCEPTION_LINE = /^([A-Za-z_][\w.]*)(?:: ([\s\S]*))?$/;

export function condenseTraceback(stderr: string, exitCode: number): { stderr: string; error: ProgramError | null } {
  if (exitCode === 0) return { stderr, error: null };
  const lines = stderr.split(/(?<=\n)/);
  // A chain of exceptions prints several tracebacks: the program's text ends where the first starts.
  let first = lines.findIndex((line) => line.trimEnd() === TRACEBACK_HEADER);
  let last = lines.findLastIndex((line) => line.trimEnd() === TRACEBACK_HEADER);
  if (first < 0) {
    // A SyntaxError has no header: `  File "...", line N` then the source line and a caret.
    first = last = lines.findLastIndex((line) => line.startsWith('  File "'));
  }
  if (first < 0) {
    // sys.exit('message'): the message alone, exit status 1.
    const message = stderr.trim() === '' ? String(exitCode) : (stderr.replace(/\n$/, '').split('\n').at(-1) ?? '');
    return { stderr, error: { type: 'SystemExit', message } };
  }
  const start = lines.findIndex((line, i) => i > last && !line.startsWith(' '));
  if (start < 0) return { stderr, error: null };
  const tail = lines.slice(start).join('');
  const match = EXCEPTION_LINE.exec(tail.replace(/\n$/, ''));
  const error = match ? { type: match[1] ?? '', message: match[2] ?? '' } : null;
  return { stderr: lines.slice(0, first).join('') + tail, error };
}
