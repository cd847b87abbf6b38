/**
 * `object()` and `vars()`.
 *
 * - `object()` (`Objects/typeobject.c` `object_new`): the bare `PyBaseObject_Type` instance, of
 *   `tp_basicsize` `sizeof(PyObject)` (fact `sizeofObject`), not GC-tracked, no `__dict__`,
 *   no `tp_weaklistoffset` ("cannot create weak reference to 'object' object"); arguments are
 *   "object() takes no arguments" (`excess_args`). Getting an attribute it lacks is
 *   `'object' object has no attribute 'x'`; setting or deleting one `PyObject_GenericSetAttr`'s
 *   message (3.13 adds "and no __dict__ for setting new attributes": messages.ts
 *   `noNewAttribute`); the "Did you mean" trailer comes from `dir(object())` (fact `dirNames`).
 *   Measured on 3.8.18-3.13.0 and the Pyodide 3.11.3 and 3.14.2 builds.
 * - `vars(obj)` (`Python/bltinmodule.c` `builtin_vars`): `obj.__dict__` itself (an instance's,
 *   instance-dict.ts); an object without one is "TypeError: vars() argument must have __dict__
 *   attribute" (measured 3.8-3.14). `vars()` without arguments (`locals()`), and of a class
 *   (a mappingproxy), a function or a module are refused.
 */
import type { Ref } from '../../core/objects';
import { hasDict } from './attributes';
import { instanceDict } from './instance-dict';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { refuseStrSubclass } from './str-subclass';

export const OBJECT_BUILTINS = ['vars'] as const;

const PLAIN_OBJECT_STATE = { tag: 'object' } as const;

/** `object()`: a new bare object. */
export function makePlainObject(interp: Interpreter, args: readonly Ref[]): Ref {
  if (args.length > 0) throw new PyException('TypeError', 'object() takes no arguments');
  // `PyBaseObject_Type.tp_basicsize` is `sizeof(PyObject)`: the size `None` has too (fact `sizeofObject`).
  return interp.heap.object({ kind: 'iterator', type: 'object', bytes: interp.cfg.core.sizes.noneGetsizeof, gc: false, held: [], state: PLAIN_OBJECT_STATE });
}

export function isPlainObject(interp: Interpreter, ref: Ref): boolean {
  const p = interp.heap.get(ref).payload;
  return p.kind === 'iterator' && p.state === PLAIN_OBJECT_STATE;
}

/** `dir(object())` for the "Did you mean" trailer, or null if `ref` is not a bare object. */
export function plainObjectDir(interp: Interpreter, ref: Ref): string[] | null {
  return isPlainObject(interp, ref) ? [...interp.cfg.dirNames.object] : null;
}

/** `vars(...)` with borrowed arguments (a new reference), or null for other names. */
export function callObjectBuiltin(interp: Interpreter, name: string, args: readonly Ref[]): Ref | null {
  if (name !== 'vars') return null;
  if (args.length === 0) throw new Refusal('vars() without arguments', 'locals() is not modelled');
  if (args.length > 1) throw new PyException('TypeError', `vars expected at most 1 argument, got ${args.length}`);
  const h = interp.heap;
  const obj = args[0]!;
  const p = h.get(obj).payload;
  if (p.kind === 'instance') {
    if (hasDict(interp, p.cls)) return instanceDict(interp, obj);
    throw new PyException('TypeError', 'vars() argument must have __dict__ attribute');
  }
  refuseStrSubclass(h, obj, 'vars()');
  // These have a `__dict__` (a mappingproxy for classes) the model does not make.
  if (p.kind === 'type' || p.kind === 'function' || p.kind === 'module' || p.kind === 'method' || p.kind === 'WeakSet') {
    throw new Refusal(`vars() of a ${p.kind}`, 'its __dict__ is not modelled');
  }
  // Builtin objects (ints, strs, containers, iterators, cells, generators, `object()`...) have none.
  throw new PyException('TypeError', 'vars() argument must have __dict__ attribute');
}
