/**
 * `raise`, `try` / `except` / `else` / `finally` (`Python/ceval.c` `do_raise`,
 * `Python/compile.c` `compiler_try_except`, `compiler_try_finally`).
 *
 * An exception is a `PyException` while it propagates; what it holds is recorded here: the
 * arguments of a `raise E(args)` (its `args` tuple) and, for each frame it left, that frame's
 * locals (the traceback holds the frame: `PyTraceBack_Here`; 3.11+ the frame object takes over
 * the locals, `take_ownership`). They are released when the exception dies
 * (`BaseException_clear`: args, then the traceback, whose `tb_dealloc` frees the innermost
 * frame first), which is at the end of the handler that caught it (`POP_EXCEPT`), after
 * `except E as e` has done `e = None; del e`. Measured on 3.8-3.14: an object held by a local
 * of the raising function has 2 more references inside the handler, `sys.getrefcount(e)` is 3.
 * An exception raised in a handler keeps the handled one as its context.
 *
 * Uncaught, it ends the program: CPython's last traceback line
 * (`traceback.format_exception_only`: `Type: str(exc)`, the bare type name when empty), where
 * `str(exc)` follows `BaseException_str`: '' for no argument, `str(arg)` for one, `repr(args)`
 * for several; `KeyError_str` uses `repr(arg)` for one.
 * Only builtin exception classes named directly (not shadowed) are modelled, in raise and in
 * except clauses. Exceptions the model raises itself hold only their message (their `args`: the
 * message), except KeyError, which holds the key (`exceptionHolding`), and the AttributeError of
 * a failed read of an instance's attribute (`withAttributeContext`: from 3.10 it holds the object,
 * members `name` and `obj`); catching another AttributeError the interpreter raises is refused. The exception,
 * traceback and frame objects are allocations the model does not follow (free lists lost).
 */
import type { Ref } from '../../core/objects';
import type { ExceptHandler, Expr, Pos, Stmt } from '../ast';
import { NORMAL, type Completion, type Frame } from './frame';
import type { Interpreter } from './interpreter';
import { lookupClassAttr } from './attributes';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { hasRunState, RunSlot, runState } from './run-state';
import { builtinExceptionType, clauseMatches, exceptionObjectText, raiseEvaluated } from './exception-objects';

/** Builtin exception classes modelled, with their base (`Objects/exceptions.c`). */
const BASE_OF: Readonly<Record<string, string | null>> = {
  BaseException: null,
  Exception: 'BaseException',
  ArithmeticError: 'Exception',
  ZeroDivisionError: 'ArithmeticError',
  OverflowError: 'ArithmeticError',
  LookupError: 'Exception',
  KeyError: 'LookupError',
  IndexError: 'LookupError',
  ValueError: 'Exception',
  TypeError: 'Exception',
  RuntimeError: 'Exception',
  NotImplementedError: 'RuntimeError',
  AssertionError: 'Exception',
  NameError: 'Exception',
  UnboundLocalError: 'NameError',
  AttributeError: 'Exception',
  MemoryError: 'Exception',
  StopIteration: 'Exception',
};
export const EXCEPTION_BASES = BASE_OF;
/** What a program may raise itself. */
const RAISABLE = new Set(Object.keys(BASE_OF).filter((n) => n !== 'BaseException' && n !== 'NameError' && n !== 'UnboundLocalError' && n !== 'AttributeError'));

interface HeldByException {
  /** `raise E(args)`: the arguments (owned), else null (the model's own exceptions: a message only). */
  args: Ref[] | null;
  /** Releases of what the traceback keeps (frames' locals), innermost frame first. */
  readonly frames: (() => void)[];
  /** The exception object, once a handler named it. */
  object: Ref | null;
  /** An AttributeError of a failed attribute read: the name, and (3.10+) the object it holds. */
  attribute?: { readonly name: string; obj: Ref | null };
}
const held = new WeakMap<PyException, HeldByException>();

function heldBy(err: PyException): HeldByException {
  let h = held.get(err);
  if (!h) held.set(err, (h = { args: null, frames: [], object: null }));
  return h;
}

/**
 * The AttributeError of a failed `obj.name` read on an instance: from 3.10 `PyObject_GetAttr`
 * (`Objects/object.c` `set_attribute_error_context`) stores `name` and `obj` in it, a reference
 * to obj until the exception dies (measured: `sys.getrefcount(c)` one more in the handler of
 * `c.nope` on 3.10-3.14, the same on 3.8/3.9). Not while `hasattr`/`getattr` swallow it.
 */
