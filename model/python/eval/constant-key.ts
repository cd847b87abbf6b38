/**
 * `Objects/codeobject.c` `_PyCode_ConstantKey`: constants are merged when their keys are
 * equal: same type and same value, with `-0.0` apart from `0.0`, `1` apart from `1.0` and
 * `True`, and tuples / frozensets compared item by item with the same rule.
 */
import type { Heap } from '../../core/heap';
import type { Ref } from '../../core/objects';

export function constantKey(heap: Heap, ref: Ref): string {
  const p = heap.get(ref).payload;
  switch (p.kind) {
    case 'int':
      return `int:${p.value}`;
    case 'bool':
      return `bool:${p.value}`;
    case 'float':
      return `float:${Object.is(p.value, -0) ? '-0' : String(p.value)}`;
    case 'str':
      // Length-prefixed: unambiguous inside a tuple's key, and cheaper than JSON.stringify.
      return `str:${p.value.length}:${p.value}`;
    case 'bytes':
      return `bytes:${p.value.join(',')}`;
    case 'NoneType':
      return 'None';
    case 'ellipsis':
      return 'Ellipsis';
    case 'tuple': {
      // A loop, not `map` with an arrow (a closure per tuple merged: compile.ts `merge`).
      const items = p.items;
      let key = 'tuple(';
      for (let i = 0; i < items.length; i++) key += (i === 0 ? '' : ',') + constantKey(heap, items[i] as Ref);
      return key + ')';
    }
    case 'frozenset': {
      const keys = new Array<string>(p.items.length);
      for (let i = 0; i < keys.length; i++) keys[i] = constantKey(heap, p.items[i] as Ref);
      return `frozenset(${keys.sort().join(',')})`;
    }
    default:
      return `object:${ref}`;
  }
}
