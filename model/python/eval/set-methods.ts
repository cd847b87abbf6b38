/**
 * Methods of `set` objects (`Objects/setobject.c`). The model keeps a set's items in insertion
 * order and follows the table's allocation only while it fits the inline `smalltable`
 * (`PySet_MINSIZE` 8 slots; `set_add_entry` resizes when `fill*5 >= mask*3`, at the 5th item).
 */
import type { Payload, Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';
import { addSetItem } from './user-equality';
import { typeName } from './values';

function setPayload(interp: Interpreter, set: Ref): Extract<Payload, { kind: 'set' | 'frozenset' }> {
  const p = interp.heap.get(set).payload;
  if (p.kind !== 'set') throw new Error('model bug: not a set');
  return p;
}

/**
 * `set_add_entry`: adds `item` (an owned reference, consumed; borrowed when `borrowed`, the set
 * then taking its own reference after the lookup, as `set_add_entry` does after hashing): an
 * equal item already there keeps its place.
 */
export function setAdd(interp: Interpreter, set: Ref, item: Ref, borrowed = false): void {
  const h = interp.heap;
  const p = setPayload(interp, set);
  if (!addSetItem(interp, p.items, item, 'set')) {
    if (!borrowed) h.decref(item);
    return;
  }
  if (borrowed) h.incref(item);
  // The 5th item makes `set_table_resize` allocate a table the model does not follow.
  if (p.items.length === 5) h.allocator.untracked('unknown');
}

/**
 * A set looked up in a set (`in`, `discard`, `remove`) is not a TypeError: `set_contains`,
 * `set_discard_key` (`Objects/setobject.c`) retry with a temporary frozenset copy (measured on
 * 3.11.7: `{1} in {frozenset([1])}` True), an object the model does not make: refused.
 */
export function refuseSetAsSetKey(h: Interpreter['heap'], item: Ref): void {
  if (h.get(item).payload.kind === 'set') throw new Refusal('a set looked up in a set', 'CPython retries with a temporary frozenset copy, which the model does not make');
}

/** `set.add`, `set.discard`, `set.remove` (borrowed arguments; a new reference returned). */
export function callSetMethod(interp: Interpreter, obj: Ref, name: string, args: readonly Ref[]): Ref {
  const h = interp.heap;
  const p = setPayload(interp, obj);
  const one = (): Ref => {
    if (args.length !== 1) throw new Refusal(`set.${name}() with ${args.length} arguments`);
    return args[0]!;
  };
  switch (name) {
    case 'add':
      setAdd(interp, obj, one(), true);
      return h.none();
    case 'discard':
    case 'remove': {
      const item = one();
      refuseSetAsSetKey(h, item);
      const gone = interp.keyed.removeItem(p.items, item);
      if (gone === undefined) {
        if (name === 'discard') return h.none();
        throw new Refusal('KeyError of set.remove', 'its message is the repr of the item');
      }
      // `set_discard_entry`: the slot becomes a dummy; the item is released.
      h.decref(gone);
      return h.none();
    }
    default:
      throw new Refusal(`the method ${name} of a ${typeName(h, obj)}`);
  }
}
