/**
 * `__eq__`, `__ne__` and `__hash__` defined in Python, with CPython's calls and the references
 * C code holds while they run (every count below measured with `sys.getrefcount(self)` and
 * `sys.getrefcount(other)` inside the methods, on 3.8-3.13 native and the five Pyodide builds).
 *
 * - A class whose body (or a base's) defines `__eq__` or `__ne__` gets `slot_tp_richcompare`
 *   (`Objects/typeobject.c` `update_one_slot`): the method is looked up on the type and called
 *   with (self, other), the frame taking its own references. A class defining `__eq__` without
 *   `__hash__` gets `__hash__ = None` in its dict (`Objects/typeobject.c` `type_ready`, "Hack
 *   for tp_hash and __hash__", after `inherit_slots` declined to inherit `tp_hash` because
 *   `overrides_hash`): its instances are unhashable.
 * - `do_richcompare` (`Objects/object.c`): the reflected operand first when its type is a proper
 *   subclass of the left one's, then the left operand's method, then the right's; NotImplemented
 *   passes on; if both decline, `==` is identity. Builtin types decline any user instance
 *   (`long_richcompare` `CHECK_BINOP`, `list_richcompare` `PyList_Check`...), and a class without
 *   Python comparisons has `object_richcompare`, which declines anything but itself.
 * - A comparison the class does not define itself (`__ne__` when only `__eq__` is written) finds
 *   `object.__ne__`, a wrapper descriptor: `vectorcall_unbound` calls it through
 *   `_PyObject_MakeTpCall`, which packs (self, other) in a tuple, and `wrapperdescr_call` slices
 *   the arguments into a second tuple (`PyTuple_GetSlice`) before `object_richcompare` calls the
 *   type's `tp_richcompare` for `__eq__` and inverts a result that is not NotImplemented
 *   (measured: self has one reference more, other two, in `__eq__` under `!=`, 3.8-3.14).
 * - `PyObject_RichCompareBool`: identity first (`a in [a]` calls nothing), then the truth of the
 *   result. Containers compare their item as the left operand from 3.9 (fact
 *   `containsItemIsLeftOperand`, bpo-37648); `list_contains`, `list.index`, `list.count`,
 *   `list.remove` and `list_richcompare` hold a reference to the list items they compare, tuples
 *   none (`tuplecontains`, `tuplerichcompare`).
 * - `slot_tp_hash`: the result must be an int (else TypeError), is read as a `Py_ssize_t` or, if
 *   too big, hashed as an int (`long_hash`), and -1 becomes -2.
 * - Dict and set lookups (`Objects/dictobject.c` `_Py_dict_lookup`/`lookdict`,
 *   `Objects/setobject.c` `set_lookkey`) compare only keys of equal hash, the stored key as the
 *   left operand, holding a reference to it (`startkey`) during the call. Insertions hold the
 *   new key (and a dict's value) during the comparisons (`insertdict` / `set_add_entry`
 *   `Py_INCREF(key)`), and from 3.11 a dict insertion holds them while hashing too (fact
 *   `dictInsertHoldsKeyDuringHash`: `PyDict_SetItem` increfs before `_PyDict_SetItem_Take2` hashes).
 */
import type { Ref } from '../../core/objects';
import { lookupClassAttr } from './attributes';
import type { KeyClass, KeySite } from './keyed';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { hasRunState, RunSlot, runState } from './run-state';
import { comparesInPython, pyEquals, typeName, type UserEquality } from './values';

/** Special names of this module that a class body may define. */
export const EQUALITY_NAMES: readonly string[] = ['__eq__', '__ne__', '__hash__'];

/**
 * `type_new` for a class body that defines comparisons: `__eq__`/`__ne__` must be functions,
 * `__hash__` a function or None; `__eq__` without `__hash__` adds `__hash__ = None`.
 */
export function completeEqualityNamespace(interp: Interpreter, ns: Map<string, Ref>): void {
  const h = interp.heap;
  for (const name of EQUALITY_NAMES) {
    const v = ns.get(name);
    if (v === undefined) continue;
    const kind = h.get(v).payload.kind;
    if (kind !== 'function' && !(name === '__hash__' && kind === 'NoneType')) throw new Refusal(`${name} that is not a function defined in the class body`);
  }
  if (ns.has('__eq__') && !ns.has('__hash__')) ns.set('__hash__', h.none());
}

function isNotImplemented(interp: Interpreter, r: Ref): boolean {
  return interp.heap.get(r).payload.kind === 'NotImplementedType';
}

