/**
 * `str % args` (`Objects/unicodeobject.c` `PyUnicode_Format`) for the conversions
 * `%s %r %d %i %u %x %X %o %e %E %f %F %g %G %c %%` with the flags `- + space # 0`, a width and (for
 * `%s %r %e %f %g`) a precision. Arguments: a tuple is the argument list; any other object is the
 * single argument; an object with `mp_subscript` (list, dict, bytes, range) that is not a
 * tuple or str also silences "not all arguments converted". Mapping keys (`%(name)s`), `*`
 * widths, `%a` and the error wordings that changed across versions are refused.
 * Identity (measured on 3.8-3.14): a format that is one lone `%s`/`%r` whose text needs no
 * padding or cut gives the converted str itself (`_PyUnicodeWriter_WriteStr` with an empty
 * writer keeps the str read-only): `'%s' % s is s`, `'%5s' % s is s` for a str of 5 or more
 * characters; anything else is built in an over-allocated writer and resized, allocations the
 * model does not follow (the allocator is marked unknown).
 */
import type { Heap } from '../../core/heap';
import { intPayload, type Payload, type Ref } from '../../core/objects';
import { formatWithSpec } from './format-spec';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { pyRepr, pyStr } from './repr';
import { typeName } from './values';

interface Conversion {
  readonly flags: string;
  readonly width: string;
  readonly precision: string | null;
  readonly type: string;
}

type Piece = string | Conversion;

