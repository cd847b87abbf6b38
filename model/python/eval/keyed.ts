/**
 * Hashed lookup of dict keys and set items, with the same answers as comparing the key with
 * every stored key in insertion order (`dictobject.c` `_Py_dict_lookup`, `setobject.c`
 * `set_lookkey` probe by hash first; the model's equality also refuses some comparisons, so
 * the order of the comparisons it does make must be the linear scan's).
 *
 * An index narrows the stored keys to the candidates that may compare equal or refuse; the
 * interpreter's own `equals` then runs on them in insertion order. Everything outside the
 * candidates is certainly unequal without a refusal, by the classes below.
 *
 * Indexes live beside the payloads (a WeakMap) and are rebuilt when the array changed behind
 * their back (length, first or last element differ): code that pushes or splices directly stays
 * correct, only slower.
 */
import type { Heap } from '../../core/heap';
import type { DictEntry, Ref } from '../../core/objects';
import { Refusal } from './refusal';

/**
 * How a key compares with others: `plain` keys are equal iff their hash keys are; `address`
 * keys (`id()` values) compare by owner and address; `unknown` keys refuse every comparison
 * but with themselves. A plain key that `mayMatchAddress` must also be compared with address keys.
 */
export type KeyClass =
  | { readonly kind: 'plain'; readonly hash: string; readonly mayMatchAddress: boolean }
  | { readonly kind: 'address'; readonly owner: Ref }
  | { readonly kind: 'unknown' }
  /** Hashed by a Python `__hash__` (user-equality.ts): compared, by the rules' `equals`, with every key of equal CPython hash. */
  | { readonly kind: 'user'; readonly hash: bigint };

/** Where a key is hashed: CPython 3.14 names it in the TypeError of an unhashable key. */
export type KeySite = 'dict key' | 'set element';

export interface KeyRules {
  /** The heap (a function: the interpreter makes its rules before its fields are set). */
  heap(): Heap;
  /** `site` is given when `key` comes from the program (stored keys are known hashable). */
  classify(key: Ref, site?: KeySite): KeyClass;
  /** The interpreter's comparison: true, false, or a thrown refusal. */
  equals(stored: Ref, key: Ref): boolean;
  /** CPython's hash of a key of class `plain`, or null when the model cannot know it (compared only with `user` keys). */
  builtinHash(key: Ref): bigint | null;
}

interface Slot<T> {
  readonly item: T;
  readonly key: Ref;
  readonly serial: number;
  readonly cls: KeyClass;
}

class KeyIndex<T> {
  private serial = 0;
  // Every dict and set gets an index, most hold few keys of one class: the maps are made on first use.
  private plain: Map<string, Slot<T>> | null = null;
  private readonly mayMatchAddress: Slot<T>[] = [];
  private readonly addresses: Slot<T>[] = [];
  /**
   * The address slots by owner: one slot alone (the common case: no array), or the list of them.
   * Made from `addresses` when a lookup first needs it (`ownerSlots`), kept up to date after.
   */
  private byOwner: Map<Ref, Slot<T> | Slot<T>[]> | null = null;
  /**
   * The highest owner of the address slots (refs rise as objects are made): a lookup by the id()
   * value of a newer object finds nothing without the owner map, which `ids[id(x)] = True` of
   * fresh objects then never makes (a map entry per store was a tenth of such a loop).
   */
  private maxOwner = -1;
  /**
   * How many address keys added since the last `flush`, all of live owners, are not yet slots:
   * the last `pending` of the `length` items taken in (the array's, in order). A store of a fresh
   * object's id() value (`ids[id(x)] = True`) then costs a count (a push to an array of them was
   * a tenth of the store), and the slots are made only if some other lookup or change needs the
   * index whole (their classes then asked again: a stored key's class never changes).
   */
  private pending = 0;
  private readonly unknown: Slot<T>[] = [];
  /** Every slot in insertion order (removals are rare: found by a scan). */
  private readonly slots: Slot<T>[] = [];
  private users: Map<bigint, Slot<T>[]> | null = null;
  private userCount = 0;
  private removals = 0;
  /** Address slots whose owner is dead, valid while the heap's watched-death count is `deathsSeen`. */
  private deadOwners: Slot<T>[] = [];
  private deathsSeen = -1;
  length = 0;
  first: T | undefined;
  last: T | undefined;

  /** `items`: the array indexed (a dict's entries, a set's items), which `matches` before every use. */
  constructor(
    private readonly rules: KeyRules,
    private readonly keyOf: (item: T) => Ref,
    private readonly items: readonly T[],
  ) {}

  matches(items: readonly T[]): boolean {
    return items.length === this.length && items[0] === this.first && items[items.length - 1] === this.last;
  }

