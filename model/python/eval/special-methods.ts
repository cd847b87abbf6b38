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
export const MODELLED_SPECIAL_NAMES: ReadonlySet<string> = new Set(['__init__', '__slots__', '__repr__', '__enter__', '__exit__']);

/** `repr(v)` through a `__repr__` written in Python, or null when `v`'s class has none. */
export function userRepr(interp: Interpreter, v: Ref): string | null {
  const h = interp.heap;
  const p = h.get(v).payload;
  if (p.kind !== 'instance') return null;
  const method = lookupClassAttr(interp, p.cls, '__repr__');
  if (method === null || h.get(method).payload.kind !== 'function') return null;
  const result = interp.call(method, [v], []);
  try {
    const rp = h.get(result).payload;
    if (rp.kind !== 'str') throw new PyException('TypeError', `__repr__ returned non-string (type ${typeName(h, result)})`);
    return rp.value;
  } finally {
    h.decref(result);
  }
}
