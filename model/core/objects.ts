/**
 * The objects of the model's heap: a type, a value (payload), a reference count and an
 * address. References between objects are handles (`Ref`); every handle stored in a
 * payload owns one reference, as a `PyObject *` field does in CPython.
 */
import { blockParts, candidatesOf, type Address, type OtherBlocks } from './address';
import { CandidateBlocks, NO_PARTS } from './block-sets';
import type { Heap } from './heap';

export type ImmortalOrigin = 'static' | 'runtime' | 'unknown';

/** A handle to a heap object. Handles are never reused, unlike addresses. */
export type Ref = number;

export interface DictEntry {
  readonly key: Ref;
  value: Ref;
}

export type Payload =
  | { readonly kind: 'NoneType' }
  | { readonly kind: 'ellipsis' }
  | { readonly kind: 'NotImplementedType' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'bytes'; readonly value: readonly number[] }
  | { readonly kind: 'tuple'; readonly items: Ref[] }
  /** `capacity`: allocated item slots (`allocated`), `itemsBlock` the `ob_item` block. */
  | { readonly kind: 'list'; readonly items: Ref[]; capacity: number; itemsBlock: Address | null }
  | { readonly kind: 'dict'; readonly entries: DictEntry[] }
  | { readonly kind: 'set' | 'frozenset'; readonly items: Ref[] }
  /** `held`: the start, stop, step and length int objects it keeps (`range_dealloc` order). */
  | { readonly kind: 'range'; readonly start: bigint; readonly stop: bigint; readonly step: bigint; readonly held: readonly Ref[] }
  /**
   * A class instance: `dict` its `__dict__` object when one exists (3.8-3.10 make it at the
   * first attribute store), `values` its inline attribute values (3.11+ managed dicts,
   * `_PyObject_InitInlineValues`; a shared empty map until the first store replaces it, see
   * attributes.ts `ownValues`), `slots` its `__slots__` members.
   */
  | { readonly kind: 'instance'; readonly cls: Ref; dict: Ref | null; values: Map<string, Ref>; readonly slots: Map<string, Ref> }
  /** A class. `attrs` stands for the class namespace (a mappingproxy'd dict in CPython). */
  | { readonly kind: 'type'; readonly name: string; readonly attrs: Map<string, Ref>; readonly slots: readonly string[] | null; readonly base: Ref | null }
  /** A Python function: `codeObject` its code object, `code` the evaluator's compiled body (opaque to the core). */
  | {
      readonly kind: 'function';
      readonly name: string;
      readonly code: unknown;
      readonly codeObject: Ref;
      readonly defaults: Ref[];
      /** Other objects it owns: its annotations (a dict 3.8-3.9, a tuple 3.10-3.13, `__annotate__` 3.14). */
      readonly extras?: Ref[];
    }
  | { readonly kind: 'method'; readonly self: Ref; readonly func: Ref }
  | { readonly kind: 'builtin'; readonly name: string; readonly self: Ref | null }
  | { readonly kind: 'module'; readonly name: string; readonly attrs: Map<string, Ref> }
  /**
   * `Objects/weakrefobject.c` `PyWeakReference`: `wr_object` is null once cleared.
   * `weakSet`: the WeakSet this ref belongs to (its `_remove` callback holds the set only
   * weakly, so this is not a counted reference).
   */
  | { readonly kind: 'weakref'; referent: Ref | null; callback: Ref | null; readonly weakSet: Ref | null }
  /** `weakref.WeakSet` (Lib/_weakrefset.py): member -> the weak reference it holds to it. */
  | { readonly kind: 'WeakSet'; readonly members: Map<Ref, Ref> }
  /** A code object made by `compile()`: `constants` are its `co_consts`. */
  | { readonly kind: 'code'; readonly code: unknown; readonly constants: Ref[] }
  /**
   * An iterator object the program can hold (`iter()`, `enumerate`, `zip`, `map`, `filter`;
   * model/python/eval/iterators.ts): `type` is its Python type name, `bytes` its request
   * size (GC header included; null: unknown), `gc` whether it is GC-tracked, `held` the
   * references it owns in `tp_dealloc` order, `state` the evaluator's own.
   */
  | {
      readonly kind: 'iterator';
      readonly type: string;
      readonly bytes: number | null;
      readonly gc: boolean;
      readonly held: Ref[];
      readonly state: unknown;
      /** `tp_finalize` (a generator closes its suspended frame), run after weakrefs are cleared. */
      readonly finalize?: () => void;
    };

