/**
 * `format(value, spec)` for the format specs the model supports (`Python/formatter_unicode.c`
 * `parse_internal_render_format_spec`): [[fill]align][sign][#][0][width][,|_][.precision][type]
 * with types d x X o b (int), e E f F g G % (float, int), s (str), and none; the ValueErrors of
 * specs a type refuses, in CPython's order. Refused: `n` (the locale's), `c`, `z`, 3.14's
 * fractional grouping. Grouping inserts `,` or `_`
 * every 3 digits (every 4 for x X o b with `_`); a zero fill with `=` alignment pads with
 * grouped zeros (`_PyUnicode_InsertThousandsGrouping` with `n_min_width`).
 */
import type { Payload } from '../../core/objects';
import { floatRepr } from '../syntax/repr';
import { doubleToString } from './float-format';
import { scaledHalfEven } from './float-round';
import { PyException } from './py-exception';
import { Refusal } from './refusal';

interface Spec {
  fill: string;
  align: '<' | '>' | '^' | '=' | null;
  sign: '+' | '-' | ' ' | null;
  alternate: boolean;
  zero: boolean;
  width: number;
  precision: number | null;
  type: string;
  grouping: ',' | '_' | null;
}

/**
 * Wordings and rules of format specs that changed between versions (fact `formatSpecRules`):
 * a ' ' sign on a str (`Space not allowed`, 3.9+), whether the `0` flag aligns strs with `=`
 * (3.8-3.9; 3.10+ only numbers), and whether "Invalid format specifier" names the spec (3.11+).
 */
export interface FormatSpecRules {
  readonly spaceSignWording: boolean;
  readonly zeroPadAlignsStrings: boolean;
  readonly invalidSpecNamesSpec: boolean;
}

/** Used by %-formatting, which only builds specs where the rules above do not matter. */
const PRINTF_SPEC_RULES: FormatSpecRules = { spaceSignWording: true, zeroPadAlignsStrings: false, invalidSpecNamesSpec: true };

const isAlignment = (c: string | undefined): c is '<' | '>' | '^' | '=' => c === '<' || c === '>' || c === '^' || c === '=';

/** `parse_internal_render_format_spec`, read character by character as CPython does. */
function parseSpec(text: string, typeName: string, defaultType: string, defaultAlign: '<' | '>', rules: FormatSpecRules): Spec {
  const cps = [...text];
  const end = cps.length;
  let pos = 0;
  let fill = ' ';
  let align: Spec['align'] = null;
  let fillSpecified = false;
  let alignSpecified = false;
  if (end - pos >= 2 && isAlignment(cps[pos + 1])) {
    align = cps[pos + 1] as Spec['align'];
    fill = cps[pos]!;
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlignment(cps[pos])) {
    align = cps[pos] as Spec['align'];
    alignSpecified = true;
    pos++;
  }
  let sign: Spec['sign'] = null;
  if (cps[pos] === '+' || cps[pos] === '-' || cps[pos] === ' ') sign = cps[pos++] as Spec['sign'];
  if (cps[pos] === 'z') throw new Refusal("the 'z' option of a format spec", 'read as an option from 3.11, as a type before');
  let alternate = false;
  if (cps[pos] === '#') {
    alternate = true;
    pos++;
  }
  let zero = false;
  // "The special case for 0-padding": 3.10+ aligns with '=' only where the default is '>'.
  if (!fillSpecified && cps[pos] === '0') {
    fill = '0';
    zero = true;
    if (!alignSpecified && (defaultAlign === '>' || rules.zeroPadAlignsStrings)) align = '=';
    pos++;
  }
  const digitsAt = (): string => {
    let d = '';
    while (pos < end && /[0-9]/.test(cps[pos]!)) d += cps[pos++];
    return d;
  };
  const widthText = digitsAt();
  if (widthText.length > 5) throw new Refusal('a format spec width of more than 99999');
  let grouping: Spec['grouping'] = null;
  if (cps[pos] === ',') {
    grouping = ',';
    pos++;
  }
  if (cps[pos] === '_') {
    if (grouping !== null) throw new PyException('ValueError', "Cannot specify both ',' and '_'.");
    grouping = '_';
    pos++;
  }
  if (cps[pos] === ',') {
    if (grouping === '_') throw new PyException('ValueError', "Cannot specify both ',' and '_'.");
    throw new Refusal('a format spec with two commas', "3.8 calls it both ',' and '_', 3.9+ a ',' type");
  }
  let precision: number | null = null;
  if (cps[pos] === '.') {
    pos++;
    const p = digitsAt();
    if (p === '') {
      if (cps[pos] === ',' || cps[pos] === '_') throw new Refusal('grouping of the fractional part', '3.14 only');
      throw new PyException('ValueError', 'Format specifier missing precision');
    }
    if (p.length > 5) throw new Refusal('a format spec precision of more than 99999');
    precision = Number(p);
  }
  if (end - pos > 1) {
    throw new PyException('ValueError', rules.invalidSpecNamesSpec ? `Invalid format specifier '${text}' for object of type '${typeName}'` : 'Invalid format specifier');
  }
  const type = end - pos === 1 ? cps[pos]! : defaultType;
  if (grouping !== null && !['d', 'e', 'f', 'g', 'E', 'G', '%', 'F', ''].includes(type)) {
    if (!(grouping === '_' && ['b', 'o', 'x', 'X'].includes(type))) throw new PyException('ValueError', `Cannot specify '${grouping}' with '${type}'.`);
  }
  return { fill, align, sign, alternate, zero, width: widthText === '' ? 0 : Number(widthText), precision, type, grouping };
}

