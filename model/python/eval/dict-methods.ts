/**
 * Methods of `dict` objects (`Objects/dictobject.c`): `get` and `setdefault` return new
 * references to what the dict holds; `pop` hands the value over and releases the key
 * (`_PyDict_Pop`); `update` from a dict stores each pair (`dict_merge`); `copy` makes a dict
 * holding the same keys and values (`PyDict_Copy`). Views (`items`, `keys`, `values`): dict-views.ts.
 * Keys hashed by Python (user-equality.ts): `setdefault` hashes once, `copy` never.
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { mergePairs } from './dict-constructor';
import { keyError } from './exceptions';
import { Refusal } from './refusal';
import { makeDictView } from './dict-views';
import { pythonHashKind } from './user-equality';

function entriesOf(interp: Interpreter, dict: Ref) {
  return interp.heap.payload(dict, 'dict').entries;
}

/** A `dict` method called with borrowed `args` (a new reference), or null if not modelled here. */
export function callDictMethod(interp: Interpreter, dict: Ref, name: string, args: readonly Ref[]): Ref | null {
  const h = interp.heap;
  const entries = entriesOf(interp, dict);
  switch (name) {
    case 'get': {
      if (args.length < 1 || args.length > 2) return null;
      const e = interp.keyed.findEntry(entries, args[0]!);
      if (e) return h.incref(e.value);
      return args[1] === undefined ? h.none() : h.incref(args[1]);
    }
    case 'setdefault': {
      if (args.length < 1 || args.length > 2) return null;
      const e = interp.keyed.findEntry(entries, args[0]!);
      if (e) return h.incref(e.value);
      // `PyDict_SetDefault`: one hash and one lookup, then the insertion (no second lookup).
      const value = args[1] ?? h.none();
      h.dictKeysChanged();
      interp.keyed.appendEntry(entries, { key: h.incref(args[0]!), value: h.incref(value) });
      if (args[1] === undefined) h.decref(value);
      return h.incref(value);
    }
    case 'pop': {
      if (args.length < 1 || args.length > 2) return null;
      // An empty dict answers without hashing the key (`Objects/dictobject.c` `_PyDict_Pop`,
      // 3.13+ `pop_lock_held`: `ma_used == 0`): `{}.pop([], 0)` is 0 on 3.8-3.14, measured.
      const e = entries.length === 0 ? undefined : interp.keyed.removeEntry(entries, args[0]!);
      if (!e) {
        if (args[1] !== undefined) return h.incref(args[1]);
        throw keyError(interp, args[0]!);
      }
      h.dictKeysChanged();
      h.decref(e.key);
      return e.value;
    }
    case 'update': {
      if (args.length !== 1) return null;
      const src = h.get(args[0]!).payload;
      if (src.kind === 'list' || src.kind === 'tuple') {
        mergePairs(interp, dict, args[0]!);
        return h.none();
      }
      if (src.kind !== 'dict') return null;
      // `dict_merge` reuses the stored hashes: a Python `__hash__` would not run again.
      if (src.entries.some((e) => h.get(e.key).payload.kind === 'instance' && pythonHashKind(interp, e.key) === 'python')) {
        throw new Refusal('dict.update with keys hashed by Python');
      }
      for (const e of [...src.entries]) interp.setItem(dict, e.key, h.incref(e.value));
      return h.none();
    }
    case 'copy': {
      if (args.length !== 0) return null;
      // `PyDict_Copy` copies the keys with their stored hashes (nothing is hashed or compared again).
      return h.dict(entries.map((e) => ({ key: h.incref(e.key), value: h.incref(e.value) })));
    }
    case 'keys':
    case 'values':
    case 'items':
      return args.length === 0 ? makeDictView(interp, dict, name) : null;
    default:
      return null;
  }
}
