/**
 * `dict(arg)` with one positional argument (`Objects/dictobject.c` `dict_new`, then
 * `dict_update_arg`): a dict is merged (`PyDict_Merge` -> `dict_merge`: its keys and values
 * with their stored hashes, in order, nothing hashed or compared again, as `dict.copy`);
 * anything else is an iterable of pairs (`PyDict_MergeFromSeq2`): each item, a tuple or list of
 * two (`PySequence_Fast` returns those themselves), is stored with `PyDict_SetItem` (the key is
 * hashed, a Python `__hash__`/`__eq__` runs). Items of other kinds or lengths (CPython's
 * TypeError/ValueError) are refused. `d.update(pairs)` merges the same way (`dict_update_arg`). The new dict's size is not followed (`sys.getsizeof` of a
 * non-empty dict is refused), nor is the iterator of the argument (an allocation).
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';

export function constructDict(vm: Interpreter, arg: Ref): Ref {
  const h = vm.heap;
  const p = h.get(arg).payload;
  if (p.kind === 'dict') return h.dict(p.entries.map((e) => ({ key: h.incref(e.key), value: h.incref(e.value) })));
  const dict = h.dict([]);
  try {
    mergePairs(vm, dict, arg);
  } catch (err) {
    h.decref(dict);
    throw err;
  }
  return dict;
}

/** `PyDict_MergeFromSeq2(dict, seq, 1)` of a list or tuple of pairs (also `d.update(pairs)`). */
export function mergePairs(vm: Interpreter, dict: Ref, seq: Ref): void {
  const h = vm.heap;
  const p = h.get(seq).payload;
  if (p.kind !== 'list' && p.kind !== 'tuple') throw new Refusal(`a dict update from a ${p.kind}`, 'only dicts and lists or tuples of pairs are modelled');
  // `PyObject_GetIter`: the argument's iterator, an allocation the model does not follow.
  h.allocator.untracked('unknown');
  for (const item of [...p.items]) {
    const ip = h.get(item).payload;
    if ((ip.kind !== 'tuple' && ip.kind !== 'list') || ip.items.length !== 2) throw new Refusal('a dict update from an item that is not a pair (tuple or list of two)');
    vm.setItem(dict, ip.items[0] as Ref, h.incref(ip.items[1] as Ref));
  }
}