function classOf(interp: Interpreter, ref: Ref): Ref | null {
  const p = interp.heap.get(ref).payload;
  return p.kind === 'instance' ? p.cls : null;
}

function isProperSubclass(interp: Interpreter, sub: Ref, base: Ref): boolean {
  let c = interp.heap.payload(sub, 'type').base;
  while (c !== null) {
    if (c === base) return true;
    c = interp.heap.payload(c, 'type').base;
  }
  return false;
}

/**
 * 3.14 inside a function: which operands of a set display, a comparison or a subscript CPython
 * borrows (`LOAD_FAST_BORROW`) while C code calls back into Python is not modelled (measured: a
 * local in `{a}` counts one more in `__hash__` than the ledger gives). Module-level code agrees.
 */
function refuseBorrowedCaller(interp: Interpreter): void {
  if (interp.borrows !== null && interp.callDepth > 0) {
    throw new Refusal('a Python __eq__, __ne__ or __hash__ called from a function on 3.14', 'which operands CPython borrows (LOAD_FAST_BORROW) around the call is not modelled');
  }
}

/** Refuses a container that the comparison just run changed (CPython restarts or raises; not modelled). */
function refuseIfChanged(before: readonly Ref[], after: readonly Ref[], what: string): void {
  if (before.length !== after.length || before.some((r, i) => r !== after[i])) {
    throw new Refusal(`an __eq__ that changes the ${what} being searched`);
  }
}

/** `object_richcompare` reached through the `object.__eq__`/`object.__ne__` wrapper descriptor. */
function callObjectSlotWrapper(interp: Interpreter, self: Ref, other: Ref, op: '==' | '!='): Ref {
  const h = interp.heap;
  const args = h.tuple([h.incref(self), h.incref(other)]); // `_PyObject_MakeTpCall`: `_PyStack_AsTuple`
  const sliced = h.tuple([h.incref(other)]); // `wrapperdescr_call`: `PyTuple_GetSlice(args, 1, argc)`
  try {
    if (op === '==') return self === other ? h.bool(true) : h.notImplemented();
    // `object_richcompare` Py_NE: the type's `tp_richcompare` for Py_EQ, inverted unless NotImplemented.
    const r = slotRichCompare(interp, self, other, '==');
    if (isNotImplemented(interp, r)) return r;
    const t = interp.truth(r);
    h.decref(r);
    return h.bool(!t);
  } finally {
    h.decref(sliced);
    h.decref(args);
  }
}

/** `slot_tp_richcompare(self, other, op)`: a new reference (NotImplemented included). */
function slotRichCompare(interp: Interpreter, self: Ref, other: Ref, op: '==' | '!='): Ref {
  const cls = classOf(interp, self) as Ref;
  const method = lookupClassAttr(interp, cls, op === '==' ? '__eq__' : '__ne__');
  if (method === null) return callObjectSlotWrapper(interp, self, other, op);
  refuseBorrowedCaller(interp);
  return interp.call(method, [self, other], []);
}

/** Whether `ref`'s type has `slot_tp_richcompare` (its class or a base defines `__eq__`/`__ne__` in Python). */
export function hasPythonComparison(interp: Interpreter, ref: Ref): boolean {
  return comparesInPython(interp.heap, ref);
}

/** `do_richcompare(v, w, op)` for `==`/`!=` when either side compares in Python: a new reference. */
export function richCompare(interp: Interpreter, v: Ref, w: Ref, op: '==' | '!='): Ref {
  const h = interp.heap;
  const vUser = hasPythonComparison(interp, v);
  const wUser = hasPythonComparison(interp, w);
  const vCls = classOf(interp, v);
  const wCls = classOf(interp, w);
  let checkedReverse = false;
  if (wUser && vCls !== null && wCls !== null && vCls !== wCls && isProperSubclass(interp, wCls, vCls)) {
    checkedReverse = true;
    const r = slotRichCompare(interp, w, v, op); // `_Py_SwappedOp`: == and != are their own reflection
    if (!isNotImplemented(interp, r)) return r;
    h.decref(r);
  }
  if (vUser) {
    const r = slotRichCompare(interp, v, w, op);
    if (!isNotImplemented(interp, r)) return r;
    h.decref(r);
  }
  if (!checkedReverse && wUser) {
    const r = slotRichCompare(interp, w, v, op);
    if (!isNotImplemented(interp, r)) return r;
    h.decref(r);
  }
  return h.bool(op === '==' ? v === w : v !== w);
}

