/**
 * Methods of `list` objects (`Objects/listobject.c`) with CPython's reference and capacity
 * handling: `list_resize` (the interpreter's `grownCapacity`) on every size change, removed
 * items released after the resize (`list_ass_slice` recycles them), `pop` handing its item
 * over to the caller. Equality is identity first, then `==` (`PyObject_RichCompareBool`).
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { asSsize } from './ssize';
import { sequenceItemEquals } from './user-equality';

function listPayload(interp: Interpreter, list: Ref) {
  return interp.heap.payload(list, 'list');
}

/** `list_resize(self, newSize)` (the items are then set by the caller). */
function resize(interp: Interpreter, list: Ref, newSize: number): void {
  const p = listPayload(interp, list);
  const cap = interp.grownCapacity(p.capacity, p.items.length, newSize);
  if (cap !== p.capacity) interp.heap.listResize(list, cap);
}

function intArg(interp: Interpreter, ref: Ref, what: string): number {
  const p = interp.heap.get(ref).payload;
  if (p.kind !== 'int') throw new Refusal(`${what} with a ${p.kind} index`);
  return asSsize(interp.heap, p.value);
}

/** The first index of an item equal to `x` (`list.index`, `list.remove`: the item held and the left operand). */
export function findEqual(interp: Interpreter, items: readonly Ref[], x: Ref): number {
  for (let i = 0; i < items.length; i++) if (sequenceItemEquals(interp, items, i, x, LIST_METHOD)) return i;
  return -1;
}

const LIST_METHOD = { list: true, contains: false } as const;

/**
 * Lists that `pop()` emptied. `list_resize(self, 0)` leaves a zero-sized item array on 3.10 and
 * 3.11 (`PyMem_Realloc(ob_item, 0)`), while 3.12+ was measured to leave none (`l = [a, a]`,
 * two pops, `l.extend([a, a, a])`: `sys.getsizeof(l)` 120 on 3.10.13 and 3.11.7, 88 on 3.12.1
 * and 3.13.0): which of the two `list.extend` then sees is not modelled.
 */
const emptiedByPop = new WeakSet<object>();

/**
 * How `list.extend` of a list or tuple sizes the item array (`Objects/listobject.c`
 * `list_extend`): a list without one (`ob_item == NULL`: new and empty, or emptied by
 * `list_clear`) is preallocated for the items from 3.10 (`list_preallocate_exact`, rounded up
 * to even), the path `LIST_EXTEND` of a constant tuple into a new list takes, so the profile's
 * `listLiteralOfConstants` says which; otherwise, and before 3.10, `list_resize`. Measured:
 * `l = []; l.extend([a, a])` is 72 bytes on 3.10-3.13 x86_64 (2 slots), 120 on 3.9 (8 slots).
 */
function extendPresize(interp: Interpreter, p: { items: readonly Ref[]; capacity: number }, adding: number): 'even' | 'resize' {
  if (p.items.length > 0 || p.capacity > 0 || adding === 0 || interp.cfg.listLiteralOfConstants !== 'even') return 'resize';
  if (emptiedByPop.has(p)) {
    throw new Refusal('list.extend of a list that pop() emptied', 'whether pop left it an item array changed in 3.12 and is not modelled');
  }
  return 'even';
}

