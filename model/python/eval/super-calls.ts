/**
 * `super()` and `super(C, obj)` (`Objects/typeobject.c` `super_init`, `super_init_without_args`,
 * `supercheck`, `super_getattro`, `super_repr`, `super_dealloc`), and the class cell that
 * zero-argument `super()` reads (`Python/compile.c` `compiler_class`: the class body makes the
 * `__class__` cell, stores it as `__classcell__`; `Objects/typeobject.c` `type_new_set_classcell`
 * sets it to the new class and removes `__classcell__` from the class dict).
 *
 * - Zero arguments: the running function's first argument (`co_varnames[0]`, through its cell
 *   when it is one) and its free variable `__class__` (scopes.ts); RuntimeError 'super(): no
 *   arguments' (no positional parameter, or not in a function), 'super(): arg[0] deleted',
 *   'super(): __class__ cell not found', 'super(): empty __class__ cell' (measured, the same
 *   wording on 3.8-3.14).
 * - A super object: `PyObject_HEAD` + type, obj, obj_type, GC tracked (measured
 *   `sys.getsizeof(super())` 56 on x86_64 3.8-3.13, 28 on wasm32 3.11-3.14), holding obj, type
 *   and obj_type (released in that order, `super_dealloc`); repr
 *   `<super: <class 'B'>, <B object>>` (`super_repr`).
 * - `super().name`: looked up in the classes after C in `type(obj).__mro__`, the class dicts
 *   only (not obj's own attributes); a function found is bound to obj (`func_descr_get`).
 *   The model has single inheritance only, so the MRO after C is C's chain of bases.
 * - `super().m(...)`: 3.8-3.11 make the super object and a bound method (super's `tp_getattro`
 *   is not the generic one: `_PyObject_GetMethod` falls back to `PyObject_GetAttr`), 3.12+
 *   `LOAD_SUPER_ATTR` (`Python/bytecodes.c`) finds the function without either once
 *   specialized; in every case the callee's `self` is one strong reference, as for `obj.m(...)`:
 *   measured `sys.getrefcount(self)` in the callee equal to a plain method call's on 3.8-3.13.
 *   3.14: the first run of a call site is the generic `_LOAD_SUPER_ATTR` (a bound method: `self`
 *   strong in the callee), later runs are `LOAD_SUPER_ATTR_METHOD`, which passes the stack's
 *   (possibly borrowed) reference on: measured 3 then 2 in `A.m` called by `super().m()` in a loop.
 *   The model takes the later runs' `self` as undecided for `sys.getrefcount` (refused there).
 * - `super().__init__(...)` reaching `object`: `object_init`, TypeError with arguments
 *   ('object.__init__() takes exactly one argument (the instance to initialize)' when the class
 *   defines `__init__`, else '<type>.__init__() takes...').
 * The super object, bound method and method-wrapper are allocations the model does not size.
 * Refused: descriptors (property, classmethod, staticmethod) found through super, names not
 * found (AttributeError, with a suggestion on 3.10+), super of a class (`super(C, C2)`), a
 * mismatched `super(C, obj)` (its TypeError is worded per version), `super` shadowed.
 */
import type { Ref } from '../../core/objects';
import type { Expr, Parameter } from '../ast';
import type { CodeObject } from './compile';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import type { LoadStatus } from './borrowed-loads';
import { newCell } from './cells';
import { exceptionInit, isExceptionInstance } from './exception-objects';
import { descriptorOf } from './decorators';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { RunSlot, runState } from './run-state';

type CallExpr = Extract<Expr, { kind: 'Call' }>;

/** The evaluator's state of a super object (its payload's `state`). */
interface SuperState {
  readonly tag: 'super';
  readonly thisClass: Ref;
  readonly obj: Ref;
}

/** The parameters of each function's code (set when `def` runs): zero-argument super() reads the first. */
const PARAMETERS = new RunSlot(() => new Map<CodeObject, readonly Parameter[]>());

export function noteParameters(interp: Interpreter, code: CodeObject, params: readonly Parameter[]): void {
  runState(interp, PARAMETERS).set(code, params);
}

/** Call sites of `super().m(...)` that ran once (3.14 specializes the second run). */
const RAN_ONCE = new RunSlot(() => new Set<Expr>());

