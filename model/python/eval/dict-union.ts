/**
 * `d | other` and `d |= other` for dicts (PEP 584, fact `dictUnionOperator`, 3.9+):
 * `Objects/dictobject.c` `dict_or` copies the left dict (`PyDict_Copy`: keys with their stored
 * hashes) and merges the right one into the copy (`dict_update_arg` -> `PyDict_Merge`);
 * `dict_ior` merges into the left dict and returns it. Both merges are `d.update(other)`
 * (dict-methods.ts). Modelled when the right operand is a dict; before 3.9 (no `nb_or`) the
 * TypeError; `dict | 1` (NotImplemented, no reflected method) the TypeError. Returns null when this is not a dict union.
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { callDictMethod } from './dict-methods';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { typeName } from './values';

const OTHER_BUILTINS: ReadonlySet<string> = new Set(['int', 'float', 'str', 'bytes', 'NoneType', 'list', 'tuple']);

export function dictUnion(interp: Interpreter, left: Ref, right: Ref, inPlace: boolean): Ref | null {
  const h = interp.heap;
  if (h.get(left).payload.kind !== 'dict') return null;
  const rightKind = h.get(right).payload.kind;
  const unsupported = (): PyException => new PyException('TypeError', `unsupported operand type(s) for ${inPlace ? '|=' : '|'}: 'dict' and '${typeName(h, right)}'`);
  if (!interp.cfg.dictUnionOperator && rightKind === 'dict') throw unsupported();
  if (!interp.cfg.dictUnionOperator) return null;
  // `dict_or` returns NotImplemented for a right operand that is no dict; these types have no `__ror__` for it.
  if (!inPlace && OTHER_BUILTINS.has(rightKind)) throw unsupported();
  if (rightKind !== 'dict') throw new Refusal(inPlace ? 'dict |= of something that is not a dict' : 'dict | of something that is not a dict');
  const target = inPlace ? h.incref(left) : (callDictMethod(interp, left, 'copy', []) as Ref);
  try {
    h.decref(callDictMethod(interp, target, 'update', [right]) as Ref);
  } catch (err) {
    h.decref(target);
    throw err;
  }
  return target;
}
