/**
 * `abs` and `sum` (`Python/bltinmodule.c` `builtin_abs`, `builtin_sum_impl`) with the objects
 * CPython returns:
 * - `abs(int)`: `long_abs` -> `long_long` gives an exact int >= 0 itself, a negative one
 *   `long_neg` (small ints cached, others new); `abs(bool)` is `_PyLong_Copy` (an int);
 *   `abs(float)` is a new float (`float_abs` -> `PyFloat_FromDouble`).
 * - `sum` of exact ints with an int start accumulates in a C long and returns
 *   `PyLong_FromLong(total)`: a new object (or a small int) even when it equals start or the
 *   only item (measured `sum([], s) is s` False for s = 1000).
 * - At the first float item the int path makes its total an int, adds the float to it
 *   (`PyNumber_Add`: a new float), releases the int then the item; the float path takes that
 *   float's value and releases it, sums in a C double (fact `floatSum`: plain, Neumaier's
 *   compensation from 3.12, int items compensated too from 3.14) and returns a new float.
 *   A float start enters the float path directly. Items that would leave the fast paths
 *   (other types, ints beyond 32 bits: wasm32's C long) are refused.
 * Items are consumed through the interpreter's iteration helper (`getIter` / `iterNext`).
 * - `round` (`builtin_round_impl` -> `__round__`): an exact int without ndigits or with
 *   ndigits >= 0 is itself (`long_round` -> `long_long`); a float without ndigits is an int
 *   from `PyLong_FromDouble` (fact `longFromDoubleCachesSmall`), with ndigits a new float
 *   (float-round.ts).
 * - `divmod` (`long_divmod`: quotient and remainder as `//` and `%` make them, then
 *   `PyTuple_New(2)`; `float_divmod`: `Py_BuildValue("(dd)")`, the tuple before its floats).
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import type { LoopIterator } from './frame';
import { Refusal } from './refusal';
import { typeName } from './values';
import { asNum, floatDivMod, floorDiv, toFloat } from './arith';
import { roundToDigits, roundToIntegral } from './float-round';
import { intRemainder } from './int-results';

export const NUMBER_BUILTINS = ['abs', 'sum', 'round', 'divmod'] as const;

function abs(interp: Interpreter, x: Ref): Ref {
  const h = interp.heap;
  const p = h.get(x).payload;
  switch (p.kind) {
    case 'int':
      return p.value >= 0n ? h.incref(x) : h.int(-p.value);
    case 'bool':
      return h.int(p.value ? 1n : 0n);
    case 'float':
      return h.float(Math.abs(p.value));
    default:
      if (p.kind === 'instance') throw new Refusal('abs() of an instance');
      throw new PyException('TypeError', `bad operand type for abs(): '${typeName(h, x)}'`);
  }
}

function sum(interp: Interpreter, iterable: Ref, start: Ref | undefined): Ref {
  const h = interp.heap;
  if (start !== undefined) {
    const sp = h.get(start).payload;
    if (sp.kind === 'str') throw new PyException('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
    // A start that is not an exact int in a C long (32 bits on wasm32) is returned itself for no items.
    const inLong = sp.kind === 'int' && sp.value < 2n ** 31n && sp.value >= -(2n ** 31n);
    if (!inLong && sp.kind !== 'float') throw new Refusal(`sum() with this start`, 'only exact ints in a C long and floats take the fast paths the model follows');
  }
  const startPayload = start === undefined ? null : h.get(start).payload;
  let total = startPayload?.kind === 'int' ? startPayload.value : 0n;
  const it = interp.getIter(iterable);
  try {
    if (startPayload?.kind === 'float') return floatSum(interp, it, startPayload.value);
    for (let item = interp.iterNext(it); item !== null; item = interp.iterNext(it)) {
      const p = h.get(item).payload;
      if (p.kind === 'float') {
        if (total >= 2n ** 31n || total < -(2n ** 31n)) {
          h.decref(item);
          throw new Refusal('sum() of ints beyond a C long then a float');
        }
        // `result = PyLong_FromSsize_t(i_result); temp = PyNumber_Add(result, item)`.
        const asInt = h.int(total);
        const temp = h.float(Number(total) + p.value);
        h.decref(asInt);
        h.decref(item);
        const value = h.payload(temp, 'float').value;
        h.decref(temp);
        return floatSum(interp, it, value);
      }
      h.decref(item);
      if (p.kind === 'int') total += p.value;
      else if (p.kind === 'bool') total += p.value ? 1n : 0n;
      else throw new Refusal(`sum() of a ${p.kind} item`, 'only ints and floats are modelled');
    }
  } finally {
    interp.releaseIter(it);
  }
  return h.int(total);
}

/** The float path of `builtin_sum_impl` from `start`: a new float (the iterator stays the caller's). */
function floatSum(interp: Interpreter, it: LoopIterator, start: number): Ref {
  const h = interp.heap;
  const mode = interp.cfg.floatSum;
  let hi = start;
  let lo = 0;
  // Neumaier's step (`cs_add`; 3.12-3.13 inline in `builtin_sum_impl`).
  const compensated = (x: number) => {
    const t = hi + x;
    lo += Math.abs(hi) >= Math.abs(x) ? hi - t + x : x - t + hi;
    hi = t;
  };
  for (let item = interp.iterNext(it); item !== null; item = interp.iterNext(it)) {
    const p = h.get(item).payload;
    let x: number;
    if (p.kind === 'float') x = p.value;
    else if ((p.kind === 'int' && p.value < 2n ** 31n && p.value >= -(2n ** 31n)) || p.kind === 'bool') x = Number(p.value);
    else {
      h.decref(item);
      throw new Refusal(`sum() of a ${p.kind} item after a float`, 'only floats and ints in a C long stay on the fast path the model follows');
    }
    h.decref(item);
    if (mode === 'plain' || (mode === 'compensated' && p.kind !== 'float')) hi += x;
    else compensated(x);
  }
  // "Avoid losing the sign on a negative result": the compensation only when nonzero and finite.
  return h.float(lo !== 0 && Number.isFinite(lo) ? hi + lo : hi);
}

