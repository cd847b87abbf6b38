/**
 * `list.sort(*, key=None, reverse=False)` and `list.reverse()` (`Objects/listobject.c`
 * `list_sort_impl`, `list_reverse_impl`): both reorder the items in place, keep the item array
 * (no resize; no allocation for up to 256 items, the merge state's arrays are on the C stack)
 * and return None. While it sorts, `list_sort_impl` empties the list (size 0, no item array)
 * and puts the items back at the end: a key function sees an empty list; a list changed
 * during the sort is refused (CPython raises "list modified during sort" and drops the new
 * items). The order is the one `sorted` uses (order-builtins.ts `sortItems`).
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { keyword, sortItems, sortOptions, type Keywords } from './order-builtins';
import { Refusal } from './refusal';

/** A keyword a method of a builtin type can take here (others are refused by the caller). */
export function takesKeywords(kind: string, name: string): boolean {
  return kind === 'list' && name === 'sort';
}

export function callListOrderMethod(interp: Interpreter, list: Ref, name: string, args: readonly Ref[], kw: Keywords = []): Ref | null {
  if (name !== 'sort' && name !== 'reverse') return null;
  if (args.length > 0) throw new Refusal(`list.${name}() with positional arguments`);
  const h = interp.heap;
  const p = h.payload(list, 'list');
  if (name === 'reverse') {
    p.items.reverse();
    return h.none();
  }
  const { key, reverse } = sortOptions(interp, keyword(kw, ['key', 'reverse'], 'list.sort'), 'list.sort()');
  const items = p.items.splice(0);
  const putBack = (): boolean => {
    const changed = p.items.length > 0;
    p.items.splice(0, p.items.length, ...items);
    return changed;
  };
  try {
    sortItems(interp, items, key, reverse);
  } catch (err) {
    putBack();
    throw err;
  }
  if (putBack()) throw new Refusal('a list changed while it is sorted');
  return h.none();
}
