/**
 * Python's `repr` of str, bytes and float values, for printing constants as source.
 * str: `Objects/unicodeobject.c`, `unicode_repr`; bytes: `Objects/bytesobject.c`,
 * `PyBytes_Repr`; float: `Python/pystrtod.c`, `PyOS_double_to_string` with mode 'r'.
 */

/**
 * `str.isprintable()` is false for the categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (except
 * the space) (`Tools/unicode/makeunicodedata.py`, `PRINTABLE_MASK`). JavaScript's Unicode
 * tables may be newer than a given CPython's (`unicodedata.unidata_version`): a character
 * assigned in between is escaped by that CPython and kept here. Both read back the same.
 */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function isPrintable(ch: string): boolean {
  return ch === ' ' || !NOT_PRINTABLE.test(ch);
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** The quote `repr` picks: `'` unless the text has `'` and no `"`. */
export function reprQuote(hasSingle: boolean, hasDouble: boolean): string {
  return hasSingle && !hasDouble ? '"' : "'";
}

/** The body of a str literal delimited by `quote` (one character), escaped as `repr` does. */
export function escapeStr(value: string, quote: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + hex(code, 2);
    else if (code < 0x7f || isPrintable(ch)) out += ch;
    else if (code <= 0xff) out += '\\x' + hex(code, 2);
    else if (code <= 0xffff) out += '\\u' + hex(code, 4);
    else out += '\\U' + hex(code, 8);
  }
  return out;
}

export function strRepr(value: string): string {
  const quote = reprQuote(value.includes("'"), value.includes('"'));
  return quote + escapeStr(value, quote) + quote;
}

export function bytesRepr(value: readonly number[]): string {
  const quote = reprQuote(value.includes(0x27), value.includes(0x22));
  let out = 'b' + quote;
  for (const b of value) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + hex(b, 2);
    else out += ch;
  }
  return out + quote;
}

/**
 * `repr(float)` for finite values: the shortest digits that round-trip (JavaScript's
 * `toExponential()` finds the same ones), laid out as CPython does: scientific notation when
 * the decimal exponent is below -4 or at least 16, with a sign and two or more exponent digits.
 */
export function floatRepr(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const intPart = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
}
