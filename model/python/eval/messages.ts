/**
 * Wording of CPython's error messages where it changed between versions: the fact table's
 * `errorMessages` (model/profiles/facts.ts, each wording measured by the `error-messages` probe),
 * with the names filled in.
 */
import { fillMessage, type FactValue } from '../../profiles';

export interface Messages {
  /** `Objects/longobject.c` `long_mod` / `l_mod`: 3.8-3.10 'integer division or modulo by zero', 3.11+ 'integer modulo by zero'. */
  readonly intModuloByZero: string;
  /** `Objects/longobject.c` `long_div`. */
  readonly intFloorDivideByZero: string;
  /** `Objects/longobject.c` `long_true_divide`. */
  readonly intDivideByZero: string;
  /** `Objects/floatobject.c` `float_floor_div`, `float_rem`, `float_div`. */
  readonly floatFloorDivideByZero: string;
  readonly floatModuloByZero: string;
  readonly floatDivideByZero: string;
  /** `Objects/longobject.c` `long_divmod`, `Objects/floatobject.c` `float_divmod`: reworded in 3.14. */
  readonly intDivmodByZero: string;
  readonly floatDivmodByZero: string;
  /** `Python/ceval.c` `UNBOUNDLOCAL_ERROR_MSG`: changed in 3.11. */
  unboundLocal(name: string): string;
  /** `Python/ceval.c` `UNBOUNDFREE_ERROR_MSG`: an empty cell of an enclosing function; changed in 3.11. */
  unboundFree(name: string): string;
  /** Reading an unset slot (`Objects/descrobject.c` `member_get`): 3.8/3.9 just the name. */
  unsetSlot(cls: string, attr: string): string;
  /** Setting an attribute an object cannot have (`PyObject_GenericSetAttr`): 3.13 adds why. */
  noNewAttribute(cls: string, attr: string): string;
  /** `min`/`max` of nothing (`Python/bltinmodule.c` `min_max`): reworded in 3.12. */
  minMaxEmpty(name: string): string;
  /** An unhashable dict key or set element (`error` the hash's TypeError message): reworded in 3.14. */
  unhashable(site: 'dict key' | 'set element', type: string, error: string): string;
  /** `x in c` of a c that is no container and not iterable: reworded in 3.14. */
  notContainer(type: string): string;
  /** The name a call's argument TypeError gives the function: `co_name` 3.8/3.9, `__qualname__` 3.10+. */
  callArgumentsName(name: string, qualname: () => string): string;
  /** `list.index` of a missing item: 3.8-3.13 its repr, 3.14 a fixed message. */
  listIndexMissing(repr: () => string): string;
  /** `'ab'[x]` of a non-int x: 3.11 adds the type. */
  strIndexType(type: string): string;
  /** Setting an attribute of a builtin type: 3.10 names the attribute. */
  immutableTypeAttribute(type: string, attr: string): string;
  /** `isinstance(x, c)` of a c that is no class: 3.10 adds unions. */
  readonly isinstanceArg2: string;
}

export function messagesFor(config: { readonly errorMessages: FactValue<'errorMessages'> }): Messages {
  const m = config.errorMessages;
  return {
    intModuloByZero: m.intModuloByZero,
    intFloorDivideByZero: m.intFloorDivideByZero,
    intDivideByZero: m.intDivideByZero,
    floatFloorDivideByZero: m.floatFloorDivideByZero,
    floatModuloByZero: m.floatModuloByZero,
    floatDivideByZero: m.floatDivideByZero,
    intDivmodByZero: m.intDivmodByZero,
    floatDivmodByZero: m.floatDivmodByZero,
    unboundLocal: (name) => fillMessage(m.unboundLocal, { name }),
    unboundFree: (name) => fillMessage(m.unboundFree, { name }),
    unsetSlot: (cls, attr) => fillMessage(m.unsetSlot, { cls, attr }),
    noNewAttribute: (cls, attr) => fillMessage(m.noNewAttribute, { cls, attr }),
    minMaxEmpty: (name) => fillMessage(m.minMaxEmpty, { name }),
    unhashable: (site, type, error) => fillMessage(site === 'dict key' ? m.unhashableDictKey : m.unhashableSetElement, { type, error }),
    notContainer: (type) => fillMessage(m.notContainer, { type }),
    callArgumentsName: (name, qualname) => (m.callArgumentsName === '{name}' ? name : qualname()),
    listIndexMissing: (repr) => (m.listIndexMissing.includes('{repr}') ? fillMessage(m.listIndexMissing, { repr: repr() }) : m.listIndexMissing),
    strIndexType: (type) => fillMessage(m.strIndexType, { type }),
    immutableTypeAttribute: (type, attr) => fillMessage(m.immutableTypeAttribute, { type, attr }),
    isinstanceArg2: m.isinstanceArg2,
  };
}
