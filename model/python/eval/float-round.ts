/**
 * `round()` of a float (`Objects/floatobject.c` `float___round___impl`, `double_round`): without
 * ndigits the nearest integer, halves to even (`round(x)`, then `2.0*round(x/2.0)` at a half);
 * with ndigits the double nearest to x rounded to that many decimal digits, where x's exact
 * binary value decides and halves go to even (`_Py_dg_dtoa` mode 3, then `_Py_dg_strtod`):
 * `round(2.675, 2)` is 2.67 because the double 2.675 is below 2.675.
 */

/** `round(x)` with C's `round` (halves away from zero) and the to-even correction. */
export function roundToIntegral(x: number): number {
  const cRound = (v: number): number => Math.sign(v) * Math.round(Math.abs(v));
  let rounded = cRound(x);
  if (Math.abs(x - rounded) === 0.5) rounded = 2.0 * cRound(x / 2.0);
  return rounded;
}

/** The exact value of a finite double as mantissa * 2 ** exponent (integers). */
export function exactBinary(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** Halves to even: n / d rounded to an integer (n, d > 0). */
function divideHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const twice = 2n * (n - q * d);
  return twice > d || (twice === d && q % 2n === 1n) ? q + 1n : q;
}

// `NDIGITS_MAX` / `NDIGITS_MIN`: beyond them x rounds to itself / to a signed zero.
const NDIGITS_MAX = Math.trunc((53 + 1021) * 0.30103);
const NDIGITS_MIN = -Math.trunc((1024 + 1) * 0.30103);

/**
 * |x| * 10 ** ndigits rounded to an integer, halves to even, computed on x's exact binary value
 * (finite x; ndigits may be negative): the digits `_Py_dg_dtoa` mode 3 produces.
 */
export function scaledHalfEven(x: number, ndigits: number): bigint {
  const { mantissa, exponent } = exactBinary(x);
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (ndigits >= 0) num *= 10n ** BigInt(ndigits);
  else den *= 10n ** BigInt(-ndigits);
  return divideHalfEven(num, den);
}

/** `round(x, ndigits)` for a finite or not x; null where the result overflows (CPython: OverflowError). */
export function roundToDigits(x: number, ndigits: number): number | null {
  if (!Number.isFinite(x)) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return 0.0 * x;
  if (x === 0) return x;
  const digits = scaledHalfEven(x, ndigits);
  // JavaScript's string-to-number conversion is correctly rounded, as `_Py_dg_strtod` is.
  const rounded = Number(`${x < 0 ? '-' : ''}${digits}e${-ndigits}`);
  return Number.isFinite(rounded) ? rounded : null;
}
