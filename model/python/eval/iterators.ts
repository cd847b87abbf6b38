/**
 * Iterator objects a program holds: `iter(x)`, `enumerate`, `zip`, `map`, `filter`
 * (`Objects/iterobject.c`, `Objects/listobject.c` `listiter_next`, `Objects/enumobject.c`,
 * `Python/bltinmodule.c` `zip_new`/`zip_next`, `map_new`/`map_next`, `filter_new`/`filter_next`),
 * `next(it[, default])` (`builtin_next`) and their consumption by `for`, unpacking, `in`,
 * `list()` and `tuple()`.
 *
 * What each holds (`held`, in `tp_dealloc` order): a sequence iterator its sequence until
 * exhausted (then released, `it_seq = NULL`); `enumerate` its iterator and its result tuple
 * (`en_sit`, `en_result`); `zip` the tuple of iterators and its result tuple (`ittuple`,
 * `result`); `map` the tuple of iterators and the function (`iters`, `func`); `filter` the
 * function and the iterator (`func`, `it`). `enumerate` and `zip` reuse their result tuple
 * when only they hold it (`Py_REFCNT(result) == 1`), else build a new one.
 * The four builtin objects' sizes and the argument handling of their constructors (a tuple of
 * arguments or vectorcall, per version) are not followed: making one loses the free lists.
 */
import type { Ref } from '../../core/objects';
import type { LoopIterator } from './frame';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { pyEquals, typeName } from './values';
import { isAscii } from '../../core/sizes';
import { resumeGenerator, type GeneratorState } from './generators';
import { advanceReversed, makeReversed, reversedLengthHint, type ReversedState } from './reversed';
import { advanceDictIterator, dictIteratorOf, dictSizeOf, extendListFromDict, dictViewKind, notAnIteratorError, type DictIterState } from './dict-views';

type State =
  | { readonly tag: 'sequence'; readonly loop: LoopIterator; done: boolean }
  | { readonly tag: 'enumerate'; index: bigint }
  | { readonly tag: 'zip' }
  | { readonly tag: 'map' }
  | { readonly tag: 'filter'; readonly truthOnly: boolean }
  | GeneratorState
  | DictIterState
  | ReversedState;

/** `type(iter(x)).__name__` of the sequence iterators modelled. */
const SEQUENCE_ITERATOR_TYPES: Readonly<Record<string, string>> = {
  list: 'list_iterator',
  tuple: 'tuple_iterator',
  range: 'range_iterator',
  // 3.11+ names it `str_ascii_iterator` for an ASCII str (fact `strAsciiIterator`, `getIterObject`).
  str: 'str_iterator',
};

/** The iterator types the model makes, for `type()` and errors. */
export const LAZY_ITERATOR_TYPES = ['enumerate', 'zip', 'map', 'filter', 'reversed'] as const;
type LazyIteratorType = (typeof LAZY_ITERATOR_TYPES)[number];

/** Asked at every call of a builtin type (`construct`): a Set, where the array's `includes` was a call into the runtime. */
const LAZY_ITERATOR_TYPE_SET: ReadonlySet<string> = new Set(LAZY_ITERATOR_TYPES);

export function isLazyIteratorType(name: string): name is LazyIteratorType {
  return LAZY_ITERATOR_TYPE_SET.has(name);
}

/** `iter(x)` (`builtin_iter`; the two-argument form is refused). */
export function builtinIter(interp: Interpreter, args: Ref[]): Ref {
  if (args.length !== 1) throw new Refusal(`iter() with ${args.length} arguments`);
  return getIterObject(interp, args[0] as Ref);
}

function state(interp: Interpreter, it: Ref): { held: Ref[]; st: State } {
  const p = interp.heap.payload(it, 'iterator');
  if (p.type === 'cell') throw new PyException('TypeError', "'cell' object is not iterable"); // cells.ts: no tp_iter
  const notIterator = notAnIteratorError(interp, it);
  if (notIterator !== null) throw notIterator;
  return { held: p.held, st: p.state as State };
}

/**
 * `PyObject_GetIter`: an iterator object returns itself; a list, tuple, range, dict or str a
 * new iterator object.
 */
