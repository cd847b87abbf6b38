/**
 * `obj.__dict__` of an instance of a Python class (`PyObject_GenericGetDict`):
 * - 3.8-3.10: the instance's dict, made at its first attribute store (`_PyObjectDict_SetItem`,
 *   a split table sharing the class's keys) or now if it has none;
 * - 3.11+: attributes live in the object's inline values; reading `__dict__` materializes a
 *   dict that takes them over (`_PyObject_GetManagedDict` / `make_dict_from_instance_attributes`,
 *   3.13 `_PyObject_MaterializeManagedDict`), which the instance then keeps.
 * `sys.getsizeof` of such a dict (`_PyDict_SizeOf`: the object, the split values array sized
 * from the shared keys, the keys when not shared) is taken from measurements, for what was
 * measured only (model/python/eval/measurements/instance-dict-sizes.py, classes setting 0-7
 * attributes): 3.8-3.10 x86_64 104 bytes while the keys hold at most 5 names; 3.11-3.14 296
 * (x86_64) / 156 (wasm32) while the class has made one instance, 288 / 152 once it made a
 * second (the sizes of the first instance's dict change then too). Other cases are refused.
 */
import type { Ref } from '../../core/objects';
import { hasDict } from './attributes';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';
import { RunSlot, runState } from './run-state';

interface InstanceDictState {
  /** Dicts handed out as `__dict__`, with their instance's class. */
  readonly dicts: Map<Ref, Ref>;
}

const STATE = new RunSlot<InstanceDictState>(() => ({ dicts: new Map() }));

function state(interp: Interpreter): InstanceDictState {
  return runState(interp, STATE);
}

/** `obj.__dict__` for an instance: a new reference to its (maybe just made) dict. */
export function instanceDict(interp: Interpreter, obj: Ref): Ref {
  const h = interp.heap;
  const p = h.payload(obj, 'instance');
  if (!hasDict(interp, p.cls)) throw new Refusal("the attribute __dict__ of an instance without one", 'the AttributeError may carry a suggestion');
  if (p.dict === null) {
    // The dict object (dict free list) and keys the model does not follow.
    const entries = [...p.values].map(([name, value]) => ({ key: interp.nameStr(name), value }));
    p.values.clear();
    p.dict = h.dict(entries);
    h.allocator.untracked('unknown');
  }
  state(interp).dicts.set(p.dict, p.cls);
  return h.incref(p.dict);
}

/** The class of the instance whose `__dict__` `dict` is, or undefined for other dicts. */
export function dictOwnerClass(interp: Interpreter, dict: Ref): Ref | undefined {
  return state(interp).dicts.get(dict);
}

/** `sys.getsizeof` of a dict handed out as an instance's `__dict__`, when measured; else null. */
export function instanceDictGetsizeof(interp: Interpreter, dict: Ref): number | null {
  const s = state(interp);
  const cls = s.dicts.get(dict);
  if (cls === undefined || !interp.heap.isAlive(dict)) return null;
  const entries = interp.heap.payload(dict, 'dict').entries.length;
  const sizes = interp.cfg.instanceDictSizes;
  if (entries > sizes.maxEntries) return null;
  const made = interp.instancesMade(cls);
  if (made === 1) return sizes.firstInstance;
  if (made >= 2) return sizes.laterInstances;
  return null;
}
