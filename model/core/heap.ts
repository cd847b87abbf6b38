/**
 * The heap: objects with type, value, reference count and address, and the reference
 * counting rules (`Include/object.h` `Py_INCREF` / `Py_DECREF` -> `_Py_Dealloc`).
 *
 * Every constructor returns a NEW reference owned by the caller (as C API "New reference"
 * functions do); functions that take `Ref[]` items STEAL those references (as
 * `PyTuple_SET_ITEM` / `PyList_SET_ITEM` do). The caller releases what it owns with `decref`.
 */
import type { Address } from './address';
import { Allocator } from './allocator';
import { CandidateBuilder } from './block-sets';
import { isCachedBytes, isCachedStr, isCachedTuple, mayBeInternedAtStartup } from './caches';
import type { CoreConfig } from './config';
import { FreeList } from './free-lists';
import { CollectionTiming } from './gc-timing';
import { HeapObject, IntPayload, intPayload, isGcTracked, referentsInto, safeIntPayload, strongReferents, type DictEntry, type ImmortalOrigin, type Payload, type PyObject, type Ref } from './objects';
import { asciiStrSize, intSize, requestSize, safeIntSize, strSize } from './sizes';

/** Called when a weak reference's callback must run (`PyObject_ClearWeakRefs` -> `handle_callback`). */
export type WeakrefCallbackHook = (callback: Ref, weakref: Ref) => void;

