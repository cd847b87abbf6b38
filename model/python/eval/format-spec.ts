/**
 * `format(value, spec)` for the format specs the model supports (`Python/formatter_unicode.c`
 * `parse_internal_render_format_spec`): [[fill]align][sign][#][0][width][.precision][type]
 * with types d x X o b (int), f % (float, int), s (str), and none. Everything else
 * (`,` `_` grouping, `e`, `g`, `n`, precision without a type for floats) is refused.
 */
import type { Payload } from '../../core/objects';
import { floatRepr } from '../syntax/repr';
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
}

function parseSpec(text: string): Spec {
  const m = /^(?:(.)?([<>^=]))?([+\- ])?(#)?(0)?(\d+)?(?:\.(\d+))?([a-zA-Z%])?$/su.exec(text);
  if (!m) {
    if (/[,_]/.test(text)) throw new Refusal('a format spec with digit grouping', JSON.stringify(text));
    throw new PyException('ValueError', 'Invalid format specifier');
  }
  return {
    fill: m[1] ?? (m[5] && !m[2] ? '0' : ' '),
    align: (m[2] as Spec['align']) ?? (m[5] ? '=' : null),
    sign: (m[3] as Spec['sign']) ?? null,
    alternate: m[4] !== undefined,
    zero: m[5] !== undefined,
    width: m[6] ? Number(m[6]) : 0,
    precision: m[7] !== undefined ? Number(m[7]) : null,
    type: m[8] ?? '',
  };
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

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return '-';
  if (spec.sign === '+') return '+';
  if (spec.sign === ' ') return ' ';
  return '';
}

/** Exact fixed-point text of a double with `p` decimals, rounded half to even (`PyOS_double_to_string` 'f'). */
export function fixed(x: number, p: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : 'inf';
  const abs = Math.abs(x);
  // abs = mant * 2^exp exactly.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, abs);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  const scale = 10n ** BigInt(p);
  let q: bigint;
  if (exp >= 0) q = (mant << BigInt(exp)) * scale;
  else {
    const num = mant * scale;
    const den = 1n << BigInt(-exp);
    q = num / den;
    const r2 = (num % den) * 2n;
    if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  }
  const digits = q.toString().padStart(p + 1, '0');
  return p === 0 ? digits : `${digits.slice(0, -p)}.${digits.slice(-p)}`;
}

export function formatWithSpec(p: Payload, specText: string, typeName: string): string {
  if (specText === '') throw new Error('model bug: empty spec goes through str()');
  const spec = parseSpec(specText);
  if (p.kind === 'str') {
    if (spec.type !== '' && spec.type !== 's') throw new PyException('ValueError', `Unknown format code '${spec.type}' for object of type 'str'`);
    if (spec.sign) throw new PyException('ValueError', 'Sign not allowed in string format specifier');
    if (spec.align === '=') throw new PyException('ValueError', "'=' alignment not allowed in string format specifier");
    const body = spec.precision === null ? p.value : [...p.value].slice(0, spec.precision).join('');
    return pad(body, '', spec, '<');
  }
  if (p.kind === 'int' || p.kind === 'bool') {
    const v = p.kind === 'int' ? p.value : p.value ? 1n : 0n;
    if (p.kind === 'bool' && spec.type === '') throw new Refusal('a format spec on a bool');
    const abs = v < 0n ? -v : v;
    const radix: Record<string, [number, string]> = { '': [10, ''], d: [10, ''], x: [16, '0x'], X: [16, '0X'], o: [8, '0o'], b: [2, '0b'] };
    const r = radix[spec.type];
    if (r) {
      if (spec.precision !== null) throw new PyException('ValueError', 'Precision not allowed in integer format specifier');
      let body = abs.toString(r[0]);
      if (spec.type === 'X') body = body.toUpperCase();
      const prefix = spec.alternate ? r[1] : '';
      return pad(body, signOf(v < 0n, spec) + prefix, spec, '>');
    }
    if (spec.type === 'f' || spec.type === 'F' || spec.type === '%') return formatFloat(Number(v), spec);
    throw new Refusal(`format type '${spec.type}' for int`);
  }
  if (p.kind === 'float') return formatFloat(p.value, spec);
  throw new Refusal(`a format spec on a ${typeName}`);
}

function formatFloat(x: number, spec: Spec): string {
  const negative = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  let body: string;
  switch (spec.type) {
    case 'f':
    case 'F':
      body = fixed(abs, spec.precision ?? 6);
      break;
    case '%':
      body = `${fixed(abs * 100, spec.precision ?? 6)}%`;
      break;
    case '':
      if (spec.precision !== null) throw new Refusal("a float format with a precision and no type ('g' rules)");
      body = floatRepr(abs);
      break;
    default:
      throw new Refusal(`format type '${spec.type}' for float`);
  }
  if (spec.type === 'F') body = body.toUpperCase();
  return pad(body, signOf(negative, spec), spec, '>');
}
