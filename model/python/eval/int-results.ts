/**
 * Which object an int operation returns when the result is a small int (-5..256) but an operand
 * has more than one digit (`Objects/longobject.c`; digits of `PYLONG_BITS_IN_DIGIT` = 30 bits on
 * every build measured, x86_64 and wasm32). Operands of at most one digit take the
 * `MEDIUM_VALUE` / `fast_mod` paths and `PyLong_FromLong`: the cached small int. The multi-digit
 * paths differ (facts `intResults`, probed):
 * - `long_add`/`long_sub` -> `x_sub` (magnitudes subtracted): equal magnitudes give
 *   `PyLong_FromLong(0)`; otherwise `long_normalize(z)`, through `maybe_small_long` from 3.9.
 * - `long_mod` -> `long_divrem` (3.8-3.10 via `l_divmod`) / `long_rem` (3.11+): when |a| < |b|
 *   by digits (fewer digits, or as many and a smaller top digit) the remainder is `long_long(a)`,
 *   `a` itself; a one-digit divisor gives `PyLong_FromLong(rem)`; otherwise `x_divrem`'s
 *   remainder, through `maybe_small_long` from 3.11. A remainder whose sign differs from the
 *   divisor's becomes `long_add(mod, w)` (`l_divmod` / `l_mod`).
 * - the quotient (`//`) is always through `maybe_small_long` or `PyLong_FromLong`.
 * - `long_rshift1` (3.11+): a negative multi-digit int shifted by 0 is itself (`long_long(a)`).
 */
import type { Heap } from '../../core/heap';
import { isSmallInt } from '../../core/caches';
import type { Ref } from '../../core/objects';
import { longDigits } from '../../core/sizes';

/** Arguments: an int operand as a bigint with its object (null for a bool: `long_long` copies those). */
export interface IntOperand {
  readonly value: bigint;
  readonly exactInt: Ref | null;
}

/** `1 << PyLong_SHIFT` (30 on every build measured) and its negation, computed once per digit size. */
interface DigitLimits {
  readonly limit: bigint;
  readonly negative: bigint;
}
const DIGIT_LIMITS = new Map<number, DigitLimits>([[30, { limit: 1n << 30n, negative: -(1n << 30n) }]]);

/** The digit limits of the heap's digit size (the negation kept: a `-limit` per operation made a bigint). */
function digitLimits(heap: Heap): DigitLimits {
  const bits = heap.config.sizes.longDigitBits;
  let limits = DIGIT_LIMITS.get(bits);
  if (limits === undefined) {
    const limit = 1n << BigInt(bits);
    DIGIT_LIMITS.set(bits, (limits = { limit, negative: -limit }));
  }
  return limits;
}

function digitCount(heap: Heap, v: bigint): number {
  return longDigits(v, heap.config.sizes.longDigitBits);
}

function topDigit(heap: Heap, v: bigint): bigint {
  const m = v < 0n ? -v : v;
  const bits = BigInt(heap.config.sizes.longDigitBits);
  return m >> (bits * BigInt(digitCount(heap, v) - 1));
}

function isSmall(heap: Heap, v: bigint): boolean {
  return isSmallInt(v, heap.config);
}

/** The result of a multi-digit `x_sub` (equal magnitudes: the cached 0). */
function multiDigitDifference(heap: Heap, r: bigint): Ref {
  if (r === 0n || !isSmall(heap, r) || heap.config.intResults.multiDigitSubtraction) return heap.int(r);
  return heap.newInt(r);
}

/** `long_add` / `long_sub` of `x` and `y` with the sum or difference `r`. */
export function intAddOrSubtract(heap: Heap, x: bigint, y: bigint, r: bigint): Ref {
  const { limit, negative } = digitLimits(heap);
  const oneDigit = x < limit && x > negative && y < limit && y > negative;
  if (oneDigit || !isSmall(heap, r)) return heap.int(r);
  // A small result with a multi-digit operand only comes from subtracting magnitudes.
  return multiDigitDifference(heap, r);
}

/** `long_rshift1` (3.11+): a negative multi-digit int shifted by 0 is `long_long(a)`, itself. */
export function negativeShiftByZeroIsSelf(heap: Heap, a: bigint): boolean {
  return heap.config.intResults.negativeShiftByZeroIsSelf && a <= digitLimits(heap).negative;
}

/** `long_mod`: Python's `x % y` (y nonzero) as CPython builds it. */
export function intRemainder(heap: Heap, x: IntOperand, y: bigint): Ref {
  const truncated = x.value % y;
  const value = truncated !== 0n && truncated < 0n !== y < 0n ? truncated + y : truncated;
  const dx = digitCount(heap, x.value);
  const dy = digitCount(heap, y);
  if (dx === 1 && dy === 1) return heap.int(value); // `fast_mod`
  let rem: Ref;
  let remValue: bigint;
  if (dx < dy || (dx === dy && topDigit(heap, x.value) < topDigit(heap, y))) {
    // |a| < |b|: `long_long(a)`, the exact int itself.
    rem = x.exactInt !== null ? heap.incref(x.exactInt) : heap.int(x.value);
    remValue = x.value;
  } else {
    // The truncated remainder (sign of x): `rem1`/`divrem1` -> `PyLong_FromLong`, else `x_divrem`.
    remValue = truncated;
    const cached = dy === 1 || !isSmall(heap, remValue) || heap.config.intResults.multiDigitRemainder;
    rem = cached ? heap.int(remValue) : heap.newInt(remValue);
  }
  if (remValue === 0n || remValue < 0n === y < 0n) return rem;
  // `temp = long_add(mod, w); Py_DECREF(mod)`: the remainder takes the divisor's sign.
  const adjusted = intAddOrSubtract(heap, remValue, y, value);
  heap.decref(rem);
  return adjusted;
}
