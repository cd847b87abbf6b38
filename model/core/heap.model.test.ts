/**
 * Model-based tests: random sequences of memory operations (create, bind, drop, store in
 * a container, intern, weakref, collect, observe) drive the core, and after each command
 * its invariants are checked against a plain bookkeeping of the references created.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { collect, findUnreachable, scanUnreachable } from './gc';
import { Heap } from './heap';
import { NATIVE_CONFIGS } from './measured-configs';
import type { Ref } from './objects';
import { newWeakref } from './weakrefs';

/** What the commands did, independently of the core. */
interface Book {
  /** Name slots (like variables): index -> object. */
  readonly names: (Ref | null)[];
  /** What each list got from `append` commands. */
  readonly appended: Map<Ref, Ref[]>;
  /** Every address ever handed out: value -> [ref, created serial, freed?]. */
  readonly addressHolders: Map<number, Ref[]>;
  readonly weakrefs: { weakref: Ref; referent: Ref }[];
  readonly interned: Ref[];
}

interface Sys {
  readonly heap: Heap;
  readonly book: Book;
}

const SLOTS = 4;

function recordAddress(sys: Sys, ref: Ref): void {
  const o = sys.heap.get(ref);
  if (o.address.sizeClass === 'static') return;
  const list = sys.book.addressHolders.get(o.address.value) ?? [];
  if (!list.includes(ref)) list.push(ref);
  sys.book.addressHolders.set(o.address.value, list);
}

function bindNew(sys: Sys, slot: number, ref: Ref): void {
  const old = sys.book.names[slot];
  sys.book.names[slot] = ref;
  recordAddress(sys, ref);
  if (old != null) sys.heap.decref(old);
}

type Maker = 'int' | 'float' | 'str' | 'tuple' | 'list' | 'instance';