/**
 * The payload of every int the heap makes (`Heap.int`, `intOfSafe`, `intPayload`): one class, so
 * that code reading ints sees one shape. An int made from a safe integer (a range item, an
 * `id()` value) keeps the number and makes its bigint at the first read of `value`: most of those
 * are never read as a bigint, and `BigInt()` was the dearest step of making them.
 */
export class IntPayload {
  readonly kind = 'int';
  /** The value as a bigint (undefined until first read, when `safe` holds it). */
  private big: bigint | undefined;
  /** The value when made from a safe integer (else 0, unused). */
  private readonly safe: number;

  constructor(big: bigint | undefined, safe: number) {
    this.big = big;
    this.safe = safe;
  }

  get value(): bigint {
    const b = this.big;
    if (b !== undefined) return b;
    return (this.big = BigInt(this.safe));
  }

  /** `Number(value)` (a double, maybe infinite), without making the bigint of a safe integer. */
  toNumber(): number {
    const b = this.big;
    return b === undefined ? this.safe : Number(b);
  }

  /**
   * The decimal text of a value made from a safe integer whose bigint was never read (the same
   * digits: a safe integer prints without exponent), else null. Printing a small int no longer
   * makes its bigint.
   */
  safeDecimal(): string | null {
    return this.big === undefined ? String(this.safe) : null;
  }
}

/** `IntPayload.safeDecimal` of an int payload (one written as a literal, as tests do, has none: null). */
export function safeIntDecimal(p: Extract<Payload, { kind: 'int' }>): string | null {
  return p instanceof IntPayload ? p.safeDecimal() : null;
}

/**
 * `Number(p.value)` (a double, maybe rounded or infinite) without making the bigint of an int
 * made from a safe integer (`IntPayload.toNumber`).
 */
export function intNumber(p: Extract<Payload, { kind: 'int' }>): number {
  return p instanceof IntPayload ? p.toNumber() : Number(p.value);
}

/** An int payload of `value` (the shape every int has: see `IntPayload`). */
export function intPayload(value: bigint): IntPayload {
  return new IntPayload(value, 0);
}

/** An int payload of the safe integer `value`, its bigint made on first read. */
export function safeIntPayload(value: number): IntPayload {
  return new IntPayload(undefined, value);
}

export type Kind = Payload['kind'];

/**
 * The Python type name of an object (`Py_TYPE(ob)->tp_name`): a class instance its class's, the
 * evaluator's iterators theirs, a weak reference per fact `weakrefTypeName` (3.10 renamed
 * `_PyWeakref_RefType` 'weakref.ReferenceType', `Objects/weakrefobject.c`).
 */
export function typeName(heap: Heap, ref: Ref): string {
  const p = heap.get(ref).payload;
  if (p.kind === 'instance') return heap.payload(p.cls, 'type').name;
  if (p.kind === 'type') return 'type';
  // The evaluator's objects (iterators, cells, `object()`, dict views) carry their Python type name.
  if (p.kind === 'iterator') return p.type;
  if (p.kind === 'weakref') return heap.config.weakrefTypeName;
  return TYPE_NAMES[p.kind];
}

/** The Python type name of a kind, as `type(x).__name__` prints it. */
export const TYPE_NAMES: Readonly<Record<Exclude<Kind, 'instance' | 'type'>, string>> = {
  NoneType: 'NoneType',
  ellipsis: 'ellipsis',
  NotImplementedType: 'NotImplementedType',
  bool: 'bool',
  int: 'int',
  float: 'float',
  str: 'str',
  bytes: 'bytes',
  tuple: 'tuple',
  list: 'list',
  dict: 'dict',
  set: 'set',
  frozenset: 'frozenset',
  range: 'range',
  function: 'function',
  method: 'method',
  builtin: 'builtin_function_or_method',
  module: 'module',
  weakref: 'weakref',
  WeakSet: 'WeakSet',
  code: 'code',
  iterator: 'iterator',
};

