/**
 * `abs` and `sum` (`Python/bltinmodule.c` `builtin_abs`, `builtin_sum_impl`) with the objects
 * CPython returns:
 * - `abs(int)`: `long_abs` -> `long_long` gives an exact int >= 0 itself, a negative one
 *   `long_neg` (small ints cached, others new); `abs(bool)` is `_PyLong_Copy` (an int);
 *   `abs(float)` is a new float (`float_abs` -> `PyFloat_FromDouble`).
 * - `sum` of exact ints with an int start accumulates in a C long and returns
 *   `PyLong_FromLong(total)`: a new object (or a small int) even when it equals start or the
 *   only item (measured `sum([], s) is s` False for s = 1000). Float items are refused: 3.12
 *   changed float summation (Neumaier compensation), and the model does not carry that rule.
 * Items are consumed through the interpreter's iteration helper (`getIter` / `iterNext`).
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { typeName } from './values';

export const NUMBER_BUILTINS = ['abs', 'sum'] as const;

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
    if (sp.kind !== 'int' || sp.value >= 2n ** 31n || sp.value < -(2n ** 31n)) throw new Refusal(`sum() with this start`, 'only exact ints in a C long take the fast path the model follows');
  }
  const startPayload = start === undefined ? null : h.get(start).payload;
  let total = startPayload?.kind === 'int' ? startPayload.value : 0n;
  const it = interp.getIter(iterable);
  try {
    for (let item = interp.iterNext(it); item !== null; item = interp.iterNext(it)) {
      const p = h.get(item).payload;
      h.decref(item);
      if (p.kind === 'int') total += p.value;
      else if (p.kind === 'bool') total += p.value ? 1n : 0n;
      else throw new Refusal(`sum() of a ${p.kind} item`, p.kind === 'float' ? 'float summation changed in 3.12 (Neumaier)' : 'only ints are modelled');
    }
  } finally {
    interp.releaseIter(it);
  }
  return h.int(total);
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
    default:
      return null;
  }
}
