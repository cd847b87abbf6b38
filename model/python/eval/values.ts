/**
 * Python semantics of values the evaluator needs: type names, truth, equality, ordering,
 * hashing (as dict/set keys). Objects are heap refs; nothing here changes refcounts.
 */
import type { Heap } from '../../core/heap';
import { typeName, type Payload, type Ref } from '../../core/objects';
import { PyException } from './py-exception';
import { deepNesting, MAX_NESTING, Refusal } from './refusal';
import { refuseStrSubclass } from './str-subclass';

export { typeName } from '../../core/objects';

/** `PyObject_IsTrue`. */
export function isTrue(heap: Heap, ref: Ref): boolean {
  refuseStrSubclass(heap, ref, 'the truth');
  const p = heap.get(ref).payload;
  switch (p.kind) {
    case 'NoneType':
      return false;
    case 'bool':
      return p.value;
    case 'int':
      return p.value !== 0n;
    case 'float':
      return p.value !== 0;
    case 'str':
      return p.value.length > 0;
    case 'bytes':
      return p.value.length > 0;
    case 'tuple':
    case 'list':
    case 'set':
    case 'frozenset':
      return p.items.length > 0;
    case 'dict':
      return p.entries.length > 0;
    case 'range':
      return rangeLength(p) > 0n;
    case 'iterator':
      // A dict view's truth is its dict's (`dictview_len`); other iterators have no length.
      return (p.state as { tag?: string }).tag === 'dictview' ? heap.payload(p.held[0] as Ref, 'dict').entries.length > 0 : true;
    default:
      return true;
  }
}

export function rangeLength(p: Pick<Extract<Payload, { kind: 'range' }>, 'start' | 'stop' | 'step'>): bigint {
  const { start, stop, step } = p;
  if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
  return start > stop ? (start - stop - step - 1n) / -step : 0n;
}

/**
 * Whether `range_iter`/`range_reverse` make the C-long `range_iterator` (`fast_range_iter`): start,
 * stop, step and length within a C long (64 bits on x86_64, 32 on wasm32) and no overflow of the
 * last value; beyond, a `longrange_iterator` of int objects. Conservative: a margin of two bits.
 */
export function rangeIteratesWithCLongs(p: Pick<Extract<Payload, { kind: 'range' }>, 'start' | 'stop' | 'step'>, pointerSize: number): boolean {
  const limit = (C_LONG_MARGINS[pointerSize] ??= 1n << BigInt(pointerSize * 8 - 2));
  return withinMargin(p.start, limit) && withinMargin(p.stop, limit) && withinMargin(p.step, limit) && withinMargin(rangeLength(p), limit);
}

/** `rangeIteratesWithCLongs`'s margin by pointer size, made once (not a bigint shift per range iterated). */
const C_LONG_MARGINS: bigint[] = [];

/** `-limit < v < limit`, without a closure or a negated bigint per call. */
function withinMargin(v: bigint, limit: bigint): boolean {
  return v < limit && (v >= 0n || -v < limit);
}

/** Registers an int whose value the model cannot know (see `Heap.opaqueInts`). */
export function markOpaque(heap: Heap, ref: Ref, why: string): void {
  heap.markOpaque(ref, why);
}

/**
 * Refuses a comparison or hash by value of an int the model cannot know (an id() value in
 * `[id(a)].count(id(b))`, `sorted` of ids, a tuple of ids as a dict key): the evaluator's own
 * `==` and dict/set lookups decide those by the addresses' rules before coming here.
 */
function refuseOpaque(heap: Heap, a: Ref, b?: Ref): void {
  const why = heap.opaqueWhy(a) ?? (b === undefined ? undefined : heap.opaqueWhy(b));
  if (why !== undefined) throw new Refusal('comparing or hashing a value the model cannot know', why);
}

/** A number as exact rational parts, for comparing ints, bools and floats exactly. */
function numeric(p: Payload): { readonly int: bigint } | { readonly float: number } | null {
  if (p.kind === 'int') return { int: p.value };
  if (p.kind === 'bool') return { int: p.value ? 1n : 0n };
  if (p.kind === 'float') return { float: p.value };
  return null;
}

