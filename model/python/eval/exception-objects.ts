/**
 * Exception classes and exception objects as values (`Objects/exceptions.c`): the builtin classes
 * as type objects (`ValueError`, `Exception`, ...: `x = ValueError('x')`), classes deriving from
 * them (`class E(ValueError): ...`), calling them, `raise obj` / `raise E`, and `super().__init__`.
 *
 * - Calling a class (`type_call`): `BaseException_new` keeps the call's argument tuple as `args`
 *   (a new reference: `e.args[0] is m`, measured `sys.getrefcount(m)` one more while `e` lives on
 *   3.8-3.14), then `__init__`: the class's own (`slot_tp_init`) or `BaseException_init`, which
 *   sets `args` to its arguments again. `super().__init__(*a)` from a subclass's `__init__` sets
 *   `args` to `a` (a new tuple; the old one released).
 * - `str(e)` (`BaseException_str`): '' for no argument, `str(arg)` for one, `repr(args)` for
 *   several; a KeyError (and its subclasses, `KeyError_str`) `repr(arg)` for one. `repr(e)`
 *   (`BaseException_repr`): `Name(arg)` / `Name(a, b)` / `Name()`, `Name` the class's `__name__`.
 * - Uncaught, the last line names a class defined in the program `__main__.E` on 3.8-3.10 and
 *   `E` from 3.11 (fact `uncaughtMainModulePrefix`).
 * - Instances of the builtin classes and of subclasses have a `__dict__` (`BaseException`'s
 *   `tp_dictoffset`): `self.code = 5` in `__init__`.
 * - 3.13+ calls of these classes are not `CALL_ALLOC_AND_ENTER_INIT` (`Python/specialize.c`
 *   `specialize_class_call` asks for `tp_new == object_new`; exceptions have `BaseException_new`).
 *
 * Refused: keyword arguments, subclasses of the classes with more members (StopIteration's
 * `value`, AttributeError's and NameError's `name`, MemoryError's free list), exception classes
 * not defined at module level (their printed name is the qualified one), special methods other
 * than `__init__` in them (`__str__`, `__repr__`, ...), `__slots__`, raising something that is
 * not an exception. `sys.getsizeof(e)`: fact `sizeofException` (a subclass adds its `__weakref__`).
 * The exception object is an allocation the model does not size (free lists lost).
 */
import type { Payload, Ref } from '../../core/objects';
import type { Expr, Pos, Stmt } from '../ast';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { EXCEPTION_BASES, exceptionRaising } from './exceptions';
import { Refusal } from './refusal';
import { hasRunState, RunSlot, runState } from './run-state';
import { dictOwnerClass } from './instance-dict';
import { isStrSubclassInstance } from './str-subclass';

/** Builtin classes whose instances hold more than `args` (or are allocated apart): not called, not subclassed. */
const NOT_AS_OBJECTS: ReadonlySet<string> = new Set(['StopIteration', 'AttributeError', 'NameError', 'UnboundLocalError', 'MemoryError']);

type TypePayload = Extract<Payload, { kind: 'type' }>;

/** The payloads of the builtin exception classes (repr.ts prints them without `__main__.`). */
const builtinPayloads = new WeakSet<TypePayload>();

export function isBuiltinExceptionTypePayload(p: Payload): boolean {
  return p.kind === 'type' && builtinPayloads.has(p);
}

const TYPES = new RunSlot(() => new Map<string, Ref>());

/**
 * The builtin exception class `name` (a borrowed reference), or undefined for other names. Its
 * base is its builtin base, so instances' class chains reach `BaseException`; only
 * `BaseException` declares the member `args` (3.10+ AttributeError also `name` and `obj`), the
 * others have a `__dict__`.
 */
