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
  // One code point below U+0100 is one UTF-16 unit (a surrogate pair is two, and above it).
  return value.length === 0 || (value.length === 1 && value.charCodeAt(0) < 0x100);
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
 * `Objects/codeobject.c` `all_name_chars`: string constants made only of ASCII letters,
 * digits and `_` are interned when a code object is created (`intern_string_constants`).
 */
export function allNameChars(value: string): boolean {
  // (`/^[A-Za-z0-9_]*$/.test`, as a loop: asked of every str constant of every run, and a regex call cost more than the loop)
  for (let i = 0; i < value.length; i++) if (!isNameChar(value.charCodeAt(i))) return false;
  return true;
}

/** `[A-Za-z0-9_]`. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * A run-time salt (`properties/harness/cases.ts` `nextSalt`): `_`, a lowercase ASCII letter, then
 * six base-36 digits of which the first two are `0`. No string the interpreter holds at startup
 * contains `_` + ASCII letter + `00` at all. Measured by
 * `model/python/eval/measurements/startup-strings.py` (every str reachable at program start from
 * `gc.get_objects()`, `sys.modules` and module dicts, through `gc.get_referents`, code objects'
 * co_names/co_varnames/co_consts/co_filename/co_name, type dicts): 0 such strings among 4710
 * (3.8.18), 4761 (3.9.18), 5030 (3.10.13), 11276 (3.11.7), 4902 (3.11.2, /usr/bin), 5078
 * (3.12.1), 5195 (3.13.0) native and 20458 (3.11.3), 22668 (3.12.1), 21528 (3.12.7), 20467
 * (3.13.2), 23890 (3.14.2) Pyodide. Strings interned at startup and no longer referenced (3.12+
 * keeps them, immortal) come from the binary or the stdlib: `strings` of the native
 * `bin/python3.*` and `libpython*.so`, every stdlib `*.py` outside site-packages, Pyodide's
 * `pyodide.asm.wasm`, `python_stdlib.zip` (unzipped) and `*.js`: no `_[A-Za-z]00` anywhere.
 */
const STARTUP_FREE_SALT = /_[a-z]00[0-9a-z]{4}/;

/**
 * Strings measured absent from the intern table at program start: `sys.intern(s) is s` for a
 * run-time built `s` printed True on 3.8.18-3.13.0 native and 3.11.3-3.14.2 Pyodide
 * (`model/python/eval/measurements/startup-intern-absent.py`). HTTP header names a tutorial interns.
 */
const MEASURED_ABSENT_AT_STARTUP: ReadonlySet<string> = new Set(['content-type', 'cache-control', 'x-request-id', 'user-agent']);

/**
 * Whether an equal string may already be in the intern table when the program starts
 * (interned by the interpreter or by the modules imported at startup). The model cannot
 * know that table; it assumes only strings that contain a character outside
 * `[A-Za-z0-9_.<>-]` (a space, say) or a salt (`STARTUP_FREE_SALT`) are absent from it,
 * and that 1-char strings are there.
 */
export function mayBeInternedAtStartup(value: string): boolean {
  // `/^[A-Za-z0-9_.<>-]*$/` first, as a loop (most strings fail it, and the salt needs a `_`).
  let underscore = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x5f) underscore = true;
    else if (!isNameChar(c) && c !== 0x2e && c !== 0x3c && c !== 0x3e && c !== 0x2d) return false;
  }
  if (underscore && STARTUP_FREE_SALT.test(value)) return false;
  return !MEASURED_ABSENT_AT_STARTUP.has(value);
}
