/**
 * `sorted`, `min` and `max` (`Python/bltinmodule.c` `builtin_sorted`, `min_max`;
 * `Objects/listobject.c` `list_sort_impl`), with `key=` (any callable the interpreter calls,
 * e.g. a function made by `def`), `reverse=` and `default=`.
 * - `min`/`max` keep the first extreme item (`PyObject_RichCompareBool(val, maxval, Py_LT/GT)`),
 *   release each losing item and key as they go, and return the item itself.
 * - `sorted` is `PySequence_List` (a new list filled by `list_extend`)
 *   then `list.sort`: key values are computed in order, the sort is stable, `reverse` reverses
 *   before and after sorting (equal items keep their order), keys are released in sorted order (before the
 *   final reverse).
 *   Sorting is done here with a stable sort, which gives timsort's result when the comparisons
 *   are a strict weak order; keys that may not be (NaN, mixed types that raise) are refused.
 * - The call convention of `min`/`max` (fact `minMaxArgsTuple`): 3.8-3.12 `METH_VARARGS |
 *   METH_KEYWORDS`, so `cfunction_call` packs the arguments in a tuple (keywords in a dict,
 *   `_PyStack_AsDict`) released after the call, tuple first; several positional arguments are
 *   iterated through that tuple (`PyObject_GetIter(args)`). 3.13+ `METH_FASTCALL`: several
 *   positional arguments are read from the caller's array, no tuple, no iterator.
 */
import { dictViewKind, extendListFromDict } from './dict-views';
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { kwargsDict } from './calls';
import type { LoopIterator } from './frame';
import { Refusal } from './refusal';
import { pyOrder } from './values';

export const ORDER_BUILTINS = ['sorted', 'min', 'max'] as const;
/** The builtins here take keyword arguments (`key`, `default`, `reverse`). */
export const ORDER_BUILTIN_NAMES: ReadonlySet<string> = new Set(ORDER_BUILTINS);

export type Keywords = readonly { readonly name: string; readonly value: Ref }[];

export function keyword(kw: Keywords, allowed: readonly string[], fn: string): Map<string, Ref> {
  const out = new Map<string, Ref>();
  for (const k of kw) {
    if (!allowed.includes(k.name)) throw new Refusal(`${fn}() with the keyword ${k.name}`);
    out.set(k.name, k.value);
  }
  return out;
}

/** `key=` and `reverse=` of `sorted` and `list.sort` (keywords only). */
export function sortOptions(interp: Interpreter, opts: ReadonlyMap<string, Ref>, fn: string): { key: Ref | null; reverse: boolean } {
  const reverseRef = opts.get('reverse');
  let reverse = false;
  if (reverseRef !== undefined) {
    const rp = interp.heap.get(reverseRef).payload;
    if (rp.kind !== 'bool' && rp.kind !== 'int') throw new Refusal(`${fn} with a reverse that is not a bool or int`);
    reverse = rp.kind === 'bool' ? rp.value : rp.value !== 0n;
  }
  return { key: keyFunction(interp, opts.get('key')), reverse };
}

/** The key function, or null for `key=None` / no key. */
function keyFunction(interp: Interpreter, key: Ref | undefined): Ref | null {
  if (key === undefined || interp.heap.get(key).payload.kind === 'NoneType') return null;
  return key;
}

/** `val = key(item)` (a new reference), or a new reference to the item itself. */
function keyOf(interp: Interpreter, key: Ref | null, item: Ref): Ref {
  return key === null ? interp.heap.incref(item) : interp.call(key, [item], []);
}

/** `min`/`max` as called: the args tuple and keyword dict of `METH_VARARGS` made and released around it. */
function minMax(interp: Interpreter, name: 'min' | 'max', args: readonly Ref[], kw: Keywords): Ref {
  const h = interp.heap;
  const opts = keyword(kw, ['key', 'default'], name);
  if (args.length === 0) throw new Refusal(`${name}() without arguments`);
  if (!interp.cfg.minMaxArgsTuple) return minMaxOf(interp, name, args.length > 1 ? { items: args } : { it: interp.getIter(args[0]!) }, opts);
  const argTuple = h.tuple(args.map((a) => h.incref(a)));
  const kwDict = kw.length > 0 ? kwargsDict(interp, kw) : null;
  try {
    return minMaxOf(interp, name, { it: interp.getIter(args.length > 1 ? argTuple : args[0]!), positional: args.length > 1 }, opts);
  } finally {
    h.decref(argTuple);
    if (kwDict !== null) h.decref(kwDict);
  }
}