  add(item: T, cls: KeyClass = this.rules.classify(this.keyOf(item))): void {
    if (cls.kind === 'address' && this.rules.heap().certainlyAlive(cls.owner)) {
      this.pending++;
      if (cls.owner > this.maxOwner) this.maxOwner = cls.owner;
    } else {
      this.flush();
      this.addSlot(item, cls);
    }
    if (this.length === 0) this.first = item;
    this.last = item;
    this.length++;
  }

  /** The pending address keys become slots, in the order they were added. */
  private flush(): void {
    const n = this.pending;
    if (n === 0) return;
    const rules = this.rules;
    const items = this.items;
    for (let i = this.length - n; i < this.length; i++) {
      const item = items[i] as T;
      this.addSlot(item, rules.classify(this.keyOf(item)));
    }
    this.pending = 0;
  }

  private addSlot(item: T, cls: KeyClass): void {
    const slot: Slot<T> = { item, key: this.keyOf(item), serial: this.serial++, cls };
    this.slots.push(slot);
    switch (cls.kind) {
      case 'plain':
        (this.plain ??= new Map()).set(cls.hash, slot);
        if (cls.mayMatchAddress) this.mayMatchAddress.push(slot);
        break;
      case 'address': {
        this.addresses.push(slot);
        if (cls.owner > this.maxOwner) this.maxOwner = cls.owner;
        if (this.byOwner !== null) addByOwner(this.byOwner, slot, cls.owner);
        if (!this.rules.heap().certainlyAlive(cls.owner)) this.deadOwners.push(slot);
        break;
      }
      case 'unknown':
        this.unknown.push(slot);
        break;
      case 'user': {
        const users = (this.users ??= new Map<bigint, Slot<T>[]>());
        const same = users.get(cls.hash);
        if (same) same.push(slot);
        else users.set(cls.hash, [slot]);
        this.userCount++;
      }
    }
  }

  /** Forget `item`, which `find` returned (and so made every key a slot); `items` is the array after its removal. */
  remove(item: T, items: readonly T[]): void {
    // The pending keys are found by position, which the removal has shifted.
    if (this.pending !== 0) throw new Error('model bug: a removal from an index with pending keys');
    let at = -1;
    for (let i = 0; i < this.slots.length; i++) {
      if ((this.slots[i] as Slot<T>).item === item) {
        at = i;
        break;
      }
    }
    if (at < 0) return;
    const slot = this.slots[at] as Slot<T>;
    this.slots.splice(at, 1);
    const drop = (list: Slot<T>[]) => {
      const i = list.indexOf(slot);
      if (i >= 0) list.splice(i, 1);
    };
    const cls = slot.cls;
    if (cls.kind === 'plain') {
      this.plain?.delete(cls.hash);
      if (cls.mayMatchAddress) drop(this.mayMatchAddress);
    } else if (cls.kind === 'address') {
      drop(this.addresses);
      drop(this.deadOwners);
      const same = this.byOwner?.get(cls.owner);
      if (Array.isArray(same)) drop(same);
      else if (same === slot) this.byOwner?.delete(cls.owner);
    } else if (cls.kind === 'user') {
      const same = this.users?.get(cls.hash);
      if (same) drop(same);
      this.userCount--;
    } else drop(this.unknown);
    this.removals++;
    this.length = items.length;
    this.first = items[0];
    this.last = items[items.length - 1];
  }

  /** The first stored item equal to `key`, as the linear scan finds it (refusals included). */
  find(key: Ref, cls: KeyClass): T | undefined {
    // The common cases, without building a candidate list: no unknown keys, and no key of the
    // other class that could equal this one.
    const common = this.userCount === 0 && this.unknown.length === 0;
    if (common && cls.kind === 'address' && this.mayMatchAddress.length === 0 && this.rules.heap().certainlyAlive(cls.owner) && this.addressesWithDeadOwner().length === 0) {
      // Newer than every stored owner: no stored key has its address (see `maxOwner`), and the
      // pending keys need not become slots.
      if (cls.owner > this.maxOwner) return undefined;
      this.flush();
      const same = this.ownerSlots().get(cls.owner);
      if (same === undefined) return undefined;
      if (!Array.isArray(same)) return this.rules.equals(same.key, key) ? same.item : undefined;
      for (let i = 0; i < same.length; i++) {
        const slot = same[i] as Slot<T>;
        if (this.rules.equals(slot.key, key)) return slot.item;
      }
      return undefined;
    }
    this.flush();
    if (cls.kind === 'user' || this.userCount > 0) return this.findWithUserKeys(key, cls);
    if (common && cls.kind === 'plain' && (!cls.mayMatchAddress || this.addresses.length === 0)) {
      const same = this.plain?.get(cls.hash);
      return same !== undefined && this.rules.equals(same.key, key) ? same.item : undefined;
    }
    const candidates = this.candidates(key, cls);
    if (candidates === null) return undefined;
    candidates.sort((a, b) => a.serial - b.serial);
    for (const slot of candidates) if (this.rules.equals(slot.key, key)) return slot.item;
    return undefined;
  }

