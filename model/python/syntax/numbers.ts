/**
 * Number literals, decoded as CPython's tokenizer and parser do (`Parser/tokenizer.c`,
 * `tok_get` number branch and `verify_end_of_number`; `Parser/pegen.c`, `parsenumber`).
 * @lezer/python's `Number` token is looser (it accepts `1__0`, `0777`, `0x_`), so the
 * text is validated here.
 */
import { prefixBase } from './char-codes';
import type { ConstValue } from '../ast';
import { LiteralProblem } from './literal-problem';

const DIGITS = '[0-9](?:_?[0-9])*';
const DECIMAL_INT = /^(?:[1-9](?:_?[0-9])*|0(?:_?0)*)$/;
const LEADING_ZEROS = /^0(?:_?[0-9])+$/;
const HEX = /^0[xX](?:_?[0-9a-fA-F])+$/;
const OCT = /^0[oO](?:_?[0-7])+$/;
const BIN = /^0[bB](?:_?[01])+$/;
const FLOAT = new RegExp(`^(?:${DIGITS}(?:\\.${DIGITS})?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

/** `text` without its digit-separating underscores (most literals have none: no regex runs). */
function withoutUnderscores(text: string): string {
  return text.includes('_') ? text.replace(/_/g, '') : text;
}

export function decodeNumber(text: string): ConstValue {
  // By char code: an exec'd source's literals are decoded on each run.
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x6a || last === 0x4a) {
    const body = text.slice(0, -1);
    // Leading zeros are fine in imaginary and float literals (`010j` is 10j).
    if (!FLOAT.test(body)) throw new LiteralProblem('malformed', 'invalid imaginary literal');
    return { type: 'complex', imag: Number(withoutUnderscores(body)) };
  }
  // `0x`, `0o`, `0b` in either case.
  const base = text.charCodeAt(0) === 0x30 ? prefixBase(text.charCodeAt(1)) : 0;
  if (base !== 0) {
    const [pattern, name, letter] = base === 16 ? [HEX, 'hexadecimal', 'x'] : base === 8 ? [OCT, 'octal', 'o'] : [BIN, 'binary', 'b'];
    if (!pattern.test(text)) throw new LiteralProblem('malformed', `invalid ${name} literal`);
    // BigInt accepts the same prefixes once the underscores are gone.
    return { type: 'int', value: BigInt(`0${letter}${withoutUnderscores(text.slice(2))}`) };
  }
  if (/^[0-9_]+$/.test(text)) {
    if (DECIMAL_INT.test(text)) return { type: 'int', value: BigInt(withoutUnderscores(text)) };
    if (LEADING_ZEROS.test(text))
      throw new LiteralProblem(
        'malformed',
        'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
      );
    throw new LiteralProblem('malformed', 'invalid decimal literal');
  }
  if (!FLOAT.test(text)) throw new LiteralProblem('malformed', 'invalid decimal literal');
  // JavaScript's Number() rounds decimal text correctly, as CPython's `_Py_dg_strtod` does;
  // both overflow to infinity (`1e309`).
  return { type: 'float', value: Number(withoutUnderscores(text)) };
}