/** Whether `e` is a call of the builtin `super` (not shadowed by a local, class or global name). */
export function isSuperCall(e: Expr, frame: Frame): e is CallExpr {
  if (e.kind !== 'Call' || e.func.kind !== 'Name' || e.func.id !== 'super') return false;
  for (let f: Frame | undefined = frame; f !== undefined; f = f.outer) {
    if (f.fast.has('super') || f.cells?.has('super') === true || (f.kind === 'class' && f.ns.has('super'))) throw new Refusal("a shadowed 'super'", undefined, e.pos);
  }
  if (frame.globals.has('super')) throw new Refusal("a shadowed 'super'", undefined, e.pos);
  if (e.keywords.length > 0 || (e.args.length !== 0 && e.args.length !== 2)) throw new Refusal('super() with keywords or one argument', undefined, e.pos);
  return true;
}

/** The type and object of a zero-argument `super()` (`super_init_without_args`): new references. */
function implicitArguments(interp: Interpreter, e: CallExpr, frame: Frame, bare: boolean): { type: Ref; obj: Ref } {
  const h = interp.heap;
  if (frame.kind !== 'function') throw new PyException('RuntimeError', 'super(): no arguments');
  if (frame.outer !== undefined) throw new Refusal('super() in a comprehension', undefined, e.pos);
  const params = runState(interp, PARAMETERS).get(frame.code);
  if (params === undefined) throw new Refusal('super() in this function', 'only functions made by def are modelled', e.pos);
  const first = params[0];
  if (first === undefined || (first.kind !== undefined && first.kind !== 'posonly')) throw new PyException('RuntimeError', 'super(): no arguments');
  const cell = frame.cells?.get(first.name);
  const obj = cell !== undefined ? (h.payload(cell, 'iterator').held[0] ?? null) : (frame.fast.get(first.name) ?? null);
  if (obj === null && bare) throw new PyException('RuntimeError', 'super(): arg[0] deleted');
  if (obj === null) throw new Refusal('super() after its first argument was deleted', "3.12+'s LOAD_SUPER_ATTR raises UnboundLocalError, older versions RuntimeError", e.pos);
  if (!frame.code.freeVars.includes('__class__')) throw new PyException('RuntimeError', 'super(): __class__ cell not found');
  const classCell = frame.cells?.get('__class__');
  const type = classCell === undefined ? undefined : h.payload(classCell, 'iterator').held[0];
  if (type === undefined) throw new PyException('RuntimeError', 'super(): empty __class__ cell');
  return { type: h.incref(type), obj: h.incref(obj) };
}

/** The arguments of `super(...)` (new references), checked as `supercheck` does. */
function superArguments(interp: Interpreter, e: CallExpr, frame: Frame, bare: boolean): { type: Ref; obj: Ref } {
  const h = interp.heap;
  let args: { type: Ref; obj: Ref };
  if (e.args.length === 0) args = implicitArguments(interp, e, frame, bare);
  else {
    const type = interp.evalExpr(e.args[0] as Expr, frame);
    let obj: Ref;
    try {
      obj = interp.evalExpr(e.args[1] as Expr, frame);
    } catch (err) {
      h.decref(type);
      throw err;
    }
    args = { type, obj };
  }
  const tp = h.get(args.type).payload;
  const op = h.get(args.obj).payload;
  const ok = tp.kind === 'type' && interp.heapTypes.has(args.type) && op.kind === 'instance' && inChain(interp, op.cls, args.type);
  if (!ok) {
    h.decref(args.obj);
    h.decref(args.type);
    throw new Refusal('super(type, obj) of this type and object', 'only an instance of a class defined by the program is modelled; the TypeError is worded per version', e.pos);
  }
  return args;
}

function inChain(interp: Interpreter, cls: Ref, of: Ref): boolean {
  for (let c: Ref | null = cls; c !== null; c = interp.heap.payload(c, 'type').base) if (c === of) return true;
  return false;
}