/** A `list` method called with borrowed `args` (a new reference), or null if not modelled here. */
export function callListMethod(interp: Interpreter, list: Ref, name: string, args: readonly Ref[]): Ref | null {
  const h = interp.heap;
  const p = listPayload(interp, list);
  switch (name) {
    case 'pop': {
      if (args.length > 1) return null;
      const n = p.items.length;
      if (n === 0) throw new PyException('IndexError', 'pop from empty list');
      let i = args[0] === undefined ? n - 1 : intArg(interp, args[0], 'list.pop');
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw new PyException('IndexError', 'pop index out of range');
      if (n === 1 && interp.grownCapacity(p.capacity, 1, 0) > 0 && interp.cfg.listLiteralOfConstants === 'even') {
        // 3.10 and 3.11 keep the item array here (`list_resize`'s fast path), 3.12+ was measured
        // to free it (`l = [a]; l.pop()`: 64 bytes on 3.10.13 and 3.11.7, 56 on 3.12.1 and 3.13.0).
        throw new Refusal('list.pop() emptying a list of one slot', 'whether its item array is freed changed in 3.12 and is not modelled');
      }
      const [item] = p.items.splice(i, 1);
      // `list_pop_impl`: the item is moved out, then the list shrinks (`list_resize` / `list_ass_slice`).
      const cap = interp.grownCapacity(p.capacity, n, n - 1);
      if (cap !== p.capacity) h.listResize(list, cap);
      if (n === 1) emptiedByPop.add(p);
      return item!;
    }
    case 'remove': {
      if (args.length !== 1) return null;
      const i = findEqual(interp, p.items, args[0]!);
      if (i < 0) throw new PyException('ValueError', 'list.remove(x): x not in list');
      const n = p.items.length;
      const [item] = p.items.splice(i, 1);
      // `list_ass_slice` empties the list with `_list_clear`, which frees the item array
      // (measured: `l = [a]; l.remove(a)` is 56 bytes on 3.8-3.13 x86_64).
      if (n === 1) emptiedByPop.delete(p);
      const cap = n === 1 ? 0 : interp.grownCapacity(p.capacity, n, n - 1);
      if (cap !== p.capacity) h.listResize(list, cap);
      h.decref(item!);
      return h.none();
    }
    case 'insert': {
      if (args.length !== 2) return null;
      const n = p.items.length;
      let i = intArg(interp, args[0]!, 'list.insert');
      if (i < 0) i = Math.max(0, i + n);
      i = Math.min(i, n);
      resize(interp, list, n + 1);
      p.items.splice(i, 0, h.incref(args[1]!));
      return h.none();
    }
    case 'extend': {
      if (args.length !== 1) return null;
      const src = h.get(args[0]!).payload;
      if (src.kind !== 'list' && src.kind !== 'tuple') throw new Refusal('list.extend of something other than a list or tuple');
      interp.listExtend(list, [...src.items], extendPresize(interp, p, src.items.length));
      return h.none();
    }
    case 'copy': {
      if (args.length !== 0) return null;
      // `list_slice` -> `list_new_prealloc(len)`: exactly as many slots as items.
      const copy = h.list([], 0);
      interp.listExtend(copy, p.items, 'exact');
      return copy;
    }
    case 'count': {
      if (args.length !== 1) return null;
      let n = 0;
      for (let i = 0; i < p.items.length; i++) if (sequenceItemEquals(interp, p.items, i, args[0]!, LIST_METHOD)) n++;
      return h.int(BigInt(n));
    }
    default:
      return null;
  }
}

/**
 * `list *= n` (`Objects/listobject.c` `list_inplace_repeat`): the list itself, repeated in place
 * after `list_resize(self, size * n)`; an empty list or n == 1 unchanged; n < 1 clears it
 * (`_list_clear`: the item array freed, items released last to first). Measured: `a *= 3` keeps
 * `a is b` True and sizes the list as `list_resize` does (3.8 formula: 128 bytes for 6 items
 * from 2 on x86_64, 3.9+: 152).
 */
export function listInplaceRepeat(interp: Interpreter, list: Ref, n: bigint): Ref {
  const h = interp.heap;
  const p = h.payload(list, 'list');
  const size = p.items.length;
  if (size === 0 || n === 1n) return h.incref(list);
  if (n < 1n) {
    const items = p.items.splice(0);
    emptiedByPop.delete(p);
    h.listResize(list, 0);
    for (let i = items.length - 1; i >= 0; i--) h.decref(items[i]!);
    return h.incref(list);
  }
  if (BigInt(size) * n > 10_000_000n) throw new Refusal('a list of more than ten million items');
  const newSize = size * Number(n);
  const cap = interp.grownCapacity(p.capacity, size, newSize);
  if (cap !== p.capacity) h.listResize(list, cap);
  for (let k = size; k < newSize; k++) p.items.push(h.incref(p.items[k % size]!));
  return h.incref(list);
}
