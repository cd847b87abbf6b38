/**
 * Cells and closures at run time (`Objects/cellobject.c`, `Objects/funcobject.c`):
 * - a cell is a GC object of `PyObject_HEAD` + `ob_ref` (measured `sys.getsizeof` of a cell:
 *   40 on x86_64 3.8-3.13, 20 on wasm32 3.14.2, the GC header included) holding one reference
 *   to its value (`PyCell_New`, `PyCell_SET`): `sys.getrefcount` of a captured object counts it;
 * - a call makes the frame's cells before the body runs, in `co_cellvars` order: 3.8-3.10 at
 *   frame creation (`_PyEval_MakeFrameVector` / `_PyEval_EvalCodeWithName`: an argument's cell
 *   takes the argument's reference, `SETLOCAL(arg, NULL)`); 3.11+ `MAKE_CELL` in the prefix
 *   (`insert_prefix_instructions`), the arguments' cells first (fact `cellsOfArgumentsInPlace`,
 *   measured `co_cellvars` ('a', 'b', 'y', 'z') on 3.8-3.10, ('b', 'a', 'y', 'z') on 3.11+ for
 *   `def f(b, a)`), then `COPY_FREE_VARS` takes a new reference to each cell of the function's
 *   `__closure__` (`func_closure`); a generator function's cells are made before its generator
 *   (`MAKE_CELL` precedes `RETURN_GENERATOR`);
 * - `LOAD_DEREF` / `STORE_DEREF` (the new value bound, then the old one released) /
 *   `DELETE_DEREF`; an empty cell raises UnboundLocalError (a cell of this code) or NameError
 *   (a free variable), `format_exc_unbound`, worded per version (fact `errorMessages`);
 * - `MAKE_FUNCTION` with a closure: after the defaults and annotations, `LOAD_CLOSURE` of each
 *   of the child's `co_freevars` and `BUILD_TUPLE` (`compiler_make_closure`); the function
 *   owns the tuple (`func_clear` releases it after the defaults, before the annotations);
 * - when the frame ends its slots are released in `f_localsplus` order: 3.8-3.10 the locals,
 *   then the cells, then the free variables (`frame_dealloc`); 3.11+ an argument's cell in its
 *   argument's slot (`_PyFrame_ClearLocals` over `co_localsplusnames`).
 * A function's `__closure__` is its tuple of cells or None (`func_get_closure`); a cell's
 * `cell_contents` its value, ValueError 'Cell is empty' when empty (`cell_get_contents`); a
 * cell is not iterable (no `tp_iter`) and its repr shows addresses (refused, as other reprs).
 */
import type { Ref } from '../../core/objects';
import type { CodeObject } from './compile';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { BUILTIN_NAMES, STDLIB_MODULE_NAMES } from './name-lists';
import { Refusal } from './refusal';
import { hasSuggestion } from './suggestions';

/** The evaluator's state of a cell object (kept in its payload's `state`). */
interface CellState {
  readonly tag: 'cell';
}
const CELL_STATE: CellState = { tag: 'cell' };

/** The function's closure tuple (set by `MAKE_FUNCTION`), kept in the payload's opaque `code`. */
interface CompiledFunction {
  readonly code: CodeObject;
  readonly closure?: Ref;
}

/** `PyCell_New(value)`: a new cell owning `value` (null: empty). */
export function newCell(interp: Interpreter, value: Ref | null): Ref {
  const core = interp.cfg.core;
  const bytes = core.gcHeaderSize + 3 * core.pointerSize;
  return interp.heap.object({ kind: 'iterator', type: 'cell', bytes, gc: true, held: value === null ? [] : [value], state: CELL_STATE });
}

/** The cells of a frame, by name (its own cells and its free variables), looking through inlined comprehensions. */
function cellOf(frame: Frame, name: string): { readonly cell: Ref; readonly frame: Frame } | null {
  for (let f: Frame | undefined = frame; f !== undefined; f = f.outer) {
    if (f.fast.has(name)) return null;
    const cell = f.cells?.get(name);
    if (cell !== undefined) return { cell, frame: f };
  }
  return null;
}

