/**
 * Special methods defined in Python that the model runs: `__repr__`, called by `repr()`,
 * `print()`, `str()` and f-strings through `PyObject_Repr` / `object_str` (`Objects/typeobject.c`
 * `slot_tp_repr`: the method is looked up on the type and called with the instance; a result
 * that is not a str is a TypeError, `__repr__ returned non-string (type X)`).
 * Reprs of containers holding such instances stay refused (`repr.ts`). `__eq__`, `__hash__`,
 * `__str__` and the others are refused where the class is made.
 */
import type { Ref } from '../../core/objects';
import { lookupClassAttr } from './attributes';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { typeName } from './values';

/** Special names a class body may define. */
export const MODELLED_SPECIAL_NAMES: ReadonlySet<string> = new Set(['__init__', '__slots__', '__repr__']);

/**
 * `repr(v)` through a `__repr__` written in Python: the str it returned, passed on as is
 * (`PyObject_Repr` returns `tp_repr`'s result after checking it is a str; `object_str` and
 * `object.__format__` with an empty spec return that too), as a new reference; null when
 * `v`'s class has none.
 */
export function userReprObject(interp: Interpreter, v: Ref): Ref | null {
  const h = interp.heap;
  const p = h.get(v).payload;
  if (p.kind !== 'instance') return null;
  const method = lookupClassAttr(interp, p.cls, '__repr__');
  if (method === null || h.get(method).payload.kind !== 'function') return null;
  const result = interp.call(method, [v], []);
  if (h.get(result).payload.kind !== 'str') {
    const type = typeName(h, result);
    h.decref(result);
    throw new PyException('TypeError', `__repr__ returned non-string (type ${type})`);
  }
  return result;
}

/** The text of `userReprObject`, or null. */
export function userRepr(interp: Interpreter, v: Ref): string | null {
  const result = userReprObject(interp, v);
  if (result === null) return null;
  const text = (interp.heap.get(result).payload as { value: string }).value;
  interp.heap.decref(result);
  return text;
}