export function builtinExceptionType(interp: Interpreter, name: string): Ref | undefined {
  if (!Object.hasOwn(EXCEPTION_BASES, name)) return undefined;
  const types = runState(interp, TYPES);
  const known = types.get(name);
  if (known !== undefined) return known;
  const baseName = EXCEPTION_BASES[name] ?? null;
  const base = baseName === null ? null : interp.heap.incref(builtinExceptionType(interp, baseName) as Ref);
  const slots = name === 'BaseException' ? ['args'] : name === 'AttributeError' && interp.cfg.suggestions.attributeGet ? ['name', 'obj'] : null;
  const ref = interp.heap.preexisting(
    `type:${name}`,
    () => {
      const p: TypePayload = { kind: 'type', name, attrs: new Map<string, Ref>(), slots, base };
      builtinPayloads.add(p);
      return p;
    },
    interp.cfg.core.immortalRefcount !== null,
  );
  types.set(name, ref);
  return ref;
}

function isBuiltinException(interp: Interpreter, cls: Ref): boolean {
  const p = interp.heap.get(cls).payload;
  return p.kind === 'type' && hasRunState(interp, TYPES) && runState(interp, TYPES).get(p.name) === cls;
}

/** The builtin exception class at the root of `cls`'s chain (its name), or null when `cls` is not an exception class. */
export function builtinExceptionRoot(interp: Interpreter, cls: Ref): string | null {
  const h = interp.heap;
  for (let c: Ref | null = cls; c !== null; c = h.payload(c, 'type').base) {
    if (h.get(c).payload.kind !== 'type') return null;
    if (isBuiltinException(interp, c)) return h.payload(c, 'type').name;
  }
  return null;
}

export function isExceptionClass(interp: Interpreter, v: Ref): boolean {
  return interp.heap.get(v).payload.kind === 'type' && builtinExceptionRoot(interp, v) !== null;
}

export function isExceptionInstance(interp: Interpreter, v: Ref): boolean {
  const p = interp.heap.get(v).payload;
  return p.kind === 'instance' && builtinExceptionRoot(interp, p.cls) !== null;
}

/** Whether `cls` is `of` or derives from it (single inheritance: the chain of bases). */
export function isExceptionSubclass(interp: Interpreter, cls: Ref, of: Ref): boolean {
  for (let c: Ref | null = cls; c !== null; c = interp.heap.payload(c, 'type').base) if (c === of) return true;
  return false;
}

/** `class E(base): ...` with `base` an exception class: the refusals (see the header). */
export function checkExceptionClass(interp: Interpreter, s: Extract<Stmt, { kind: 'ClassDef' }>, base: Ref, ns: ReadonlyMap<string, Ref>, frame: Frame): void {
  const root = builtinExceptionRoot(interp, base) as string;
  if (NOT_AS_OBJECTS.has(root)) throw new Refusal(`a class deriving from ${root}`, 'its extra members are not modelled', s.pos);
  if (frame.kind !== 'module') throw new Refusal('an exception class defined in a function or class', 'its printed name is qualified', s.pos);
  for (const name of ns.keys()) {
    if (name === '__slots__') throw new Refusal('__slots__ in an exception class', undefined, s.pos);
    if (/^__.*__$/.test(name) && name !== '__init__' && name !== '__module__' && name !== '__qualname__' && name !== '__doc__') {
      throw new Refusal(`${name} in an exception class`, 'only __init__ is modelled there', s.pos);
    }
  }
}

/**
 * Calls the exception class `cls` with borrowed `args`: the new exception (a new reference).
 * `BaseException_new` keeps a tuple of the arguments, then `__init__` runs.
 */