function pad(body: string, sign: string, spec: Spec, defaultAlign: '<' | '>'): string {
  const len = [...sign].length + [...body].length;
  const fillCount = Math.max(0, spec.width - len);
  const fill = spec.fill.repeat(fillCount);
  switch (spec.align ?? defaultAlign) {
    case '<':
      return sign + body + fill;
    case '>':
      return fill + sign + body;
    case '=':
      return sign + fill + body;
    case '^': {
      const left = spec.fill.repeat(Math.floor(fillCount / 2));
      const right = spec.fill.repeat(fillCount - Math.floor(fillCount / 2));
      return left + sign + body + right;
    }
  }
}

/**
 * `_PyUnicode_InsertThousandsGrouping` (`InsertThousandsGrouping_fill`): groups of `size` digits
 * from the right, padded with zeros up to `minWidth` characters, never starting with a separator.
 */
function groupDigits(digits: string, sep: string, size: number, minWidth: number): string {
  const groups: string[] = [];
  let remaining = digits.length;
  let min = minWidth;
  for (;;) {
    const l = Math.min(size, Math.max(remaining, min, 1));
    const chars = Math.max(0, Math.min(remaining, l));
    groups.unshift('0'.repeat(Math.max(0, l - remaining)) + digits.slice(remaining - chars, remaining));
    remaining -= chars;
    min -= l;
    if (remaining <= 0 && min <= 0) break;
    min -= sep.length;
  }
  return groups.join(sep);
}

/** The digits grouped per the spec; `around` is the length of what the number has besides them. */
function grouped(digits: string, spec: Spec, around: number, size = 3): string {
  if (spec.grouping === null) return digits;
  const zeroFilled = spec.fill === '0' && spec.align === '=';
  return groupDigits(digits, spec.grouping, size, zeroFilled ? spec.width - around : 0);
}

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return '-';
  if (spec.sign === '+') return '+';
  if (spec.sign === ' ') return ' ';
  return '';
}

/** Exact fixed-point text of a double with `p` decimals, rounded half to even (`PyOS_double_to_string` 'f'). */
export function fixed(x: number, p: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : 'inf';
  // The digits of |x| * 10 ** p, halves to even on x's exact value (as `round(x, p)` rounds).
  const q = scaledHalfEven(x, p);
  const digits = q.toString().padStart(p + 1, '0');
  return p === 0 ? digits : `${digits.slice(0, -p)}.${digits.slice(-p)}`;
}

