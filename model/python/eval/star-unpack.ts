/**
 * A sequence built from items some of which are `*x` (a call's positional arguments, a list or
 * tuple display), per fact `callUnpackingOps` (bpo-39320 replaced the 3.8 opcodes in 3.9):
 * - 3.9+ (`Python/compile.c` `starunpack_helper`): `BUILD_LIST` of the items before the first
 *   `*`, `LIST_EXTEND` / `LIST_APPEND` for the rest (the list's capacities as `list.extend`'s),
 *   then for a tuple `LIST_TO_TUPLE` (3.12+ `INTRINSIC_LIST_TO_TUPLE`), the list freed.
 * - 3.8: each run of plain items packed by `BUILD_TUPLE` (the peephole optimizer folds a run of
 *   constants into a constant tuple: refused), each `*x` pushed as is, then
 *   `BUILD_TUPLE_UNPACK_WITH_CALL` / `BUILD_LIST_UNPACK` / `BUILD_TUPLE_UNPACK` (`Python/ceval.c`):
 *   `PyList_New(0)` extended by each operand (`list_resize`), the list itself or `PyList_AsTuple`
 *   of it (the list freed), then the operands popped, the last first.
 * `*` of a list or tuple is modelled; of an int, float, bool or None the TypeError (3.9+ "Value
 * after * must be an iterable", 3.8 the caller's wording); of anything else refused.
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { typeName } from './values';

/** A new list or tuple of `elts` (some `Starred`); `message38` words 3.8's TypeError of `*` of a non-iterable. */
export function unpackToSequence(interp: Interpreter, elts: readonly Expr[], frame: Frame, asTuple: boolean, message38: (v: Ref) => string): Ref {
  if (interp.cfg.callUnpackingOps === 'extendAndMerge') return extendIntoList(interp, elts, frame, asTuple);
  return unpackOperands(interp, elts, frame, asTuple, message38);
}

function extendIntoList(interp: Interpreter, elts: readonly Expr[], frame: Frame, asTuple: boolean): Ref {
  const h = interp.heap;
  const firstStar = elts.findIndex((a) => a.kind === 'Starred');
  const before: Ref[] = [];
  let list: Ref | null = null;
  try {
    for (const a of elts.slice(0, firstStar)) before.push(interp.evalExpr(a, frame));
    // `BUILD_LIST n`: the list takes the stack's references; `PyList_New(0)` has no item array.
    list = h.list(before.splice(0), firstStar);
    for (const a of elts.slice(firstStar)) {
      if (a.kind === 'Starred') listExtend(interp, list, interp.evalExpr(a.value, frame));
      else {
        // `LIST_APPEND`: `list_resize` by one, the item's reference moved in.
        const v = interp.evalExpr(a, frame);
        interp.listExtend(list, [v]);
        h.decref(v);
      }
    }
    if (!asTuple) {
      const made = list;
      list = null;
      return made;
    }
    return h.tuple(h.increfAll(h.payload(list, 'list').items));
  } finally {
    for (let i = before.length - 1; i >= 0; i--) h.decref(before[i]!);
    if (list !== null) h.decref(list);
  }
}

/**
 * `LIST_EXTEND` (`_PyList_Extend` -> `list_extend`) of `v` (the stack's reference, released):
 * a list or tuple is added at once, the item array sized as `list.extend` sizes it.
 */
function listExtend(interp: Interpreter, list: Ref, v: Ref): void {
  const h = interp.heap;
  try {
    const p = h.get(v).payload;
    if (p.kind !== 'list' && p.kind !== 'tuple') notIterable(interp, v, () => `Value after * must be an iterable, not ${typeName(h, v)}`);
    const items = (p as { items: readonly Ref[] }).items;
    if (items.length === 0) return;
    const target = h.payload(list, 'list');
    // `list_preallocate_exact` for a list without an item array (3.10+, as `list.extend`), else `list_resize`.
    const presize = target.items.length === 0 && target.capacity === 0 && interp.cfg.listLiteralOfConstants === 'even' ? 'even' : 'resize';
    interp.listExtend(list, [...items], presize);
  } finally {
    h.decref(v);
  }
}

function unpackOperands(interp: Interpreter, elts: readonly Expr[], frame: Frame, asTuple: boolean, message38: (v: Ref) => string): Ref {
  const h = interp.heap;
  const operands: Ref[] = [];
  let run: Ref[] = [];
  let runExprs: Expr[] = [];
  const packRun = (): void => {
    if (runExprs.every((a) => a.kind === 'Const' || frame.code.constOf.has(a))) {
      throw new Refusal('constant items beside * on this version', 'the peephole optimizer folds them into a constant tuple');
    }
    operands.push(h.tuple(run));
    run = [];
    runExprs = [];
  };
  let sum: Ref | null = null;
  try {
    for (const a of elts) {
      if (a.kind === 'Starred') {
        if (run.length > 0) packRun();
        operands.push(interp.evalExpr(a.value, frame));
      } else {
        run.push(interp.evalExpr(a, frame));
        runExprs.push(a);
      }
    }
    if (run.length > 0) packRun();
    sum = h.list([], 0);
    for (const v of operands) {
      const p = h.get(v).payload;
      if (p.kind !== 'list' && p.kind !== 'tuple') notIterable(interp, v, () => message38(v));
      const items = (p as { items: readonly Ref[] }).items;
      if (items.length > 0) interp.listExtend(sum, [...items]);
    }
    if (!asTuple) {
      const made = sum;
      sum = null;
      return made;
    }
    return h.tuple(h.increfAll(h.payload(sum, 'list').items));
  } finally {
    if (sum !== null) h.decref(sum);
    for (let i = run.length - 1; i >= 0; i--) h.decref(run[i]!);
    for (let i = operands.length - 1; i >= 0; i--) h.decref(operands[i]!);
  }
}

/** The TypeError of `*v` when `v` is not iterable; an iterable the model does not unpack here is refused. */
export function notIterable(interp: Interpreter, v: Ref, message: () => string): never {
  const kind = interp.heap.get(v).payload.kind;
  if (kind !== 'int' && kind !== 'float' && kind !== 'NoneType' && kind !== 'bool') throw new Refusal(`* of a ${typeName(interp.heap, v)}`);
  throw new PyException('TypeError', message());
}