function compareNumbers(a: { int: bigint } | { float: number }, b: { int: bigint } | { float: number }): number {
  if ('int' in a && 'int' in b) return a.int < b.int ? -1 : a.int > b.int ? 1 : 0;
  const x = 'int' in a ? a.int : a.float;
  const y = 'int' in b ? b.int : b.float;
  if (typeof x === 'number' && Number.isNaN(x)) return NaN;
  if (typeof y === 'number' && Number.isNaN(y)) return NaN;
  // Exact comparison of an int with a float (`float_richcompare`): compare as bigints when integral.
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  const [i, f, sign] = typeof x === 'bigint' ? [x, y as number, 1] : [y as bigint, x, -1];
  if (!Number.isFinite(f)) return f > 0 ? -sign : sign;
  const fl = Math.floor(f);
  const fi = BigInt(fl);
  if (i < fi) return -sign;
  if (i > fi) return sign;
  return f > fl ? -sign : 0;
}

function codePoints(s: string): number[] {
  return [...s].map((c) => c.codePointAt(0) ?? 0);
}

/**
 * Equality of operands one of which compares in Python (`__eq__`/`__ne__`): the interpreter runs
 * the methods (user-equality.ts); `holdBoth` when the container holds both items during the call.
 */
export type UserEquality = (a: Ref, b: Ref, holdBoth: boolean) => boolean;

/** Whether `ref` is an instance whose class or a base defines `__eq__` or `__ne__` (`slot_tp_richcompare`). */
export function comparesInPython(heap: Heap, ref: Ref): boolean {
  const p = heap.get(ref).payload;
  if (p.kind !== 'instance') return false;
  for (let c: Ref | null = p.cls; c !== null; ) {
    const t: Extract<Payload, { kind: 'type' }> = heap.payload(c, 'type');
    if (t.attrs.has('__eq__') || t.attrs.has('__ne__')) return true;
    c = t.base;
  }
  return false;
}

/**
 * `PyObject_RichCompare(a, b, Py_EQ)` for the supported types, identity first as containers do.
 * Without `user`, operands that compare in Python are refused.
 */
export function pyEquals(heap: Heap, a: Ref, b: Ref, user?: UserEquality, holdBoth = false): boolean {
  if (a === b) {
    const p = heap.get(a).payload;
    return !(p.kind === 'float' && Number.isNaN(p.value));
  }
  if (comparesInPython(heap, a) || comparesInPython(heap, b)) {
    if (user === undefined) throw new Refusal('comparing here an instance whose class defines __eq__ or __ne__');
    return user(a, b, holdBoth);
  }
  refuseStrSubclass(heap, a, '==');
  refuseStrSubclass(heap, b, '==');
  const pa = heap.get(a).payload;
  const pb = heap.get(b).payload;
  const na = numeric(pa);
  const nb = numeric(pb);
  if (na && nb) {
    refuseOpaque(heap, a, b);
    return compareNumbers(na, nb) === 0;
  }
  if (pa.kind === 'str' && pb.kind === 'str') return pa.value === pb.value;
  // Containers apart (`containersEqual`): closures here would make their context at every comparison.
  if (pa.kind === 'bytes' || pa.kind === 'tuple' || pa.kind === 'list' || pa.kind === 'set' || pa.kind === 'frozenset' || pa.kind === 'dict') {
    const equal = containersEqual(heap, pa, pb, user);
    if (equal !== null) return equal;
  }
  if (pa.kind === 'range' && pb.kind === 'range') {
    const la = rangeLength(pa);
    const lb = rangeLength(pb);
    if (la !== lb) return false;
    if (la === 0n) return true;
    if (pa.start !== pb.start) return false;
    return la === 1n || pa.step === pb.step;
  }
  return referenceEquals(heap, pa, pb, user);
}

const isSetLikeView = (p: Payload): boolean => p.kind === 'iterator' && (p.type === 'dict_keys' || p.type === 'dict_items');

/**
 * `==` of objects that compare what they refer to: bound methods (`method_richcompare`,
 * `meth_richcompare`: the same function and the identical self, 3.8+), weak references
 * (`weakref_richcompare`: the referents compared when both are alive, else identity).
 */
