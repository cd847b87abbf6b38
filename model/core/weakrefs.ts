/**
 * Weak references (`Objects/weakrefobject.c`) and `weakref.WeakSet` (`Lib/_weakrefset.py`).
 * Clearing at death and the callback order live in heap.ts (`clearWeakrefsOf`), which
 * `_Py_Dealloc` reaches first for every object that has weak references.
 */
import type { Heap } from './heap';
import type { Ref } from './objects';
import { addWeakref, typeName } from './objects';

/** A Python-level error the evaluator raises as is. */
export class PyTypeError extends Error {}

/**
 * `weakref.ref(obj[, callback])` (`weakref___new__` -> `PyWeakref_NewRef`). Without a
 * callback an existing basic ref is returned again (`get_basic_refs`): measured
 * `weakref.ref(o) is weakref.ref(o)` True on 3.8-3.13. With a callback a new ref is made
 * every time. Types without `tp_weaklistoffset` raise
 * `TypeError: cannot create weak reference to 'int' object` (measured, 3.8-3.13).
 * Returns a new reference.
 */
export function newWeakref(heap: Heap, referent: Ref, callback: Ref | null): Ref {
  if (!heap.canBeWeaklyReferenced(referent)) {
    throw new PyTypeError(`cannot create weak reference to '${typeName(heap, referent)}' object`);
  }
  const o = heap.get(referent);
  if (callback === null) {
    const basic = o.weakrefs.find((w) => {
      const p = heap.payload(w, 'weakref');
      return p.callback === null && p.weakSet === null;
    });
    if (basic !== undefined) return heap.incref(basic);
  }
  if (callback !== null) heap.incref(callback);
  const w = heap.object({ kind: 'weakref', referent, callback, weakSet: null });
  addWeakref(o, w);
  return w;
}

/** Calling a weakref: a new reference to the referent, or to None once it died. */
export function derefWeakref(heap: Heap, weakref: Ref): Ref {
  // The referent may be cyclic garbage, which this makes reachable again.
  heap.collectionTiming.settle();
  const p = heap.payload(weakref, 'weakref');
  // `clearWeakrefsOf` sets the referent to null as it dies.
  return p.referent !== null ? heap.incref(p.referent) : heap.none();
}

/** `weakref.WeakSet()`: its Python-level internals (a set, a bound `_remove`...) are not followed. */
export function newWeakSet(heap: Heap): Ref {
  // Stryker disable next-line StringLiteral: equivalent while a WeakSet's and a weakref's sizes are unknown (allocateUnknownSize loses the same classes)
  heap.allocator.untracked('unknown');
  return heap.object({ kind: 'WeakSet', members: new Map() });
}

/** `WeakSet.add(item)`: `self.data.add(ref(item, self._remove))`. */
export function weakSetAdd(heap: Heap, weakSet: Ref, item: Ref): void {
  const set = heap.payload(weakSet, 'WeakSet');
  if (set.members.has(item)) return;
  if (!heap.canBeWeaklyReferenced(item)) {
    throw new PyTypeError(`cannot create weak reference to '${typeName(heap, item)}' object`);
  }
  // Stryker disable next-line StringLiteral: equivalent while a WeakSet's and a weakref's sizes are unknown (allocateUnknownSize loses the same classes)
  heap.allocator.untracked('unknown');
  const w = heap.object({ kind: 'weakref', referent: item, callback: null, weakSet });
  addWeakref(heap.get(item), w);
  set.members.set(item, w);
}

/**
 * Live members, in insertion order (iteration order of a small set of weakrefs is not this; callers
 * sort or count). A member leaves the set as it dies (`clearWeakrefsOf`), so every one is alive.
 */
export function weakSetMembers(heap: Heap, weakSet: Ref): Ref[] {
  heap.collectionTiming.settle();
  return [...heap.payload(weakSet, 'WeakSet').members.keys()];
}