/**
 * Kinds that are GC-tracked containers (`Py_TPFLAGS_HAVE_GC`): they carry a `PyGC_Head`
 * in front (changing their size class) and take part in cyclic collection.
 */
export function isGcTracked(p: Payload): boolean {
  // The same answer as GC_KINDS.has (objects.test.ts), as a switch: called at every allocation and free.
  const k = p.kind;
  // The commonest objects first (the switch compares its cases in turn).
  if (k === 'int' || k === 'str' || k === 'float') return false;
  switch (k) {
    case 'iterator':
      return p.gc;
    case 'tuple':
    case 'list':
    case 'dict':
    case 'set':
    case 'frozenset':
    case 'instance':
    case 'type':
    case 'function':
    case 'method':
    case 'module':
    case 'weakref':
    case 'WeakSet':
    case 'code':
      return true;
    default:
      return false;
  }
}

export const GC_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'tuple',
  'list',
  'dict',
  'set',
  'frozenset',
  'instance',
  'type',
  'function',
  'method',
  'module',
  'weakref',
  'WeakSet',
  'code',
]);

export interface PyObject {
  readonly ref: Ref;
  readonly payload: Payload;
  readonly address: Address;
  /** The count of references; for objects whose count the model cannot know, its own share. */
  refcnt: number;
  /** PEP 683 immortal: refcount operations do nothing (`_Py_IsImmortal`). */
  immortal: boolean;
  /**
   * For an immortal object: statically allocated ('static'), made immortal at run time
   * ('runtime', `_Py_SetImmortal`), or either as far as the model knows ('unknown').
   */
  immortalOrigin: ImmortalOrigin;
  /**
   * False for objects that existed before the program (cached ints, None, ...) on versions
   * where they are mortal: CPython holds references the model does not know about.
   */
  refcntKnown: boolean;
  /** Interned: the string is in the intern table (`SSTATE_INTERNED_*`). */
  interned: boolean;
  alive: boolean;
  /**
   * Its count reached zero with references the model does not know: CPython may have freed it
   * (a class whose last name went: `type_dealloc`), or not. Set once, never cleared.
   */
  mayBeDead?: boolean;
  /**
   * Weak references to this object, oldest first (`tp_weaklistoffset` list; see weakrefs.ts).
   * Objects start with the shared, frozen `NO_WEAKREFS` (most never get one): add with `addWeakref`.
   */
  weakrefs: Ref[];
  /** Allocation order, for gc list order and traces. */
  readonly serial: number;
  /** The heap's decref clock at the latest decref that left this object alive (see gc-timing.ts). */
  lastDecref: number;
}

// Bits of `HeapObject.flags`.
const IMMORTAL = 1;
const REFCNT_KNOWN = 2;
const INTERNED = 4;
const ALIVE = 8;
const MAY_BE_DEAD = 16;
/** Set once at allocation: a GC-tracked kind (`isGcTracked`) at a block that is not static. */
const GC_TRACKED = 32;
/** Someone caches whether it is dead (`Heap.watch`). */
const WATCHED = 64;
/** An int whose value the model cannot know (`Heap.markOpaque`). */
const OPAQUE = 128;
/** `where` holds another object's Address, not the object's own address parts (asked at every free). */
const FOREIGN_ADDRESS = 256;
const ORIGIN_SHIFT = 9;
const ORIGINS: readonly ImmortalOrigin[] = ['static', 'runtime', 'unknown'];

/** `ORIGINS.indexOf(origin)` without the search (every object is made with one). */
function originIndex(origin: ImmortalOrigin): number {
  return origin === 'static' ? 0 : origin === 'runtime' ? 1 : 2;
}

/**
 * The heap's objects: a `PyObject` whose flags share one number, and which is its own address.
 * Why: every Python object the model makes is one of these, and most live until the program
 * ends; six boolean and enum fields of their own made each 40 bytes larger, and a separate
 * address object 56 more, which V8's young-generation collections copy.
 *
 * As an `Address`: `value` is the object's block. An object whose address the allocator made
 * for it (`exactAddress`, `blockOrSetAddress`: nearly all) keeps that address's fields and is
 * its own address; any other address (one a free list handed on from a dead object, which must
 * stay the same object, see `compareAddresses`; a widened one) is kept, and `address` returns it.
 */