export function getIterObject(interp: Interpreter, iterable: Ref): Ref {
  const h = interp.heap;
  const p = h.get(iterable).payload;
  const dictIterator = p.kind === 'dict' || p.kind === 'iterator' ? dictIteratorOf(interp, iterable) : null;
  if (dictIterator !== null) return dictIterator;
  if (p.kind === 'iterator') return h.incref(iterable);
  const type = SEQUENCE_ITERATOR_TYPES[p.kind];
  if (type === undefined) {
    interp.getIter(iterable); // raises the TypeError or the refusal
    throw new Refusal(`an iterator object over a ${typeName(h, iterable)}`);
  }
  const loop = interp.getIter(iterable);
  const held = loop.seq === null ? [] : [loop.seq];
  loop.seq = null;
  const bytes = p.kind === 'list' || p.kind === 'tuple' || p.kind === 'range' || p.kind === 'str' ? interp.cfg.iteratorBytes[p.kind] : null;
  // `range_iterator` is not GC-tracked; the others are (`PyObject_GC_New`). The block is the one `GET_ITER` took.
  // `unicode_iter` (3.11+): a compact ASCII str's iterator is a `str_ascii_iterator`, the same size.
  const ascii = p.kind === 'str' && interp.cfg.strAsciiIterator && isAscii(p.value);
  const payload = { kind: 'iterator' as const, type: ascii ? 'str_ascii_iterator' : type, bytes, gc: p.kind !== 'range', held, state: { tag: 'sequence', loop, done: false } satisfies State };
  return loop.block === null ? h.object(payload) : h.adopt(payload, loop.block);
}

/** `tp_iternext`: the next item (a new reference), or null when exhausted. */
export function advance(interp: Interpreter, it: Ref): Ref | null {
  const h = interp.heap;
  const { held, st } = state(interp, it);
  switch (st.tag) {
    case 'sequence': {
      if (st.done) return null;
      const item = st.loop.next(st.loop.index);
      if (item !== null) {
        st.loop.index++;
        return item;
      }
      // Exhausted: the sequence is released (`it->it_seq = NULL; Py_DECREF(seq)`).
      st.done = true;
      const seq = held.pop();
      if (seq !== undefined) h.decref(seq);
      return null;
    }
    case 'enumerate': {
      const item = advance(interp, held[0] as Ref);
      if (item === null) return null;
      const index = h.int(st.index);
      st.index++;
      return recycledResult(interp, held, 1, [index, item]);
    }
    case 'zip':
      return zipNext(interp, held);
    case 'map': {
      const iters = h.payload(held[0] as Ref, 'tuple').items;
      if (iters.length > 5) throw new Refusal('map() over more than 5 iterables', 'its argument array is allocated');
      const args: Ref[] = [];
      try {
        for (const i of iters) {
          const v = advance(interp, i);
          if (v === null) return null;
          args.push(v);
        }
        return interp.call(held[1] as Ref, args, []);
      } finally {
        for (const a of args) h.decref(a);
      }
    }
    case 'generator':
      return resumeGenerator(interp, st);
    case 'dict':
      return advanceDictIterator(interp, it);
    case 'reversed':
      return advanceReversed(interp, held, st);
    case 'filter':
      for (;;) {
        const item = advance(interp, held[1] as Ref);
        if (item === null) return null;
        let ok: boolean;
        if (st.truthOnly) ok = interp.truth(item);
        else {
          let good: Ref;
          try {
            good = interp.call(held[0] as Ref, [item], []);
          } catch (err) {
            h.decref(item);
            throw err;
          }
          ok = interp.truth(good);
          h.decref(good);
        }
        if (ok) return item;
        h.decref(item);
      }
  }
}

/** `enum_next` / `zip_next`: the result tuple again when only the iterator holds it, else a new tuple. */
function recycledResult(interp: Interpreter, held: Ref[], slot: number, items: Ref[]): Ref {
  const h = interp.heap;
  const result = held[slot] as Ref;
  if (h.get(result).refcnt === 1 && h.get(result).refcntKnown) {
    const tp = h.payload(result, 'tuple');
    const old = [...tp.items];
    items.forEach((x, i) => (tp.items[i] = x));
    h.incref(result);
    for (const o of old) h.decref(o);
    return result;
  }
  return h.tuple(items);
}

function zipNext(interp: Interpreter, held: Ref[]): Ref | null {
  const h = interp.heap;
  const iters = h.payload(held[0] as Ref, 'tuple').items;
  if (iters.length === 0) return null;
  const result = held[1] as Ref;
  // The result tuple again when only zip holds it (its items replaced one by one as they come;
  // an exhausted iterator leaves the others replaced), else `PyTuple_New(n)` filled as the
  // items come (None stands for its NULL slots) and freed if an iterator is exhausted.
  const reuse = h.get(result).refcnt === 1 && h.get(result).refcntKnown;
  const target = reuse ? h.incref(result) : h.tuple(iters.map(() => h.none()));
  const tp = h.payload(target, 'tuple');
  for (let i = 0; i < iters.length; i++) {
    const item = advance(interp, iters[i] as Ref);
    if (item === null) {
      h.decref(target);
      return null;
    }
    const old = tp.items[i] as Ref;
    tp.items[i] = item;
    h.decref(old);
  }
  return target;
}