export function withAttributeContext(interp: Interpreter, err: PyException, obj: Ref, name: string): PyException {
  if (interp.suppressSuggestions) return err;
  heldBy(err).attribute = { name, obj: interp.cfg.suggestions.attributeGet ? interp.heap.incref(obj) : null };
  return err;
}

/** A frame left by `err`: the traceback keeps its locals until the exception dies. Returns false for other errors. */
export function keepFrameAlive(err: unknown, release: () => void): boolean {
  if (!(err instanceof PyException)) return false;
  heldBy(err).frames.push(release);
  return true;
}

/** The exceptions being handled, innermost last (for a bare `raise`). */
const HANDLING = new RunSlot<PyException[]>(() => []);

function exceptionClass(e: Expr, frame: Frame, known: ReadonlySet<string> = RAISABLE): string | null {
  const name = e.kind === 'Name' ? e.id : null;
  if (name === null || !known.has(name)) return null;
  if (frame.fast.has(name) || frame.cells?.has(name) === true || frame.ns.has(name) || frame.globals.has(name)) return null;
  return name;
}

/** `str(exc)` from the evaluated arguments (new references, released here). */
function message(interp: Interpreter, type: string, args: Ref[]): string {
  try {
    if (args.length === 0) return '';
    if (args.length === 1) return type === 'KeyError' ? interp.reprOf(args[0]!) : interp.strOf(args[0]!);
    const t = interp.heap.tuple(args.map((a) => interp.heap.incref(a)));
    try {
      return interp.reprOf(t);
    } finally {
      interp.heap.decref(t);
    }
  } finally {
    for (const a of [...args].reverse()) interp.heap.decref(a);
  }
}

export function execRaise(interp: Interpreter, s: Extract<Stmt, { kind: 'Raise' }>, frame: Frame): Completion {
  if (s.exc === null) {
    const current = runState(interp, HANDLING).at(-1);
    throw current ?? new PyException('RuntimeError', 'No active exception to reraise');
  }
  const exc = s.exc;
  const call = exc.kind === 'Call' ? exc : null;
  const type = exceptionClass(call ? call.func : exc, frame);
  if (type === null) return raiseEvaluated(interp, s, frame);
  if (call && call.keywords.length > 0) throw new Refusal('an exception with keyword arguments', undefined, exc.pos);
  const args = call ? call.args.map((a) => interp.evalExpr(a, frame)) : [];
  const text = message(interp, type, args.map((a) => interp.heap.incref(a)));
  if (s.cause !== null) {
    const cause = s.cause;
    const ok = (cause.kind === 'Const' && cause.value.type === 'None') || exceptionClass(cause.kind === 'Call' ? cause.func : cause, frame) !== null;
    if (!ok) throw new Refusal('this exception cause', undefined, cause.pos);
    if (cause.kind === 'Call') for (const a of cause.args) interp.heap.decref(interp.evalExpr(a, frame));
  }
  const err = new PyException(type, text);
  heldBy(err).args = args;
  throw err;
}

/**
 * An exception the interpreter raises holding its arguments (new references, owned by the
 * exception): KeyError's `(key,)` (`Objects/dictobject.c` `_PyErr_SetKeyError`: a 1-tuple of the
 * key itself, so `e.args[0] is key`, measured on 3.8-3.14), released when the exception dies.
 */
/** `raise obj` (exception-objects.ts): the exception is the object (owned), shown as `type: text` when uncaught. */
export function exceptionRaising(type: string, text: string, object: Ref): PyException {
  const err = new PyException(type, text);
  heldBy(err).object = object;
  return err;
}

export function exceptionHolding(type: string, text: string, args: Ref[]): PyException {
  const err = new PyException(type, text);
  heldBy(err).args = args;
  return err;
}

/**
 * The KeyError of a missing `key` (`_PyErr_SetKeyError`). Its message is `repr(key)`, which
 * CPython computes only when the exception is shown (`KeyError_str`): a key whose repr runs
 * Python code (`__repr__`) is refused, the model computes the text at once.
 */
export function keyError(interp: Interpreter, key: Ref): PyException {
  const p = interp.heap.get(key).payload;
  if (p.kind === 'instance' && lookupClassAttr(interp, p.cls, '__repr__') !== null) throw new Refusal('a KeyError of a key with a Python __repr__', 'CPython calls it only when the exception is shown');
  return exceptionHolding('KeyError', interp.reprOf(key), [interp.heap.incref(key)]);
}

const ALL_CLASSES: ReadonlySet<string> = new Set(Object.keys(BASE_OF));

function isSubclass(type: string, of: string): boolean {
  for (let t: string | null = type; t !== null; t = BASE_OF[t] ?? null) if (t === of) return true;
  return false;
}