export class HeapObject implements PyObject, Address {
  refcnt = 1;
  weakrefs: Ref[] = NO_WEAKREFS;
  lastDecref = 0;
  /** The bits above; the origin in the bits from ORIGIN_SHIFT. */
  flags: number;
  /** `Address.value`: the object's block (also when `other` holds its address). */
  value = 0;
  sizeClass: Address['sizeClass'] = 'unknown';
  /**
   * The candidate blocks besides `value` (`OtherBlocks`; NO_PARTS: exact), or those made into the
   * CandidateBlocks `candidates` returns (the object is its own address either way); or the
   * object's address when it is another object (see above).
   */
  private where: OtherBlocks | CandidateBlocks | Address = NO_PARTS;

  /** `gcKind`: `isGcTracked(payload)`, which the heap's typed constructors know without asking (`Heap.list`, `Heap.intOfSafe`...). */
  constructor(
    readonly ref: Ref,
    readonly payload: Payload,
    address: Address,
    gcKind: boolean,
    immortal: boolean,
    immortalOrigin: ImmortalOrigin,
    refcntKnown: boolean,
  ) {
    this.flags =
      ALIVE |
      (immortal ? IMMORTAL : 0) |
      (refcntKnown ? REFCNT_KNOWN : 0) |
      (gcKind && address.sizeClass !== 'static' ? GC_TRACKED : 0) |
      (originIndex(immortalOrigin) << ORIGIN_SHIFT);
    this.setAddress(address);
  }

  get address(): Address {
    return (this.flags & FOREIGN_ADDRESS) === 0 ? this : (this.where as Address);
  }

  /** The object now lives at `address` (one the allocator made for it is kept as the object's own fields). */
  setAddress(address: Address): void {
    this.value = address.value;
    this.sizeClass = address.sizeClass;
    const parts = blockParts(address);
    if (parts !== null) {
      this.where = parts;
      this.flags &= ~FOREIGN_ADDRESS;
    } else {
      this.where = address;
      this.flags |= FOREIGN_ADDRESS;
    }
  }

  get exact(): boolean {
    const w = this.where;
    if (w === NO_PARTS) return true;
    return (this.flags & FOREIGN_ADDRESS) !== 0 && (w as Address).exact === true;
  }

  get candidates(): CandidateBlocks {
    const w = this.where;
    if (w === NO_PARTS) return CandidateBlocks.single(this.value);
    if ((this.flags & FOREIGN_ADDRESS) !== 0) return (w as Address).candidates;
    if (w instanceof CandidateBlocks) return w;
    // Made once: their size and lookups are cached in them.
    return (this.where = candidatesOf(this.value, w as OtherBlocks));
  }

  /** Allocation order (refs are handed out in allocation order, from 1). */
  get serial(): number {
    return this.ref - 1;
  }

  /** Whether the heap counts this object's death (`Heap.watch`: a flag, not a set entry per `id()` owner). */
  get watched(): boolean {
    return (this.flags & WATCHED) !== 0;
  }
  set watched(on: boolean) {
    this.setFlag(WATCHED, on);
  }

  /** An int whose value the model cannot know (`Heap.markOpaque`: a flag, not a map entry per `id()` value). */
  get opaque(): boolean {
    return (this.flags & OPAQUE) !== 0;
  }
  set opaque(on: boolean) {
    this.setFlag(OPAQUE, on);
  }

  /** Takes part in cyclic collection: `isGcTracked(payload)` and not a static object (kept in `flags`: asked at every free and scan). */
  get gcTracked(): boolean {
    return (this.flags & GC_TRACKED) !== 0;
  }

  // Accessors over `flags` (plain accessors: the site's Babel build refuses `declare` fields).
  get immortal(): boolean {
    return (this.flags & IMMORTAL) !== 0;
  }
  set immortal(on: boolean) {
    this.setFlag(IMMORTAL, on);
  }
  get refcntKnown(): boolean {
    return (this.flags & REFCNT_KNOWN) !== 0;
  }
  set refcntKnown(on: boolean) {
    this.setFlag(REFCNT_KNOWN, on);
  }
  get interned(): boolean {
    return (this.flags & INTERNED) !== 0;
  }
  set interned(on: boolean) {
    this.setFlag(INTERNED, on);
  }
  get alive(): boolean {
    return (this.flags & ALIVE) !== 0;
  }
  set alive(on: boolean) {
    this.setFlag(ALIVE, on);
  }
  get mayBeDead(): boolean {
    return (this.flags & MAY_BE_DEAD) !== 0;
  }
  set mayBeDead(on: boolean) {
    this.setFlag(MAY_BE_DEAD, on);
  }

