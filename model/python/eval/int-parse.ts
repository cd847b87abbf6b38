/**
 * `int(text)` and `int(text, base)` of an ASCII str or bytes (`Objects/longobject.c`
 * `PyLong_FromString`): surrounding whitespace, one sign, base 0 reading the prefix (a nonzero
 * number with a leading 0 is invalid there), the `0x`/`0o`/`0b` prefix allowed in its own base and
 * followed by at most one underscore, single underscores between digits. Null when the text is
 * not a number in that base (the caller raises "invalid literal").
 */

const PREFIX_BASE: Readonly<Record<string, number>> = { x: 16, o: 8, b: 2 };

/** Below this, `chunk * 36 + 35` stays an exact double (2**53). */
const CHUNK_LIMIT = 2 ** 47;

/** `Py_ISSPACE` on ASCII: space, \t \n \v \f \r. */
const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);

function digitValue(c: string): number {
  const code = c.toLowerCase().charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return 99;
}

export interface ParsedInt {
  readonly value: bigint;
  /** The number of digits read, for the `sys.set_int_max_str_digits` limit. */
  readonly digits: number;
  /** The base the digits were read in (base 0 resolved). */
  readonly base: number;
}

export function parseIntText(text: string, requestedBase: number): ParsedInt | null {
  let i = 0;
  while (isSpace(text[i])) i++;
  let negative = false;
  if (text[i] === '+') i++;
  else if (text[i] === '-') {
    negative = true;
    i++;
  }
  let base = requestedBase;
  let errorIfNonzero = false;
  if (base === 0) {
    const marker = text[i + 1]?.toLowerCase() ?? '';
    if (text[i] !== '0') base = 10;
    else if (marker in PREFIX_BASE) base = PREFIX_BASE[marker]!;
    else {
      // An old C-style octal literal, invalid unless it is zero.
      errorIfNonzero = true;
      base = 10;
    }
  }
  const marker = text[i + 1]?.toLowerCase() ?? '';
  if (text[i] === '0' && PREFIX_BASE[marker] === base) {
    i += 2;
    if (text[i] === '_') i++;
  }
  if (text[i] === '_') return null;
  let value = 0n;
  let digits = 0;
  let previous = '';
  // Digits gather in a double while it stays exact (`chunk` < 2**48), then move into the bigint:
  // one bigint step per chunk instead of two per digit.
  let chunk = 0;
  let chunkScale = 1;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') {
      if (previous === '_') return null;
    } else {
      const d = digitValue(c);
      if (d >= base) break;
      chunk = chunk * base + d;
      chunkScale *= base;
      digits++;
      if (chunkScale > CHUNK_LIMIT) {
        value = value * BigInt(chunkScale) + BigInt(chunk);
        chunk = 0;
        chunkScale = 1;
      }
    }
    previous = c;
  }
  if (chunkScale > 1) value = value * BigInt(chunkScale) + BigInt(chunk);
  if (previous === '_' || digits === 0) return null;
  if (errorIfNonzero && value !== 0n) return null;
  while (isSpace(text[i])) i++;
  if (i !== text.length) return null;
  return { value: negative ? -value : value, digits, base };
}
