/**
 * Cyclic garbage collection (`Modules/gcmodule.c` until 3.12, `Python/gc.c` in 3.13).
 *
 * `gc.collect()` finds the GC-tracked objects that only other tracked objects reference
 * (`update_refs` / `subtract_refs` / `move_unreachable`), clears weak references to them and
 * runs the callbacks of weakrefs that are themselves reachable (`handle_weakrefs`), then
 * breaks the cycles with `tp_clear` (`delete_garbage`), which frees them by refcounting.
 */
import { clearWeakrefsOf, type Heap } from './heap';
import { isGcTracked, visitStrongReferents, type PyObject, type Ref } from './objects';

/** The tracked objects that nothing outside the tracked graph keeps alive. */
export function findUnreachable(heap: Heap): PyObject[] {
  const tracked: PyObject[] = [];
  for (const o of heap.live()) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, static objects' counts are unknown, so they would count as referenced from outside anyway
    if (isGcTracked(o.payload) && o.address.sizeClass !== 'static') tracked.push(o);
  }
  if (tracked.length === 0) return tracked;
  // update_refs + subtract_refs: references from outside the tracked set (the keys are the tracked set).
  const gcRefs = new Map<Ref, number>();
  for (const o of tracked) gcRefs.set(o.ref, o.immortal || !o.refcntKnown ? Infinity : o.refcnt);
  const subtract = (r: Ref): void => {
    const n = gcRefs.get(r);
    // Stryker disable next-line ConditionalExpression: equivalent, a count set for an untracked referent is never read
    if (n !== undefined) gcRefs.set(r, n - 1);
  };
  for (const o of tracked) visitStrongReferents(o.payload, subtract);
  // move_unreachable: everything reachable from an externally referenced object survives.
  const reachable = new Set<Ref>();
  const stack: Ref[] = [];
  for (const o of tracked) if ((gcRefs.get(o.ref) ?? 0) > 0) stack.push(o.ref);
  const follow = (c: Ref): void => {
    if (gcRefs.has(c) && !reachable.has(c)) stack.push(c);
  };
  while (stack.length > 0) {
    const r = stack.pop() as Ref;
    // Stryker disable next-line ConditionalExpression: equivalent, visiting an object twice marks nothing new
    if (reachable.has(r)) continue;
    reachable.add(r);
    visitStrongReferents(heap.get(r).payload, follow);
  }
  return tracked.filter((o) => !reachable.has(o.ref));
}

export interface CollectResult {
  /** How many unreachable objects the model found (CPython adds garbage from before the program). */
  readonly unreachableFound: number;
}

/** `gc.collect()`: frees the cyclic garbage. */
export function collect(heap: Heap): CollectResult {
  heap.collectionTiming.settle();
  const unreachable = findUnreachable(heap);
  if (unreachable.length === 0) return { unreachableFound: 0 };
  const garbage = new Set(unreachable.map((o) => o.ref));
  // Keep them alive while we work (CPython holds them on the `unreachable` list).
  for (const o of unreachable) heap.incref(o.ref);
  // handle_weakrefs: weakrefs that are garbage themselves lose their callback silently.
  for (const o of unreachable) {
    for (const w of o.weakrefs) {
      if (garbage.has(w)) {
        const wp = heap.payload(w, 'weakref');
        if (wp.callback !== null) {
          const cb = wp.callback;
          wp.callback = null;
          heap.decref(cb);
        }
      }
    }
  }
  for (const o of unreachable) clearWeakrefsOf(heap, o);
  // delete_garbage: tp_clear on each, in gc list order; the order of the frees that
  // follow is more than the model follows, so free lists and pools lose their order.
  // The extra reference taken above keeps every one alive until its own decref here.
  for (const o of unreachable) heap.clearReferences(o);
  for (const o of unreachable) heap.decref(o.ref);
  heap.loseFreeListOrder();
  return { unreachableFound: unreachable.length };
}