/** `min_max` over an iterator it owns (released at the end) or over the caller's arguments. */
function minMaxOf(
  interp: Interpreter,
  name: 'min' | 'max',
  source: { readonly items: readonly Ref[] } | { readonly it: LoopIterator; readonly positional?: boolean },
  opts: Map<string, Ref>,
): Ref {
  const h = interp.heap;
  const it = 'it' in source ? source.it : null;
  const items = 'items' in source ? source.items : null;
  const positional = items !== null || ('positional' in source && source.positional === true);
  if (positional && opts.has('default')) {
    if (it !== null) interp.releaseIter(it);
    throw new PyException('TypeError', `Cannot specify a default for ${name}() with multiple positional arguments`);
  }
  let next = 0;
  const nextItem = (): Ref | null => (it !== null ? interp.iterNext(it) : next < items!.length ? h.incref(items![next++]!) : null);
  const key = keyFunction(interp, opts.get('key'));
  const op = name === 'min' ? '<' : '>';
  let maxItem: Ref | null = null;
  let maxVal: Ref | null = null;
  try {
    for (let item = nextItem(); item !== null; item = nextItem()) {
      let val: Ref;
      try {
        val = keyOf(interp, key, item);
      } catch (err) {
        h.decref(item);
        throw err;
      }
      if (maxItem === null) {
        maxItem = item;
        maxVal = val;
        continue;
      }
      let wins: boolean;
      try {
        wins = pyOrder(h, val, maxVal!, op);
      } catch (err) {
        h.decref(item);
        h.decref(val);
        throw err;
      }
      if (wins) {
        h.decref(maxVal!);
        h.decref(maxItem);
        maxVal = val;
        maxItem = item;
      } else {
        h.decref(item);
        h.decref(val);
      }
    }
  } catch (err) {
    if (maxVal !== null) h.decref(maxVal);
    if (maxItem !== null) h.decref(maxItem);
    if (it !== null) interp.releaseIter(it);
    throw err;
  }
  if (it !== null) interp.releaseIter(it);
  if (maxItem === null) {
    const fallback = opts.get('default');
    if (fallback !== undefined) return h.incref(fallback);
    throw new PyException('ValueError', interp.msgs.minMaxEmpty(name));
  }
  h.decref(maxVal!);
  return maxItem;
}

/** Keys whose order a stable sort reproduces exactly: numbers without NaN, or strs, or bytes. */
function sortable(interp: Interpreter, keys: readonly Ref[]): boolean {
  const kinds = new Set<string>();
  for (const k of keys) {
    const p = interp.heap.get(k).payload;
    if (p.kind === 'float' && Number.isNaN(p.value)) return false;
    kinds.add(p.kind === 'bool' || p.kind === 'float' ? 'int' : p.kind);
  }
  return kinds.size <= 1 && [...kinds].every((k) => k === 'int' || k === 'str' || k === 'bytes');
}

function sorted(interp: Interpreter, args: readonly Ref[], kw: Keywords): Ref {
  const h = interp.heap;
  const opts = keyword(kw, ['key', 'reverse'], 'sorted');
  if (args.length !== 1) throw new Refusal(`sorted() with ${args.length} positional arguments`);
  const src = h.get(args[0]!).payload;
  const ofDict = src.kind === 'dict' || dictViewKind(interp, args[0]!) !== null;
  if (!ofDict && src.kind !== 'list' && src.kind !== 'tuple') throw new Refusal('sorted() of something other than a list or tuple', "the new list's capacity is only followed for those");
  const { key, reverse } = sortOptions(interp, opts, 'sorted()');
  // `PySequence_List` -> `list_extend` into a new empty list: `list_resize` before 3.10, the
  // exact size rounded up to even since (`list_preallocate_exact`), as `LIST_EXTEND` of a
  // literal (fact `listLiteralOfConstants`; its 3.8 row is BUILD_LIST, and 3.8's list_extend
  // resizes: measured sorted() of 3 and 5 items has 6 and 8 slots on 3.8, 8 and 8 on 3.9, 4 and 6 on 3.10+).
  // A dict or a view: `list_extend` through a dict iterator (dict-views.ts).
  const list = h.list([], 0);
  if (ofDict) extendListFromDict(interp, list, args[0]!);
  else interp.listExtend(list, (src as { items: Ref[] }).items, interp.cfg.listLiteralOfConstants === 'even' ? 'even' : 'resize');
  try {
    sortItems(interp, h.payload(list, 'list').items, key, reverse);
  } catch (err) {
    h.decref(list);
    throw err;
  }
  return list;
}

/**
 * `list_sort_impl` on a list's items (those of `sorted`'s new list, or the ones `list.sort` took
 * out of its list): no allocation, the keys and the merge state's temporary array live on the C
 * stack for up to 256 items (`MERGESTATE_TEMP_SIZE`).
 */
export function sortItems(interp: Interpreter, items: Ref[], key: Ref | null, reverse: boolean): void {
  const h = interp.heap;
  if (items.length <= 1) return;
  if (items.length > 256) throw new Refusal('sorting more than 256 items', 'the merge state then allocates temporary arrays the model does not follow');
  const keys: Ref[] = [];
  try {
    for (const item of items) keys.push(key === null ? item : keyOf(interp, key, item));
  } catch (err) {
    if (key !== null) for (const k of keys) h.decref(k);
    throw err;
  }
  if (!sortable(interp, keys)) {
    if (key !== null) for (const k of keys) h.decref(k);
    throw new Refusal('sorting keys of mixed types, NaN or other types', "timsort's comparison order is not followed");
  }
  const order = keys.map((k, i) => ({ k, item: items[i]! }));
  if (reverse) order.reverse();
  // Stable: equal keys keep their order (`list_sort_impl` sorts the reversed list when asked, then reverses back).
  order.sort((a, b) => (pyOrder(h, a.k, b.k, '<') ? -1 : pyOrder(h, b.k, a.k, '<') ? 1 : 0));
  if (key !== null) for (const o of order) h.decref(o.k);
  if (reverse) order.reverse();
  items.splice(0, items.length, ...order.map((o) => o.item));
}

/** One of `ORDER_BUILTINS` with borrowed arguments (a new reference), or null for other names. */
export function callOrderBuiltin(interp: Interpreter, name: string, args: readonly Ref[], kw: Keywords): Ref | null {
  switch (name) {
    case 'min':
    case 'max':
      return minMax(interp, name, args, kw);
    case 'sorted':
      return sorted(interp, args, kw);
    default:
      return null;
  }
}
