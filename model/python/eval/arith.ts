/**
 * Binary and unary operators on the supported types (`Objects/abstract.c`
 * `PyNumber_*` dispatching to `long_*`, `float_*`, `unicode_concatenate`, `list_concat`...).
 * Each returns a NEW reference; operands are borrowed. Type errors carry CPython's wording.
 */
import { intAddOrSubtract, intRemainder, negativeShiftByZeroIsSelf } from './int-results';
import { percentFormat } from './percent-format';
import type { Heap } from '../../core/heap';
import { strKind } from '../../core/sizes';
import { intNumber, type Payload, type Ref } from '../../core/objects';
import type { BinaryOperator } from '../ast';
import type { Messages } from './messages';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { checkSsize } from './ssize';
import { typeName } from './values';

/** Python's `//` on ints: rounds toward negative infinity (`l_divmod`). */
export function floorDiv(x: bigint, y: bigint): bigint {
  const q = x / y;
  return x % y !== 0n && x < 0n !== y < 0n ? q - 1n : q;
}

export type Num = { readonly int: bigint } | { readonly float: number };

export function asNum(p: Payload): Num | null {
  if (p.kind === 'int') return { int: p.value };
  if (p.kind === 'bool') return { int: p.value ? 1n : 0n };
  if (p.kind === 'float') return { float: p.value };
  return null;
}

/** `PyLong_AsDouble`: correctly rounded (JS `Number(bigint)` rounds half to even too). */
export function toFloat(n: Num): number {
  if ('float' in n) return n.float;
  return finiteIntFloat(Number(n.int));
}

/** `toFloat` of an int payload (a safe integer's own number when its bigint was never made). */
function intToFloat(p: Extract<Payload, { kind: 'int' }>): number {
  return finiteIntFloat(intNumber(p));
}

/** An int converted to a double: infinite when the int is beyond the double range (`PyLong_AsDouble`'s error). */
function finiteIntFloat(f: number): number {
  if (!Number.isFinite(f)) throw new PyException('OverflowError', 'int too large to convert to float');
  return f;
}

const MAX_RESULT_BITS = 1_000_000;

function bits(v: bigint): number {
  return (v < 0n ? -v : v).toString(2).length;
}

function intOp(heap: Heap, m: Messages, op: BinaryOperator, x: bigint, y: bigint): Ref {
  switch (op) {
    case '+':
      return intAddOrSubtract(heap, x, y, x + y);
    case '-':
      return intAddOrSubtract(heap, x, y, x - y);
    case '*':
      return heap.int(x * y);
    case '//':
      if (y === 0n) throw new PyException('ZeroDivisionError', m.intFloorDivideByZero);
      return heap.int(floorDiv(x, y));
    case '%':
      if (y === 0n) throw new PyException('ZeroDivisionError', m.intModuloByZero);
      return heap.int(x - floorDiv(x, y) * y);
    case '/': {
      if (y === 0n) throw new PyException('ZeroDivisionError', m.intDivideByZero);
      const limit = 2n ** 53n;
      // `long_true_divide` is correctly rounded; so is a JS division of two exact doubles.
      if (x > limit || x < -limit || y > limit || y < -limit) throw new Refusal('true division of ints beyond 2**53');
      return heap.float(Number(x) / Number(y));
    }
    case '**': {
      if (y < 0n) {
        if (x === 0n) throw new PyException('ZeroDivisionError', '0.0 cannot be raised to a negative power');
        const ax = x < 0n ? -x : x;
        // Exact only for powers of two (C `pow` and JS agree on exact results).
        if ((ax & (ax - 1n)) !== 0n || y < -1000n) throw new Refusal('int ** negative int', 'the float result may round differently');
        return heap.float(Number(x) ** Number(y));
      }
      if (x !== 0n && x !== 1n && x !== -1n && Number(y) * bits(x) > MAX_RESULT_BITS) throw new Refusal('an int result of more than a million bits');
      return heap.int(x ** y);
    }
    case '<<':
      if (y < 0n) throw new PyException('ValueError', 'negative shift count');
      if (x !== 0n && Number(y) + bits(x) > MAX_RESULT_BITS) throw new Refusal('an int result of more than a million bits');
      return heap.int(x << y);
    case '>>':
      if (y < 0n) throw new PyException('ValueError', 'negative shift count');
      return heap.int(x >> y);
    case '&':
      return heap.int(x & y);
    case '|':
      return heap.int(x | y);
    case '^':
      return heap.int(x ^ y);
    case '@':
      return unsupportedOperand(heap, op, null, null);
  }
}

