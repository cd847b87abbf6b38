/**
 * String and bytes literals: prefix, quotes and escape sequences, decoded as CPython does
 * (`Objects/unicodeobject.c`, `_PyUnicode_DecodeUnicodeEscapeInternal`;
 * `Objects/bytesobject.c`, `_PyBytes_DecodeEscape`; `Parser/string_parser.c`).
 * @lezer/python finds where a literal ends; everything about its value is decided here.
 */
import { asciiLower, digitValue } from './char-codes';
import { LiteralProblem } from './literal-problem';

export interface StringToken {
  readonly bytes: boolean;
  readonly raw: boolean;
  readonly format: boolean;
  /** The delimiter: `'`, `"`, `'''` or `"""`. */
  readonly quote: string;
  /** Offsets of the body (between the quotes) inside the token text. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/** Splits a literal token into prefix, quotes and body; refuses an unterminated literal. */
export function readStringToken(text: string): StringToken {
  // The prefix by char code, no lower-cased copy: an
  // exec'd source's literals are read on each run.
  let bytes = false;
  let raw = false;
  let format = false;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x22) break;
    const lower = asciiLower(c);
    if (lower === 0x62) bytes = true;
    else if (lower === 0x72) raw = true;
    else if (lower === 0x66) format = true;
  }
  const q = text[i] ?? "'";
  const triple = q === '"' ? '"""' : "'''";
  const quote = text.startsWith(triple, i) ? triple : q;
  const bodyStart = i + quote.length;
  const bodyEnd = text.length - quote.length;
  if (bodyEnd < bodyStart || !text.endsWith(quote))
    throw new LiteralProblem(
      'malformed',
      quote.length === 3 ? 'unterminated triple-quoted string literal' : 'unterminated string literal',
    );
  return { bytes, raw, format, quote, bodyStart, bodyEnd };
}

export interface DecodeOptions {
  readonly bytes: boolean;
  readonly raw: boolean;
  /** In f-string literal parts `{{` and `}}` stand for one brace and a lone `}` is an error. */
  readonly fstring: boolean;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  '\\': 0x5c, "'": 0x27, '"': 0x22, a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b,
};

/** The value of the hex digit with char code `c` (NaN: past the end), or -1. */
function hexValue(c: number): number {
  const d = digitValue(c);
  return d < 16 ? d : -1;
}

/** Decodes the body of a str literal (or one literal part of an f-string). */
export function decodeStr(body: string, options: DecodeOptions): string {
  const codes = decodeBody(body, options);
  if (typeof codes === 'string') return codes;
  let out = '';
  // In slices: spreading a very long array into one call would overflow the stack.
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCodePoint(...codes.slice(i, i + 4096));
  return out;
}

/** Decodes the body of a bytes literal to byte values. */
export function decodeBytes(body: string, raw: boolean): number[] {
  for (let i = 0; i < body.length; i++)
    if (body.charCodeAt(i) > 0x7f) throw new LiteralProblem('malformed', 'bytes can only contain ASCII literal characters', 0);
  const codes = decodeBody(body, { bytes: true, raw, fstring: false });
  if (typeof codes !== 'string') return codes;
  const out = new Array<number>(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes.charCodeAt(i);
  return out;
}

/** Returns the body itself when nothing needs decoding, else the code points (or bytes). */
function decodeBody(body: string, { bytes, raw, fstring }: DecodeOptions): string | number[] {
  const needsWork = (!raw && body.includes('\\')) || (fstring && (body.includes('{') || body.includes('}')));
  if (!needsWork) return body;
  const out: number[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (fstring && (c === '{' || c === '}')) {
      if (body[i + 1] === c) {
        out.push(c.charCodeAt(0));
        i += 2;
        continue;
      }
      throw new LiteralProblem('malformed', c === '}' ? "f-string: single '}' is not allowed" : "f-string: expecting '}'", i);
    }
    if (c !== '\\' || raw) {
      const cp = body.codePointAt(i)!;
      out.push(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    i = decodeEscape(body, i, bytes, out);
  }
  return out;
}

/** Decodes the escape starting at `body[start] === '\\'`; returns the index after it. */
function decodeEscape(body: string, start: number, bytes: boolean, out: number[]): number {
  const e = body[start + 1];
  if (e === undefined) {
    out.push(0x5c);
    return start + 1;
  }
  if (e === '\n') return start + 2; // backslash-newline continues the literal on the next line
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) {
    out.push(simple);
    return start + 2;
  }
  if (e >= '0' && e <= '7') {
    let end = start + 2;
    while (end < start + 4 && body[end] !== undefined && body[end]! >= '0' && body[end]! <= '7') end++;
    const value = parseInt(body.slice(start + 1, end), 8);
    // Above 0o377 CPython warns (3.12+: SyntaxWarning) and keeps chr(value) in str, the low byte in bytes.
    out.push(bytes ? value & 0xff : value);
    return end;
  }
  const hexDigits = e === 'x' ? 2 : !bytes && e === 'u' ? 4 : !bytes && e === 'U' ? 8 : 0;
  if (hexDigits > 0) {
    // The digits' value as they are read (no slice, spread or regex per escape: bytes literals are full of them).
    const end = start + 2 + hexDigits;
    let value = end <= body.length ? 0 : -1;
    for (let k = start + 2; k < end && value >= 0; k++) {
      const d = hexValue(body.charCodeAt(k));
      value = d < 0 ? -1 : value * 16 + d;
    }
    if (value < 0) {
      throw new LiteralProblem(
        'malformed',
        bytes
          ? `(value error) invalid \\x escape at position ${start}`
          : `(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\${e}${'X'.repeat(hexDigits)} escape`,
        start,
      );
    }
    if (value > 0x10ffff)
      throw new LiteralProblem('malformed', "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character", start);
    if (value >= 0xd800 && value <= 0xdfff)
      // A JavaScript string cannot keep a lone surrogate apart from a pair, so the model refuses them.
      throw new LiteralProblem('unsupported', 'surrogate code point escape in a string literal', start);
    out.push(value);
    return end;
  }
  if (e === 'N' && !bytes) throw new LiteralProblem('unsupported', '\\N{...} escape (Unicode character names)', start);
  // Unknown escapes keep the backslash (a DeprecationWarning, SyntaxWarning from 3.12).
  out.push(0x5c);
  return start + 1;
}
