/**
 * `hash(x)` (`Python/bltinmodule.c` `builtin_hash` -> `PyObject_Hash`) for the values whose hash
 * CPython computes from the value alone, with `Py_hash_t` as wide as a pointer (64-bit x86_64,
 * 32-bit wasm32; measured on both):
 * - ints and bools: `long_hash`, modulo `_PyHASH_MODULUS` (2**61-1, or 2**31-1 on 32-bit),
 *   -1 -> -2 (`hash(-1)` is -2, `hash(2**61)` 1 on x86_64, `hash(2**31)` 1 on wasm32);
 * - integral floats: `_Py_HashDouble` gives the int's hash (`hash(2.0**70)` 512 / 256);
 * - tuples: `tuplehash`, xxHash's round over the items' hashes (3.8+; `hash((1, 2))`
 *   -3550055125485641917 on x86_64, 994727857 on wasm32, every version measured);
 * - instances of a class with a Python `__hash__`: `slot_tp_hash` (user-equality.ts).
 * str and bytes hashes are randomized per process (`PYTHONHASHSEED`, `Python/pyhash.c`): the
 * result is an int the model cannot know (printing or comparing it is refused). None (by
 * address before 3.12), non-integral floats, identity hashes of objects and the rest are refused.
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { callPythonHash, intHash, pythonHashKind } from './user-equality';
import { typeName } from './values';

export const HASH_BUILTINS = ['hash'] as const;

/** `_PyHASH_XXPRIME_*` and `_PyHASH_XXROTATE` of `Objects/tupleobject.c` for a `Py_uhash_t` of `bits`. */
function xxConstants(bits: 64 | 32) {
  return bits === 64
    ? { p1: 11400714785074694791n, p2: 14029467366897019727n, p5: 2870177450012600261n, rotate: 31n }
    : { p1: 2654435761n, p2: 2246822519n, p5: 374761393n, rotate: 13n };
}

/** `tuplehash` over the items' hashes. */
function tupleHash(itemHashes: readonly bigint[], bits: 64 | 32): bigint {
  const { p1, p2, p5, rotate } = xxConstants(bits);
  const width = BigInt(bits);
  const mask = (1n << width) - 1n;
  const unsigned = (x: bigint) => BigInt.asUintN(bits, x);
  let acc = p5;
  for (const lane of itemHashes) {
    acc = unsigned(acc + unsigned(lane) * p2);
    acc = ((acc << rotate) | (acc >> (width - rotate))) & mask;
    acc = unsigned(acc * p1);
  }
  acc = unsigned(acc + (BigInt(itemHashes.length) ^ (p5 ^ 3527539n)));
  if (acc === mask) return 1546275796n;
  return BigInt.asIntN(bits, acc);
}

/** `PyObject_Hash(ref)` when the model knows it; null for a randomized (str, bytes) hash. */
export function knownHash(interp: Interpreter, ref: Ref): bigint | null {
  const h = interp.heap;
  if (interp.addressInts.has(ref) || interp.unknownInts.has(ref)) throw new Refusal('hash() of a value the model cannot know');
  const p = h.get(ref).payload;
  switch (p.kind) {
    case 'int':
      return intHash(interp, p.value);
    case 'bool':
      return p.value ? 1n : 0n;
    case 'float':
      if (Number.isInteger(p.value)) return intHash(interp, BigInt(p.value));
      throw new Refusal('hash() of a float that is not integral');
    case 'str':
    case 'bytes':
      return null;
    case 'tuple': {
      const items: bigint[] = [];
      for (const item of p.items) {
        const x = knownHash(interp, item);
        if (x === null) return null;
        items.push(x);
      }
      return tupleHash(items, interp.cfg.core.pointerSize === 8 ? 64 : 32);
    }
    case 'list':
    case 'dict':
    case 'set':
      throw new PyException('TypeError', `unhashable type: '${p.kind}'`);
    case 'instance': {
      const kind = pythonHashKind(interp, ref);
      if (kind !== 'identity') return callPythonHash(interp, ref);
      throw new Refusal('hash() of an object hashed by its address');
    }
    case 'iterator':
      // `dict_keys`/`dict_items`: `PyObject_HashNotImplemented` (measured 3.8-3.14).
      if (p.type === 'dict_keys' || p.type === 'dict_items') throw new PyException('TypeError', `unhashable type: '${p.type}'`);
      throw new Refusal(`hash() of a ${typeName(h, ref)}`);
    default:
      throw new Refusal(`hash() of a ${typeName(h, ref)}`);
  }
}

/** `hash(x)` with borrowed arguments (a new reference), or null for other names. */
export function callHashBuiltin(interp: Interpreter, name: string, args: readonly Ref[]): Ref | null {
  if (name !== 'hash') return null;
  if (args.length !== 1) throw new Refusal(`hash() with ${args.length} arguments`);
  const value = knownHash(interp, args[0]!);
  if (value !== null) return interp.heap.int(value);
  const r = interp.heap.int(1n << 40n);
  interp.noteUnknownInt(r, 'str and bytes hashes are randomized per process (PYTHONHASHSEED)');
  return r;
}
