/**
 * 3.13+ `CALL_ALLOC_AND_ENTER_INIT` (`Python/specialize.c` `specialize_class_call`,
 * `get_init_for_simple_managed_python_class`; `Python/bytecodes.c` `CALL_ALLOC_AND_ENTER_INIT`):
 * a call site's first run of `C(args)` is the generic `CALL` (`type_call`: the arguments packed in
 * a tuple, `slot_tp_init` giving `__init__`'s frame its own references); the second run
 * specializes it when C is a heap type with `object.__new__`, inline values (no `__slots__` in
 * the model's terms) and a Python `__init__` of plain positional parameters
 * (`function_kind` SIMPLE_FUNCTION) taking exactly the call's arguments plus self, with no
 * keywords (fact `classCallEntersInit` 'exactArguments'); 3.14 drops the inline-values and
 * argument-count conditions (`_CHECK_AND_ALLOCATE_OBJECT`, `_CREATE_INIT_FRAME` binding as a call
 * does: 'simpleInit'). From then on the object is made, a shim frame holds it, and `__init__`'s
 * frame takes the stack's references (no tuple). Measured: `sys.getrefcount(a1)` in `__init__` of `K1([1], [2])`
 * run in a loop 4, 4, 4 on 3.11/3.12, 4, 2, 2 on 3.13.0, 3, 1, 1 on 3.14.2 (borrowed).
 * Refused: a call site that met another class before (the specialization's version check,
 * `DEOPT_IF`, and the counter's backoff are not followed), and a class whose chain mixes
 * `__slots__` with classes without (whether it has inline values). Only runs that call a class
 * are recorded (a site that called a function before is taken as a class call's first run), and
 * a class changed after its call site specialized (a new version tag: `DEOPT_IF`) is not followed.
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';
import type { Interpreter } from './interpreter';
import { lookupClassAttr } from './attributes';
import { derivesFromStr } from './str-subclass';
import { isExceptionClass } from './exception-objects';
import { Refusal } from './refusal';
import { RunSlot, runState } from './run-state';

type CallExpr = Extract<Expr, { kind: 'Call' }>;

/** What each call site did: run once (generic), or specialized for this callable (or not: null). */
type SiteState = { readonly ran: true; readonly callee?: Ref; readonly specialized?: boolean; readonly epoch?: number };

const SITES = new RunSlot(() => new Map<Expr, SiteState>());

/** How many times a class was changed (`type_modified`: a new version tag, its specialized sites deoptimize). */
const CLASS_CHANGES = new RunSlot(() => ({ count: 0 }));

/** `setattr` on a class: its version tag (and its subclasses') changes. */
export function noteClassChanged(interp: Interpreter): void {
  runState(interp, CLASS_CHANGES).count++;
}

/** Whether the class `cls` called with these arguments can be specialized, or null when the model cannot tell. */
function specializable(interp: Interpreter, cls: Ref, nargs: number, nkw: number): boolean | null {
  const h = interp.heap;
  // Exception classes: `tp_new` is `BaseException_new`, not `object_new` (`Python/specialize.c` `specialize_class_call`).
  if (h.get(cls).payload.kind !== 'type' || !interp.heapTypes.has(cls) || derivesFromStr(interp, cls) || isExceptionClass(interp, cls)) return false;
  const exact = interp.cfg.classCallEntersInit === 'exactArguments';
  let slotted = 0;
  let plain = 0;
  for (let c: Ref | null = cls; c !== null; c = h.payload(c, 'type').base) {
    if (h.payload(c, 'type').slots === null) plain++;
    else slotted++;
  }
  // 3.13: `Py_TPFLAGS_INLINE_VALUES` is required (3.14 no longer asks).
  if (exact && slotted > 0 && plain > 0) return null;
  if (exact && slotted > 0) return false;
  const init = lookupClassAttr(interp, cls, '__init__');
  if (init === null) return false;
  const fp = h.get(init).payload;
  if (fp.kind !== 'function') return false;
  // `function_kind`: SIMPLE_FUNCTION, no `*args`, `**kwargs` or keyword-only parameters.
  const params = (fp.code as { params: readonly { kind?: string }[] }).params;
  if (params.some((p) => p.kind !== undefined && p.kind !== 'posonly')) return false;
  // `CALL_KW` is not specialized this way; 3.13 checks `co_argcount == oparg + 1` (3.14 binds as a call does).
  return nkw === 0 && (!exact || params.length === nargs + 1);
}

/**
 * Whether this run of the call site `e` calling `fn` is `CALL_ALLOC_AND_ENTER_INIT` (the caller
 * then instantiates with the stack's references). Records the site's runs.
 */
export function entersInit(interp: Interpreter, fn: Ref, e: CallExpr, nargs: number, nkw: number): boolean {
  const map = runState(interp, SITES);
  const state = map.get(e);
  const isClass = interp.heap.get(fn).payload.kind === 'type' && interp.heapTypes.has(fn);
  if (state === undefined) {
    map.set(e, { ran: true });
    return false;
  }
  if (state.callee === undefined) {
    // The second run specializes the instruction for what it calls now.
    const ok = isClass ? specializable(interp, fn, nargs, nkw) : false;
    if (ok === null) throw new Refusal('instantiating a class whose bases mix __slots__ and classes without', 'whether CPython 3.13+ specializes the call is not modelled', e.pos);
    map.set(e, { ran: true, callee: fn, specialized: ok, epoch: runState(interp, CLASS_CHANGES).count });
    return ok;
  }
  if (state.specialized === true && state.epoch !== runState(interp, CLASS_CHANGES).count) {
    throw new Refusal('instantiating at a call site after a class was changed', "CPython 3.13+ deoptimizes the site's specialization (a new type version), which is not followed", e.pos);
  }
  if (state.callee === fn) return state.specialized === true;
  if (state.specialized === true || (isClass && specializable(interp, fn, nargs, nkw) !== false)) {
    throw new Refusal('a call site that instantiates different classes', "CPython 3.13+'s specialization of the site for the first one is not followed", e.pos);
  }
  return false;
}