/** The first handler whose clause matches (clauses are evaluated in order, only as far as needed). */
function matchingHandler(interp: Interpreter, handlers: readonly ExceptHandler[], err: PyException, frame: Frame): ExceptHandler | null {
  for (const h of handlers) {
    if (h.type === null) return h;
    const names = h.type.kind === 'Tuple' ? h.type.elts : [h.type];
    const classes = names.map((n) => exceptionClass(n, frame, ALL_CLASSES));
    // A class the program made or named otherwise, or an exception object raised: match by class.
    const object = held.get(err)?.object ?? null;
    if (classes.some((c) => c === null) || object !== null) {
      const cls = object !== null ? interp.heap.payload(object, 'instance').cls : builtinExceptionType(interp, err.pyType);
      if (cls === undefined) throw new Refusal(`catching ${err.pyType}`, 'its class is not modelled', h.pos);
      if (clauseMatches(interp, names, cls, frame, h.type.pos)) return h;
      continue;
    }
    if (classes.some((c) => c === null)) throw new Refusal('this except clause', 'only builtin exception classes named directly are modelled', h.type.pos);
    if (!(err.pyType in BASE_OF)) throw new Refusal(`catching ${err.pyType}`, 'its class is not modelled', h.pos);
    if (classes.some((c) => isSubclass(err.pyType, c!))) return h;
  }
  return null;
}

/** The exception object a handler names (an instance of the builtin class holding `args`). */
function exceptionObject(interp: Interpreter, err: PyException): Ref {
  const h = interp.heap;
  const state = heldBy(err);
  if (state.object !== null) return h.incref(state.object);
  const args = state.args ?? [interp.newStr(err.pyMessage)];
  if (state.args === null && err.pyMessage === '') args.pop();
  state.args = null;
  // 3.10+ AttributeError has the members `name` and `obj` (`AttributeError_members`).
  const cls = h.incref(builtinExceptionType(interp, err.pyType) as Ref);
  const slots = new Map([['args', h.tuple(args)]]);
  const attribute = state.attribute;
  if (attribute?.obj != null) {
    slots.set('name', interp.nameStr(attribute.name));
    slots.set('obj', attribute.obj);
    attribute.obj = null;
  }
  state.object = h.object({ kind: 'instance', cls, dict: null, values: new Map(), slots });
  runState(interp, OBJECTS).set(state.object, err);
  return h.incref(state.object);
}

const OBJECTS = new RunSlot(() => new Map<Ref, PyException>());

/** `str(e)` / `repr(e)` of an exception object a handler named, or null for other objects. */
export function exceptionText(interp: Interpreter, v: Ref, how: 'str' | 'repr'): string | null {
  const err = hasRunState(interp, OBJECTS) ? runState(interp, OBJECTS).get(v) : undefined;
  if (err === undefined) return exceptionObjectText(interp, v, how);
  if (how === 'str') return err.pyMessage;
  const args = interp.heap.payload(interp.heap.payload(v, 'instance').slots.get('args')!, 'tuple').items;
  return `${err.pyType}(${args.map((a) => interp.reprOf(a)).join(', ')})`;
}

/** The exception dies: its args (or object), then the frames its traceback kept, innermost first. */
function release(interp: Interpreter, err: PyException): void {
  const state = held.get(err);
  if (!state) return;
  const h = interp.heap;
  // The object outlives the handler (`kept = e`): its `__traceback__` keeps the frames it left,
  // and their locals, alive until it dies (measured: a local of the raising function counts one
  // more after the handler on 3.8-3.14), which the model does not follow.
  if (state.object !== null && state.frames.length > 0 && h.get(state.object).refcnt > 1) {
    throw new Refusal('a caught exception kept after its handler', 'its traceback keeps the frames it left, and their locals, alive');
  }
  held.delete(err);
  if (state.object !== null) {
    if (hasRunState(interp, OBJECTS)) runState(interp, OBJECTS).delete(state.object);
    h.decref(state.object);
  }
  if (state.attribute?.obj != null) h.decref(state.attribute.obj);
  if (state.args !== null) for (const a of [...state.args].reverse()) h.decref(a);
  for (const f of state.frames) f();
}

/**
 * `assert test, msg` (not under `-O`): `AssertionError` with `msg` as its argument when the
 * test is false (`compiler_assert`: the message is evaluated only then).
 */
export function execAssert(interp: Interpreter, s: Extract<Stmt, { kind: 'Assert' }>, frame: Frame): Completion {
  const t = interp.evalExpr(s.test, frame);
  const ok = interp.truth(t);
  interp.heap.decref(t);
  if (ok) return NORMAL;
  const args = s.msg ? [interp.evalExpr(s.msg, frame)] : [];
  const err = new PyException('AssertionError', message(interp, 'AssertionError', args.map((a) => interp.heap.incref(a))));
  heldBy(err).args = args;
  throw err;
}

