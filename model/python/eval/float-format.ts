/**
 * `PyOS_double_to_string` for the 'e', 'g' and 'r' codes (`Python/pystrtod.c`
 * `format_float_short`): the digits `_Py_dg_dtoa` gives (mode 2: `precision` significant
 * digits, rounded half to even on the double's exact binary value, trailing zeros dropped;
 * mode 0: the shortest digits that read back as the same double), then laid out as CPython
 * lays them out: where the decimal point goes, when an exponent is used, zero padding.
 */
import { exactBinary, scaledHalfEven } from './float-round';

export interface DoubleToStringFlags {
  /** `Py_DTSF_ADD_DOT_0`: an integral result keeps '.0' (format's no-type form). */
  readonly addDot0: boolean;
  /** `Py_DTSF_ALT` ('#'): trailing zeros and the decimal point stay. */
  readonly alternate: boolean;
}

interface Digits {
  readonly digits: string;
  /** `decpt`: where the decimal point goes, counted from the first digit. */
  readonly decpt: number;
}

/** The exact binary value of a positive finite double as num / den. */
function rational(abs: number): { num: bigint; den: bigint } {
  const { mantissa, exponent } = exactBinary(abs);
  return exponent >= 0 ? { num: mantissa << BigInt(exponent), den: 1n } : { num: mantissa, den: 1n << BigInt(-exponent) };
}

/** The e with 10 ** e <= abs < 10 ** (e + 1), exactly (positive finite abs). */
function decimalExponent(abs: number): number {
  const { num, den } = rational(abs);
  const atLeast = (e: number): boolean => (e >= 0 ? num >= den * 10n ** BigInt(e) : num * 10n ** BigInt(-e) >= den);
  let e = Math.floor(Math.log10(abs));
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  return e;
}

/** `_Py_dg_dtoa` mode 2: `n` (at least 1) significant digits of abs >= 0, trailing zeros dropped. */
function significantDigits(abs: number, n: number): Digits {
  if (abs === 0) return { digits: '0', decpt: 1 };
  const e = decimalExponent(abs);
  const scaled = scaledHalfEven(abs, n - 1 - e);
  // A carry out of the last digit (9.99 -> 10.0) moves the point one place.
  const carried = scaled === 10n ** BigInt(n);
  const digits = (carried ? '1' : scaled.toString()).replace(/0+$/, '') || '0';
  return { digits, decpt: carried ? e + 2 : e + 1 };
}

/** `_Py_dg_dtoa` mode 0: the shortest digits that round-trip (JavaScript's choice is the same). */
function shortestDigits(abs: number): Digits {
  if (abs === 0) return { digits: '0', decpt: 1 };
  const [mantissa, exponent] = abs.toExponential().split('e') as [string, string];
  return { digits: mantissa.replace('.', ''), decpt: Number(exponent) + 1 };
}

/**
 * `PyOS_double_to_string(x, code, precision, flags)` for code e, E, g, G or r (precision 0 for r),
 * without a sign: the caller adds it (the formatters strip and re-add it).
 */
export function doubleToString(x: number, code: 'e' | 'E' | 'g' | 'G' | 'r', precision: number, flags: DoubleToStringFlags): string {
  const upper = code === 'E' || code === 'G';
  const abs = Math.abs(x);
  if (!Number.isFinite(abs)) {
    const word = Number.isNaN(abs) ? 'nan' : 'inf';
    return upper ? word.toUpperCase() : word;
  }
  const lower = code.toLowerCase() as 'e' | 'g' | 'r';
  // `PyOS_double_to_string`: 'e' asks for precision + 1 digits; 'g' treats precision 0 as 1.
  const wanted = lower === 'e' ? precision + 1 : lower === 'g' ? Math.max(1, precision) : 0;
  const { digits, decpt: point } = lower === 'r' ? shortestDigits(abs) : significantDigits(abs, wanted);
  let decpt = point;
  let vdigitsEnd = digits.length;
  let useExp = false;
  if (lower === 'e') {
    useExp = true;
    vdigitsEnd = wanted;
  } else if (lower === 'g') {
    if (decpt <= -4 || decpt > (flags.addDot0 ? wanted - 1 : wanted)) useExp = true;
    if (flags.alternate) vdigitsEnd = wanted;
  } else if (decpt <= -4 || decpt > 16) {
    useExp = true;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && flags.addDot0) vdigitsEnd = Math.max(vdigitsEnd, decpt + 1);
  else vdigitsEnd = Math.max(vdigitsEnd, decpt);
  // The virtual digit string vdigits[vdigitsStart:vdigitsEnd] with the point after decpt digits.
  const at = (i: number): string => (i >= 0 && i < digits.length ? digits[i]! : '0');
  let text = '';
  for (let i = vdigitsStart; i < vdigitsEnd; i++) {
    if (i === decpt) text += '.';
    text += at(i);
  }
  if (decpt === vdigitsEnd) text += '.';
  if (text.endsWith('.') && !flags.alternate) text = text.slice(0, -1);
  if (useExp) text += `${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return text;
}
