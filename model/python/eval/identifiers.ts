/**
 * Identifiers as str objects. CPython interns every identifier the parser makes and every
 * `co_name`/`co_names` entry and identifier constant into one table, so equal names are one
 * object. The model keeps a name as a pre-existing str (made before the program, its count
 * unknown) and registers it in the heap's intern table the first time an identifier is needed as
 * an object, so that later constants interned at compile time find it (and earlier ones are
 * found here).
 */
import { isCachedStr } from '../../core/caches';
import type { Heap } from '../../core/heap';
import type { Ref } from '../../core/objects';

/**
 * The pre-existing str object standing for the identifier `name` (a new reference): the object
 * the interpreter's `co_names` entries use. `immortal`: the profile's `codeNamesImmortal`. A
 * 1-character name is the static latin-1 string; others may be static (`_Py_ID`) or made immortal
 * when interned (measured on 3.14.2 wasm32: 'append' static, 'print' runtime).
 */
export function identifierObject(h: Heap, immortal: boolean, name: string): Ref {
  return h.preexistingName(name, immortal, isCachedStr(name) ? 'static' : 'unknown');
}

/** The interned str of `name` (a new reference). `immortal`: the profile's `codeNamesImmortal`. */
export function internedIdentifier(h: Heap, immortal: boolean, name: string): Ref {
  const hit = h.internTable.get(name);
  if (hit !== undefined) return h.incref(hit);
  // '' and one latin-1 character are the cached singletons (`get_latin1_char`), also as identifiers.
  const s = isCachedStr(name) ? h.str(name) : identifierObject(h, immortal, name);
  const interned = h.intern(s, true);
  h.decref(s);
  return interned;
}
