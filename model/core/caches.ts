/**
 * Which values come from a cache of shared objects instead of a new allocation.
 * Each rule names the CPython source that makes the object shared.
 */
import type { CoreConfig } from './config';

/** `Objects/longobject.c` `get_small_int` / `_PY_NSMALLPOSINTS`, `_PY_NSMALLNEGINTS`. */
export function isSmallInt(value: bigint, config: CoreConfig): boolean {
  return value >= BigInt(config.smallIntMin) && value <= BigInt(config.smallIntMax);
}

/**
 * `Objects/unicodeobject.c` `unicode_get_empty` and `get_latin1_char` (`LATIN1`):
 * the empty string and every 1-character string below U+0100 are shared.
 * (257 / `chr(256)` are not: measured `chr(256) is chr(256)` False on 3.8-3.13.)
 */
export function isCachedStr(value: string): boolean {
  if (value.length === 0) return true;
  const chars = [...value];
  return chars.length === 1 && (chars[0]?.codePointAt(0) ?? 0x100) < 0x100;
}

/** `Objects/bytesobject.c` `bytes_get_empty` / `CHARACTER(ch)`: `b''` and every 1-byte bytes are shared. */
export function isCachedBytes(value: readonly number[]): boolean {
  return value.length <= 1;
}

/** `Objects/tupleobject.c` `tuple_get_empty`: `()` is a singleton. */
export function isCachedTuple(length: number): boolean {
  return length === 0;
}

/**
 * `Objects/setobject.c` `emptyfrozenset`: `frozenset()` was a singleton until 3.9
 * (removed in 3.10, bpo-40521). Measured `frozenset() is frozenset()`: True on 3.8/3.9, False from 3.10.
 */
export function isCachedEmptyFrozenset(config: CoreConfig): boolean {
  return config.emptyFrozensetSingleton;
}

/**
 * `Objects/codeobject.c` `all_name_chars`: string constants made only of ASCII letters,
 * digits and `_` are interned when a code object is created (`intern_string_constants`).
 */
export function allNameChars(value: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(value);
}

/**
 * Whether an equal string may already be in the intern table when the program starts
 * (interned by the interpreter or by the modules imported at startup). The model cannot
 * know that table; it assumes only strings that contain a character outside
 * `[A-Za-z0-9_.<>-]` (a space, say) are absent from it, and that 1-char strings are there.
 */
export function mayBeInternedAtStartup(value: string): boolean {
  return /^[A-Za-z0-9_.<>-]*$/.test(value);
}
