/**
 * Wording of CPython's error messages where it changed between versions (measured on the
 * native 3.8.18 ... 3.13.0 interpreters: `python FILE.py`, last traceback line).
 */
export interface Messages {
  /** `Objects/longobject.c` `long_mod` / `l_mod`: 3.8-3.10 'integer division or modulo by zero', 3.11+ 'integer modulo by zero'. */
  readonly intModuloByZero: string;
  /** `Python/ceval.c` `UNBOUNDLOCAL_ERROR_MSG`: changed in 3.11. */
  unboundLocal(name: string): string;
  /** Reading an unset slot (`Objects/descrobject.c` `member_get`): 3.8/3.9 just the name. */
  unsetSlot(cls: string, attr: string): string;
  /** Setting an attribute an object cannot have (`PyObject_GenericSetAttr`): 3.13 adds why. */
  noNewAttribute(cls: string, attr: string): string;
}

export function messagesFor(version: readonly [number, number]): Messages {
  const minor = version[1];
  return {
    intModuloByZero: minor >= 11 ? 'integer modulo by zero' : 'integer division or modulo by zero',
    unboundLocal: (name) =>
      minor >= 11 ? `cannot access local variable '${name}' where it is not associated with a value` : `local variable '${name}' referenced before assignment`,
    unsetSlot: (cls, attr) => (minor >= 10 ? `'${cls}' object has no attribute '${attr}'` : attr),
    noNewAttribute: (cls, attr) =>
      minor >= 13 ? `'${cls}' object has no attribute '${attr}' and no __dict__ for setting new attributes` : `'${cls}' object has no attribute '${attr}'`,
  };
}
