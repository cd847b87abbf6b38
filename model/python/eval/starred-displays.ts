/**
 * List, tuple and set displays with `*x` items (`[*a, b]`, `(*a, 1)`): built as star-unpack.ts
 * builds a call's arguments (3.9+ `BUILD_LIST` + `LIST_EXTEND` + `LIST_TO_TUPLE`, 3.8
 * `BUILD_LIST_UNPACK` / `BUILD_TUPLE_UNPACK`). A list display iterated by `for` or tested by
 * `in` is built as a tuple (`Python/ast_opt.c` `fold_iter`, the interpreter's `iterAsTuple`).
 * 3.8's TypeError of `*` of a non-iterable is `_PyList_Extend`'s "'T' object is not iterable"
 * (measured 3.8.18). Set displays with `*` (`SET_UPDATE`, `BUILD_SET_UNPACK`) are refused.
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';
import { unpackToSequence } from './star-unpack';
import { typeName } from './values';

/** Whether a display has a `*x` item. */
export function hasStarredItem(elts: readonly Expr[]): boolean {
  for (const e of elts) if (e.kind === 'Starred') return true;
  return false;
}

export function evalStarredDisplay(interp: Interpreter, e: Extract<Expr, { kind: 'List' | 'Tuple' | 'Set' }>, frame: Frame): Ref {
  if (e.kind === 'Set') throw new Refusal('a set display with * items', undefined, e.pos);
  const asTuple = e.kind === 'Tuple' || frame.code.iterAsTuple.has(e);
  return unpackToSequence(interp, e.elts, frame, asTuple, (v) => `'${typeName(interp.heap, v)}' object is not iterable`);
}