/** `try` statement: a `Completion`, or the exception that leaves it. */
export function execTry(interp: Interpreter, s: Extract<Stmt, { kind: 'Try' }>, frame: Frame): Completion {
  let completion: Completion;
  try {
    completion = tryExcept(interp, s, frame);
  } catch (err) {
    if (s.finalbody.length === 0) throw err;
    // `finally` runs with the exception pending; a return/break/continue there discards it.
    const f = interp.execBody(s.finalbody, frame);
    if (f.kind === 'normal') throw err;
    if (err instanceof PyException) release(interp, err);
    return f;
  }
  if (s.finalbody.length === 0) return completion;
  const f = interp.execBody(s.finalbody, frame);
  if (f.kind === 'normal') return completion;
  if (completion.kind === 'return') interp.heap.decref(completion.value);
  return f;
}

function tryExcept(interp: Interpreter, s: Extract<Stmt, { kind: 'Try' }>, frame: Frame): Completion {
  let c: Completion;
  try {
    c = interp.execBody(s.body, frame);
  } catch (err) {
    if (!(err instanceof PyException) || s.handlers.length === 0) throw err;
    const handler = matchingHandler(interp, s.handlers, err, frame);
    if (handler === null) throw err;
    return handle(interp, handler, err, frame);
  }
  return c.kind === 'normal' && s.orelse.length > 0 ? interp.execBody(s.orelse, frame) : c;
}

function handle(interp: Interpreter, handler: ExceptHandler, err: PyException, frame: Frame): Completion {
  if (held.get(err)?.args == null && held.get(err)?.object == null && (err.pyType === 'KeyError' || (err.pyType === 'AttributeError' && held.get(err)?.attribute === undefined))) {
    throw new Refusal(`catching ${withArticle(err.pyType)} raised by the interpreter`, 'the exception holds the key or object, which the model does not track', handler.pos);
  }
  // The exception, traceback and frame objects: allocations the model does not follow.
  interp.heap.loseFreeListOrder();
  const stack = runState(interp, HANDLING);
  stack.push(err);
  let outcome: Completion = NORMAL;
  let raised: Error | null = null;
  try {
    if (handler.name !== null) interp.storeName(handler.name, exceptionObject(interp, err), frame);
    outcome = interp.execBody(handler.body, frame);
  } catch (inner) {
    raised = inner instanceof Error ? inner : new Error(String(inner));
  }
  // The handler is over: `e = None; del e`, then `POP_EXCEPT`.
  stack.pop();
  cleanupName(interp, handler, frame);
  if (raised === null) {
    release(interp, err);
    return outcome;
  }
  // A bare `raise` goes on with the same exception; another one keeps it as its context.
  if (raised instanceof PyException && raised !== err) heldBy(raised).frames.push(() => release(interp, err));
  throw raised;
}

/** 'a KeyError', 'an AttributeError'. */
function withArticle(name: string): string {
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

/** `except E as e`: `e = None; del e` when the handler ends, however it ends. */
function cleanupName(interp: Interpreter, handler: ExceptHandler, frame: Frame): void {
  if (handler.name === null) return;
  interp.storeName(handler.name, interp.heap.none(), frame);
  interp.deleteName(handler.name, frame);
}

/**
 * The exception object passed to `__exit__` by a `with` statement (`with-statement.ts`): as a
 * handler would name it, with the same refusals; the exception is being handled while `__exit__` runs.
 */
export function exceptionForExit(interp: Interpreter, err: PyException, pos: Pos): { type: Ref; value: Ref } {
  if (held.get(err)?.args == null && held.get(err)?.object == null && (err.pyType === 'KeyError' || (err.pyType === 'AttributeError' && held.get(err)?.attribute === undefined))) {
    throw new Refusal(`passing ${withArticle(err.pyType)} raised by the interpreter to __exit__`, 'the exception holds the key or object, which the model does not track', pos);
  }
  if (held.get(err)?.object == null && !(err.pyType in BASE_OF)) throw new Refusal(`passing ${err.pyType} to __exit__`, 'its class is not modelled', pos);
  // The exception, traceback and frame objects: allocations the model does not follow.
  interp.heap.loseFreeListOrder();
  const value = exceptionObject(interp, err);
  return { type: interp.heap.incref(interp.heap.payload(value, 'instance').cls), value };
}

/** A `with` statement's `__exit__` suppressed `err`: it dies now (`POP_EXCEPT`). */
export function suppressException(interp: Interpreter, err: PyException): void {
  release(interp, err);
}