/** `Objects/floatobject.c` `_float_div_mod`: Python's floor division and modulo of floats. */
export function floatDivMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = Math.sign(wx) * 0 || (wx < 0 ? -0 : 0);
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    // `copysign(0.0, vx / wx)`: the quotient's sign, also of a zero (-0.0 // 1.0 is -0.0).
    const q = vx / wx;
    floordiv = q < 0 || Object.is(q, -0) ? -0.0 : 0.0;
  }
  return [floordiv, mod];
}

function floatOp(heap: Heap, m: Messages, op: BinaryOperator, x: number, y: number): Ref {
  switch (op) {
    case '+':
      return heap.float(x + y);
    case '-':
      return heap.float(x - y);
    case '*':
      return heap.float(x * y);
    case '/':
      if (y === 0) throw new PyException('ZeroDivisionError', m.floatDivideByZero);
      return heap.float(x / y);
    case '//':
      if (y === 0) throw new PyException('ZeroDivisionError', m.floatFloorDivideByZero);
      return heap.float(floatDivMod(x, y)[0]);
    case '%':
      if (y === 0) throw new PyException('ZeroDivisionError', m.floatModuloByZero);
      return heap.float(floatDivMod(x, y)[1]);
    case '**':
      if (Number.isInteger(x) && Number.isInteger(y) && y >= 0 && y <= 64 && Math.abs(x) ** y < 2 ** 53) return heap.float(x ** y);
      // `x ** 0.5` of an exact square: the root is a double, and C's pow() (glibc and musl:
      // error under 0.52 ulp) can only return that double; sqrt is exact in JavaScript too.
      if (y === 0.5 && x >= 0 && Number.isFinite(x) && Math.sqrt(x) * Math.sqrt(x) === x) return heap.float(Math.sqrt(x));
      throw new Refusal('float ** float', "C's pow() and JavaScript's may round differently");
    default:
      throw new PyException('TypeError', `unsupported operand type(s) for ${op}: 'float' and 'float'`);
  }
}

function unsupportedOperand(heap: Heap, op: string, l: Ref | null, r: Ref | null): never {
  const a = l === null ? '?' : typeName(heap, l);
  const b = r === null ? '?' : typeName(heap, r);
  throw new PyException('TypeError', `unsupported operand type(s) for ${op === '**' ? '** or pow()' : op}: '${a}' and '${b}'`);
}

/**
 * The count of `seq * n` as a double (`Number` of the int: no bigint made for a safe int), or null.
 * `sequence_repeat` (`Objects/abstract.c`) takes it as a `Py_ssize_t` (OverflowError beyond).
 */
function repeatCount(heap: Heap, seq: Ref, n: Ref): number | null {
  const p = heap.get(n).payload;
  if (p.kind === 'int') {
    const count = intNumber(p);
    if (!(Math.abs(count) < 2 ** 31)) checkSsize(heap, p.value, 'OverflowError');
    return count;
  }
  if (p.kind === 'bool') return p.value ? 1 : 0;
  if (p.kind === 'float' || p.kind === 'str' || p.kind === 'list' || p.kind === 'tuple' || p.kind === 'bytes') {
    throw new PyException('TypeError', `can't multiply sequence by non-int of type '${typeName(heap, n)}'`);
  }
  void seq;
  return null;
}

/** The kinds `+` concatenates and `*` repeats. */
const SEQUENCE_KINDS: readonly string[] = ['str', 'bytes', 'tuple', 'list'];

