/**
 * The hashed index answers exactly as the linear scan it replaces: the first stored key equal
 * to the probe in insertion order, or the refusal the first refusing comparison raises. Keys are
 * generated of every class (plain, id() values whose owners live or die, unknown values) with
 * an `equals` that follows the contract of `KeyClass`.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Heap } from '../../core/heap';
import type { DictEntry, Ref } from '../../core/objects';
import { KeyedLookup, type KeyClass } from './keyed';

type Key = { kind: 'plain'; hash: number; risky: boolean } | { kind: 'address'; owner: number; block: number } | { kind: 'unknown' };

const keyArb: fc.Arbitrary<Key> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('plain' as const), hash: fc.integer({ min: 0, max: 6 }), risky: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('address' as const), owner: fc.integer({ min: 0, max: 5 }), block: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unknown' as const }) },
);

type Op = { op: 'set' | 'find' | 'remove'; key: Key } | { op: 'kill'; owner: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('set' as const, 'find' as const, 'remove' as const), key: keyArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('kill' as const), owner: fc.integer({ min: 0, max: 5 }) }) },
);

class Refused extends Error {}

function world() {
  const keys = new Map<Ref, Key>();
  const dead = new Set<number>();
  const heap = {
    watchedDeaths: 0,
    certainlyAlive: (owner: Ref) => !dead.has(owner),
  };
  let next = 1;
  const classify = (ref: Ref): KeyClass => {
    const k = keys.get(ref) as Key;
    if (k.kind === 'plain') {
      if (k.hash === 6) throw new Refused('unhashable'); // hashing itself may fail
      return { kind: 'plain', hash: String(k.hash), mayMatchAddress: k.risky };
    }
    return k.kind === 'address' ? { kind: 'address', owner: k.owner } : { kind: 'unknown' };
  };
  const equals = (a: Ref, b: Ref): boolean => {
    if (a === b) return true;
    const [ka, kb] = [keys.get(a) as Key, keys.get(b) as Key];
    if (ka.kind === 'unknown' || kb.kind === 'unknown') throw new Refused('unknown');
    if (ka.kind === 'address' && kb.kind === 'address') {
      if (ka.owner === kb.owner) return true;
      if (!dead.has(ka.owner) && !dead.has(kb.owner)) return false;
      if (ka.block === 0 || kb.block === 0) throw new Refused('address unknown');
      return ka.block === kb.block;
    }
    if (ka.kind === 'address' || kb.kind === 'address') {
      const other = ka.kind === 'plain' ? ka : (kb as Extract<Key, { kind: 'plain' }>);
      if (other.risky) throw new Refused('may equal an address');
      return false;
    }
    return ka.hash === kb.hash;
  };
  return {
    heap,
    lookup: new KeyedLookup({ heap: () => heap as unknown as Heap, classify, equals, builtinHash: () => null }),
    ref(key: Key): Ref {
      keys.set(next, key);
      return next++;
    },
    kill(owner: number) {
      if (!dead.has(owner)) {
        dead.add(owner);
        heap.watchedDeaths++;
      }
    },
    classify,
    equals,
  };
}

/** `f()`'s value or the refusal's message: what the interpreter would see. */
function outcome<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    if (e instanceof Refused) return `refused: ${e.message}`;
    throw e;
  }
}

describe('KeyedLookup', () => {
  test.prop([fc.array(opArb, { maxLength: 40 })], { numRuns: 2000 })('dicts: the same answers as the linear scan', (ops) => {
    const w = world();
    const indexed: DictEntry[] = [];
    const linear: DictEntry[] = [];
    for (const step of ops) {
      if (step.op === 'kill') {
        w.kill(step.owner);
        continue;
      }
      const key = w.ref(step.key);
      const scan = () => {
        w.classify(key); // the key is hashed first
        return linear.findIndex((e) => w.equals(e.key, key));
      };
      const expected = outcome(scan);
      if (step.op === 'find') {
        const got = outcome(() => w.lookup.findEntry(indexed, key));
        expect(typeof got === 'string' ? got : got === undefined ? -1 : indexed.indexOf(got)).toEqual(expected);
      } else if (step.op === 'set') {
        const got = outcome(() => w.lookup.findEntry(indexed, key));
        expect(typeof got === 'string' ? got : got === undefined ? -1 : indexed.indexOf(got)).toEqual(expected);
        if (expected === -1) {
          w.lookup.appendEntry(indexed, { key, value: 0 });
          linear.push({ key, value: 0 });
        }
      } else {
        const got = outcome(() => w.lookup.removeEntry(indexed, key));
        if (typeof expected === 'number' && expected >= 0) {
          expect(got).toMatchObject({ key: (linear[expected] as DictEntry).key });
          linear.splice(expected, 1);
        } else expect(typeof got === 'string' ? got : -1).toEqual(expected);
      }
      expect(indexed.map((e) => e.key)).toEqual(linear.map((e) => e.key));
    }
  });

  test.prop([fc.array(keyArb, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 })], { numRuns: 1000 })(
    'sets: adding keeps the first equal item, as the linear scan does',
    (keys, killed) => {
      const w = world();
      const indexed: Ref[] = [];
      const linear: Ref[] = [];
      keys.forEach((k, i) => {
        if (i === 10) killed.forEach((o) => w.kill(o));
        const key = w.ref(k);
        const expected = outcome(() => {
          w.classify(key);
          return linear.some((x) => w.equals(x, key));
        });
        const got = outcome(() => !w.lookup.addItem(indexed, key));
        expect(got).toEqual(expected);
        if (expected === false) linear.push(key);
        expect(indexed).toEqual(linear);
      });
    },
  );

  test('sets: removing takes out the stored equal item and keeps the order of the rest', () => {
    const w = world();
    const items: Ref[] = [];
    const [a, b, c] = [1, 2, 3].map((hash) => w.ref({ kind: 'plain', hash, risky: false }));
    for (const r of [a, b, c]) w.lookup.addItem(items, r as Ref);
    const equalToB = w.ref({ kind: 'plain', hash: 2, risky: false });
    expect(w.lookup.removeItem(items, equalToB)).toBe(b);
    expect(items).toEqual([a, c]);
    expect(w.lookup.removeItem(items, equalToB)).toBeUndefined();
    expect(w.lookup.findItem(items, w.ref({ kind: 'plain', hash: 3, risky: false }))).toBe(c);
  });

  test('an array changed behind the index is indexed again', () => {
    const w = world();
    const entries: DictEntry[] = [];
    const a = w.ref({ kind: 'plain', hash: 1, risky: false });
    w.lookup.appendEntry(entries, { key: a, value: 0 });
    const b = w.ref({ kind: 'plain', hash: 2, risky: false });
    entries.push({ key: b, value: 0 }); // not through the index
    expect(w.lookup.findEntry(entries, w.ref({ kind: 'plain', hash: 2, risky: false }))?.key).toBe(b);
    entries.splice(0, 2, { key: b, value: 1 }, { key: a, value: 1 }); // same length, same ends swapped
    expect(w.lookup.findEntry(entries, a)?.value).toBe(1);
  });
});