const SPEC = /%([-+ #0]*)(\d*)(?:\.(\d*))?([a-zA-Z%])/y;

function parse(fmt: string): Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  for (let i = 0; i < fmt.length; ) {
    const ch = fmt[i] as string;
    if (ch !== '%') {
      literal += ch;
      i++;
      continue;
    }
    if (fmt[i + 1] === '(') throw new Refusal('%-formatting with mapping keys');
    if (fmt[i + 1] === '*' || /^%[-+ #0]*\d*\.\*/.test(fmt.slice(i))) throw new Refusal("%-formatting with a '*' width or precision");
    SPEC.lastIndex = i;
    const m = SPEC.exec(fmt);
    if (!m) throw new Refusal('this %-format', 'an incomplete or unusual conversion');
    i = SPEC.lastIndex;
    const type = m[4] as string;
    if (type === '%') {
      if (m[1] !== '' || m[2] !== '' || m[3] !== undefined) throw new Refusal("a '%%' with flags");
      literal += '%';
      continue;
    }
    if (literal !== '') pieces.push(literal);
    literal = '';
    pieces.push({ flags: m[1] as string, width: m[2] as string, precision: m[3] ?? null, type });
  }
  if (literal !== '') pieces.push(literal);
  return pieces;
}

function intValue(p: Payload): bigint | null {
  return p.kind === 'int' ? p.value : p.kind === 'bool' ? (p.value ? 1n : 0n) : null;
}

/** One conversion's text (`unicode_format_arg`). */
function convert(heap: Heap, c: Conversion, arg: Ref): string {
  const p = heap.get(arg).payload;
  const left = c.flags.includes('-');
  const sign = c.flags.includes('+') ? '+' : c.flags.includes(' ') ? ' ' : '';
  const alt = c.flags.includes('#') ? '#' : '';
  const zero = c.flags.includes('0') && !left ? '0' : '';
  const align = left ? '<' : '';
  switch (c.type) {
    case 's':
    case 'r': {
      // Flags other than '-' do not apply to strings; right-aligned unless '-'.
      const text = c.type === 's' ? pyStr(heap, arg) : pyRepr(heap, arg);
      const precision = c.precision === null ? '' : `.${Number(c.precision || '0')}`;
      return formatWithSpec({ kind: 'str', value: text }, `${left ? '<' : '>'}${c.width}${precision}`, 'str');
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      if (c.precision !== null) throw new Refusal('a precision in an integer %-conversion');
      let v = intValue(p);
      if (v === null && p.kind === 'float' && 'diu'.includes(c.type)) {
        if (!Number.isFinite(p.value)) throw new Refusal('%d of a float that is not finite');
        v = BigInt(Math.trunc(p.value));
      }
      if (v === null) {
        if (p.kind === 'float') throw new PyException('TypeError', `%${c.type} format: an integer is required, not float`);
        throw new Refusal(`%${c.type} of a ${typeName(heap, arg)}`, 'the TypeError wording changed across versions');
      }
      const type = 'diu'.includes(c.type) ? 'd' : c.type;
      return formatWithSpec(intPayload(v), `${align}${sign}${alt}${zero}${c.width}${type}`, 'int');
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      // `formatfloat`: `PyNumber_Float` of the argument, then `PyOS_double_to_string`.
      const v = intValue(p);
      const x = v !== null ? Number(v) : p.kind === 'float' ? p.value : null;
      if (x === null) throw new Refusal(`%${c.type} of a ${typeName(heap, arg)}`);
      if (!Number.isFinite(x) && p.kind !== 'float') throw new PyException('OverflowError', 'int too large to convert to float');
      return formatWithSpec({ kind: 'float', value: x }, `${align}${sign}${alt}${zero}${c.width}.${c.precision === null ? 6 : Number(c.precision || '0')}${c.type}`, 'float');
    }
    case 'c': {
      if (c.flags !== '' || c.width !== '' || c.precision !== null) throw new Refusal('%c with flags, width or precision');
      if (p.kind === 'str' && [...p.value].length === 1) return p.value;
      const v = intValue(p);
      if (v === null || v < 0n || v > 0x10ffffn) throw new Refusal(`%c of this ${typeName(heap, arg)}`);
      return String.fromCodePoint(Number(v));
    }
    default:
      throw new Refusal(`the %-conversion '${c.type}'`);
  }
}

/** `fmt % args`: a new reference. */
export function percentFormat(heap: Heap, fmt: string, args: Ref): Ref {
  const pieces = parse(fmt);
  const ap = heap.get(args).payload;
  const list = ap.kind === 'tuple' ? ap.items : [args];
  // `PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)`: unused arguments are no error.
  const mappingLike = ap.kind === 'list' || ap.kind === 'dict' || ap.kind === 'bytes' || ap.kind === 'range';
  if (ap.kind === 'instance') throw new Refusal('%-formatting with an instance as the arguments');
  const conversions = pieces.filter((x): x is Conversion => typeof x !== 'string');
  if (conversions.length > list.length) throw new PyException('TypeError', 'not enough arguments for format string');
  if (conversions.length < list.length && !mappingLike) throw new PyException('TypeError', 'not all arguments converted during string formatting');
  // 3.11+ rewrite `'...' % (a, b)` with a tuple display into an f-string (`Python/ast_opt.c`
  // `optimize_format`): no tuple is built, the pieces are joined; the model's tuple and the
  // allocations of either path are not followed.
  if (ap.kind === 'tuple') heap.loseFreeListOrder();
  const only = pieces.length === 1 ? conversions[0] : undefined;
  if (only && (only.type === 's' || only.type === 'r')) {
    // A lone conversion whose text needs no padding or cut is the converted str itself
    // (`unicode_format_arg_output` writes it whole into the empty writer, which keeps it):
    // the argument for `%s` of an exact str (measured `'%5s' % s is s` when len(s) >= 5).
    const arg = list[0] as Ref;
    const text = only.type === 's' ? pyStr(heap, arg) : pyRepr(heap, arg);
    const length = [...text].length;
    if (Number(only.width || '0') <= length && (only.precision === null || Number(only.precision || '0') >= length)) {
      const argp = heap.get(arg).payload;
      if (only.type === 's' && argp.kind === 'str') return heap.incref(arg);
      // `bool_repr`'s str, made once (`Heap.boolName`).
      if (argp.kind === 'bool') return heap.boolName(argp.value);
      // `PyObject_Str` / `PyObject_Repr` made the str the writer keeps as its result.
      return heap.str(text);
    }
  }
  let next = 0;
  const text = pieces.map((x) => (typeof x === 'string' ? x : convert(heap, x, list[next++] as Ref))).join('');
  heap.allocator.untracked('unknown');
  return heap.str(text);
}