/** `PyNumber_Add` etc.: a new reference to the result. */
export function binaryOp(heap: Heap, m: Messages, op: BinaryOperator, l: Ref, r: Ref): Ref {
  const a = heap.get(l).payload;
  const b = heap.get(r).payload;
  if (a.kind === 'int' && b.kind === 'int') {
    // The common case of the numeric branch below, without its `Num` objects.
    if (op === '%' && b.value !== 0n) return intRemainder(heap, { value: a.value, exactInt: l }, b.value);
    if (op === '>>' && b.value === 0n && negativeShiftByZeroIsSelf(heap, a.value)) return heap.incref(l);
    return intOp(heap, m, op, a.value, b.value);
  }
  // An int and a float, or two floats, under + - * / (the loops' `i + 0.5`): the numeric branch
  // below without its `Num` objects and the int's bigint.
  if ((op === '+' || op === '-' || op === '*' || op === '/') && (a.kind === 'float' || b.kind === 'float')) {
    const x = a.kind === 'float' ? a.value : a.kind === 'int' ? intToFloat(a) : null;
    if (x !== null) {
      const y = b.kind === 'float' ? b.value : b.kind === 'int' ? intToFloat(b) : null;
      if (y !== null) return floatOp(heap, m, op, x, y);
    }
  }
  const na = asNum(a);
  // Not made when `a` is no number (`'a' * n`): the `Num` would go unused.
  const nb = na === null ? null : asNum(b);
  if (na && nb) {
    if ('int' in na && 'int' in nb) {
      if (op === '%' && nb.int !== 0n) return intRemainder(heap, { value: na.int, exactInt: a.kind === 'int' ? l : null }, nb.int);
      if (op === '>>' && nb.int === 0n && a.kind === 'int' && negativeShiftByZeroIsSelf(heap, na.int)) return heap.incref(l);
      return intOp(heap, m, op, na.int, nb.int);
    }
    if (op === '<<' || op === '>>' || op === '&' || op === '|' || op === '^' || op === '@') return unsupportedOperand(heap, op, l, r);
    return floatOp(heap, m, op, toFloat(na), toFloat(nb));
  }
  const seqKinds = SEQUENCE_KINDS;
  if (op === '+' && seqKinds.includes(a.kind)) {
    // `PyUnicode_Concat`, `bytes_concat`, `tupleconcat`: with an empty operand the result is
    // the other operand itself (measured `s + '' is s`, `() + t is t`: True on 3.8-3.13).
    if (a.kind === 'str' && b.kind === 'str') {
      if (b.value === '') return heap.incref(l);
      if (a.value === '') return heap.incref(r);
      return heap.str(a.value + b.value);
    }
    if (a.kind === 'bytes' && b.kind === 'bytes') {
      if (b.value.length === 0) return heap.incref(l);
      if (a.value.length === 0) return heap.incref(r);
      return heap.bytes([...a.value, ...b.value]);
    }
    if (a.kind === 'tuple' && b.kind === 'tuple') {
      if (b.items.length === 0) return heap.incref(l);
      if (a.items.length === 0) return heap.incref(r);
      return heap.tuple([...repeatedRefs(heap, a.items, 1), ...repeatedRefs(heap, b.items, 1)]);
    }
    if (a.kind === 'list' && b.kind === 'list') return heap.list([...repeatedRefs(heap, a.items, 1), ...repeatedRefs(heap, b.items, 1)]);
    if (a.kind === 'str') throw new PyException('TypeError', `can only concatenate str (not "${typeName(heap, r)}") to str`);
    if (a.kind === 'bytes') throw new PyException('TypeError', `can't concat ${typeName(heap, r)} to bytes`);
    throw new PyException('TypeError', `can only concatenate ${a.kind} (not "${typeName(heap, r)}") to ${a.kind}`);
  }
  if (op === '*' && (seqKinds.includes(a.kind) || seqKinds.includes(b.kind))) {
    const leftSeq = seqKinds.includes(a.kind);
    const seq = leftSeq ? l : r;
    const count = leftSeq ? r : l;
    const n = repeatCount(heap, seq, count);
    if (n === null) return unsupportedOperand(heap, op, l, r);
    const sp = heap.get(seq).payload;
    const len = sp.kind === 'str' ? sp.value.length : sp.kind === 'bytes' ? sp.value.length : sp.kind === 'tuple' || sp.kind === 'list' ? sp.items.length : 0;
    // An empty sequence repeated is empty (`list_repeat`, `tuple_repeat`, ...), whatever the count.
    const times = n < 0 || len === 0 ? 0 : n;
    if (len * times > 10_000_000) throw new Refusal('a sequence of more than ten million items');
    // `unicode_repeat`, `bytes_repeat`, `tuple_repeat`: `x * 1` is `x` itself (measured True on 3.8-3.13).
    if (times === 1 && sp.kind !== 'list') return heap.incref(seq);
    switch (sp.kind) {
      case 'str':
        // The operand's kind is the result's: an ASCII operand is not scanned again `times` over.
        return strKind(sp.value).ascii ? heap.asciiStr(heap.repeatedText(sp.value, times)) : heap.str(heap.repeatedText(sp.value, times));
      case 'bytes':
        return heap.bytes(repeatedBytes(sp.value, times));
      case 'tuple':
        return heap.tuple(repeatedRefs(heap, sp.items, times));
      case 'list':
        return heap.list(repeatedRefs(heap, sp.items, times));
      default:
        break;
    }
  }
  // Set algebra (`set_or`, `set_and`, ...) and dict union (`dict_or`, 3.9+) are not modelled: refused,
  // not reported as a TypeError CPython would not raise.
  const setOrDict = (k: string): boolean => k === 'set' || k === 'frozenset' || k === 'dict';
  if ((op === '|' || op === '&' || op === '-' || op === '^') && (setOrDict(a.kind) || setOrDict(b.kind))) {
    throw new Refusal(`the operator ${op} of a ${typeName(heap, l)} and a ${typeName(heap, r)}`);
  }
  if (op === '%' && a.kind === 'str') return percentFormat(heap, a.value, r);
  if (op === '%' && a.kind === 'bytes') throw new Refusal('%-formatting of bytes');
  return unsupportedOperand(heap, op, l, r);
}

