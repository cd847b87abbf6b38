/**
 * `int(text)` and `int(text, base)` of an ASCII str or bytes (`Objects/longobject.c`
 * `PyLong_FromString`): surrounding whitespace, one sign, base 0 reading the prefix (a nonzero
 * number with a leading 0 is invalid there), the `0x`/`0o`/`0b` prefix allowed in its own base and
 * followed by at most one underscore, single underscores between digits. Null when the text is
 * not a number in that base (the caller raises "invalid literal").
 */

import { digitValue, prefixBase } from '../syntax/char-codes';

/** Below this, `chunk * 36 + 35` stays an exact double (2**53). */
const CHUNK_LIMIT = 2 ** 47;

/** `Py_ISSPACE` on ASCII: space, \t \n \v \f \r. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}


export interface ParsedInt {
  /** The value when it is a safe integer read in one chunk (most texts): `big` is then null. */
  readonly safe: number;
  /** The value otherwise. */
  readonly big: bigint | null;
  /** The number of digits read, for the `sys.set_int_max_str_digits` limit. */
  readonly digits: number;
  /** The base the digits were read in (base 0 resolved). */
  readonly base: number;
}

/**
 * Any text: a non-ASCII character or a NUL is never read as part of a number, so such a text is
 * null (the caller then refuses it). Character codes, not 1-char strings: `int(text)` is common.
 */
export function parseIntText(text: string, requestedBase: number): ParsedInt | null {
  const n = text.length;
  let i = 0;
  while (isSpace(text.charCodeAt(i))) i++;
  let negative = false;
  const sign = text.charCodeAt(i);
  if (sign === 0x2b) i++;
  else if (sign === 0x2d) {
    negative = true;
    i++;
  }
  let base = requestedBase;
  let errorIfNonzero = false;
  const first = text.charCodeAt(i);
  const marker = prefixBase(text.charCodeAt(i + 1));
  if (base === 0) {
    if (first !== 0x30) base = 10;
    else if (marker !== 0) base = marker;
    else {
      // An old C-style octal literal, invalid unless it is zero.
      errorIfNonzero = true;
      base = 10;
    }
  }
  if (first === 0x30 && marker === base) {
    i += 2;
    if (text.charCodeAt(i) === 0x5f) i++;
  }
  if (text.charCodeAt(i) === 0x5f) return null;
  let value = 0n;
  let inBigint = false;
  let digits = 0;
  let underscore = false;
  // Digits gather in a double while it stays exact (`chunk` < 2**48), then move into the bigint:
  // one bigint step per chunk instead of two per digit, and none for a number of one chunk.
  let chunk = 0;
  let chunkScale = 1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f) {
      if (underscore) return null;
      underscore = true;
    } else {
      const d = digitValue(c);
      if (d >= base) break;
      chunk = chunk * base + d;
      chunkScale *= base;
      digits++;
      if (chunkScale > CHUNK_LIMIT) {
        value = value * BigInt(chunkScale) + BigInt(chunk);
        inBigint = true;
        chunk = 0;
        chunkScale = 1;
      }
      underscore = false;
    }
  }
  if (underscore || digits === 0) return null;
  while (isSpace(text.charCodeAt(i))) i++;
  if (!inBigint) {
    if (errorIfNonzero && chunk !== 0) return null;
    if (i !== n) return null;
    return { safe: negative && chunk !== 0 ? -chunk : chunk, big: null, digits, base };
  }
  if (chunkScale > 1) value = value * BigInt(chunkScale) + BigInt(chunk);
  if (errorIfNonzero && value !== 0n) return null;
  if (i !== n) return null;
  return { safe: 0, big: negative ? -value : value, digits, base };
}