export function newException(interp: Interpreter, cls: Ref, args: readonly Ref[], kw: readonly unknown[]): Ref {
  const h = interp.heap;
  const root = builtinExceptionRoot(interp, cls) as string;
  if (NOT_AS_OBJECTS.has(root)) throw new Refusal(`calling ${root}`, 'its extra members are not modelled');
  if (kw.length > 0) throw new Refusal('an exception called with keyword arguments');
  // `_PyObject_MakeTpCall` packs the arguments; `BaseException_new` keeps that tuple as `args`.
  const argTuple = h.tuple(args.map((a) => h.incref(a)));
  // The exception object (and its dict, made on first use): allocations the model does not size.
  h.loseFreeListOrder();
  const obj = h.object({ kind: 'instance', cls: h.incref(cls), dict: null, values: new Map(), slots: new Map([['args', argTuple]]) });
  const init = isBuiltinException(interp, cls) ? null : userInit(interp, cls);
  if (init === null) return obj;
  try {
    const ret = interp.callFunction(init, [obj, ...args], false);
    const isNone = h.get(ret).payload.kind === 'NoneType';
    h.decref(ret);
    if (!isNone) throw new Refusal('an exception __init__ returning something other than None');
  } catch (err) {
    h.decref(obj);
    throw err;
  }
  return obj;
}

/** The `__init__` a subclass defines (its chain, before the builtin classes), or null. */
function userInit(interp: Interpreter, cls: Ref): Ref | null {
  const h = interp.heap;
  for (let c: Ref | null = cls; c !== null && !isBuiltinException(interp, c); c = h.payload(c, 'type').base) {
    const init = h.payload(c, 'type').attrs.get('__init__');
    if (init !== undefined) {
      if (h.get(init).payload.kind !== 'function') throw new Refusal('an __init__ that is not a function');
      return init;
    }
  }
  return null;
}

/**
 * `super().__init__(...)` reaching a builtin exception class (`BaseException_init`): `args`
 * becomes a new tuple of the arguments; returns None (a new reference). `obj` is the caller's
 * reference, released here.
 */
export function exceptionInit(interp: Interpreter, e: Extract<Expr, { kind: 'Call' }>, frame: Frame, obj: Ref): Ref {
  const h = interp.heap;
  try {
    if (e.keywords.length > 0) throw new Refusal('super().__init__ of an exception with keyword arguments', undefined, e.pos);
    if (e.args.some((a) => a.kind === 'Starred')) throw new Refusal('super().__init__(*args) of an exception', undefined, e.pos);
    const values: Ref[] = [];
    try {
      for (const a of e.args) values.push(interp.evalExpr(a, frame));
    } catch (err) {
      for (let i = values.length - 1; i >= 0; i--) h.decref(values[i] as Ref);
      throw err;
    }
    const slots = h.payload(obj, 'instance').slots;
    const old = slots.get('args');
    slots.set('args', h.tuple(values));
    if (old !== undefined) h.decref(old);
    return h.none();
  } finally {
    h.decref(obj);
  }
}

/**
 * `e.args = v` (`BaseException_set_args` makes a tuple of v) and `del e.args` (a TypeError 'args
 * may not be deleted'): refused; `sys.getsizeof(e.__dict__)` (a dict `PyObject_GenericGetDict`
 * makes with the class's shared keys, not measured) too.
 */
export function refuseExceptionMemberChange(interp: Interpreter, obj: Ref, name: string): void {
  if (name === 'args' && isExceptionInstance(interp, obj)) throw new Refusal("changing an exception's args");
}

export function refuseExceptionDictSize(interp: Interpreter, dict: Ref): void {
  const owner = dictOwnerClass(interp, dict);
  if (owner !== undefined && builtinExceptionRoot(interp, owner) !== null) throw new Refusal("sys.getsizeof of an exception's __dict__", 'its size is not measured');
}

/** `sys.getsizeof(e)` of an exception object (fact `sizeofException`; the dict is not counted). */
export function exceptionGetsizeof(interp: Interpreter, v: Ref): number {
  const sizes = interp.cfg.exceptionBytes;
  return isBuiltinException(interp, interp.heap.payload(v, 'instance').cls) ? sizes.builtin : sizes.subclass;
}

/** The `args` tuple's items of an exception object. */
function argsOf(interp: Interpreter, v: Ref): readonly Ref[] {
  const t = interp.heap.payload(v, 'instance').slots.get('args');
  if (t === undefined) return [];
  const p = interp.heap.get(t).payload;
  if (p.kind !== 'tuple') throw new Refusal('an exception whose args is not a tuple');
  return p.items;
}

