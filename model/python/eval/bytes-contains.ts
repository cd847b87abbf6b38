/**
 * `x in b` for a bytes b (`Objects/bytes_methods.c` `_Py_bytes_contains`): an int (or bool)
 * is a byte value, 0..255 or ValueError; anything else must offer the buffer protocol (of the
 * types the model has, only bytes: a substring search), else the buffer's TypeError.
 * Measured the same on 3.8-3.14.
 */
import type { Heap } from '../../core/heap';
import type { Ref } from '../../core/objects';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { typeName } from './values';

export function bytesContains(h: Heap, bytes: readonly number[], item: Ref): boolean {
  const ip = h.get(item).payload;
  if (ip.kind === 'int' || ip.kind === 'bool') {
    const value = ip.kind === 'bool' ? (ip.value ? 1n : 0n) : ip.value;
    if (value < 0n || value >= 256n) throw new PyException('ValueError', 'byte must be in range(0, 256)');
    return bytes.includes(Number(value));
  }
  if (ip.kind === 'bytes') return indexOf(bytes, ip.value) >= 0;
  // An instance may define `__index__` or the buffer protocol (`__buffer__`, 3.12+).
  if (ip.kind === 'instance') throw new Refusal("'in' on bytes with an instance");
  throw new PyException('TypeError', `a bytes-like object is required, not '${typeName(h, item)}'`);
}

/** `stringlib_find` from position 0: the first index of `needle`, or -1. */
function indexOf(haystack: readonly number[], needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