  /**
   * `find` where Python hashes are involved: every stored key of equal CPython hash is compared,
   * in insertion order (the order the probe sequence meets keys of one hash, until a deletion
   * leaves a slot a later insertion may reuse: then refused).
   */
  private findWithUserKeys(key: Ref, cls: KeyClass): T | undefined {
    let candidates: Slot<T>[];
    if (cls.kind === 'user') {
      if (this.unknown.length > 0 || this.addresses.length > 0) throw new Refusal('a key hashed by Python beside id() values or values the model cannot know');
      candidates = [...(this.users?.get(cls.hash) ?? [])];
      for (const slot of this.plain?.values() ?? []) {
        const hash = this.rules.builtinHash(slot.key);
        if (hash === null) throw new Refusal('a key hashed by Python beside keys whose hash the model cannot know (str, bytes, tuples, None...)');
        if (hash === cls.hash) candidates.push(slot);
      }
    } else {
      const hash = cls.kind === 'plain' ? this.rules.builtinHash(key) : null;
      if (hash === null) throw new Refusal('this key beside keys hashed by Python', 'the model cannot know its CPython hash');
      candidates = [...(this.candidates(key, cls) ?? []), ...(this.users?.get(hash) ?? [])];
    }
    if (candidates.length > 1 && this.removals > 0) {
      throw new Refusal('several keys of one hash after a deletion', 'which of them CPython compares first depends on its probe sequence');
    }
    candidates.sort((a, b) => a.serial - b.serial);
    for (const slot of candidates) if (this.rules.equals(slot.key, key)) return slot.item;
    return undefined;
  }

  /** The stored keys that may equal `key` or refuse the comparison; null for none. */
  private candidates(key: Ref, cls: KeyClass): Slot<T>[] | null {
    const out: Slot<T>[] = [...this.unknown];
    switch (cls.kind) {
      case 'unknown':
      case 'user':
        return [...this.slots];
      case 'plain': {
        const same = this.plain?.get(cls.hash);
        if (same) out.push(same);
        if (cls.mayMatchAddress) out.push(...this.addresses);
        break;
      }
      case 'address': {
        out.push(...this.mayMatchAddress);
        if (!this.rules.heap().certainlyAlive(cls.owner)) out.push(...this.addresses);
        else {
          const same = cls.owner > this.maxOwner ? undefined : this.ownerSlots().get(cls.owner);
          if (Array.isArray(same)) out.push(...same);
          else if (same !== undefined) out.push(same);
          for (const slot of this.addressesWithDeadOwner()) if (slot.cls.kind === 'address' && slot.cls.owner !== cls.owner) out.push(slot);
        }
        break;
      }
    }
    return out.length === 0 ? null : out;
  }

  /** `byOwner`, made from `addresses` (in insertion order, as `add` appends) on first use. */
  private ownerSlots(): Map<Ref, Slot<T> | Slot<T>[]> {
    let byOwner = this.byOwner;
    if (byOwner === null) {
      byOwner = this.byOwner = new Map<Ref, Slot<T> | Slot<T>[]>();
      for (let i = 0; i < this.addresses.length; i++) {
        const slot = this.addresses[i] as Slot<T>;
        if (slot.cls.kind === 'address') addByOwner(byOwner, slot, slot.cls.owner);
      }
    }
    return byOwner;
  }

  private addressesWithDeadOwner(): Slot<T>[] {
    const deaths = this.rules.heap().watchedDeaths;
    if (deaths !== this.deathsSeen) {
      // Pending keys had live owners when added: one may have died since.
      this.flush();
      this.deadOwners = this.findDeadOwners();
      this.deathsSeen = deaths;
    }
    return this.deadOwners;
  }

  /**
   * The address slots whose owner may be dead. Apart, and a loop: a closure in
   * `addressesWithDeadOwner` made V8 allocate its context at every call (every lookup by an
   * `id()` value), even when the cached answer was returned.
   */
  private findDeadOwners(): Slot<T>[] {
    const heap = this.rules.heap();
    const out: Slot<T>[] = [];
    for (const s of this.addresses) if (s.cls.kind === 'address' && !heap.certainlyAlive(s.cls.owner)) out.push(s);
    return out;
  }
}

/** Appends an address slot to its owner's slots. */
function addByOwner<T>(byOwner: Map<Ref, Slot<T> | Slot<T>[]>, slot: Slot<T>, owner: Ref): void {
  const same = byOwner.get(owner);
  if (same === undefined) byOwner.set(owner, slot);
  else if (Array.isArray(same)) same.push(slot);
  else byOwner.set(owner, [same, slot]);
}