/** Whether `name` is a cell or free variable of the running code (its loads and stores are `*_DEREF`). */
export function isDeref(frame: Frame, name: string): boolean {
  return frame.cells !== undefined || frame.outer !== undefined ? cellOf(frame, name) !== null : false;
}

function contents(interp: Interpreter, cell: Ref): Ref[] {
  return interp.heap.payload(cell, 'iterator').held;
}

/**
 * `format_exc_unbound`: a cell of this code is an unbound local, a free variable is not. The
 * NameError (its exact type, unlike UnboundLocalError) may get a "Did you mean" trailer on 3.10+
 * (`Python/suggestions.c`, from `co_varnames`, globals and builtins; measured 'set_later' ->
 * 'setattr' on 3.13): refused then, as for other NameErrors.
 */
function unbound(interp: Interpreter, owner: Frame, name: string): PyException {
  if (!owner.code.freeVars.includes(name)) return new PyException('UnboundLocalError', interp.msgs.unboundLocal(name));
  if (interp.cfg.errorSuggestions) {
    const lists = [owner.code.locals, [...owner.globals.keys()], [...BUILTIN_NAMES]];
    if (lists.some((l) => hasSuggestion(name, l)) || STDLIB_MODULE_NAMES.has(name) || owner.fast.has('self')) {
      throw new Refusal(`NameError for the free variable '${name}'`, 'CPython may add a "Did you mean" suggestion');
    }
  }
  return new PyException('NameError', interp.msgs.unboundFree(name));
}

/** `LOAD_DEREF`: a new reference to the cell's value. */
export function loadDeref(interp: Interpreter, frame: Frame, name: string): Ref {
  const found = cellOf(frame, name);
  if (found === null) throw new Error(`model bug: '${name}' is not a cell`);
  const v = contents(interp, found.cell)[0];
  if (v === undefined) throw unbound(interp, found.frame, name);
  return interp.heap.incref(v);
}

/** `STORE_DEREF`: the cell takes `value` (owned), then its old value is released. */
export function storeDeref(interp: Interpreter, frame: Frame, name: string, value: Ref): void {
  const found = cellOf(frame, name);
  if (found === null) throw new Error(`model bug: '${name}' is not a cell`);
  const held = contents(interp, found.cell);
  const old = held[0];
  held[0] = value;
  if (old !== undefined) interp.heap.decref(old);
}

/** `DELETE_DEREF`. */
export function deleteDeref(interp: Interpreter, frame: Frame, name: string): void {
  const found = cellOf(frame, name);
  if (found === null) throw new Error(`model bug: '${name}' is not a cell`);
  const held = contents(interp, found.cell);
  const old = held.pop();
  if (old === undefined) throw unbound(interp, found.frame, name);
  interp.heap.decref(old);
}

/** The order a call makes its cells in (`co_cellvars`): 3.11+ the arguments' cells first. */
function creationOrder(interp: Interpreter, code: CodeObject, params: readonly string[]): string[] {
  if (!interp.cfg.cellsOfArgumentsInPlace) return [...code.cellVars];
  return [...params.filter((p) => code.cellVars.includes(p)), ...code.cellVars.filter((n) => !params.includes(n))];
}

/**
 * The cells of a call's frame, made before its body runs: `fast` has the arguments bound; an
 * argument that is a cell moves into its cell. Spread into the new frame (`{}` when none).
 */
export function enterCells(interp: Interpreter, code: CodeObject, fn: Ref, fast: Map<string, Ref | null>, params: readonly string[]): { cells?: Map<string, Ref> } {
  if (code.cellVars.length === 0 && code.freeVars.length === 0) return {};
  const h = interp.heap;
  const cells = new Map<string, Ref>();
  for (const name of creationOrder(interp, code, params)) {
    const arg = fast.get(name) ?? null;
    fast.delete(name);
    cells.set(name, newCell(interp, arg));
  }
  const closure = (h.payload(fn, 'function').code as CompiledFunction).closure;
  const items = closure === undefined ? [] : h.payload(closure, 'tuple').items;
  if (items.length !== code.freeVars.length) throw new Error('model bug: a closure of the wrong length');
  code.freeVars.forEach((name, i) => cells.set(name, h.incref(items[i] as Ref)));
  return { cells };
}