/** An id() value or an int the model cannot know would reach Python code: refused. */
function refuseUnknownOperands(interp: Interpreter, a: Ref, b: Ref): void {
  for (const x of [a, b]) {
    if (interp.addressInts.has(x) || interp.unknownInts.has(x)) throw new Refusal('comparing an instance that defines __eq__ with a value the model cannot know');
  }
}

/** `PyObject_RichCompareBool(v, w, Py_EQ)`: identity first, then the truth of `do_richcompare`. */
export function richEqualsBool(interp: Interpreter, v: Ref, w: Ref): boolean {
  if (v === w) return true;
  refuseUnknownOperands(interp, v, w);
  const r = richCompare(interp, v, w, '==');
  try {
    return interp.truth(r);
  } finally {
    interp.heap.decref(r);
  }
}

/**
 * The hook `pyEquals` (values.ts) calls for operands that compare in Python: `holdBoth` when the
 * container holds references to both items during the call (`list_richcompare`).
 */
export function userEqualityHook(interp: Interpreter): UserEquality {
  return (a, b, holdBoth) => {
    const h = interp.heap;
    if (holdBoth) {
      h.incref(a);
      h.incref(b);
    }
    try {
      return richEqualsBool(interp, a, b);
    } finally {
      if (holdBoth) {
        h.decref(b);
        h.decref(a);
      }
    }
  };
}

/**
 * A list or tuple's item compared with `x` for `in`, `index`, `count`, `remove`
 * (`PyObject_RichCompareBool`, identity first): lists hold a reference to the item during the
 * call; the item is the left operand except for `in` before 3.9 (`list_contains`,
 * `tuplecontains` compared `(el, item)` on 3.8). `items` is the live array: a comparison that
 * changed it is refused.
 */
export function sequenceItemEquals(interp: Interpreter, items: readonly Ref[], i: number, x: Ref, how: { readonly list: boolean; readonly contains: boolean }): boolean {
  const item = items[i] as Ref;
  if (item === x) return true;
  // Two id() values: equal by the address rules (`[id(a)].count(id(b))`).
  const ids = interp.idValuesEqual(item, x);
  if (ids !== null) return ids;
  if (!comparesInPython(interp.heap, item) && !comparesInPython(interp.heap, x)) return pyEquals(interp.heap, item, x, interp.userEquals);
  const h = interp.heap;
  const before = [...items];
  const itemLeft = !how.contains || interp.cfg.containsItemIsLeftOperand;
  if (how.list) h.incref(item);
  try {
    return itemLeft ? richEqualsBool(interp, item, x) : richEqualsBool(interp, x, item);
  } finally {
    if (how.list) h.decref(item);
    refuseIfChanged(before, items, how.list ? 'list' : 'tuple');
  }
}

// ---- hashing ------------------------------------------------------------------------------------

/** `long_hash` reduced modulo `_PyHASH_MODULUS` (2**61-1 with a 64-bit `Py_hash_t`, 2**31-1 on 32-bit). */
export function intHash(interp: Interpreter, n: bigint): bigint {
  const bits = interp.cfg.core.pointerSize === 8 ? 61n : 31n;
  const modulus = (1n << bits) - 1n;
  const x = n < 0n ? -(-n % modulus) : n % modulus;
  return x === -1n ? -2n : x;
}

/** `Py_ssize_t` range of the platform. */
function fitsSsize(interp: Interpreter, n: bigint): boolean {
  const bits = BigInt(interp.cfg.core.pointerSize * 8 - 1);
  return n >= -(1n << bits) && n < 1n << bits;
}

/** The references CPython holds to a key (and a dict's value) while an insertion hashes or compares it. */
/** No pairs built yet (shared: begin/end run at every insertion). */
const NOTHING_BUILT: readonly { readonly key: Ref; readonly value: Ref }[] = [];

export class KeyInsertion {
  key: Ref | null = null;
  value: Ref | null = null;
  dict = false;
  /**
   * `BUILD_MAP`: the pairs already inserted, whose keys and values the stack still holds until
   * the dict is built (measured: a stored key counts one more in `__eq__` under `{a: 1, c: 2}`).
   */
  built: readonly { readonly key: Ref; readonly value: Ref }[] = NOTHING_BUILT;

  begin(key: Ref, value: Ref | null, dict: boolean, built: readonly { readonly key: Ref; readonly value: Ref }[] = NOTHING_BUILT): void {
    this.key = key;
    this.value = value;
    this.dict = dict;
    this.built = built;
  }

