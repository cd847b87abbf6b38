/**
 * Ints taken as a `Py_ssize_t`, as wide as a pointer (64 bits on x86_64, 32 on wasm32). Two ways,
 * with two messages (measured on 3.8-3.14: `[1][2**63]`, `[] * 2**63`, `[1].pop(2**63)` natively,
 * the same with 2**31 on Pyodide):
 * - `PyNumber_AsSsize_t(item, exc)` (`Objects/abstract.c`): subscripts and sequence repetition;
 * - `PyLong_AsSsize_t`: argument clinic's `Py_ssize_t` converter (`list.pop(i)`, `str.center(n)`)
 *   and `range_length`.
 */
import type { Heap } from '../../core/heap';
import { PyException } from './py-exception';

const LIMITS = new Map<number, { readonly min: bigint; readonly max: bigint }>();

function fitsSsize(heap: Heap, value: bigint): boolean {
  const pointerSize = heap.config.pointerSize;
  let l = LIMITS.get(pointerSize);
  if (l === undefined) {
    const half = 1n << BigInt(pointerSize * 8 - 1);
    LIMITS.set(pointerSize, (l = { min: -half, max: half - 1n }));
  }
  return value >= l.min && value <= l.max;
}

/** `PyNumber_AsSsize_t(item, exc)`: throws `exc` unless `value` fits. */
export function checkSsize(heap: Heap, value: bigint, exc: 'IndexError' | 'OverflowError'): void {
  if (!fitsSsize(heap, value)) throw new PyException(exc, "cannot fit 'int' into an index-sized integer");
}

/** `PyLong_AsSsize_t`: an OverflowError unless `value` fits. */
export function checkSsizeArgument(heap: Heap, value: bigint): void {
  if (!fitsSsize(heap, value)) throw new PyException('OverflowError', 'Python int too large to convert to C ssize_t');
}

/** `PyLong_AsSsize_t` of an argument used as a JS number (an index or count). */
export function asSsize(heap: Heap, value: bigint): number {
  checkSsizeArgument(heap, value);
  return Number(value);
}