  private setFlag(bit: number, on: boolean): void {
    this.flags = on ? this.flags | bit : this.flags & ~bit;
  }

  get immortalOrigin(): ImmortalOrigin {
    return ORIGINS[this.flags >> ORIGIN_SHIFT] as ImmortalOrigin;
  }
  set immortalOrigin(origin: ImmortalOrigin) {
    this.flags = (this.flags & ((1 << ORIGIN_SHIFT) - 1)) | (originIndex(origin) << ORIGIN_SHIFT);
  }
}

/** The weak reference list of an object nothing weakly references yet (frozen: add with `addWeakref`). */
export const NO_WEAKREFS: Ref[] = Object.freeze([]) as unknown as Ref[];

/** Appends `weakref` to `o`'s weak reference list (a new array instead of the shared empty one). */
export function addWeakref(o: PyObject, weakref: Ref): void {
  if (o.weakrefs === NO_WEAKREFS) o.weakrefs = [weakref];
  else o.weakrefs.push(weakref);
}

/**
 * The payload's strong references (`strongReferents`, in any order): a sequence's own item
 * array, else `scratch` refilled, so that a walk over many objects makes no array per object
 * (the gc scan; `Heap`'s test for leaves).
 */
export function referentsInto(p: Payload, scratch: Ref[]): readonly Ref[] {
  switch (p.kind) {
    case 'tuple':
    case 'list':
    case 'set':
    case 'frozenset':
      return p.items;
    case 'dict': {
      const entries = p.entries;
      let n = 0;
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i] as DictEntry;
        scratch[n++] = e.key;
        scratch[n++] = e.value;
      }
      return truncated(scratch, n);
    }
    case 'instance': {
      let n = 0;
      scratch[n++] = p.cls;
      // (no iterator for the empty maps most instances have)
      if (p.slots.size > 0) for (const r of p.slots.values()) scratch[n++] = r;
      if (p.values.size > 0) for (const r of p.values.values()) scratch[n++] = r;
      if (p.dict !== null) scratch[n++] = p.dict;
      return truncated(scratch, n);
    }
    default:
      return strongReferents(p);
  }
}

/**
 * `scratch`, refilled from the start with `n` refs, cut to them. Only when its length changed:
 * setting an array's length is a call into V8's runtime, which cost more than the decref that
 * asked (`Heap.mayLeadToCycle` of an instance, whose count is nearly always the same).
 */
function truncated(scratch: Ref[], n: number): Ref[] {
  if (scratch.length !== n) scratch.length = n;
  return scratch;
}

/** The outgoing strong references of a payload (`tp_traverse`), in CPython's visiting order. */
export function strongReferents(p: Payload): Ref[] {
  switch (p.kind) {
    case 'tuple':
    case 'list':
    case 'set':
    case 'frozenset':
      return [...p.items];
    case 'dict':
      return p.entries.flatMap((e) => [e.key, e.value]);
    case 'instance':
      return [p.cls, ...p.slots.values(), ...p.values.values(), ...(p.dict === null ? [] : [p.dict])];
    case 'type':
      return [...p.attrs.values(), ...(p.base === null ? [] : [p.base])];
    case 'function':
      return [p.codeObject, ...p.defaults, ...(p.extras ?? [])];
    case 'code':
      return [...p.constants];
    case 'method':
      // `Objects/classobject.c` `method_traverse` and `method_dealloc`: the function, then self
      // (measured: `gc.get_referents(C().m)` is [function, C] on 3.8.18 and 3.13.0).
      return [p.func, p.self];
    case 'builtin':
      return p.self === null ? [] : [p.self];
    case 'module':
      return [...p.attrs.values()];
    case 'weakref':
      return p.callback === null ? [] : [p.callback];
    case 'WeakSet':
      return [...p.members.values()];
    case 'iterator':
    case 'range':
      return [...p.held];
    default:
      return [];
  }
}
