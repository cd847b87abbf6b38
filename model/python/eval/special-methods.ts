/**
 * Special methods defined in Python that the model runs: `__repr__`, called by `repr()`,
 * `print()`, `str()` and f-strings through `PyObject_Repr` / `object_str` (`Objects/typeobject.c`
 * `slot_tp_repr`: the method is looked up on the type and called with the instance; a result
 * that is not a str is a TypeError, `__repr__ returned non-string (type X)`).
 * `__str__` likewise (`slot_tp_str`, same TypeError wording, measured 3.8-3.14); without one,
 * `object_str` is `PyObject_Repr`. The str the method returned is itself the result of
 * `repr()`, `str()`, `format()` and of an f-string field (measured: `repr(a) is K` and
 * `f'{a}' is K` True when `__repr__` returns the global K). Reprs of containers holding such
 * instances stay refused (`repr.ts`). `__eq__`, `__ne__`, `__hash__`: user-equality.ts; the others are
 * refused where the class is made.
 */
import type { Ref } from '../../core/objects';
import { lookupClassAttr } from './attributes';
import type { Interpreter } from './interpreter';
import { exceptionText } from './exceptions';
import { PyException } from './py-exception';
import { EQUALITY_NAMES } from './user-equality';
import { typeName } from './values';

/** Special names a class body may define. */
export const MODELLED_SPECIAL_NAMES: ReadonlySet<string> = new Set(['__init__', '__slots__', '__repr__', '__str__', '__enter__', '__exit__', ...EQUALITY_NAMES]);

/** The result of `v`'s `__repr__`/`__str__` written in Python (a new reference), or null when it has none. */
function callTextMethod(interp: Interpreter, v: Ref, name: '__repr__' | '__str__'): Ref | null {
  const h = interp.heap;
  const p = h.get(v).payload;
  if (p.kind !== 'instance') return null;
  const method = lookupClassAttr(interp, p.cls, name);
  if (method === null || h.get(method).payload.kind !== 'function') return null;
  const result = interp.call(method, [v], []);
  if (h.get(result).payload.kind !== 'str') {
    const type = typeName(h, result);
    h.decref(result);
    throw new PyException('TypeError', `${name} returned non-string (type ${type})`);
  }
  return result;
}

/**
 * `PyObject_Repr(v)` / `PyObject_Str(v)` when Python code makes the text: the str object the
 * method returned (a new reference), or null when the builtin rules apply.
 */
export function userTextObject(interp: Interpreter, v: Ref, how: 'repr' | 'str'): Ref | null {
  if (how === 'str') {
    const own = callTextMethod(interp, v, '__str__');
    if (own !== null || exceptionText(interp, v, 'str') !== null) return own;
  }
  return callTextMethod(interp, v, '__repr__');
}

function textOf(interp: Interpreter, r: Ref | null): string | null {
  if (r === null) return null;
  const text = interp.heap.payload(r, 'str').value;
  interp.heap.decref(r);
  return text;
}

/** `repr(v)` through a `__repr__` written in Python, or null when `v`'s class has none. */
export function userRepr(interp: Interpreter, v: Ref): string | null {
  return textOf(interp, callTextMethod(interp, v, '__repr__'));
}

/** `str(v)` through a `__str__` written in Python, or null when `v`'s class has none. */
export function userStr(interp: Interpreter, v: Ref): string | null {
  return textOf(interp, callTextMethod(interp, v, '__str__'));
}

/** `PyObject_Repr(v)` through a Python `__repr__`: the str it returned (a new reference), or null. */
export function userReprObject(interp: Interpreter, v: Ref): Ref | null {
  return callTextMethod(interp, v, '__repr__');
}