  end(): void {
    this.key = null;
    this.value = null;
    this.built = NOTHING_BUILT;
  }
}

/**
 * Runs `fn` with the inserted key (and value) held, when `key` is the key being inserted.
 * The insertion in progress (set by `setItem`, `makeDict`, `makeSet`, `set.add`) is a field of
 * the interpreter, not a WeakMap keyed by it: an ephemeron per run kept every run's object
 * graph from young-generation collection (measured: the model 1.5x slower).
 */
function holdingInsertion<T>(interp: Interpreter, key: Ref, during: 'hash' | 'compare', fn: () => T): T {
  const ins = interp.insertion;
  const h = interp.heap;
  const inserting = ins.key === key;
  const active = inserting && (during === 'compare' || (ins.dict && interp.cfg.dictInsertHoldsKeyDuringHash));
  const held = [...(inserting ? ins.built.flatMap((e) => [e.key, e.value]) : []), ...(active ? [key, ...(ins.dict && ins.value !== null ? [ins.value] : [])] : [])];
  for (const r of held) h.incref(r);
  try {
    return fn();
  } finally {
    for (const r of held.reverse()) h.decref(r);
  }
}

/** Hashes a Python `__hash__` returned, per object, to refuse one that changes. */
const LAST_HASHES = new RunSlot(() => new Map<Ref, bigint>());

function rememberHash(interp: Interpreter, ref: Ref, hash: bigint): void {
  const m = runState(interp, LAST_HASHES);
  const old = m.get(ref);
  if (old !== undefined && old !== hash) throw new Refusal('a __hash__ that returns another value for the same object', 'dicts and sets keep the hash of the insertion; the model does not');
  m.set(ref, hash);
}

/** How an instance hashes: by a Python `__hash__`, unhashable (`__hash__ = None`), or by identity. */
export function pythonHashKind(interp: Interpreter, ref: Ref): 'python' | 'none' | 'identity' | null {
  const cls = classOf(interp, ref);
  if (cls === null) return null;
  const m = lookupClassAttr(interp, cls, '__hash__');
  if (m === null) return 'identity';
  return interp.heap.get(m).payload.kind === 'NoneType' ? 'none' : 'python';
}

/**
 * `slot_tp_hash(self)` for a class with a Python `__hash__`: calls it and reduces the result;
 * `__hash__ = None` raises CPython's TypeError (`PyObject_HashNotImplemented`).
 */
export function callPythonHash(interp: Interpreter, ref: Ref): bigint {
  const h = interp.heap;
  const cls = classOf(interp, ref) as Ref;
  const method = lookupClassAttr(interp, cls, '__hash__');
  if (method === null) throw new Error('model bug: no __hash__');
  if (h.get(method).payload.kind === 'NoneType') throw new PyException('TypeError', `unhashable type: '${typeName(h, ref)}'`);
  refuseBorrowedCaller(interp);
  const res = holdingInsertion(interp, ref, 'hash', () => interp.call(method, [ref], []));
  const p = h.get(res).payload;
  if (p.kind !== 'int' && p.kind !== 'bool') {
    // 3.8-3.13 leak the result here (no Py_DECREF before the error), 3.14 releases it: not modelled.
    h.decref(res);
    throw new Refusal('a __hash__ that returns a non-int', 'CPython 3.8-3.13 leak a reference to the result, 3.14 does not');
  }
  if (interp.unknownInts.has(res) || interp.addressInts.has(res)) {
    h.decref(res);
    throw new Refusal('a __hash__ returning a value the model cannot know (a str hash or an id)');
  }
  const n = p.kind === 'int' ? p.value : p.value ? 1n : 0n;
  h.decref(res);
  let hash = fitsSsize(interp, n) ? n : intHash(interp, n);
  if (hash === -1n) hash = -2n;
  rememberHash(interp, ref, hash);
  return hash;
}

/** The hash a dict or set index needs for a stored key hashed by Python (the last one computed). */
export function rememberedHash(interp: Interpreter, ref: Ref): bigint | undefined {
  return hasRunState(interp, LAST_HASHES) ? runState(interp, LAST_HASHES).get(ref) : undefined;
}

/**
 * CPython's hash of a key the model compares by value (`long_hash`, `float_hash` of an
 * integral float, `bool`), or null when the model cannot know it (str and bytes hashes are
 * randomized per process, None hashes by address before 3.12, tuples and others not modelled).
 */
