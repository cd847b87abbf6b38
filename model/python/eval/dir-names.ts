/**
 * `dir(obj)` for instances and classes the model makes (`Objects/typeobject.c` `type___dir__`,
 * `object___dir__`: the instance's `__dict__` keys and every name in the class dicts along the
 * MRO, object's included, sorted). Measured with `class P: pass`, `class S: __slots__ = ()`,
 * `class S2: __slots__ = ('zz',)`, `class Q(S): pass` (`dir(P())` minus `dir(object())` etc.) on
 * native 3.10.13, 3.11.7, 3.12.1, 3.13.0 and Pyodide 3.11.3, 3.12.7, 3.13.2, 3.14.2:
 * - `dir(object())` and the names every class statement adds (`__module__`; 3.13+ also
 *   `__firstlineno__`, `__static_attributes__`) are the fact table's `dirNames`;
 * - with `__slots__`, a class adds `__slots__` and the slot names; without, `__dict__` and `__weakref__`.
 * - `dir(P)` equals `dir(P())` when the instance has no attributes of its own.
 */
import type { Payload, Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';

/** Sorted like `dir()` (`PyList_Sort`: code point order). */
function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `dir()` of a class the program defined, or null when a base's names are not known. */
export function classDir(vm: Interpreter, cls: Ref): string[] | null {
  const facts = vm.cfg.dirNames;
  const names = [...facts.object];
  for (let c: Ref | null = cls; c !== null; ) {
    const t: Extract<Payload, { kind: 'type' }> = vm.heap.payload(c, 'type');
    if (vm.builtinTypes.get(t.name) === c) {
      if (t.name !== 'object') return null; // a builtin base's own names are not listed here
      break;
    }
    names.push(...t.attrs.keys(), ...facts.classAdds);
    if (t.slots === null) names.push('__dict__', '__weakref__');
    else names.push('__slots__', ...t.slots);
    c = t.base;
  }
  return sorted(names);
}

/** `dir()` of an instance of a class the program defined, or null when not known. */
export function instanceDir(vm: Interpreter, obj: Ref): string[] | null {
  const h = vm.heap;
  const p = h.payload(obj, 'instance');
  const names = classDir(vm, p.cls);
  if (names === null) return null;
  const own: string[] = [...p.values.keys()];
  if (p.dict !== null) {
    for (const e of h.payload(p.dict, 'dict').entries) {
      const k = h.get(e.key).payload;
      if (k.kind !== 'str') return null;
      own.push(k.value);
    }
  }
  return sorted([...names, ...own]);
}