/** `enumerate(x)`, `zip(...)`, `map(f, ...)`, `filter(f, x)`: a new iterator object. */
export function makeLazyIterator(interp: Interpreter, type: LazyIteratorType, args: Ref[]): Ref {
  const h = interp.heap;
  h.loseFreeListOrder();
  const iterOf = (x: Ref): Ref => getIterObject(interp, x);
  const make = (held: Ref[], st: State): Ref => h.object({ kind: 'iterator', type, bytes: null, gc: true, held, state: st });
  switch (type) {
    case 'reversed':
      return makeReversed(interp, args);
    case 'enumerate': {
      if (args.length !== 1) throw new Refusal(`enumerate() with ${args.length} arguments`);
      const it = iterOf(args[0] as Ref);
      // `PyTuple_Pack(2, Py_None, Py_None)`: the result tuple waiting to be reused.
      return make([it, h.tuple([h.none(), h.none()])], { tag: 'enumerate', index: 0n });
    }
    case 'zip': {
      const iters: Ref[] = [];
      try {
        for (const a of args) iters.push(iterOf(a));
      } catch (err) {
        for (const i of iters) h.decref(i);
        throw err;
      }
      const ittuple = h.tuple(iters);
      return make([ittuple, h.tuple(args.map(() => h.none()))], { tag: 'zip' });
    }
    case 'map': {
      if (args.length < 2) throw new Refusal(`map() with ${args.length} argument${args.length === 1 ? '' : 's'}`, 'the TypeError wording changed across versions');
      const iters: Ref[] = [];
      try {
        for (const a of args.slice(1)) iters.push(iterOf(a));
      } catch (err) {
        for (const i of iters) h.decref(i);
        throw err;
      }
      return make([h.tuple(iters), h.incref(args[0] as Ref)], { tag: 'map' });
    }
    case 'filter': {
      if (args.length !== 2) throw new Refusal(`filter() with ${args.length} arguments`, 'the TypeError wording changed across versions');
      const fn = args[0] as Ref;
      const fp = h.get(fn).payload;
      const truthOnly = fp.kind === 'NoneType' || (fp.kind === 'type' && interp.builtinTypes.get('bool') === fn);
      const it = iterOf(args[1] as Ref);
      return make([h.incref(fn), it], { tag: 'filter', truthOnly });
    }
  }
}

/**
 * `list(reversed(x))` / `tuple(reversed(x))`: the exact length hint (`reversedLengthHint`) sizes
 * the result first: `list_extend` resizes to it (3.8-3.9) or, into an empty list, preallocates
 * it rounded to even (3.10+, fact `listFromSized`, the same change; measured list(reversed(l))
 * of 1 and 3 items: 88 and 104 bytes on 3.8.18, 72 and 88 on 3.12.1 and 3.13.0);
 * `PySequence_Tuple` makes a tuple of that size, then fills it.
 */
function consumeReversed(interp: Interpreter, kind: 'list' | 'tuple', it: Ref, held: readonly Ref[], st: ReversedState): Ref {
  const h = interp.heap;
  const n = reversedLengthHint(interp, held, st);
  if (kind === 'tuple') {
    const seq = h.get(held[0] ?? it).payload;
    if (seq.kind === 'str' && [...seq.value].some((c) => (c.codePointAt(0) ?? 0) > 0xff)) throw new Refusal('tuple() of reversed() of a non-latin-1 str', 'its characters are made after the tuple');
    const items: Ref[] = [];
    for (let x = advance(interp, it); x !== null; x = advance(interp, it)) items.push(x);
    return h.tuple(items);
  }
  const list = h.list([], 0);
  const lp = h.payload(list, 'list');
  const cap = n === 0 ? 0 : interp.cfg.listFromSized === 'even' ? (n + 1) & ~1 : interp.grownCapacity(0, 0, n);
  if (cap !== 0) h.listResize(list, cap);
  for (let x = advance(interp, it); x !== null; x = advance(interp, it)) {
    if (lp.items.length >= lp.capacity) h.listResize(list, interp.grownCapacity(lp.capacity, lp.items.length, lp.items.length + 1));
    lp.items.push(x);
  }
  return list;
}

/**
 * `list(d)` / `list(view)`: `list___init__` preallocates the exact size of a sized iterable on
 * 3.8-3.9 (`_PyObject_HasLen` + `list_preallocate_exact`); 3.10 moved that preallocation into
 * `list_extend`'s list/tuple path (rounded up to even: fact `listFromSized`, the same change), so
 * from 3.10 a dict's items go through `list_extend`'s `list_resize` to its length hint.
 * Measured `sys.getsizeof(list({...}.keys()))` of 3 keys: 80 on 3.8.18, 120 on 3.13.0.
 */