export function formatWithSpec(p: Payload, specText: string, typeName: string, rules: FormatSpecRules = PRINTF_SPEC_RULES): string {
  if (specText === '') throw new Error('model bug: empty spec goes through str()');
  if (p.kind === 'str') {
    const spec = parseSpec(specText, typeName, 's', '<', rules);
    if (spec.type !== 's') throw new PyException('ValueError', `Unknown format code '${spec.type}' for object of type '${typeName}'`);
    // `format_string_internal`: sign, then alternate form, then '=' alignment.
    if (spec.sign === ' ' && rules.spaceSignWording) throw new PyException('ValueError', 'Space not allowed in string format specifier');
    if (spec.sign) throw new PyException('ValueError', 'Sign not allowed in string format specifier');
    if (spec.alternate) throw new PyException('ValueError', 'Alternate form (#) not allowed in string format specifier');
    if (spec.align === '=') throw new PyException('ValueError', "'=' alignment not allowed in string format specifier");
    const body = spec.precision === null ? p.value : [...p.value].slice(0, spec.precision).join('');
    return pad(body, '', spec, '<');
  }
  if (p.kind === 'int' || p.kind === 'bool') {
    // `_PyLong_FormatAdvancedWriter` (a bool formats as its int with a non-empty spec).
    const spec = parseSpec(specText, typeName, 'd', '>', rules);
    const v = p.kind === 'int' ? p.value : p.value ? 1n : 0n;
    const abs = v < 0n ? -v : v;
    const radix: Record<string, [number, string]> = { d: [10, ''], x: [16, '0x'], X: [16, '0X'], o: [8, '0o'], b: [2, '0b'] };
    const r = radix[spec.type];
    if (r) {
      if (spec.precision !== null) throw new PyException('ValueError', 'Precision not allowed in integer format specifier');
      const prefix = spec.alternate ? r[1] : '';
      const leading = signOf(v < 0n, spec) + prefix;
      let body = grouped(abs.toString(r[0]), spec, leading.length, r[0] === 10 ? 3 : 4);
      if (spec.type === 'X') body = body.toUpperCase();
      return pad(body, leading, spec, '>');
    }
    if (FLOAT_TYPES.has(spec.type)) {
      // `PyNumber_Float` first (`format_long_internal` is not used for these types).
      const x = Number(v);
      if (!Number.isFinite(x)) throw new PyException('OverflowError', 'int too large to convert to float');
      return formatFloat(x, spec);
    }
    if (['c', 'n'].includes(spec.type)) throw new Refusal(`format type '${spec.type}' for int`);
    throw new PyException('ValueError', `Unknown format code '${spec.type}' for object of type '${typeName}'`);
  }
  if (p.kind === 'float') {
    // `_PyFloat_FormatAdvancedWriter`: no type is repr-like.
    const spec = parseSpec(specText, typeName, '', '>', rules);
    if (spec.type === '' || FLOAT_TYPES.has(spec.type)) return formatFloat(p.value, spec);
    if (spec.type === 'n') throw new Refusal(`format type 'n' for float`, "the locale's separators");
    throw new PyException('ValueError', `Unknown format code '${spec.type}' for object of type '${typeName}'`);
  }
  throw new Refusal(`a format spec on a ${typeName}`);
}

/** The types an int converts to float for (`_PyLong_FormatAdvancedWriter`). */
const FLOAT_TYPES = new Set(['e', 'E', 'f', 'F', 'g', 'G', '%']);

/** `format_float_internal`: the digits from `PyOS_double_to_string`, then sign, grouping and padding. */
function formatFloat(x: number, spec: Spec): string {
  const negative = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  let body: string;
  // `Py_DTSF_ALT` (`#`): the decimal point is always there (`format(5.0, '#.0f')` is '5.').
  const withPoint = (digits: string): string => (spec.alternate && Number.isFinite(abs) && !digits.includes('.') ? digits.replace(/^\d+/, (d) => `${d}.`) : digits);
  switch (spec.type) {
    case 'f':
    case 'F':
      body = withPoint(fixed(abs, spec.precision ?? 6));
      break;
    case '%':
      body = `${withPoint(fixed(abs * 100, spec.precision ?? 6))}%`;
      break;
    case 'e':
    case 'E':
    case 'g':
    case 'G':
      body = doubleToString(abs, spec.type, spec.precision ?? 6, { addDot0: false, alternate: spec.alternate });
      break;
    default:
      // No type: repr's digits, or with a precision 'g' that keeps a '.0' (`Py_DTSF_ADD_DOT_0`).
      body = spec.precision === null ? withPoint(floatRepr(abs)) : doubleToString(abs, 'g', spec.precision, { addDot0: true, alternate: spec.alternate });
      break;
  }
  if (spec.type === 'F') body = body.toUpperCase();
  const sign = signOf(negative, spec);
  const intDigits = /^\d+/.exec(body)?.[0] ?? '';
  if (intDigits !== '') body = grouped(intDigits, spec, sign.length + body.length - intDigits.length) + body.slice(intDigits.length);
  return pad(body, sign, spec, '>');
}
