/**
 * Dict views and dict iterators (`Objects/dictobject.c`).
 *
 * - `d.keys()`, `d.values()`, `d.items()` (`_PyDictView_New`): a GC object holding one reference
 *   to its dict (`dv_dict`, released by `dictview_dealloc`); `len` is the dict's
 *   (`dictview_len`); `in` looks the key up (`dictkeys_contains`, `dictitems_contains`: the key,
 *   then the found value `==` the given one) or, for values, iterates (`_PySequence_IterSearch`:
 *   no `sq_contains`); repr `dict_keys([...])` of `PySequence_List(view)` (`dictview_repr`).
 *   Set operations and comparisons of keys/items views (`dictview_richcompare`,
 *   `dictviews_and`...) are refused.
 * - Iterators (`dictiter_new`): `iter(d)`, `iter(view)`, `for` over either. Each holds the dict
 *   (`di_dict`, released when exhausted) and, for items, a result tuple made at once
 *   (`PyTuple_Pack(2, Py_None, Py_None)`) and reused while only the iterator holds it
 *   (`dictiter_iternextitem`: `Py_REFCNT(result) == 1`, 3.13+ `acquire_iter_result` /
 *   `_PyObject_IsUniquelyReferenced`, the same test on a build with the GIL), so
 *   `for k, v in d.items()` unpacks one tuple again and again. `tp_dealloc` order: the dict, then
 *   the result. A size change raises "dictionary changed size during iteration" (sticky:
 *   `di_used = -1`); a same-size change that moved entries before the position is refused (the
 *   model's entries have no holes, CPython's table does).
 */
import type { Ref } from '../../core/objects';
import type { LoopIterator } from './frame';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { comparesInPython, pyEquals } from './values';

export type DictViewMethod = 'keys' | 'values' | 'items';

const VIEW_TYPES: Readonly<Record<DictViewMethod, string>> = { keys: 'dict_keys', values: 'dict_values', items: 'dict_items' };
const ITERATOR_TYPES: Readonly<Record<DictViewMethod, string>> = { keys: 'dict_keyiterator', values: 'dict_valueiterator', items: 'dict_itemiterator' };

/** The type names `type()` can return here: the views and their iterators. */
export const DICT_VIEW_TYPE_NAMES = [...Object.values(VIEW_TYPES), ...Object.values(ITERATOR_TYPES)] as const;

interface ViewState {
  readonly tag: 'dictview';
  readonly which: DictViewMethod;
}

/** The evaluator's state of a dict iterator (`dictiterobject`: `di_used`, `di_pos`). */
export interface DictIterState {
  readonly tag: 'dict';
  readonly which: DictViewMethod;
  /** `di_used`: the dict's size when the iterator was made; -1 once the size changed (sticky). */
  used: number;
  /** `di_pos` in the model's entries (which have no holes). */
  pos: number;
  /** The key last returned, to notice entries that moved under the position. */
  lastKey: Ref | null;
}

const VIEW_STATES: Readonly<Record<DictViewMethod, ViewState>> = {
  keys: { tag: 'dictview', which: 'keys' },
  values: { tag: 'dictview', which: 'values' },
  items: { tag: 'dictview', which: 'items' },
};

/** `dict.keys()` / `values()` / `items()`: a new view holding the dict. */
export function makeDictView(interp: Interpreter, dict: Ref, which: DictViewMethod): Ref {
  const h = interp.heap;
  return h.object({ kind: 'iterator', type: VIEW_TYPES[which], bytes: interp.cfg.dictViewBytes, gc: true, held: [h.incref(dict)], state: VIEW_STATES[which] });
}

/** The view's kind, or null if `ref` is not a dict view. */
export function dictViewKind(interp: Interpreter, ref: Ref): DictViewMethod | null {
  const p = interp.heap.get(ref).payload;
  if (p.kind !== 'iterator') return null;
  const st = p.state as { readonly tag?: string; readonly which?: DictViewMethod };
  return st.tag === 'dictview' ? (st.which ?? null) : null;
}

function viewDict(interp: Interpreter, view: Ref): Ref {
  return interp.heap.payload(view, 'iterator').held[0] as Ref;
}

function entriesOf(interp: Interpreter, dict: Ref) {
  return interp.heap.payload(dict, 'dict').entries;
}

/** The size of a dict or of a view's dict (`PyObject_Size`). */
export function dictSizeOf(interp: Interpreter, source: Ref): number {
  const p = interp.heap.get(source).payload;
  return entriesOf(interp, p.kind === 'dict' ? source : viewDict(interp, source)).length;
}

