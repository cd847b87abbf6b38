/**
 * `any` and `all` over an iterable other than a generator expression (that form is
 * generator-consumers.ts): `Python/bltinmodule.c` `builtin_any` / `builtin_all` take the
 * iterable's iterator, release each item right after its truth test (`PyObject_IsTrue`),
 * release the iterator at the first deciding item or the end, and return the True/False
 * singleton. The iterator is the interpreter's (`getIter` / `iterNext` / `releaseIter`).
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';

export const TRUTH_BUILTINS = ['any', 'all'] as const;

/** One of `TRUTH_BUILTINS` with borrowed arguments (a new reference), or null for other names. */
export function callTruthBuiltin(interp: Interpreter, name: string, args: readonly Ref[]): Ref | null {
  if (name !== 'any' && name !== 'all') return null;
  if (args.length !== 1) throw new Refusal(`${name}() with ${args.length} arguments`);
  const h = interp.heap;
  // any() stops at the first true item, all() at the first false one.
  const stopAt = name === 'any';
  const it = interp.getIter(args[0]!);
  try {
    for (let item = interp.iterNext(it); item !== null; item = interp.iterNext(it)) {
      let truth: boolean;
      try {
        truth = interp.truth(item);
      } finally {
        h.decref(item);
      }
      if (truth === stopAt) return h.bool(stopAt);
    }
  } finally {
    interp.releaseIter(it);
  }
  return h.bool(!stopAt);
}