/** `super_getattro`: `name` in the classes after `type` (borrowed), or null. */
function lookupAfter(interp: Interpreter, type: Ref, name: string): Ref | null {
  for (let c = interp.heap.payload(type, 'type').base; c !== null; c = interp.heap.payload(c, 'type').base) {
    const v = interp.heap.payload(c, 'type').attrs.get(name);
    if (v !== undefined) return v;
  }
  return null;
}

/** A super object holding `type` and `obj` (owned). */
function newSuperObject(interp: Interpreter, type: Ref, obj: Ref): Ref {
  const h = interp.heap;
  const core = interp.cfg.core;
  const objType = h.incref(h.payload(obj, 'instance').cls);
  const state: SuperState = { tag: 'super', thisClass: type, obj };
  // `super_dealloc`: obj, type, obj_type.
  return h.object({ kind: 'iterator', type: 'super', bytes: core.gcHeaderSize + 5 * core.pointerSize, gc: true, held: [obj, type, objType], state });
}

/** `super(...)` as a value: the super object (a new reference). */
export function evalSuper(interp: Interpreter, e: CallExpr, frame: Frame): Ref {
  const { type, obj } = superArguments(interp, e, frame, true);
  return newSuperObject(interp, type, obj);
}

function superState(interp: Interpreter, v: Ref): SuperState | null {
  const p = interp.heap.get(v).payload;
  return p.kind === 'iterator' && p.type === 'super' ? (p.state as SuperState) : null;
}

/** `super().name` (`super_getattro`): a new reference, or null when `sup` is not a super object. */
export function superAttribute(interp: Interpreter, sup: Ref, name: string): Ref | null {
  const s = superState(interp, sup);
  if (s === null) return null;
  const h = interp.heap;
  const found = lookupAfter(interp, s.thisClass, name);
  if (found === null) throw new Refusal(`super().${name} not found in the classes after ${h.payload(s.thisClass, 'type').name}`, "object's attributes and the AttributeError (with its suggestion) are not modelled");
  if (descriptorOf(interp, found) !== null) throw new Refusal(`super().${name}, a descriptor`, 'property, classmethod and staticmethod through super are not modelled');
  if (h.get(found).payload.kind === 'function') {
    // A bound method object (`func_descr_get` -> `PyMethod_New`).
    h.allocator.untracked('unknown');
    return h.object({ kind: 'method', self: h.incref(s.obj), func: h.incref(found) });
  }
  return h.incref(found);
}

/** `repr(super_object)` (`super_repr`), or null for other objects. */
export function superRepr(interp: Interpreter, v: Ref): string | null {
  const s = superState(interp, v);
  if (s === null) return null;
  const h = interp.heap;
  const cls = h.payload(s.thisClass, 'type').name;
  return `<super: <class '${cls}'>, <${h.payload(h.payload(s.obj, 'instance').cls, 'type').name} object>>`;
}

/** What `super().m(...)` calls: the function and `self` (new references, the stack's), or the call's result. */
export type SuperMethod = { readonly kind: 'call'; readonly fn: Ref; readonly self: Ref; readonly selfStatus: LoadStatus | null } | { readonly kind: 'done'; readonly value: Ref };

/**
 * `super().m(...)` / `super(C, obj).m(...)` (`e` the whole call): the function found after C,
 * with `self` for the caller to call it as a method call; `object.__init__` is run here.
 */
export function superMethod(interp: Interpreter, e: CallExpr, frame: Frame): SuperMethod {
  const h = interp.heap;
  const attr = e.func as Extract<Expr, { kind: 'Attribute' }>;
  const superCall = attr.value as CallExpr;
  const mark = interp.borrows?.mark();
  const { type, obj } = superArguments(interp, superCall, frame, false);
  // The two-argument form's loads are consumed by `LOAD_SUPER_ATTR` (or the super object).
  if (mark !== undefined) interp.borrows?.release(mark);
  const found = lookupAfter(interp, type, attr.attr);
  // The super object and the bound method (3.8-3.11, and 3.12+ before specialization): not sized.
  h.allocator.untracked('unknown');
  const typeName = h.payload(type, 'type').name;
  h.decref(type);
  if (found === null && attr.attr === '__init__') return { kind: 'done', value: isExceptionInstance(interp, obj) ? exceptionInit(interp, e, frame, obj) : objectInit(interp, e, frame, obj) };
  if (found === null || h.get(found).payload.kind !== 'function') {
    h.decref(obj);
    if (found === null) throw new Refusal(`super().${attr.attr}() not found in the classes after ${typeName}`, "object's methods and the AttributeError are not modelled", attr.pos);
    throw new Refusal(`super().${attr.attr}(), not a function`, 'descriptors and other callables through super are not modelled', attr.pos);
  }
  const status = selfStatus(interp, e, superCall, frame);
  // The stack's `self` (3.14, once specialized): a load the ledger holds until the call is done.
  if (status !== null) interp.borrows?.noteLoad(obj, status, frame);
  return { kind: 'call', fn: h.incref(found), self: obj, selfStatus: status };
}