export function knownBuiltinHash(interp: Interpreter, ref: Ref): bigint | null {
  const p = interp.heap.get(ref).payload;
  if (interp.addressInts.has(ref) || interp.unknownInts.has(ref)) return null;
  if (p.kind === 'int') return intHash(interp, p.value);
  if (p.kind === 'bool') return p.value ? 1n : 0n;
  if (p.kind === 'float' && Number.isInteger(p.value)) return intHash(interp, BigInt(p.value));
  return null;
}

/**
 * A dict or set comparing its stored key with `key` (`startkey` held during the call, the
 * inserted key too), identity first.
 */
export function storedKeyEquals(interp: Interpreter, stored: Ref, key: Ref): boolean {
  if (stored === key) return true;
  const h = interp.heap;
  h.incref(stored);
  try {
    return holdingInsertion(interp, key, 'compare', () => richEqualsBool(interp, stored, key));
  } finally {
    h.decref(stored);
  }
}

/**
 * `COMPARE_OP` `==`/`!=` when an operand compares in Python: the result object (new reference),
 * else null. In a chain (`a == b == c`) the middle operand is on the stack twice during the
 * comparison (`DUP_TOP` before 3.11, `COPY` since), measured: `other` counts one more.
 */
export function userCompareResult(interp: Interpreter, op: string, left: Ref, right: Ref, chained: boolean): Ref | null {
  if (op !== '==' && op !== '!=') return null;
  if (!comparesInPython(interp.heap, left) && !comparesInPython(interp.heap, right)) return null;
  refuseUnknownOperands(interp, left, right);
  if (chained) interp.heap.incref(right);
  try {
    return richCompare(interp, left, right, op);
  } finally {
    if (chained) interp.heap.decref(right);
  }
}

/** `list_contains` / `tuplecontains`. */
export function sequenceContains(interp: Interpreter, items: readonly Ref[], x: Ref, list: boolean): boolean {
  const how = { list, contains: true };
  for (let i = 0; i < items.length; i++) if (sequenceItemEquals(interp, items, i, x, how)) return true;
  return false;
}

/**
 * How a dict or set index classes an instance key (keyed.ts): by its Python `__hash__` (called
 * when the program uses the key, `site` given; the remembered hash for a stored key), or null
 * for the identity hash. `__hash__ = None` raises the unhashable TypeError worded for `site`.
 */
export function userKeyClass(interp: Interpreter, ref: Ref, site: KeySite | undefined): KeyClass | null {
  const kind = pythonHashKind(interp, ref);
  if (kind === 'identity' || kind === null) return null;
  if (site === undefined) {
    const hash = rememberedHash(interp, ref);
    if (hash === undefined) throw new Error('model bug: a stored key hashed by Python without its hash');
    return { kind: 'user', hash };
  }
  try {
    return { kind: 'user', hash: callPythonHash(interp, ref) };
  } catch (e) {
    if (kind === 'none' && e instanceof PyException) throw new PyException('TypeError', interp.msgs.unhashable(site, typeName(interp.heap, ref), e.pyMessage));
    throw e;
  }
}

/**
 * `set_add_entry` for a set being built or added to: the item is held during the comparisons.
 * Frozensets of instances hashed by Python are refused: 3.14 compares a frozenset's stored key
 * without holding it (`set_lookkey`, `frozenset` branch), which the model does not follow.
 */
export function addSetItem(interp: Interpreter, items: Ref[], x: Ref, kind: 'set' | 'frozenset'): boolean {
  if (kind === 'frozenset' && interp.heap.get(x).payload.kind === 'instance' && pythonHashKind(interp, x) === 'python') throw new Refusal('a frozenset of instances whose class defines __hash__');
  const ins = interp.insertion;
  ins.begin(x, null, false);
  try {
    return interp.keyed.addItem(items, x);
  } finally {
    ins.end();
  }
}

/**
 * `C.__eq__`, `C.__ne__`, `C.__hash__` on a class whose dict (or a base's) has them (`type_getattro`:
 * the function itself, or the None `type_ready` stored): a new reference, else null.
 */
export function classEqualityAttr(interp: Interpreter, obj: Ref, name: string): Ref | null {
  if (!EQUALITY_NAMES.includes(name) || interp.heap.get(obj).payload.kind !== 'type' || interp.builtinTypes.get(interp.heap.payload(obj, 'type').name) === obj) return null;
  const v = lookupClassAttr(interp, obj, name);
  return v === null ? null : interp.heap.incref(v);
}
