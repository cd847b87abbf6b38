/**
 * The core's sizes (size classes and `sys.getsizeof`) against the profile arithmetic of the same
 * release, which `model/profiles/probes.recorded.test.ts` checks against what real CPython printed:
 * so these numbers are pinned to the real interpreters (3.8.18-3.13.0 native) without typing them.
 */
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../profiles';
import { bytesSizeof, intSizeof, listSizeof, setSizeof, slotsInstanceSizeof, strSizeof, tupleSizeof } from '../profiles/sizes';
import { NATIVE_CONFIGS } from './measured-configs';
import { getsizeof, longDigits, slotsInstanceSize } from './sizes';

const RELEASES: Readonly<Record<string, string>> = {
  '3.8': '3.8.18',
  '3.9': '3.9.18',
  '3.10': '3.10.13',
  '3.11': '3.11.7',
  '3.12': '3.12.1',
  '3.13': '3.13.0',
};

describe.each(Object.entries(NATIVE_CONFIGS))('getsizeof on %s agrees with the profile of the measured release', (minor, config) => {
  const profile = resolveProfile(`${RELEASES[minor] ?? ''}-x86_64`);

  it('ints and bools (int___sizeof__, 30-bit digits)', () => {
    for (const value of [0n, 1n, -5n, 2n ** 30n - 1n, 2n ** 30n, -(2n ** 31n), 2n ** 60n, 2n ** 90n]) {
      expect(getsizeof({ kind: 'int', value }, config), String(value)).toBe(intSizeof(profile, value));
    }
    expect(getsizeof({ kind: 'bool', value: true }, config)).toBe(intSizeof(profile, 1n));
    // False is an int without digits before 3.11 (24 bytes; the model said 28).
    expect(getsizeof({ kind: 'bool', value: false }, config)).toBe(intSizeof(profile, 0n));
  });

  it("instances with __slots__, a '__weakref__' name among them (3.12+ the managed pre-header)", () => {
    const cases: readonly [readonly string[], number, boolean][] = [
      [[], 0, false],
      [['a'], 1, false],
      [['__weakref__'], 0, true],
      [['a', '__weakref__', 'b'], 2, true],
    ];
    for (const [slots, named, weakref] of cases) {
      expect(slotsInstanceSize(slots, config) + config.gcHeaderSize, slots.join()).toBe(slotsInstanceSizeof(profile, named, weakref));
    }
  });

  it('strs of each kind, and the cached latin-1 characters', () => {
    for (const value of ['', 'a', 'abc', '\u00e9', 'a\u00e9', '\u0100', 'a\u0100', '\u{1f600}', 'a\u{1f600}', 'x\u007f', 'x\u0080', 'x\uffff', 'x\u{10000}']) {
      expect(getsizeof({ kind: 'str', value }, config), JSON.stringify(value)).toBe(strSizeof(profile, value));
    }
  });

  it('bytes, tuples, lists by capacity, sets and floats', () => {
    for (const n of [0, 1, 3]) {
      expect(getsizeof({ kind: 'bytes', value: Array<number>(n).fill(120) }, config)).toBe(bytesSizeof(profile, n));
      expect(getsizeof({ kind: 'tuple', items: Array<number>(n).fill(1) }, config)).toBe(tupleSizeof(profile, n));
      expect(getsizeof({ kind: 'list', items: [], capacity: n, itemsBlock: null }, config)).toBe(listSizeof(profile, n));
    }
    for (const n of [0, 1, 4]) {
      expect(getsizeof({ kind: 'set', items: Array<number>(n).fill(1) }, config)).toBe(setSizeof(profile, n));
      expect(getsizeof({ kind: 'frozenset', items: Array<number>(n).fill(1) }, config)).toBe(setSizeof(profile, n));
    }
    // Past 4 items the table grows in ways the core does not follow.
    expect(getsizeof({ kind: 'set', items: Array<number>(5).fill(1) }, config)).toBeNull();
    expect(getsizeof({ kind: 'float', value: 1.5 }, config)).toBe(profile.sizeofFloat);
    // The probe prints getsizeof(None) and getsizeof({}) next to these (sizeofObject, sizeofDict.emptyLiteral).
    expect(getsizeof({ kind: 'NoneType' }, config)).toBe(profile.sizeofObject);
    expect(getsizeof({ kind: 'dict', entries: [] }, config)).toBe(profile.sizeofDict.emptyLiteral);
  });
});

describe('longDigits', () => {
  /** The digit count by shifting, the way `_PyLong_New`'s callers count digits. */
  const byShifting = (value: bigint, digitBits: number): number => {
    let v = value < 0n ? -value : value;
    let n = 0;
    while (v > 0n) {
      v >>= BigInt(digitBits);
      n++;
    }
    return n;
  };

  it('counts digits of 15 and 30 bits around every power of two up to 2**70', () => {
    for (const digitBits of [15, 30]) {
      for (let k = 0; k <= 70; k++) {
        for (const v of [(1n << BigInt(k)) - 1n, 1n << BigInt(k), (1n << BigInt(k)) + 1n]) {
          expect(longDigits(v, digitBits), `${v} (${digitBits}-bit digits)`).toBe(byShifting(v, digitBits));
          expect(longDigits(-v, digitBits), `${-v} (${digitBits}-bit digits)`).toBe(byShifting(v, digitBits));
        }
      }
    }
  });
});