class Create implements fc.Command<object, Sys> {
  constructor(
    readonly slot: number,
    readonly maker: Maker,
    readonly n: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(_m: object, sys: Sys): void {
    const h = sys.heap;
    let ref: Ref;
    switch (this.maker) {
      case 'int':
        ref = h.int(BigInt(1000 + this.n));
        break;
      case 'float':
        ref = h.float(this.n + 0.5);
        break;
      case 'str':
        ref = h.str(`s ${'x'.repeat(this.n)}`);
        break;
      case 'tuple':
        ref = h.tuple(Array.from({ length: 1 + (this.n % 3) }, () => h.int(7n)));
        break;
      case 'list':
        ref = h.list(Array.from({ length: this.n % 3 }, () => h.int(7n)));
        break;
      case 'instance': {
        const cls = sys.heap.live().find((o) => o.payload.kind === 'type')?.ref;
        if (cls === undefined) throw new Error('no class');
        h.incref(cls);
        ref = h.object({ kind: 'instance', cls, dict: null, values: new Map(), slots: new Map() }, h.config.sizes.instance);
        break;
      }
    }
    bindNew(sys, this.slot, ref);
  }
  toString(): string {
    return `create ${this.maker}(${this.n}) -> n${this.slot}`;
  }
}

class Bind implements fc.Command<object, Sys> {
  constructor(
    readonly to: number,
    readonly from: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(_m: object, sys: Sys): void {
    const r = sys.book.names[this.from];
    if (r == null) return;
    sys.heap.incref(r);
    bindNew(sys, this.to, r);
  }
  toString(): string {
    return `n${this.to} = n${this.from}`;
  }
}

class Drop implements fc.Command<object, Sys> {
  constructor(readonly slot: number) {}
  check(): boolean {
    return true;
  }
  run(_m: object, sys: Sys): void {
    const r = sys.book.names[this.slot];
    if (r == null) return;
    sys.book.names[this.slot] = null;
    sys.heap.decref(r);
  }
  toString(): string {
    return `del n${this.slot}`;
  }
}

/** `lst.append(x)` for lists; a list may end up containing itself (a cycle). */
class Store implements fc.Command<object, Sys> {
  constructor(
    readonly container: number,
    readonly value: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(_m: object, sys: Sys): void {
    const c = sys.book.names[this.container];
    const v = sys.book.names[this.value];
    if (c == null || v == null || sys.heap.get(c).payload.kind !== 'list') return;
    sys.heap.payload(c, 'list').items.push(sys.heap.incref(v));
    sys.book.appended.set(c, [...(sys.book.appended.get(c) ?? []), v]);
  }
  toString(): string {
    return `n${this.container}.append(n${this.value})`;
  }
}

/** `n.append(...)` as the evaluator runs it: the name's object loaded (incref) and released while the name still binds it. */
class Use implements fc.Command<object, Sys> {
  constructor(readonly slot: number) {}
  check(): boolean {
    return true;
  }
  run(_m: object, sys: Sys): void {
    const r = sys.book.names[this.slot];
    if (r == null) return;
    sys.heap.incref(r);
    sys.heap.decrefReachable(r);
  }
  toString(): string {
    return `use(n${this.slot})`;
  }
}

class Intern implements fc.Command<object, Sys> {
  constructor(readonly slot: number) {}
  check(): boolean {
    return true;
  }
  run(_m: object, sys: Sys): void {
    const r = sys.book.names[this.slot];
    if (r == null || sys.heap.get(r).payload.kind !== 'str') return;
    const t = sys.heap.intern(r);
    sys.book.interned.push(t);
    bindNew(sys, this.slot, t);
  }
  toString(): string {
    return `n${this.slot} = sys.intern(n${this.slot})`;
  }
}

class WeakRef implements fc.Command<object, Sys> {
  constructor(readonly slot: number) {}
  check(): boolean {
    return true;
  }
  run(_m: object, sys: Sys): void {
    const r = sys.book.names[this.slot];
    if (r == null || !sys.heap.canBeWeaklyReferenced(r)) return;
    const w = newWeakref(sys.heap, r, null);
    sys.book.weakrefs.push({ weakref: w, referent: r });
  }
  toString(): string {
    return `weakref.ref(n${this.slot})`;
  }
}

class Collect implements fc.Command<object, Sys> {
  check(): boolean {
    return true;
  }
  run(_m: object, sys: Sys): void {
    const garbage = new Set(findUnreachable(sys.heap).map((o) => o.ref));
    collect(sys.heap);
    for (const g of garbage) expect(sys.heap.isAlive(g), `garbage #${g} freed by collect`).toBe(false);
  }
  toString(): string {
    return 'gc.collect()';
  }
}

/** References held by the names and by the live lists the commands appended to. */
function countHolders(sys: Sys): Map<Ref, number> {
  const held = new Map<Ref, number>();
  const add = (r: Ref): void => void held.set(r, (held.get(r) ?? 0) + 1);
  for (const n of sys.book.names) if (n != null) add(n);
  for (const [list, items] of sys.book.appended) if (sys.heap.isAlive(list)) items.forEach(add);
  return held;
}

function checkInvariants(sys: Sys): void {
  const h = sys.heap;
  const live = h.live().filter((o) => o.address.sizeClass !== 'static');
  // Objects alive at once have distinct addresses.
  const seen = new Map<number, Ref>();
  for (const o of live) {
    expect(seen.get(o.address.value), `address of #${o.ref} shared with a live object`).toBeUndefined();
    seen.set(o.address.value, o.ref);
  }
  // An address seen again belongs to an object created after the previous holder died.
  for (const holders of sys.book.addressHolders.values()) {
    for (let i = 0; i + 1 < holders.length; i++) {
      // Refs are handed out in allocation order; a freed object is gone from the heap.
      const prev = holders[i] as Ref;
      const next = holders[i + 1] as Ref;
      expect(h.isAlive(prev), 'an address was handed out while its holder lived').toBe(false);
      expect(h.lookup(prev), 'a freed object is not kept').toBeUndefined();
      expect(next > prev).toBe(true);
    }
  }
  // Refcounts equal the references the commands created (objects whose count the model knows,
  // not referenced from objects the book does not see, e.g. list items made by the core).
  for (const [ref, n] of countHolders(sys)) {
    const o = h.lookup(ref);
    expect(o?.alive, `#${ref} held ${n} times but dead`).toBe(true);
    if (!o || o.immortal || !o.refcntKnown) continue;
    if (o.payload.kind === 'int' && o.payload.value === 7n) continue; // also held by core-made tuples/lists
    expect(o.refcnt, `refcount of #${ref} (${o.payload.kind})`).toBe(n);
  }
  // Weak references die exactly when their referent is freed.
  for (const { weakref, referent } of sys.book.weakrefs) {
    const p = h.lookup(weakref)?.payload;
    if (p?.kind !== 'weakref' || !h.isAlive(weakref)) continue;
    expect(p.referent !== null, 'weakref alive iff referent alive').toBe(h.isAlive(referent));
  }
  // No decref left a tracked object alive since the last scan that found nothing: no garbage.
  if (!h.garbagePossible) expect(scanUnreachable(h).map((o) => o.ref), 'garbage formed unnoticed').toEqual([]);
  // The intern table holds only live strings; immortal interning never frees.
  for (const ref of h.internTable.values()) expect(h.isAlive(ref)).toBe(true);
  if (h.config.internImmortal.sysIntern) for (const r of sys.book.interned) expect(h.isAlive(r)).toBe(true);
}

const slot = fc.integer({ min: 0, max: SLOTS - 1 });
const create = fc
  .tuple(slot, fc.constantFrom<Maker>('int', 'float', 'str', 'tuple', 'list', 'instance'), fc.nat(5))
  .map(([s, m, n]) => new Create(s, m, n));
const commands = fc.commands(
  [
    create,
    create,
    create,
    slot.map((s) => new Drop(s)),
    fc.tuple(slot, slot).map(([a, b]) => new Bind(a, b)),
    slot.map((s) => new Drop(s)),
    fc.tuple(slot, slot).map(([a, b]) => new Store(a, b)),
    slot.map((s) => new Use(s)),
    slot.map((s) => new Intern(s)),
    slot.map((s) => new WeakRef(s)),
    fc.constant(new Collect()),
  ],
  { maxCommands: 60, size: 'large' },
);

describe('core invariants under random memory operations', () => {
  for (const [version, config] of Object.entries(NATIVE_CONFIGS)) {
    test.prop([commands], { numRuns: 100 })(`holds on ${version}`, (cmds) => {
      const heap = new Heap(config);
      const cls = heap.object({ kind: 'type', name: 'C', attrs: new Map(), slots: null, base: null });
      expect(heap.isAlive(cls)).toBe(true);
      const sys: Sys = {
        heap,
        book: { names: Array<Ref | null>(SLOTS).fill(null), appended: new Map(), addressHolders: new Map(), weakrefs: [], interned: [] },
      };
      fc.modelRun(
        () => ({ model: {}, real: sys }),
        [...cmds].flatMap((c) => [c, { check: () => true, run: () => checkInvariants(sys), toString: () => 'check' }]),
      );
    });
  }
});