/** `LOAD_CLOSURE` of each of `child`'s free variables, `BUILD_TUPLE`: the new function's closure (null: none). */
export function makeClosure(interp: Interpreter, child: CodeObject, frame: Frame): Ref | null {
  if (child.freeVars.length === 0) return null;
  const h = interp.heap;
  return h.tuple(
    child.freeVars.map((name) => {
      const found = cellOf(frame, name);
      if (found === null) throw new Error(`model bug: no cell for the free variable '${name}'`);
      return h.incref(found.cell);
    }),
  );
}

/** A function payload's extra fields for its closure: the tuple in `code` (to read) and in `extras` (owned, released before the annotations). */
export function withClosure<T extends { code: CodeObject }>(compiled: T, closure: Ref | null, extras: readonly Ref[]): { code: T & { closure?: Ref }; extras?: Ref[] } {
  if (closure === null) return { code: compiled, ...(extras.length > 0 ? { extras: [...extras] } : {}) };
  return { code: { ...compiled, closure }, extras: [closure, ...extras] };
}

/**
 * The frame ends: its slots released in `f_localsplus` order (3.8-3.10 locals, then cells, then
 * free variables; 3.11+ an argument's cell in its argument's slot).
 */
export function clearFrame(interp: Interpreter, frame: Frame): void {
  const h = interp.heap;
  const { code, fast, cells } = frame;
  if (cells === undefined) {
    // The common frame, without the closures below (V8 would make them at every call).
    const locals = code.locals;
    for (let i = 0; i < locals.length; i++) {
      const name = locals[i] as string;
      const v = fast.get(name) ?? null;
      if (v !== null) {
        fast.set(name, null);
        h.decref(v);
      }
    }
    return;
  }
  const releaseLocal = (name: string): void => {
    const v = fast.get(name) ?? null;
    if (v !== null) {
      fast.set(name, null);
      h.decref(v);
    }
  };
  const releaseCell = (name: string): void => {
    const c = cells.get(name);
    if (c !== undefined) {
      cells.delete(name);
      h.decref(c);
    }
  };
  const inPlace = interp.cfg.cellsOfArgumentsInPlace;
  for (const name of code.locals) {
    if (inPlace && code.cellVars.includes(name)) releaseCell(name);
    else releaseLocal(name);
  }
  for (const name of code.cellVars) releaseCell(name);
  for (const name of code.freeVars) releaseCell(name);
}

/** A hidden function's frame ends (its locals released by the caller): its cells, then its free variables. */
export function releaseCells(interp: Interpreter, frame: Frame): void {
  const cells = frame.cells;
  if (cells === undefined) return;
  for (const name of [...frame.code.cellVars, ...frame.code.freeVars]) {
    const c = cells.get(name);
    if (c !== undefined) {
      cells.delete(name);
      interp.heap.decref(c);
    }
  }
}

/** Whether `ref` is a cell object. */
export function isCell(interp: Interpreter, ref: Ref): boolean {
  const p = interp.heap.get(ref).payload;
  return p.kind === 'iterator' && p.type === 'cell';
}

/** `function.__closure__` (`func_get_closure`): the closure tuple, or None (new references). */
export function functionClosure(interp: Interpreter, fn: Ref): Ref {
  const closure = (interp.heap.payload(fn, 'function').code as CompiledFunction).closure;
  return closure === undefined ? interp.heap.none() : interp.heap.incref(closure);
}

/** `cell.cell_contents` (`cell_get_contents`). */
export function cellContents(interp: Interpreter, cell: Ref): Ref {
  const v = contents(interp, cell)[0];
  if (v === undefined) throw new PyException('ValueError', 'Cell is empty');
  return interp.heap.incref(v);
}