/** `str(e)` / `repr(e)` of an exception object, or null for other objects. */
export function exceptionObjectText(interp: Interpreter, v: Ref, how: 'str' | 'repr'): string | null {
  const p = interp.heap.get(v).payload;
  if (p.kind !== 'instance') return null;
  const root = builtinExceptionRoot(interp, p.cls);
  if (root === null) return null;
  const args = argsOf(interp, v);
  if (how === 'repr') return `${interp.heap.payload(p.cls, 'type').name}(${args.map((a) => interp.reprOf(a)).join(', ')})`;
  if (args.length === 0) return '';
  if (args.length === 1) return root === 'KeyError' ? interp.reprOf(args[0] as Ref) : interp.strOf(args[0] as Ref);
  const t = interp.heap.payload(v, 'instance').slots.get('args') as Ref;
  return interp.reprOf(t);
}

/**
 * `str(e)` as an object when it is the argument itself (`BaseException_str` returns
 * `PyObject_Str(arg)`, the same str for an exact str: measured `str(e) is m` True on 3.8-3.14),
 * else null (a new str of `exceptionObjectText`).
 */
export function exceptionStrObject(interp: Interpreter, v: Ref): Ref | null {
  const p = interp.heap.get(v).payload;
  if (p.kind !== 'instance') return null;
  const root = builtinExceptionRoot(interp, p.cls);
  if (root === null || root === 'KeyError') return null;
  const args = argsOf(interp, v);
  const only = args.length === 1 ? (args[0] as Ref) : null;
  if (only === null || interp.heap.get(only).payload.kind !== 'str' || isStrSubclassInstance(interp.heap, only)) return null;
  return interp.heap.incref(only);
}

/** The name an uncaught exception of class `cls` is shown with (fact `uncaughtMainModulePrefix`). */
function shownName(interp: Interpreter, cls: Ref): string {
  const name = interp.heap.payload(cls, 'type').name;
  return isBuiltinException(interp, cls) || !interp.cfg.uncaughtMainModulePrefix ? name : `__main__.${name}`;
}

/**
 * `raise X` where X is not a builtin class named directly: an exception object (raised as it
 * is), or an exception class (called with no argument, `do_raise`). `raise X from None` only.
 */
export function raiseEvaluated(interp: Interpreter, s: Extract<Stmt, { kind: 'Raise' }>, frame: Frame): never {
  const exc = s.exc as Expr;
  if (s.cause !== null && !(s.cause.kind === 'Const' && s.cause.value.type === 'None')) throw new Refusal('this exception cause', undefined, s.cause.pos);
  const v = interp.evalExpr(exc, frame);
  const h = interp.heap;
  let obj: Ref;
  if (isExceptionClass(interp, v)) {
    try {
      obj = newException(interp, v, [], []);
    } finally {
      h.decref(v);
    }
  } else if (isExceptionInstance(interp, v)) {
    obj = v;
  } else {
    h.decref(v);
    throw new Refusal('raising this object', 'only exception classes and objects are modelled', exc.pos);
  }
  const cls = h.payload(obj, 'instance').cls;
  throw exceptionRaising(shownName(interp, cls), exceptionObjectText(interp, obj, 'str') as string, obj);
}

/**
 * Whether an except clause's classes (`names`, evaluated in order) match an exception of class
 * `cls`; a clause naming something other than an exception class is refused.
 */
export function clauseMatches(interp: Interpreter, names: readonly Expr[], cls: Ref, frame: Frame, pos: Pos): boolean {
  const h = interp.heap;
  let matched = false;
  for (const n of names) {
    const c = interp.evalExpr(n, frame);
    const ok = isExceptionClass(interp, c);
    const sub = ok && isExceptionSubclass(interp, cls, c);
    h.decref(c);
    if (!ok) throw new Refusal('this except clause', 'only exception classes are modelled', pos);
    if (sub) matched = true;
  }
  return matched;
}