export function listOfDict(interp: Interpreter, source: Ref): Ref {
  const h = interp.heap;
  const list = h.list([], 0);
  const n = dictSizeOf(interp, source);
  try {
    if (n > 0 && interp.cfg.listFromSized === 'exact') h.listResize(list, n);
    extendListFromDict(interp, list, source);
  } catch (err) {
    h.decref(list);
    throw err;
  }
  return list;
}

/** `next(it)` / `next(it, default)`. */
export function builtinNext(interp: Interpreter, args: Ref[]): Ref {
  const h = interp.heap;
  if (args.length < 1 || args.length > 2) throw new Refusal(`next() with ${args.length} arguments`);
  const it = args[0] as Ref;
  if (h.get(it).payload.kind !== 'iterator') {
    if (h.get(it).payload.kind === 'instance') throw new Refusal('next() of an instance', '__next__ defined in Python is not modelled');
    throw new PyException('TypeError', `'${typeName(h, it)}' object is not an iterator`);
  }
  const item = advance(interp, it);
  if (item !== null) return item;
  if (args.length === 2) return h.incref(args[1] as Ref);
  throw new PyException('StopIteration', '');
}

/** `GET_ITER` on an iterator object: the object itself; `FOR_ITER` advances it. */
export function loopOverIterator(interp: Interpreter, it: Ref): LoopIterator {
  return { block: null, seq: interp.heap.incref(it), index: 0, next: () => advance(interp, it) };
}

/** `UNPACK_SEQUENCE` of an iterator (`unpack_iterable`): n items, then it must be exhausted. */
export function unpackIterator(interp: Interpreter, it: Ref, n: number): Ref[] {
  const h = interp.heap;
  const items: Ref[] = [];
  const fail = (): never => {
    for (const x of items) h.decref(x);
    throw new Refusal('unpacking an iterator of the wrong length', 'the error wording changed across versions');
  };
  while (items.length < n) {
    const item = advance(interp, it);
    if (item === null) return fail();
    items.push(item);
  }
  const extra = advance(interp, it);
  if (extra !== null) {
    h.decref(extra);
    return fail();
  }
  return items;
}

/** `x in it` (`_PySequence_IterSearch`): advances until an item is `x` or equal to it. */
export function iteratorContains(interp: Interpreter, it: Ref, item: Ref): boolean {
  const h = interp.heap;
  for (let x = advance(interp, it); x !== null; x = advance(interp, it)) {
    const found = x === item || pyEquals(h, x, item);
    h.decref(x);
    if (found) return true;
  }
  return false;
}

/**
 * `list(it)` (`list_extend` of an iterator without a length hint: room for 8 items first,
 * `list_resize` as it grows, cut back at the end) and `tuple(it)` (`PySequence_Tuple`: 10
 * slots, grown and shrunk by `_PyTuple_Resize`, reallocations the model does not follow).
 */
export function consumeIterator(interp: Interpreter, kind: 'list' | 'tuple', it: Ref): Ref {
  const h = interp.heap;
  const p = h.payload(it, 'iterator');
  if (kind === 'list' && dictViewKind(interp, it) !== null) return listOfDict(interp, it);
  if (dictViewKind(interp, it) !== null) throw new Refusal(`tuple() of a ${p.type}`, 'PySequence_Tuple sizes its tuple from the length hint first');
  const st = p.state as State;
  if (st.tag === 'reversed') return consumeReversed(interp, kind, it, p.held, st);
  if ((p.state as State).tag === 'sequence' || (p.state as State).tag === 'dict') throw new Refusal(`${kind}() of a ${p.type}`, 'its length hint decides the allocation');
  if (kind === 'tuple') {
    const items: Ref[] = [];
    try {
      for (let x = advance(interp, it); x !== null; x = advance(interp, it)) items.push(x);
    } catch (err) {
      for (const x of items) h.decref(x);
      throw err;
    }
    if (items.length === 0) {
      if (!interp.cfg.tupleResizeToEmptyIsSingleton) throw new Refusal('an empty tuple made from an iterator', 'before 3.11 it is a new empty tuple, which the model does not make');
      return h.tuple([]);
    }
    h.loseFreeListOrder();
    return h.tuple(items);
  }
  const list = h.list([], 0);
  const lp = h.payload(list, 'list');
  const resize = (newSize: number): void => {
    const cap = interp.grownCapacity(lp.capacity, lp.items.length, newSize);
    if (cap !== lp.capacity) h.listResize(list, cap);
  };
  try {
    resize(8);
    for (let x = advance(interp, it); x !== null; x = advance(interp, it)) {
      if (lp.items.length >= lp.capacity) resize(lp.items.length + 1);
      lp.items.push(x);
    }
  } catch (err) {
    h.decref(list);
    throw err;
  }
  if (lp.items.length < lp.capacity) resize(lp.items.length);
  return list;
}