/** `dictiter_new(dict, type)`: the iterator, then (items) its result tuple. */
export function makeDictIterator(interp: Interpreter, dict: Ref, which: DictViewMethod): Ref {
  const h = interp.heap;
  const state: DictIterState = { tag: 'dict', which, used: entriesOf(interp, dict).length, pos: 0, lastKey: null };
  const held = [h.incref(dict)];
  const it = h.object({ kind: 'iterator', type: ITERATOR_TYPES[which], bytes: interp.cfg.iteratorBytes.dict, gc: true, held, state });
  if (which === 'items') held.push(h.tuple([h.none(), h.none()]));
  return it;
}

/** `PyObject_GetIter` of a dict or a dict view: a new dict iterator; null for anything else. */
export function dictIteratorOf(interp: Interpreter, iterable: Ref): Ref | null {
  const p = interp.heap.get(iterable).payload;
  if (p.kind === 'dict') return makeDictIterator(interp, iterable, 'keys');
  const which = dictViewKind(interp, iterable);
  return which === null ? null : makeDictIterator(interp, viewDict(interp, iterable), which);
}

/** `GET_ITER` of a dict or a dict view for a loop: the iterator object on the stack; null for anything else. */
export function dictLoopIterator(interp: Interpreter, iterable: Ref): LoopIterator | null {
  const it = dictIteratorOf(interp, iterable);
  if (it === null) return null;
  return { block: null, seq: it, index: 0, next: () => advanceDictIterator(interp, it) };
}

/** `dictiter_iternextkey` / `...value` / `...item`: a new reference, or null when exhausted. */
export function advanceDictIterator(interp: Interpreter, it: Ref): Ref | null {
  const h = interp.heap;
  const p = h.payload(it, 'iterator');
  const st = p.state as DictIterState;
  const held = p.held;
  // `di_dict` is NULL once exhausted: the held list then starts with the result tuple (items) or is empty.
  const dict = held.length > 0 && h.get(held[0] as Ref).payload.kind === 'dict' && st.pos >= 0 ? (held[0] as Ref) : null;
  if (dict === null) return null;
  const entries = entriesOf(interp, dict);
  if (st.used !== entries.length) {
    st.used = -1;
    throw new PyException('RuntimeError', 'dictionary changed size during iteration');
  }
  if (st.lastKey !== null && entries[st.pos - 1]?.key !== st.lastKey) {
    throw new Refusal('a dict changed during its iteration', "CPython's position counts the holes its entries table keeps");
  }
  const e = entries[st.pos];
  if (e === undefined) {
    // Exhausted: `di->di_dict = NULL; Py_DECREF(d)`.
    st.pos = -1;
    held.shift();
    h.decref(dict);
    return null;
  }
  st.pos++;
  st.lastKey = e.key;
  if (st.which === 'keys') return h.incref(e.key);
  if (st.which === 'values') return h.incref(e.value);
  const result = held[1] as Ref;
  const o = h.get(result);
  if (o.refcnt === 1 && o.refcntKnown) {
    const tp = h.payload(result, 'tuple');
    const [oldKey, oldValue] = tp.items as [Ref, Ref];
    tp.items[0] = h.incref(e.key);
    tp.items[1] = h.incref(e.value);
    h.incref(result);
    h.decref(oldKey);
    h.decref(oldValue);
    return result;
  }
  return h.tuple([h.incref(e.key), h.incref(e.value)]);
}

/** `PyObject_RichCompareBool(a, b, Py_EQ)` of values compared without Python code (an `__eq__` in Python is refused). */
function plainEquals(interp: Interpreter, a: Ref, b: Ref): boolean {
  if (a === b) return true;
  if (comparesInPython(interp.heap, a) || comparesInPython(interp.heap, b)) throw new Refusal("'in' on a dict view with items compared by a Python __eq__");
  return pyEquals(interp.heap, a, b);
}

/** `len(view)` (`dictview_len`), or null if `ref` is not a view. */
export function dictViewLen(interp: Interpreter, ref: Ref): number | null {
  return dictViewKind(interp, ref) === null ? null : entriesOf(interp, viewDict(interp, ref)).length;
}