/**
 * 3.14 (loads borrowed): the callee's `self` is strong on a call site's first run (the generic
 * instruction binds a method), then the stack's reference: the two-argument form's load as the
 * analysis decides it, the implicit load of zero-argument super() undecided.
 */
function selfStatus(interp: Interpreter, e: CallExpr, superCall: CallExpr, frame: Frame): LoadStatus | null {
  if (interp.borrows === null) return null;
  const sites = runState(interp, RAN_ONCE);
  if (!sites.has(e)) {
    sites.add(e);
    return null;
  }
  return superCall.args.length === 2 ? interp.loadStatus(superCall.args[1] as Expr, frame) : 'unknown';
}

/** The statuses of a super method call's arguments, for the borrow ledger (3.14). */
export function expectSuperCall(interp: Interpreter, m: Extract<SuperMethod, { kind: 'call' }>, e: CallExpr, frame: Frame): void {
  const ledger = interp.borrows;
  if (ledger === null) return;
  ledger.expectCall(m.fn, [m.selfStatus, ...e.args.map((a) => interp.loadStatus(a, frame))], new Map(e.keywords.map((k) => [k.name, interp.loadStatus(k.value, frame)])));
}

/** `object.__init__(self, *args)` (`object_init`): None, or the TypeError of excess arguments. */
function objectInit(interp: Interpreter, e: CallExpr, frame: Frame, obj: Ref): Ref {
  const h = interp.heap;
  const values: Ref[] = [];
  try {
    for (const a of e.args) values.push(interp.evalExpr(a, frame));
    for (const k of e.keywords) values.push(interp.evalExpr(k.value, frame));
  } finally {
    for (let i = values.length - 1; i >= 0; i--) h.decref(values[i] as Ref);
  }
  const cls = h.payload(obj, 'instance').cls;
  h.decref(obj);
  if (values.length === 0) return h.none();
  // `type->tp_init != object_init`: a class of the chain defines `__init__`.
  let definesInit = false;
  for (let c: Ref | null = cls; c !== null; c = h.payload(c, 'type').base) if (h.payload(c, 'type').attrs.has('__init__')) definesInit = true;
  const who = definesInit ? 'object' : h.payload(cls, 'type').name;
  throw new PyException('TypeError', `${who}.__init__() takes exactly one argument (the instance to initialize)`);
}

/** The class body's `__class__` cell (`co_cellvars`), made before the body runs; spread into its frame. */
export function classBodyCells(interp: Interpreter, code: CodeObject): { cells?: Map<string, Ref> } {
  if (!code.cellVars.includes('__class__')) return {};
  if (code.cellVars.length > 1) throw new Error('model bug: a class body with other cells');
  return { cells: new Map([['__class__', newCell(interp, null)]]) };
}

/**
 * The class exists: `type_new_set_classcell` sets the cell to it, and the body's frame lets go
 * of the cell (the methods' closures keep it).
 */
export function setClassCell(interp: Interpreter, body: Frame, cls: Ref): void {
  const cell = body.cells?.get('__class__');
  if (cell === undefined) return;
  interp.heap.payload(cell, 'iterator').held.push(interp.heap.incref(cls));
  releaseClassCell(interp, body);
}

/** The class body's frame ends (also when the body raised). */
export function releaseClassCell(interp: Interpreter, body: Frame): void {
  const cell = body.cells?.get('__class__');
  if (cell === undefined) return;
  body.cells?.delete('__class__');
  interp.heap.decref(cell);
}
