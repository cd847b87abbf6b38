/**
 * ASCII character codes as the literal readers and `int()` read them: letters in either case,
 * digits of bases up to 36, and the `0x` / `0o` / `0b` prefix letters.
 */

/** An ASCII letter in lower case; any other code as it is. */
export function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** The value of a digit of base up to 36 (`0-9`, `a-z` in either case); 99 for anything else (NaN: past the end). */
export function digitValue(c: number): number {
  const code = asciiLower(c);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x7a) return code - 0x57;
  return 99;
}

/** The base of a prefix letter (`x`, `o`, `b`, either case), else 0. */
export function prefixBase(c: number): number {
  const l = asciiLower(c);
  return l === 0x78 ? 16 : l === 0x6f ? 8 : l === 0x62 ? 2 : 0;
}