/** `item in view`, or null if `view` is not a dict view. */
export function dictViewContains(interp: Interpreter, view: Ref, item: Ref): boolean | null {
  const which = dictViewKind(interp, view);
  if (which === null) return null;
  const h = interp.heap;
  const dict = viewDict(interp, view);
  const entries = entriesOf(interp, dict);
  switch (which) {
    case 'keys':
      // `dictkeys_contains` -> `PyDict_Contains`.
      return interp.keyed.findEntry(entries, item) !== undefined;
    case 'items': {
      // `dictitems_contains`: only a 2-tuple can be in it; its key is looked up, the value compared.
      const ip = h.get(item).payload;
      if (ip.kind !== 'tuple' || ip.items.length !== 2) return false;
      const e = interp.keyed.findEntry(entries, ip.items[0] as Ref);
      if (e === undefined) return false;
      return plainEquals(interp, e.value, ip.items[1] as Ref);
    }
    case 'values': {
      // No `sq_contains`: `_PySequence_IterSearch` over a new value iterator.
      const it = makeDictIterator(interp, dict, 'values');
      try {
        for (let x = advanceDictIterator(interp, it); x !== null; x = advanceDictIterator(interp, it)) {
          let found: boolean;
          try {
            found = plainEquals(interp, x, item);
          } finally {
            h.decref(x);
          }
          if (found) return true;
        }
        return false;
      } finally {
        h.decref(it);
      }
    }
  }
}

/**
 * `list_extend(list, source)` of a dict or view (fact `listExtendDictDirect`): 3.13+
 * `list_extend_dict` / `list_extend_dictitems` resize to `m + n` and copy the entries (a new
 * `PyTuple_Pack` per item); before, `list_extend` takes a dict iterator, then presizes to the
 * length hint (an empty list: `list_preallocate_exact`, even, from 3.10; else `list_resize`)
 * and appends (`app1`).
 */
export function extendListFromDict(interp: Interpreter, list: Ref, source: Ref): void {
  const h = interp.heap;
  const lp = h.payload(list, 'list');
  const p = h.get(source).payload;
  const dict = p.kind === 'dict' ? source : viewDict(interp, source);
  const which = p.kind === 'dict' ? 'keys' : (dictViewKind(interp, source) as DictViewMethod);
  const entries = entriesOf(interp, dict);
  const m = lp.items.length;
  const n = entries.length;
  if (interp.cfg.listExtendDictDirect) {
    const cap = interp.grownCapacity(lp.capacity, m, m + n);
    if (cap !== lp.capacity) h.listResize(list, cap);
    for (const e of entries) {
      if (which === 'keys') lp.items.push(h.incref(e.key));
      else if (which === 'values') lp.items.push(h.incref(e.value));
      else lp.items.push(h.tuple([h.incref(e.key), h.incref(e.value)]));
    }
    return;
  }
  const it = makeDictIterator(interp, dict, which);
  try {
    const presize = lp.capacity === 0 && interp.cfg.listFromSized === 'even' ? (n === 0 ? 0 : (n + 1) & ~1) : interp.grownCapacity(lp.capacity, m, m + n);
    if (presize !== lp.capacity) h.listResize(list, presize);
    for (let x = advanceDictIterator(interp, it); x !== null; x = advanceDictIterator(interp, it)) {
      if (lp.items.length >= lp.capacity) h.listResize(list, interp.grownCapacity(lp.capacity, lp.items.length, lp.items.length + 1));
      lp.items.push(x);
    }
  } finally {
    h.decref(it);
  }
}

/** `repr(view)` (`dictview_repr`: `%s(%R)` of `PySequence_List(view)`), or null if `ref` is not a view. */
export function dictViewRepr(interp: Interpreter, ref: Ref): string | null {
  const which = dictViewKind(interp, ref);
  if (which === null) return null;
  const h = interp.heap;
  const list = h.list([], 0);
  try {
    extendListFromDict(interp, list, ref);
    const items = h.payload(list, 'list').items;
    return `${VIEW_TYPES[which]}([${items.map((x) => interp.reprOf(x)).join(', ')}])`;
  } finally {
    h.decref(list);
  }
}

/** The error or refusal for an operation the model does not follow on a view (set operations, comparisons). */
export function refuseDictViewOperation(interp: Interpreter, refs: readonly Ref[], what: string): void {
  for (const r of refs) refuseDictViewOperand(interp, r, what);
}

/** `refuseDictViewOperation` of one operand (no array: asked at every arithmetic operation). */
export function refuseDictViewOperand(interp: Interpreter, ref: Ref, what: string): void {
  const which = dictViewKind(interp, ref);
  if (which !== null) throw new Refusal(`${what} with a ${VIEW_TYPES[which]} object`);
}

/** Views are not iterators: `next(view)` is a TypeError. */
export function notAnIteratorError(interp: Interpreter, ref: Ref): PyException | null {
  const which = dictViewKind(interp, ref);
  return which === null ? null : new PyException('TypeError', `'${VIEW_TYPES[which]}' object is not an iterator`);
}