function referenceEquals(heap: Heap, pa: Payload, pb: Payload, user: UserEquality | undefined): boolean {
  if (pa.kind === 'method' && pb.kind === 'method') return pa.func === pb.func && pa.self === pb.self;
  if (pa.kind === 'builtin' && pb.kind === 'builtin') return pa.self !== null && pa.self === pb.self && pa.name === pb.name;
  if (pa.kind === 'weakref' && pb.kind === 'weakref' && pa.referent !== null && pb.referent !== null) return pyEquals(heap, pa.referent, pb.referent, user);
  if (pa.kind === 'code' && pb.kind === 'code') throw new Refusal('== of two code objects', 'code_richcompare compares their fields');
  // `dictview_richcompare`: keys and items views compare as sets (values views by identity).
  if (isSetLikeView(pa) || isSetLikeView(pb)) throw new Refusal('comparing a dict keys or items view', 'set-like comparison is not modelled');
  return false;
}

/** `<`, `<=`, `>`, `>=` (`PyObject_RichCompare`); TypeError as CPython words it. */
export function pyOrder(heap: Heap, a: Ref, b: Ref, op: '<' | '<=' | '>' | '>='): boolean {
  const c = orderCompare(heap, a, b, op);
  if (Number.isNaN(c)) return false;
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

function orderCompare(heap: Heap, a: Ref, b: Ref, op: string): number {
  refuseStrSubclass(heap, a, op);
  refuseStrSubclass(heap, b, op);
  const pa = heap.get(a).payload;
  const pb = heap.get(b).payload;
  const na = numeric(pa);
  const nb = numeric(pb);
  if (na && nb) {
    refuseOpaque(heap, a, b);
    return compareNumbers(na, nb);
  }
  if (pa.kind === 'str' && pb.kind === 'str') return compareSeq(codePoints(pa.value), codePoints(pb.value));
  if (pa.kind === 'bytes' && pb.kind === 'bytes') return compareSeq([...pa.value], [...pb.value]);
  if ((pa.kind === 'tuple' && pb.kind === 'tuple') || (pa.kind === 'list' && pb.kind === 'list')) {
    if (nesting >= MAX_NESTING) throw deepNesting();
    nesting++;
    try {
      const n = Math.min(pa.items.length, pb.items.length);
      for (let i = 0; i < n; i++) {
        const x = pa.items[i] as Ref;
        const y = pb.items[i] as Ref;
        // The first items that differ by `PyObject_RichCompareBool` (identity first), compared with `op`.
        if (x !== y && !pyEquals(heap, x, y)) return orderCompare(heap, x, y, op);
      }
      return pa.items.length - pb.items.length;
    } finally {
      nesting--;
    }
  }
  if ((pa.kind === 'set' || pa.kind === 'frozenset') && (pb.kind === 'set' || pb.kind === 'frozenset')) {
    // `set_richcompare` (Objects/setobject.c): subset and superset tests, a partial order. `<`
    // is false unless the left set is smaller, then `set_issubset`; `>`, `>=` swap the sets.
    // A result that holds is a number `op` accepts, one that does not NaN (false for every op).
    const left = op === '<' || op === '<=';
    const sub = left ? pa : pb;
    const sup = left ? pb : pa;
    const strict = op === '<' || op === '>';
    const holds = (strict ? sub.items.length < sup.items.length : sub.items.length <= sup.items.length) && setIsSubset(heap, sub.items, sup.items);
    return holds ? (left ? -1 : 1) : NaN;
  }
  throw new PyException('TypeError', `'${op}' not supported between instances of '${typeName(heap, a)}' and '${typeName(heap, b)}'`);
}

function compareSeq(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/**
 * A key equal for objects that are equal and hash alike (`PyObject_Hash` + `==`):
 * `1`, `1.0` and `True` share one. Unhashable types raise CPython's TypeError.
 */
export function hashKey(heap: Heap, ref: Ref): string {
  refuseStrSubclass(heap, ref, 'hashing');
  const p = heap.get(ref).payload;
  switch (p.kind) {
    case 'int':
      refuseOpaque(heap, ref);
      return `n:${p.value}`;
    case 'bool':
      return `n:${p.value ? 1 : 0}`;
    case 'float':
      if (Number.isInteger(p.value)) return `n:${BigInt(p.value)}`;
      if (Number.isNaN(p.value)) return `nan:${ref}`;
      return `f:${p.value}`;
    case 'str':
      return `s:${p.value}`;
    case 'bytes':
      return `b:${p.value.join(',')}`;
    case 'NoneType':
      return 'None';
    case 'ellipsis':
      return 'Ellipsis';
    case 'tuple':
      return `t(${itemHashKeys(heap, p.items).join(',')})`;
    case 'frozenset':
      return `fs(${itemHashKeys(heap, p.items).sort().join(',')})`;
    case 'range':
      return `r:${p.start}:${p.stop}:${p.step}`;
    case 'list':
    case 'dict':
    case 'set':
      throw new PyException('TypeError', `unhashable type: '${p.kind}'`);
    case 'iterator':
      // `dict_keys` and `dict_items` set `tp_hash` to `PyObject_HashNotImplemented`; `dict_values` hashes by identity.
      if (p.type === 'dict_keys' || p.type === 'dict_items') throw new PyException('TypeError', `unhashable type: '${p.type}'`);
      return `id:${ref}`;
    case 'method':
      // `method_hash`: self's address with the function's hash; equal methods share it.
      return `m:${p.func}:${p.self}`;
    case 'builtin':
      return p.self === null ? `id:${ref}` : `bm:${p.name}:${p.self}`;
    default:
      return `id:${ref}`;
  }
}

/** Containers being compared inside one another now (`MAX_NESTING`); back to 0 when each comparison ends. */
let nesting = 0;

/** `pyEquals` of two containers of the same kind (null: not two such containers). */
function containersEqual(heap: Heap, pa: Payload, pb: Payload, user: UserEquality | undefined): boolean | null {
  if (pa.kind === 'bytes' && pb.kind === 'bytes') return pa.value.length === pb.value.length && pa.value.every((v, i) => v === pb.value[i]);
  if (nesting >= MAX_NESTING) throw deepNesting();
  nesting++;
  try {
    return itemsEqual(heap, pa, pb, user);
  } finally {
    nesting--;
  }
}

/** `containersEqual` of tuples, lists, sets and dicts, item by item. */
function itemsEqual(heap: Heap, pa: Payload, pb: Payload, user: UserEquality | undefined): boolean | null {
  if ((pa.kind === 'tuple' && pb.kind === 'tuple') || (pa.kind === 'list' && pb.kind === 'list')) {
    // `list_richcompare` holds both items during the comparison, `tuplerichcompare` neither.
    // Items through `PyObject_RichCompareBool`: identical items are equal (a NaN too: `[x] == [x]`).
    return pa.items.length === pb.items.length && pa.items.every((x, i) => x === pb.items[i] || pyEquals(heap, x, pb.items[i] as Ref, user, pa.kind === 'list'));
  }
  if ((pa.kind === 'set' || pa.kind === 'frozenset') && (pb.kind === 'set' || pb.kind === 'frozenset')) {
    return pa.items.length === pb.items.length && setIsSubset(heap, pa.items, pb.items);
  }
  if (pa.kind === 'dict' && pb.kind === 'dict') {
    if (pa.entries.length !== pb.entries.length) return false;
    return pa.entries.every((e) => {
      const other = pb.entries.find((f) => e.key === f.key || pyEquals(heap, e.key, f.key));
      return other !== undefined && (e.value === other.value || pyEquals(heap, e.value, other.value));
    });
  }
  return null;
}

/** `set_issubset`: every item of `sub` is in `sup` (identity first, then `==` of the items). */
function setIsSubset(heap: Heap, sub: readonly Ref[], sup: readonly Ref[]): boolean {
  for (const x of sub) {
    let found = false;
    for (const y of sup) {
      if (x === y || pyEquals(heap, x, y)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** The hash keys of a tuple's or frozenset's items (apart from `hashKey`, for the closure's sake). */
function itemHashKeys(heap: Heap, items: readonly Ref[]): string[] {
  return items.map((i) => hashKey(heap, i));
}