/** `PyNumber_Negative` / `Positive` / `Invert` (`not` is the interpreter's). */
export function unaryOp(heap: Heap, op: '-' | '+' | '~', v: Ref): Ref {
  const p = heap.get(v).payload;
  const n = asNum(p);
  // `long_long` / `float_pos`: unary + of an exact int or float is the object itself (measured).
  if (op === '+' && (p.kind === 'int' || p.kind === 'float')) return heap.incref(v);
  if (n && 'int' in n) {
    if (op === '-') return heap.int(-n.int);
    if (op === '+') return heap.int(n.int);
    return heap.int(-n.int - 1n);
  }
  if (n && 'float' in n && op !== '~') return heap.float(op === '-' ? -n.float : n.float);
  throw new PyException('TypeError', `bad operand type for unary ${op}: '${typeName(heap, v)}'`);
}

/** `items` repeated `times` times, each slot a new reference (one loop: `[x] * n` with a large n is common). */
/** `value` repeated `times` times (apart: a closure in `binaryOp` would make its context at every operation). */
function repeatedBytes(value: readonly number[], times: number): number[] {
  const out = new Array<number>(value.length * times);
  let k = 0;
  for (let t = 0; t < times; t++) for (const x of value) out[k++] = x;
  return out;
}

function repeatedRefs(heap: Heap, items: readonly Ref[], times: number): Ref[] {
  const n = items.length;
  // Each item's references taken at once (`[x] * 1168` is common): no lookup of its object per slot.
  if (n === 1) return new Array<Ref>(times).fill(heap.increfTimes(items[0] as Ref, times));
  const out = new Array<Ref>(n * times);
  for (let i = 0; i < n; i++) {
    const x = heap.increfTimes(items[i] as Ref, times);
    for (let t = 0; t < times; t++) out[t * n + i] = x;
  }
  return out;
}