/** `PyNumber_AsSsize_t(o, NULL)`: an int clipped to a Py_ssize_t (only its sign and size matter here). */
function ndigitsOf(interp: Interpreter, o: Ref): number {
  const p = interp.heap.get(o).payload;
  if (p.kind === 'int' || p.kind === 'bool') {
    const v = p.kind === 'int' ? p.value : p.value ? 1n : 0n;
    return v > 100_000n ? 100_000 : v < -100_000n ? -100_000 : Number(v);
  }
  if (p.kind === 'instance') throw new Refusal('round() with an instance as ndigits');
  throw new PyException('TypeError', `'${typeName(interp.heap, o)}' object cannot be interpreted as an integer`);
}

function round(interp: Interpreter, x: Ref, ndigitsArg: Ref | undefined): Ref {
  const h = interp.heap;
  const p = h.get(x).payload;
  const ndigits = ndigitsArg === undefined || h.get(ndigitsArg).payload.kind === 'NoneType' ? null : ndigitsArg;
  switch (p.kind) {
    case 'int':
    case 'bool': {
      if (ndigits !== null && ndigitsOf(interp, ndigits) < 0) throw new Refusal('round() of an int to negative ndigits', 'the temporaries of _PyLong_DivmodNear are not modelled');
      return p.kind === 'int' ? h.incref(x) : h.int(p.value ? 1n : 0n);
    }
    case 'float': {
      if (ndigits === null) {
        const rounded = roundToIntegral(p.value);
        if (Number.isNaN(rounded)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
        if (!Number.isFinite(rounded)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
        const value = BigInt(rounded);
        // 3.8: only |x| < 1 (0) comes from `PyLong_FromLong`; any other double is a new int.
        return interp.cfg.longFromDoubleCachesSmall || value === 0n ? h.int(value) : h.newInt(value);
      }
      const rounded = roundToDigits(p.value, ndigitsOf(interp, ndigits));
      if (rounded === null) throw new PyException('OverflowError', 'rounded value too large to represent');
      return h.float(rounded);
    }
    case 'instance':
      throw new Refusal('round() of an instance');
    default:
      throw new PyException('TypeError', `type ${typeName(h, x)} doesn't define __round__ method`);
  }
}

function divmod(interp: Interpreter, a: Ref, b: Ref): Ref {
  const h = interp.heap;
  const pa = h.get(a).payload;
  const na = asNum(pa);
  const nb = asNum(h.get(b).payload);
  if (na === null || nb === null) {
    if (pa.kind === 'instance' || h.get(b).payload.kind === 'instance') throw new Refusal('divmod() of an instance');
    throw new PyException('TypeError', `unsupported operand type(s) for divmod(): '${typeName(h, a)}' and '${typeName(h, b)}'`);
  }
  if ('int' in na && 'int' in nb) {
    if (nb.int === 0n) throw new PyException('ZeroDivisionError', interp.msgs.intDivmodByZero);
    const quotient = h.int(floorDiv(na.int, nb.int));
    const remainder = intRemainder(h, { value: na.int, exactInt: pa.kind === 'int' ? a : null }, nb.int);
    return h.tuple([quotient, remainder]);
  }
  const vx = toFloat(na);
  const wx = toFloat(nb);
  if (wx === 0) throw new PyException('ZeroDivisionError', interp.msgs.floatDivmodByZero);
  const [floordiv, mod] = floatDivMod(vx, wx);
  // `do_mktuple`: `PyTuple_New(2)` first, then each float.
  const items: Ref[] = [h.none(), h.none()];
  const tuple = h.tuple(items);
  const slots = h.payload(tuple, 'tuple').items;
  slots[0] = h.float(floordiv);
  slots[1] = h.float(mod);
  for (const placeholder of items) h.decref(placeholder);
  return tuple;
}

/** One of `NUMBER_BUILTINS` with borrowed arguments (a new reference), or null for other names. */
export function callNumberBuiltin(interp: Interpreter, name: string, args: readonly Ref[]): Ref | null {
  switch (name) {
    case 'abs':
      if (args.length !== 1) throw new Refusal(`abs() with ${args.length} arguments`);
      return abs(interp, args[0]!);
    case 'sum':
      if (args.length < 1 || args.length > 2) throw new Refusal(`sum() with ${args.length} arguments`);
      return sum(interp, args[0]!, args[1]);
    case 'round':
      if (args.length < 1 || args.length > 2) throw new Refusal(`round() with ${args.length} arguments`);
      return round(interp, args[0]!, args[1]);
    case 'divmod':
      if (args.length !== 2) throw new Refusal(`divmod() with ${args.length} arguments`);
      return divmod(interp, args[0]!, args[1]!);
    default:
      return null;
  }
}