/** Something the model cannot predict; the evaluator turns it into `unsupported:`. */
export class CoreUnknown extends Error {
  constructor(message: string) {
    // Caught by the evaluator (a refusal): no JavaScript stack trace needed.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** The intern table of a heap that has interned nothing yet (shared: a read-only view, never written). */
const NOTHING_INTERNED: ReadonlyMap<string, Ref> = new Map();

/** Objects with more strong references than this are not looked through for `mayLeadToCycle`. */
const LEAF_CHECK_LIMIT = 8;
/** `Heap.repeatedText`: V8 copies a slice shorter than 13 characters (`SlicedString::kMinLength`) anyway. */
const MIN_SLICED_REPEAT = 13;
/** `Heap.repeatedText`: the longest repetition a run keeps. */
const MAX_SLICED_REPEAT = 1 << 16;
/** `loseFreeListOrder`'s default: no list keeps its order. */
const NO_KEEP: readonly ('float' | 'list')[] = [];

const makeTrue = (): Payload => ({ kind: 'bool', value: true });
const makeFalse = (): Payload => ({ kind: 'bool', value: false });

/** What every heap of a config derives from it (`Heap`'s fields of the same names). */
interface HeapConstants {
  readonly smallIntMin: bigint;
  readonly smallIntMax: bigint;
  readonly oneDigitLimit: number;
  readonly oneDigitIntBytes: number;
  readonly twoDigitLimit: number;
  readonly twoDigitIntBytes: number;
}

/**
 * The `HeapConstants` of each config, made at its first heap: configs are immutable, and
 * deriving them (two `**`, two bigints) cost a tenth of running `pass`.
 */
const constantsByConfig = new WeakMap<CoreConfig, HeapConstants>();
function heapConstantsOf(config: CoreConfig): HeapConstants {
  let k = constantsByConfig.get(config);
  if (k === undefined) {
    const bits = config.sizes.longDigitBits;
    const oneDigitLimit = 2 ** bits;
    k = {
      smallIntMin: BigInt(config.smallIntMin),
      smallIntMax: BigInt(config.smallIntMax),
      oneDigitLimit,
      oneDigitIntBytes: safeIntSize(1, config),
      twoDigitLimit: 2 ** (2 * bits),
      twoDigitIntBytes: safeIntSize(oneDigitLimit, config),
    };
    constantsByConfig.set(config, k);
  }
  return k;
}

export class Heap {
  readonly allocator: Allocator;
  /**
   * Every live object, indexed by its ref (refs are consecutive from 1 in allocation order:
   * index 0 is empty); a freed object's slot is emptied.
   */
  private objects: (HeapObject | undefined)[] = [undefined];
  /**
   * The GC-tracked objects in allocation order, dead ones dropped at the next `trackedObjects`:
   * a scan walks these instead of every object (most are ints and strs, and touching each cost
   * more than the scan's own work).
   */
  private tracked: HeapObject[] = [];
  private nextRef = 1;
  private readonly floatFree: FreeList;
  private readonly listFree: FreeList;
  private readonly dictFree: FreeList;
  /** The tuple free lists made so far, by length (at most `PyTuple_MAXSAVESIZE`: found by index at every tuple). */
  private readonly tupleFree: (FreeList | undefined)[] = [];
  private readonly tupleFreeMaxLen: number;
  /**
   * Shared objects found by key (see caches.ts: 1-byte bytes, Ellipsis...), made at the first:
   * small ints, latin-1 chars, `()`, None, True and False have tables or fields of their own.
   * This and the tables below are made at their first entry: every run makes a heap, and
   * many runs need few of them.
   */
  private cache: Map<string, Ref> | null = null;
  /** Objects that exist before the program runs (see `preexisting`), by key. */
  private preexistingCache: Map<string, Ref> | null = null;
  /** The pre-existing strs of identifiers, by the name itself (see `preexistingName`). */
  private preexistingNames: Map<string, Ref> | null = null;
  /** `Objects/unicodeobject.c` `interned`: value -> the interned str. */
  private internMap: Map<string, Ref> | null = null;
  get internTable(): ReadonlyMap<string, Ref> {
    return this.internMap ?? NOTHING_INTERNED;
  }
  /** Python-level callback runner for weakref callbacks (set by the evaluator). */
  weakrefCallbackHook: WeakrefCallbackHook | null = null;
  /**
   * Net count of GC-tracked allocations (`gcstate->generations[0].count`, incremented in
   * `gc_alloc`, decremented in `PyObject_GC_Del`), seen since the program started.
   */
  gcAllocationsSinceStart = 0;
  /**
   * Ints whose value the model cannot know (id() results, randomized hashes, gc counts), with
   * why: compared or hashed by value anywhere but where the evaluator knows their meaning,
   * the comparison is refused. Null until the first one. Holds only the ints whose reason is not
   * `commonOpaqueWhy` (see `markOpaque`).
   */
  opaqueInts: Map<Ref, string> | null = null;
  /** The reason of the first `markOpaque`: the ints marked for it keep only their flag (`HeapObject.opaque`). */
  private commonOpaqueWhy: string | null = null;
  /**
   * Counts the decrefs of GC-tracked objects that leave them alive (the only way garbage forms;
   * only tracked objects are ever garbage, so only their decrefs need a time: gc-timing.ts
   * compares these times with each other and with this clock, never with other decrefs).
   */
  decrefClock = 0;
  /**
   * Whether cyclic garbage may exist: garbage forms only at a decref that leaves a GC-tracked
   * object alive (see gc-timing.ts), so this is set there, and by a scan that found garbage;
   * a scan that found none clears it (`findUnreachable` then skips the walk while it is clear).
   */
  garbagePossible = false;
  /** When an automatic collection may have run (see gc-timing.ts). */
  readonly collectionTiming = new CollectionTiming(this);
  /**
   * How many watched objects (`watch`: the owners of `id()` values, for dict lookups by id)
   * have died so far: a cache of who is dead is valid while this holds.
   */
  watchedDeaths = 0;

  /** `get_small_int`'s objects made so far, by value - smallIntMin (not in `cache`). */
  private readonly smallInts: (Ref | undefined)[] = [];
  private readonly smallIntMin: bigint;
  /** `get_latin1_char`'s objects and '' made so far, by char code + 1 (0: ''; not in `cache`). */
  private readonly cachedStrs: (Ref | undefined)[] = [];
  /** `repeatedText`'s last operand and a longer repetition of it, whose prefixes it returns (this run's only). */
  private repeatUnit = '';
  private repeatRun = '';
  /** The singletons `shared` made, found without building their key (0: not made yet). */
  private noneRef: Ref = 0;
  private trueRef: Ref = 0;
  private falseRef: Ref = 0;
  private emptyTupleRef: Ref = 0;
  /** `preexistingName('True' / 'False')` once made (`bool_repr`'s strs, which every printed bool writes). */
  private trueName: Ref = 0;
  private falseName: Ref = 0;
  private readonly smallIntMax: bigint;
  /** `smallIntMin` and `smallIntMax` as numbers (`intOfSafe`). */
  private readonly smallIntMinNumber: number;
  private readonly smallIntMaxNumber: number;
  /**
   * Magnitudes below this fit one digit (`PyLong_SHIFT`), below `twoDigitLimit` two, and such
   * ints ask for `oneDigitIntBytes` / `twoDigitIntBytes` (`safeIntSize`, without counting bits).
   */
  private readonly oneDigitLimit: number;
  private readonly oneDigitIntBytes: number;
  private readonly twoDigitLimit: number;
  private readonly twoDigitIntBytes: number;

  constructor(readonly config: CoreConfig) {
    const k = heapConstantsOf(config);
    this.smallIntMin = k.smallIntMin;
    this.smallIntMax = k.smallIntMax;
    this.smallIntMinNumber = config.smallIntMin;
    this.smallIntMaxNumber = config.smallIntMax;
    this.oneDigitLimit = k.oneDigitLimit;
    this.oneDigitIntBytes = k.oneDigitIntBytes;
    this.twoDigitLimit = k.twoDigitLimit;
    this.twoDigitIntBytes = k.twoDigitIntBytes;
    this.allocator = new Allocator(config);
    this.tupleFreeMaxLen = config.freeLists.tuple.maxLen;
    const fl = config.freeLists;
    this.floatFree = new FreeList('float', fl.float, config.sizes.float, this.allocator);
    this.listFree = new FreeList('list', fl.list, config.sizes.list + config.gcHeaderSize, this.allocator);
    this.dictFree = new FreeList('dict', fl.dict, config.sizes.dict + config.gcHeaderSize, this.allocator);
  }

  /**
   * The program is over and nothing will ask the heap again: it lets go of its objects. Why:
   * V8's young-generation collector kept a finished run's whole heap alive (something outside
   * the model's reach held the heap), copying and promoting every object of it; a heap that
   * holds nothing costs nothing to keep. After this the heap is unusable.
   */
  release(): void {
    // New tables rather than cleared ones: clearing the object table cost more than a small run.
    this.objects = [undefined];
    this.tracked = [];
    this.opaqueInts = null;
    this.weakrefCallbackHook = null;
    this.repeatUnit = '';
    this.repeatRun = '';
  }

  // ---- access ------------------------------------------------------------------------

  get(ref: Ref): PyObject {
    return this.object_(ref);
  }

  /** `get` as the heap's own class (its address fields, `gcTracked`). */
  private object_(ref: Ref): HeapObject {
    const o = this.objects[ref];
    if (o === undefined || !o.alive) throw new Error(`model bug: object #${ref} is not alive`);
    return o;
  }

  /** One past the highest ref handed out so far (refs are consecutive from 1). */
  get refLimit(): number {
    return this.nextRef;
  }

  /** The object if it is alive; undefined once freed (the heap keeps no dead objects). */
  lookup(ref: Ref): PyObject | undefined {
    return this.objects[ref];
  }

  /**
   * The int's value is unknown to the model, for `why` (see `opaqueInts`). A flag on the object:
   * every `id()` value is one, and a map entry each made programs that keep thousands slower.
   */
  markOpaque(ref: Ref, why: string): void {
    this.object_(ref).opaque = true;
    this.commonOpaqueWhy ??= why;
    if (why !== this.commonOpaqueWhy) (this.opaqueInts ??= new Map()).set(ref, why);
    else this.opaqueInts?.delete(ref);
  }

  /** Why the int's value is unknown (`markOpaque`), or undefined when the model knows it. */
  opaqueWhy(ref: Ref): string | undefined {
    const o = this.objects[ref];
    if (o === undefined || !o.opaque) return undefined;
    return this.opaqueInts?.get(ref) ?? (this.commonOpaqueWhy as string);
  }

  /** Count this object's death (or possible death, `mayBeDead`) in `watchedDeaths`. */
  watch(ref: Ref): void {
    const o = this.objects[ref];
    if (o !== undefined && o.alive) o.watched = true;
  }

  /** Alive, and not an object the program may have freed without the model knowing (`mayBeDead`). */
  certainlyAlive(ref: Ref): boolean {
    const o = this.objects[ref];
    return o !== undefined && o.alive && o.mayBeDead !== true;
  }

  isAlive(ref: Ref): boolean {
    return this.objects[ref]?.alive ?? false;
  }

  /** Whether some live object satisfies `test` (without building the list `live` returns). */
  someLive(test: (o: PyObject) => boolean): boolean {
    const objects = this.objects;
    for (let i = 1; i < objects.length; i++) {
      const o = objects[i];
      if (o !== undefined && o.alive && test(o)) return true;
    }
    return false;
  }

  live(): PyObject[] {
    const out: PyObject[] = [];
    for (const o of this.objects) if (o !== undefined && o.alive) out.push(o);
    return out;
  }

  payload<K extends Payload['kind']>(ref: Ref, kind: K): Extract<Payload, { kind: K }> {
    const p = this.get(ref).payload;
    if (p.kind !== kind) throw new Error(`model bug: #${ref} is ${p.kind}, not ${kind}`);
    return p as Extract<Payload, { kind: K }>;
  }

  // ---- reference counting ------------------------------------------------------------

  /** `Py_INCREF`; nothing for immortal objects (`_Py_IsImmortal`, PEP 683). */
  incref(ref: Ref): Ref {
    const o = this.object_(ref);
    if (!o.immortal) o.refcnt++;
    return ref;
  }

  /** `times` new references to `ref` at once (a container that holds it `times` times). */
  increfTimes(ref: Ref, times: number): Ref {
    const o = this.object_(ref);
    if (!o.immortal) o.refcnt += times;
    return ref;
  }

  /** A new array of new references to `items`, in order (a container's items copied into another). */
  increfAll(items: readonly Ref[]): Ref[] {
    const out = new Array<Ref>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = this.incref(items[i] as Ref);
    return out;
  }

  /** `Py_DECREF`: at zero the object is deallocated (`_Py_Dealloc`), recursively. */
  decref(ref: Ref): void {
    const o = this.object_(ref);
    if (o.immortal) return;
    if (o.refcnt <= 0) throw new Error(`model bug: decref of #${ref} at ${o.refcnt}`);
    o.refcnt--;
    if (o.refcnt !== 0) {
      if (o.gcTracked) {
        o.lastDecref = ++this.decrefClock;
        // An object of unknown count is a root of every scan (`gc.ts` EXTERNAL): it and all it
        // reaches stay reachable, so its decref makes no garbage (a class after each call of it).
        if (!this.garbagePossible && o.refcntKnown && this.mayLeadToCycle(o)) this.garbagePossible = true;
      }
    } else {
      if (o.refcntKnown) {
        this.dealloc(o);
      } else {
        // References the model does not know may keep it (a cached or startup object);
        // if it did die, its block went back to pymalloc.
        o.refcnt = 1;
        if (o.gcTracked) this.garbagePossible = true;
        if (o.sizeClass !== 'static' && !o.mayBeDead) {
          o.mayBeDead = true;
          if (o.watched) this.watchedDeaths++;
        }
        if (typeof o.sizeClass === 'number') this.allocator.freeMaybe(o.address);
      }
    }
  }

  /**
   * `decref` of an object the caller knows stays reachable from outside the tracked objects (a
   * name still binds it): as `decref`, but no garbage can form here, for everything it reaches
   * stays reachable (see `mayLeadToCycle`).
   */
  decrefReachable(ref: Ref): void {
    const o = this.object_(ref);
    if (o.immortal || !o.refcntKnown || o.refcnt <= 1) {
      this.decref(ref);
      return;
    }
    o.refcnt--;
    if (o.gcTracked) o.lastDecref = ++this.decrefClock;
  }

  /**
   * Whether a decref that left `o` alive may have made cyclic garbage. With no garbage before,
   * the garbage it makes is among what `o` reaches through tracked objects of known count
   * (whatever else reaches it is reachable still), and holds a cycle (every one of its objects is
   * referenced from inside it). So an object that references none of those (a small list of
   * ints, an instance of a class with no attribute values: a leaf) makes none. Containers with more
   * than `LEAF_CHECK_LIMIT` references, and other kinds, are not looked through: they answer yes.
   */
  private mayLeadToCycle(o: HeapObject): boolean {
    const p = o.payload;
    // Other kinds are not looked through (see above).
    if (p.kind !== 'list' && p.kind !== 'tuple' && p.kind !== 'set' && p.kind !== 'frozenset' && p.kind !== 'dict' && p.kind !== 'instance') return true;
    // A dict's references counted before `referentsInto` copies them: a program's big dict (the
    // `ids` of an id() loop) was copied whole at every decref that left it alive.
    if (p.kind === 'dict' && 2 * p.entries.length > LEAF_CHECK_LIMIT) return true;
    const refs = referentsInto(p, this.leafScratch);
    if (refs.length > LEAF_CHECK_LIMIT) return true;
    for (let i = 0; i < refs.length; i++) if (this.mayBeInCycle(refs[i] as Ref)) return true;
    return false;
  }

  /** `mayLeadToCycle`'s array for `referentsInto` (refilled: no array per decref). */
  private readonly leafScratch: Ref[] = [];

  /** Whether the object could be garbage: tracked, alive, of a known count and mortal (what a scan counts as `gcRefs`). */
  private mayBeInCycle(ref: Ref): boolean {
    const o = this.objects[ref];
    return o !== undefined && o.gcTracked && o.alive && o.refcntKnown && !o.immortal;
  }

  /**
   * What `sys.getrefcount(x)` reports for the object (the caller has already counted
   * the argument's own reference), or null when the model cannot know it.
   */
  observedRefcount(ref: Ref): number | null {
    const o = this.get(ref);
    if (o.immortal) {
      const { immortalRefcount: staticCount, immortalRuntimeRefcount: runtimeCount } = this.config;
      if (o.immortalOrigin === 'static') return staticCount;
      if (o.immortalOrigin === 'runtime') return runtimeCount ?? staticCount;
      return staticCount === runtimeCount ? staticCount : null;
    }
    return o.refcntKnown ? o.refcnt : null;
  }

  // ---- allocation --------------------------------------------------------------------

  /**
   * `gcKind`: `isGcTracked(payload)`, passed by the constructors that know it (every int, str,
   * float and list made asked it per object; `fresh` and `adopt` still ask).
   */
  private register(payload: Payload, address: Address, gcKind: boolean, immortal = false, immortalOrigin: ImmortalOrigin = 'static', refcntKnown = true): Ref {
    const ref = this.nextRef++;
    const o = new HeapObject(ref, payload, address, gcKind, immortal, immortalOrigin, refcntKnown);
    this.objects[ref] = o;
    if (o.gcTracked) {
      this.gcAllocationsSinceStart++;
      this.tracked.push(o);
    }
    return ref;
  }

  /**
   * A shared object that existed before the program: immortal on 3.12+ (static objects,
   * `_PyObject_IMMORTAL_INIT`), before that mortal with a count the model cannot know.
   */
  private shared(key: string, make: () => Payload): Ref {
    const cache = (this.cache ??= new Map<string, Ref>());
    const hit = cache.get(key);
    if (hit !== undefined) return this.incref(hit);
    const ref = this.newShared(make());
    cache.set(key, ref);
    return ref;
  }

  /** The shared object made on first use (its caller keeps it: no key to build). */
  private newShared(payload: Payload): Ref {
    return this.preexistingObject(payload, this.config.immortalRefcount !== null);
  }

  /**
   * An object that exists before the program runs (builtin types, functions, modules):
   * never freed; immortal when `immortal` (3.12+ static types; `origin` says whether it was
   * allocated so or made immortal at run time), else with a count the model does not know.
   * Returns a new reference.
   */
  preexisting(key: string, make: () => Payload, immortal: boolean, origin: ImmortalOrigin = 'static'): Ref {
    const cache = (this.preexistingCache ??= new Map<string, Ref>());
    const hit = cache.get(key);
    if (hit !== undefined) return this.incref(hit);
    const ref = this.preexistingObject(make(), immortal, origin);
    cache.set(key, ref);
    return ref;
  }

  /**
   * An object that existed before the program, at a static address, for a caller that keeps it
   * and makes it only once per heap (the evaluator's builtins, builtin types and modules, by
   * name): no key to look up and store. `preexisting`, `preexistingName` and the shared
   * objects register theirs here too.
   */
  preexistingObject(payload: Payload, immortal: boolean, origin: ImmortalOrigin = 'static'): Ref {
    // (static: never GC-tracked, whatever its kind)
    return this.register(payload, this.allocator.staticAddressForObject(), false, immortal, origin, false);
  }

  /**
   * `preexisting` for the str of an identifier (`co_names` entries, `bool_repr`'s 'True'):
   * found by the name itself. Why: a key built per call (`name:` + the name) was hashed per call,
   * for every name an identifier-using step asked for.
   */
  preexistingName(name: string, immortal: boolean, origin: ImmortalOrigin): Ref {
    const names = (this.preexistingNames ??= new Map<string, Ref>());
    const hit = names.get(name);
    if (hit !== undefined) return this.incref(hit);
    const ref = this.preexistingObject({ kind: 'str', value: name }, immortal, origin);
    names.set(name, ref);
    return ref;
  }

  /**
   * `preexistingName` of 'True' or 'False' (`bool_repr`), found without a Map lookup once made.
   * Fact `boolReprInterned`: the str is the interned one (`Objects/boolobject.c` `bool_repr`:
   * 3.8-3.10 `_PyUnicode_FromId` interns it, 3.12+ the static strs are interned at start-up), so a
   * constant 'True' interned before is that object, and one interned later finds it.
   */
  boolName(value: boolean): Ref {
    const hit = value ? this.trueName : this.falseName;
    if (hit !== 0) return this.incref(hit);
    let ref = this.preexistingName(value ? 'True' : 'False', this.config.internImmortal.constants, 'static');
    if (this.config.boolReprInterned) {
      const found = this.intern(ref, true);
      this.decref(ref);
      ref = found;
    }
    if (value) this.trueName = ref;
    else this.falseName = ref;
    return ref;
  }

  /**
   * The object's block may also be `other` (e.g. a str concatenated in place by
   * `unicode_concatenate`, which `PyObject_Realloc` may or may not move).
   */
  widenAddress(ref: Ref, other: Address): void {
    const o = this.object_(ref);
    const a = o.address;
    const candidates = new CandidateBuilder().candidates(a.candidates).candidates(other.candidates).build();
    o.setAddress({ value: a.value, sizeClass: a.sizeClass, candidates });
  }

  private allocateBlock(payload: Payload, instanceSize: number | null = null): Address {
    switch (payload.kind) {
      case 'float':
        return this.floatFree.allocate(true);
      case 'list':
        return this.listFree.allocate(true);
      case 'dict':
        return this.dictFree.allocate(true);
      case 'tuple':
        return this.tupleBlock(payload);
      default:
        break;
    }
    return this.allocateSized(payload, instanceSize);
  }

  /** A block of the object's request size from pymalloc (no free list of its own). */
  private allocateSized(payload: Payload, instanceSize: number | null): Address {
    const bytes = requestSize(payload, this.config, instanceSize);
    if (bytes === null) return this.allocator.allocateUnknownSize();
    // Every caller registers the object at once (`fresh`, `instance`): the address is copied.
    return this.allocator.allocateForObject(bytes);
  }

  /** A tuple's block: its length's free list, else pymalloc. */
  private tupleBlock(payload: Extract<Payload, { kind: 'tuple' }>): Address {
    const fl = this.tupleFreeList(payload.items.length);
    return fl !== null ? fl.allocate(true) : this.allocateSized(payload, null);
  }

  private tupleFreeList(length: number): FreeList | null {
    if (length < 1 || length > this.tupleFreeMaxLen) return null;
    let fl = this.tupleFree[length];
    if (fl === undefined) {
      const bytes = this.config.gcHeaderSize + this.config.sizes.tupleHeader + this.config.pointerSize * length;
      fl = new FreeList(`tuple${length}`, this.config.freeLists.tuple, bytes, this.allocator);
      if (!this.config.allocatorModelled) fl.lose();
      this.tupleFree[length] = fl;
    }
    return fl;
  }

  /** An object at a block allocated for it beforehand (an iterator made by the evaluator's `GET_ITER`). */
  adopt(payload: Payload, block: Address): Ref {
    return this.register(payload, block, isGcTracked(payload));
  }

  private fresh(payload: Payload, instanceSize: number | null = null): Ref {
    return this.register(payload, this.allocateBlock(payload, instanceSize), isGcTracked(payload));
  }

  none(): Ref {
    const hit = this.noneRef;
    if (hit !== 0) return this.incref(hit);
    // Found by `noneRef` from now on: not in `cache`.
    return (this.noneRef = this.newShared({ kind: 'NoneType' }));
  }
  ellipsis(): Ref {
    return this.shared('Ellipsis', () => ({ kind: 'ellipsis' }));
  }
  notImplemented(): Ref {
    return this.shared('NotImplemented', () => ({ kind: 'NotImplementedType' }));
  }
  /** `Objects/boolobject.c` `_Py_TrueStruct` / `_Py_FalseStruct`. */
  bool(value: boolean): Ref {
    const hit = value ? this.trueRef : this.falseRef;
    if (hit !== 0) return this.incref(hit);
    // Found by `trueRef` / `falseRef` from now on: not in `cache`.
    const ref = this.newShared(value ? makeTrue() : makeFalse());
    if (value) this.trueRef = ref;
    else this.falseRef = ref;
    return ref;
  }

  /** `PyLong_FromLong` etc.: small ints are shared (`get_small_int`), others new. */
  int(value: bigint): Ref {
    // The index in doubles: a bigint subtraction would allocate one (every int literal comes here).
    if (value >= this.smallIntMin && value <= this.smallIntMax) return this.smallInt(Number(value) - this.smallIntMinNumber);
    return this.freshInt(value);
  }

  /**
   * Whether `p` (the payload of `ref`) is `get_small_int`'s object of its value: the only int
   * object of that value (`Heap.int` always answers it), read without making the bigint.
   */
  isSmallIntObject(ref: Ref, p: Extract<Payload, { kind: 'int' }>): boolean {
    if (!(p instanceof IntPayload)) return false;
    const v = p.toNumber();
    return v >= this.smallIntMinNumber && v <= this.smallIntMaxNumber && this.smallInts[v - this.smallIntMinNumber] === ref;
  }

  /** `get_small_int`: the shared object at `index` (value - smallIntMin), kept here by value (never in `cache`: no key to build). */
  private smallInt(index: number): Ref {
    const hit = this.smallInts[index];
    if (hit !== undefined) return this.incref(hit);
    // Every run makes those its loops count through: the bigint waits for a read.
    const ref = this.newShared(safeIntPayload(index + this.smallIntMinNumber));
    this.smallInts[index] = ref;
    return ref;
  }

  /**
   * `int` of a safe integer (`Number.isSafeInteger`; range items, id() values): the same object,
   * found and sized from the number, its bigint made only if read (`IntPayload`).
   */
  intOfSafe(value: number): Ref {
    if (value >= this.smallIntMinNumber && value <= this.smallIntMaxNumber) return this.smallInt(value - this.smallIntMinNumber);
    // The usual sizes (a range item, an id() value), without counting bits; 0 has no digit.
    const magnitude = value < 0 ? -value : value;
    const bytes =
      magnitude === 0 ? safeIntSize(0, this.config) : magnitude < this.oneDigitLimit ? this.oneDigitIntBytes : magnitude < this.twoDigitLimit ? this.twoDigitIntBytes : safeIntSize(value, this.config);
    return this.register(safeIntPayload(value), this.allocator.allocateForObject(bytes), false);
  }

  /** A new int object (`fresh` without asking its kind: ints have no free list and a size from their value). */
  private freshInt(value: bigint): Ref {
    return this.register(intPayload(value), this.allocator.allocateForObject(intSize(value, this.config)), false);
  }

  /** `_PyLong_New` + `long_normalize` without `maybe_small_long`: a new int even in the small range. */
  newInt(value: bigint): Ref {
    return this.freshInt(value);
  }

  /** `PyFloat_FromDouble`: always a new float (from the float free list). */
  float(value: number): Ref {
    return this.register({ kind: 'float', value }, this.floatFree.allocate(true), false);
  }

  /** `PyUnicode_New` & co: '' and latin-1 chars are shared; every other str is new. */
  str(value: string): Ref {
    if (isCachedStr(value)) {
      // Kept here by char code + 1 (0: ''), never in `cache`.
      const i = value.length === 0 ? 0 : value.charCodeAt(0) + 1;
      const hit = this.cachedStrs[i];
      if (hit !== undefined) return this.incref(hit);
      const ref = this.newShared({ kind: 'str', value });
      this.cachedStrs[i] = ref;
      return ref;
    }
    return this.newStr(value);
  }

  /**
   * `PyUnicode_New` of a str made at run time: a new object even for '' or one latin-1
   * character (the caller handles ''), sized as `fresh` sizes it (a str has no free list and
   * is not GC-tracked), without `fresh`'s switch on the kind.
   */
  newStr(value: string): Ref {
    return this.register({ kind: 'str', value }, this.allocator.allocateForObject(strSize(value, this.config)), false);
  }

  bytes(value: readonly number[]): Ref {
    // No closure in this function: V8 would make its context at every call.
    if (isCachedBytes(value)) return this.sharedBytes(value);
    return this.fresh({ kind: 'bytes', value: [...value] });
  }

  /**
   * `str` of a value the caller knows is ASCII (`unicode_repeat` of an ASCII str: the result
   * has the operand's kind), sized without scanning it.
   */
  asciiStr(value: string): Ref {
    if (isCachedStr(value)) return this.str(value);
    return this.register({ kind: 'str', value }, this.allocator.allocateForObject(asciiStrSize(value.length, this.config)), false);
  }

  /**
   * `unit` repeated `times` times (`unicode_repeat`'s text). A loop's `'a' * n` with a growing n
   * would rebuild each text (`String.prototype.repeat`: a doubling of concatenations, then a
   * flattening when read); instead a prefix of one longer repetition, kept for the run, shares
   * its characters (a V8 sliced string, no copy). Texts too short to slice, or long ones, are made.
   */
  repeatedText(unit: string, times: number): string {
    const length = unit.length * times;
    if (!(length >= MIN_SLICED_REPEAT && length <= MAX_SLICED_REPEAT)) return unit.repeat(times);
    const same = unit === this.repeatUnit;
    if (!same || this.repeatRun.length < length) {
      // The same operand's again, longer: twice the count asked for (a growing n rebuilds it a
      // few times a run); another operand's: that count (operands taking turns cost no more).
      const longer = Math.min(Math.max(same ? times * 2 : times, 64), Math.floor(MAX_SLICED_REPEAT / unit.length));
      this.repeatUnit = unit;
      this.repeatRun = unit.repeat(longer);
    }
    return this.repeatRun.slice(0, length);
  }

  private sharedBytes(value: readonly number[]): Ref {
    return this.shared(`bytes:${value.join(',')}`, () => ({ kind: 'bytes', value: [...value] }));
  }

  /** `PyTuple_New` (steals the references in `items`; the array is copied): `()` is shared. */
  tuple(items: Ref[]): Ref {
    return isCachedTuple(items.length) ? this.emptyTuple() : this.tupleTaking([...items]);
  }

  /**
   * `tuple` keeping `items` itself as the tuple's array: for a caller that gives it up, and
   * made packed (an array literal, a spread; not `new Array(n)`, whose holes every later read
   * of the tuple's items would check).
   */
  tupleTaking(items: Ref[]): Ref {
    if (isCachedTuple(items.length)) return this.emptyTuple();
    // `fresh`'s steps for a tuple, without asking the payload its kind twice (always GC-tracked).
    const payload = { kind: 'tuple', items } as const;
    return this.register(payload, this.tupleBlock(payload), true);
  }

  /** `()`: found by `emptyTupleRef` (every run's code has one), not in `cache`. */
  private emptyTuple(): Ref {
    const hit = this.emptyTupleRef;
    if (hit !== 0) return this.incref(hit);
    return (this.emptyTupleRef = this.newShared({ kind: 'tuple', items: [] }));
  }

  /**
   * `PyList_New(n)` (steals `items`): the object from the list free list, then the item
   * array of `capacity` slots from pymalloc (`PyMem_Calloc`), none for an empty list.
   */
  list(items: Ref[], capacity: number = items.length): Ref {
    return this.listTaking([...items], capacity);
  }

  /** `list` keeping `items` itself as the list's array (as `tupleTaking`: given up by the caller, and packed). */
  listTaking(items: Ref[], capacity: number = items.length): Ref {
    // The object's address is copied at `register`: the item array's allocation in between uses another.
    const block = this.listFree.allocate(true);
    const itemsBlock = capacity > 0 ? this.allocator.allocate(capacity * this.config.pointerSize) : null;
    return this.register({ kind: 'list', items, capacity, itemsBlock }, block, true);
  }

  /**
   * `list_resize` (`Objects/listobject.c`): the item array goes through `PyMem_Realloc`, which
   * pymalloc follows exactly (`Allocator.reallocate`). A resize to 0 slots reallocates to a
   * 0-byte request, which pymalloc hands to the system malloc: the model loses the order there.
   */
  listResize(ref: Ref, newCapacity: number): void {
    const p = this.payload(ref, 'list');
    const bytes = newCapacity * this.config.pointerSize;
    if (newCapacity > 0) {
      p.itemsBlock = p.itemsBlock ? this.allocator.reallocate(p.itemsBlock, bytes) : this.allocator.allocate(bytes);
    } else {
      if (p.itemsBlock) this.allocator.free(p.itemsBlock);
      this.allocator.untracked('unknown');
      p.itemsBlock = null;
    }
    p.capacity = newCapacity;
  }

  /**
   * A dict's keys table was allocated, resized or freed (`new_keys_object`, `dictresize`,
   * `free_keys_object`): the model does not follow it, but it is never smaller than 100
   * bytes (an 8-slot table: header, indices and 5 entries of 16 or 24 bytes).
   */
  dictKeysChanged(): void {
    this.allocator.untrackedAtLeast(100);
  }

  /** A dict (steals keys and values). Its keys table is an allocation the model does not follow. */
  dict(entries: DictEntry[]): Ref {
    const ref = this.register({ kind: 'dict', entries: [...entries] }, this.dictFree.allocate(true), true);
    if (entries.length > 0) this.dictKeysChanged();
    return ref;
  }

  /**
   * A set or frozenset (steals items; the caller removed duplicates). `Objects/setobject.c`
   * `emptyfrozenset`: `frozenset()` was a singleton until 3.9 (removed in 3.10, bpo-40521).
   * Measured `frozenset() is frozenset()`: True on 3.8/3.9, False from 3.10.
   */
  set(kind: 'set' | 'frozenset', items: Ref[]): Ref {
    if (kind === 'frozenset' && items.length === 0 && this.config.emptyFrozensetSingleton) {
      return this.shared('frozenset()', () => ({ kind: 'frozenset', items: [] }));
    }
    return this.fresh({ kind, items: [...items] });
  }

  /** A range; steals `held` (its start, stop, step and length objects). */
  range(start: bigint, stop: bigint, step: bigint, held: readonly Ref[] = []): Ref {
    return this.fresh({ kind: 'range', start, stop, step, held });
  }

  /**
   * An instance of a Python class: `object` without asking the payload's kind (instances are
   * GC-tracked and have no free list); `instanceSize` as `requestSize` takes it.
   */
  instance(payload: Extract<Payload, { kind: 'instance' }>, instanceSize: number | null): Ref {
    return this.register(payload, this.allocateSized(payload, instanceSize), true);
  }

  /**
   * Any other object (functions, classes, modules, weakrefs...): `payload` owns its refs.
   * `refcntKnown: false` for objects CPython also references from places the model does
   * not follow (a class is referenced by its own `__mro__`, subclass lists, caches...).
   */
  object(payload: Payload, instanceSize: number | null = null, opts?: { refcntKnown?: boolean }): Ref {
    const ref = this.fresh(payload, instanceSize);
    // (no default `{}`: an object per call, for every instance made)
    if (opts !== undefined && opts.refcntKnown === false) this.get(ref).refcntKnown = false;
    return ref;
  }

  // ---- deallocation ------------------------------------------------------------------

  /** `_Py_Dealloc`: run the type's `tp_dealloc`; nested deallocations run depth first as in C. */
  private dealloc(o: HeapObject): void {
    const p = o.payload;
    // The commonest deaths: no weak references (`tp_weaklistoffset` 0, see `canBeWeaklyReferenced`)
    // and nothing referenced, so only the steps every death has.
    const leaf = p.kind === 'int' || p.kind === 'str' || p.kind === 'float';
    if (!leaf) clearWeakrefsOf(this, o);
    o.alive = false;
    if (o.watched) {
      o.watched = false;
      this.watchedDeaths++;
    }
    if (!leaf) this.releaseReferents(o, p);
    this.releaseMemory(o);
    // A freed object is not kept: holding every dead object (and its payload and address) to
    // the end of the run made the JavaScript collector copy them all, again and again.
    this.objects[o.ref] = undefined;
  }

  /** The dying object's own references and finalizer (`tp_dealloc`'s part before the memory goes). */
  private releaseReferents(o: HeapObject, p: Payload): void {
    if (p.kind === 'weakref' && p.referent !== null) {
      // `weakref_dealloc` -> `clear_weakref`: unlink from the referent's list.
      const list = this.get(p.referent).weakrefs;
      list.splice(list.indexOf(o.ref), 1);
    }
    if (p.kind === 'iterator' && p.finalize) p.finalize();
    // The same order as `deallocOrder`, without copying the common containers' items.
    if (p.kind === 'list' || p.kind === 'tuple') {
      const items = p.items;
      for (let i = items.length - 1; i >= 0; i--) this.decref(items[i] as Ref);
    } else if (p.kind === 'dict') {
      for (const e of p.entries) {
        this.decref(e.key);
        this.decref(e.value);
      }
    } else {
      for (const child of deallocOrder(p)) this.decref(child);
    }
  }

  /** Where the dead object's memory goes: its type's free list or pymalloc. */
  private releaseMemory(o: HeapObject): void {
    const p = o.payload;
    if (o.gcTracked && this.gcAllocationsSinceStart > 0) this.gcAllocationsSinceStart--;
    switch (p.kind) {
      case 'float':
        this.floatFree.free(o.address);
        return;
      case 'list':
        // `list_dealloc`: the item array is freed (PyMem_Free) before the object is kept.
        if (p.itemsBlock) this.allocator.free(p.itemsBlock);
        this.listFree.free(o.address);
        return;
      case 'dict':
        if (p.entries.length > 0) this.dictKeysChanged();
        this.dictFree.free(o.address);
        return;
      case 'tuple': {
        const fl = this.tupleFreeList(p.items.length);
        if (fl) fl.free(o.address);
        else if (p.items.length > this.config.freeLists.tuple.pushMaxLen) this.allocator.free(o.address);
        // else: pushed on a free list that is never popped; the block is never reused.
        return;
      }
      case 'str':
        // `unicode_dealloc`: a mortal interned string leaves the intern table.
        if (o.interned) this.internMap?.delete(p.value);
        this.allocator.free(o.address);
        return;
      default:
        this.allocator.free(o.address);
    }
  }

  /**
   * Lose the known order of the free lists (after allocations and frees in an order the model
   * does not know), except those in `keep`; and of every pymalloc class.
   */
  /** Lose the known order of one type's free list (something the model does not follow popped or pushed it). */
  loseFreeListOrderOf(kind: 'float' | 'list' | 'dict'): void {
    ({ float: this.floatFree, list: this.listFree, dict: this.dictFree })[kind].lose();
  }

  loseFreeListOrder(keep: readonly ('float' | 'list')[] = NO_KEEP): void {
    // (each list loses only its own order: the order of the calls does not matter; every exec and
    // many prints come here, so no array of the lists)
    this.dictFree.lose();
    const tupleFree = this.tupleFree;
    for (let i = 0; i < tupleFree.length; i++) tupleFree[i]?.lose();
    if (!keep.includes('float')) this.floatFree.lose();
    if (!keep.includes('list')) this.listFree.lose();
    this.allocator.untracked('unknown');
  }

  // ---- interning -------------------------------------------------------------------------

  /**
   * `PyUnicode_InternInPlace` (`Objects/unicodeobject.c`): returns a new reference to the
   * interned string equal to `ref` (which the caller still owns). Mortal interning: the
   * table's references are not counted (`SSTATE_INTERNED_MORTAL`, the dict's 2 refs are
   * given back); 3.12 makes every interned string immortal.
   * `atCompile`: interning of a code object's constant (`intern_string_constants`). When an
   * equal string may already be interned by the interpreter (see `mayBeInternedAtStartup`),
   * the constant stands for that older object, whose count the model cannot know; for
   * `sys.intern` the identity of the result is unknown too, and CoreUnknown is thrown.
   */
  intern(ref: Ref, atCompile = false): Ref {
    const o = this.get(ref);
    if (o.payload.kind !== 'str') throw new Error('model bug: interning a non-str');
    const value = o.payload.value;
    // `intern_common` (3.12.7+): "if it's a short string, get the singleton".
    if (this.config.internLatin1Singleton && value.length === 1 && isCachedStr(value)) {
      const single = this.str(value);
      if (single !== ref) return single;
      this.decref(single);
    }
    const table = (this.internMap ??= new Map<string, Ref>());
    const hit = table.get(value);
    if (hit !== undefined) return this.incref(hit);
    if (!isCachedStr(value) && mayBeInternedAtStartup(value)) {
      if (!atCompile) throw new CoreUnknown(`the interpreter may already have interned a string equal to ${JSON.stringify(value)} before the program started`);
      o.refcntKnown = false;
    }
    if (isCachedStr(value) || o.immortal) {
      // 1-char and empty strings are shared and, on 3.12+, static and immortal.
      table.set(value, ref);
      o.interned = true;
      return this.incref(ref);
    }
    table.set(value, ref);
    o.interned = true;
    if (atCompile ? this.config.internImmortal.constants : this.config.internImmortal.sysIntern) {
      o.immortal = true;
      o.immortalOrigin = 'runtime';
    }
    return this.incref(ref);
  }

  // ---- weak references -----------------------------------------------------------------

  /** The objects a weakref or WeakSet would need `tp_weaklistoffset` for. */
  canBeWeaklyReferenced(ref: Ref): boolean {
    const k = this.get(ref).payload.kind;
    // Generators have `gi_weakreflist` (`Objects/genobject.c`); the other iterators do not.
    if (k === 'iterator') return this.payload(ref, 'iterator').type === 'generator';
    // `Objects/typeobject.c`: instances of classes without `__slots__` get `__weakref__`;
    // functions, classes, methods, sets, frozensets, code and weakref-able builtins too.
    // int, str, tuple, list, dict, bytes, float... have `tp_weaklistoffset == 0`.
    if (k === 'instance') {
      // A class has `__weakref__` unless it and all its bases define `__slots__` without it.
      let cls: Ref | null = this.payload(ref, 'instance').cls;
      while (cls !== null) {
        const t: Extract<Payload, { kind: 'type' }> = this.payload(cls, 'type');
        if (t.slots === null || t.slots.includes('__weakref__')) return true;
        cls = t.base;
      }
      return false;
    }
    return ['function', 'type', 'method', 'set', 'frozenset', 'code', 'module', 'WeakSet'].includes(k);
  }

  // ---- internal helpers for gc.ts --------------------------------------------------------

  /** Objects in allocation order (the order of the gc lists for young objects). */
  allObjects(): PyObject[] {
    return this.live();
  }

  /** The live GC-tracked objects (`gcTracked`) in allocation order. */
  trackedObjects(): PyObject[] {
    // The dead are dropped from `tracked` in place (a dead object never comes back to life).
    const tracked = this.tracked;
    let kept = 0;
    for (let i = 0; i < tracked.length; i++) {
      const o = tracked[i] as HeapObject;
      // Not alive: freed, or in the middle of its own dealloc (a weakref callback may run gc.collect()).
      if (o.alive) tracked[kept++] = o;
    }
    tracked.length = kept;
    return tracked.slice();
  }

  /** Break `o`'s references (`tp_clear`), as `delete_garbage` does. */
  clearReferences(o: PyObject): void {
    const p = o.payload;
    const refs: Ref[] = [];
    switch (p.kind) {
      case 'list':
        refs.push(...p.items.splice(0).reverse());
        break;
      case 'dict':
        for (const e of p.entries.splice(0)) refs.push(e.key, e.value);
        break;
      case 'instance':
        if (p.dict !== null) refs.push(p.dict);
        p.dict = null;
        refs.push(...p.slots.values(), ...p.values.values());
        // `Map.clear` is a runtime call that makes a new table even for an empty Map (most instances have no slots).
        if (p.slots.size !== 0) p.slots.clear();
        if (p.values.size !== 0) p.values.clear();
        break;
      case 'type':
      case 'module':
        refs.push(...p.attrs.values());
        p.attrs.clear();
        break;
      case 'set':
        refs.push(...p.items.splice(0));
        break;
      case 'function':
        // `func_clear` (Objects/funcobject.c): the defaults, then the closure and annotations (`extras`).
        refs.push(...p.defaults.splice(0), ...(p.extras?.splice(0) ?? []));
        break;
      case 'iterator':
        // `cell_clear` (Objects/cellobject.c): a cell lets go of its value; the other iterators are not cleared.
        if (p.type !== 'cell') return;
        refs.push(...p.held.splice(0));
        break;
      default:
        // Tuples have no tp_clear: they are freed once their cycle partners let go.
        return;
    }
    for (const r of refs) if (this.isAlive(r)) this.decref(r);
  }
}

/**
 * The order in which `tp_dealloc` releases an object's references:
 * - list: `list_dealloc` decrefs items from the LAST to the first;
 * - tuple: `tupledealloc` also from the last (`while (--i >= 0) Py_XDECREF(op->ob_item[i])`);
 * - dict: `free_keys_object` goes through entries in order, key then value;
 * - instance: `subtype_dealloc` clears slots (`clear_slots`, declaration order), then the
 *   `__dict__`, frees the memory, then decrefs its heap type;
 * - set: `set_dealloc` in table order.
 */
export function deallocOrder(p: Payload): Ref[] {
  switch (p.kind) {
    case 'list':
    case 'tuple':
      return [...p.items].reverse();
    case 'dict':
      return p.entries.flatMap((e) => [e.key, e.value]);
    case 'instance':
      return [...p.slots.values(), ...p.values.values(), ...(p.dict === null ? [] : [p.dict]), p.cls];
    default:
      return strongReferents(p);
  }
}

/**
 * `Objects/weakrefobject.c` `PyObject_ClearWeakRefs`: first every weak reference to the
 * dying object is cleared (`clear_weakref`), then the callbacks run, most recently made
 * first (a ref with a callback is inserted after the basic ref at the head of the list,
 * `insert_after`/`insert_head` in `PyWeakref_NewRef`).
 */
export function clearWeakrefsOf(heap: Heap, o: PyObject): void {
  if (o.weakrefs.length === 0) return;
  const refs = [...o.weakrefs];
  o.weakrefs.length = 0;
  const withCallbacks: Ref[] = [];
  for (const w of refs) {
    const wp = heap.payload(w, 'weakref');
    wp.referent = null;
    if (wp.weakSet !== null) {
      // `Lib/_weakrefset.py` `WeakSet.__init__._remove`: the member leaves the set.
      if (heap.isAlive(wp.weakSet)) {
        heap.payload(wp.weakSet, 'WeakSet').members.delete(o.ref);
        heap.decref(w);
      }
      continue;
    }
    if (wp.callback !== null) {
      heap.incref(w);
      withCallbacks.push(w);
    }
  }
  for (const w of withCallbacks.reverse()) {
    const wp = heap.payload(w, 'weakref');
    const cb = wp.callback;
    if (cb !== null) {
      wp.callback = null;
      heap.weakrefCallbackHook?.(cb, w);
      heap.decref(cb);
    }
    heap.decref(w);
  }
}