/** Lookups in dicts (`DictEntry[]`) and sets (`Ref[]`) through per-payload indexes. */
export class KeyedLookup {
  /** Made at the first dict or set looked up: many runs have none (every run makes a KeyedLookup). */
  private dictIndexes: WeakMap<DictEntry[], KeyIndex<DictEntry>> | null = null;
  private setIndexes: WeakMap<Ref[], KeyIndex<Ref>> | null = null;

  /**
   * The key `findEntry` classed last and its class: `appendEntry` of that key (a store after a
   * failed lookup) takes the class instead of classing the key again. Keys hashed by Python are
   * classed again (from their remembered hash, as before).
   */
  private lastKey: Ref = 0;
  private lastClass: KeyClass | null = null;
  /**
   * The entries array `dictIndex` answered last and its index: a loop storing into one dict
   * (`d[k] = v`: a lookup, then an append) finds it without two WeakMap lookups a store.
   */
  private lastEntries: DictEntry[] | null = null;
  private lastIndex: KeyIndex<DictEntry> | null = null;

  constructor(private readonly rules: KeyRules) {}

  /** The entry whose key equals `key`; hashing `key` first, as `PyObject_Hash` does. */
  findEntry(entries: DictEntry[], key: Ref): DictEntry | undefined {
    const index = this.dictIndex(entries);
    const cls = this.rules.classify(key, 'dict key');
    this.lastKey = key;
    this.lastClass = cls.kind === 'user' ? null : cls;
    return index.find(key, cls);
  }

  /**
   * The key's class as `findEntry` makes it, for a lookup in an empty dict (which finds nothing
   * and compares nothing): `makeDict`'s first key, without an index for the array it builds.
   */
  classifyDictKey(key: Ref): void {
    this.rules.classify(key, 'dict key');
  }

  /** Append a new entry (its key known absent). */
  appendEntry(entries: DictEntry[], entry: DictEntry): void {
    // After `findEntry` of this key (a store: its lookup, then its append), the index and class
    // that lookup found, unless the array changed in between (then asked again, whole).
    const last = this.lastIndex;
    const after = this.lastClass !== null && this.lastKey === entry.key;
    const index = after && entries === this.lastEntries && last !== null && entries.length === last.length ? last : this.dictIndex(entries);
    entries.push(entry);
    const cls = after ? (this.lastClass as KeyClass) : this.rules.classify(entry.key);
    this.lastClass = null;
    index.add(entry, cls);
  }

  /** Remove and return the entry whose key equals `key`. */
  removeEntry(entries: DictEntry[], key: Ref): DictEntry | undefined {
    const index = this.dictIndex(entries);
    const entry = index.find(key, this.rules.classify(key, 'dict key'));
    if (!entry) return undefined;
    entries.splice(entries.indexOf(entry), 1);
    index.remove(entry, entries);
    return entry;
  }

  /** The stored item equal to `key`, if any. */
  findItem(items: Ref[], key: Ref): Ref | undefined {
    return this.setIndex(items).find(key, this.rules.classify(key, 'set element'));
  }

  /** Append `key` unless an equal item is stored; whether it was appended. */
  addItem(items: Ref[], key: Ref): boolean {
    const index = this.setIndex(items);
    const cls = this.rules.classify(key, 'set element');
    if (index.find(key, cls) !== undefined) return false;
    items.push(key);
    index.add(key, cls);
    return true;
  }

  /** Remove and return the stored item equal to `key`. */
  removeItem(items: Ref[], key: Ref): Ref | undefined {
    const index = this.setIndex(items);
    const item = index.find(key, this.rules.classify(key, 'set element'));
    if (item === undefined) return undefined;
    items.splice(items.indexOf(item), 1);
    index.remove(item, items);
    return item;
  }

  private dictIndex(entries: DictEntry[]): KeyIndex<DictEntry> {
    const last = this.lastIndex;
    if (entries === this.lastEntries && last !== null && last.matches(entries)) return last;
    const indexes = (this.dictIndexes ??= new WeakMap());
    let index = indexes.get(entries);
    if (!index?.matches(entries)) {
      index = new KeyIndex(this.rules, (e: DictEntry) => e.key, entries);
      for (const e of entries) index.add(e);
      indexes.set(entries, index);
    }
    this.lastEntries = entries;
    this.lastIndex = index;
    return index;
  }

  private setIndex(items: Ref[]): KeyIndex<Ref> {
    const indexes = (this.setIndexes ??= new WeakMap());
    let index = indexes.get(items);
    if (!index?.matches(items)) {
      index = new KeyIndex(this.rules, (r: Ref) => r, items);
      for (const r of items) index.add(r);
      indexes.set(items, index);
    }
    return index;
  }
}
