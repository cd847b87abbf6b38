/**
 * `PyNumber_AsSsize_t(item, exc)` (`Objects/abstract.c`): subscripts and sequence repetition take
 * their int as a `Py_ssize_t`, as wide as a pointer (64 bits on x86_64, 32 on wasm32); a wider int
 * raises `exc` (measured on 3.8-3.14: `[1][2**63]` and `[] * 2**63` natively, `[1][2**31]` and
 * `[] * 2**31` on Pyodide).
 */
import type { Heap } from '../../core/heap';
import { PyException } from './py-exception';

const LIMITS = new Map<number, { readonly min: bigint; readonly max: bigint }>();

function limits(pointerSize: number): { readonly min: bigint; readonly max: bigint } {
  let l = LIMITS.get(pointerSize);
  if (l === undefined) {
    const half = 1n << BigInt(pointerSize * 8 - 1);
    LIMITS.set(pointerSize, (l = { min: -half, max: half - 1n }));
  }
  return l;
}

/** Throws `exc` unless `value` fits a `Py_ssize_t` of the heap's build. */
export function checkSsize(heap: Heap, value: bigint, exc: 'IndexError' | 'OverflowError'): void {
  const { min, max } = limits(heap.config.pointerSize);
  if (value < min || value > max) throw new PyException(exc, "cannot fit 'int' into an index-sized integer");
}

/**
 * `PyLong_AsSsize_t` (argument clinic's `Py_ssize_t` converter, as in `list.pop(i)`,
 * `list.insert(i, x)`; `range_length`): beyond `Py_ssize_t` an OverflowError.
 */
export function asSsize(heap: Heap, value: bigint): number {
  const { min, max } = limits(heap.config.pointerSize);
  if (value < min || value > max) throw new PyException('OverflowError', 'Python int too large to convert to C ssize_t');
  return Number(value);
}
