/**
 * Cyclic garbage collection (`Modules/gcmodule.c` until 3.12, `Python/gc.c` in 3.13).
 *
 * `gc.collect()` finds the GC-tracked objects that only other tracked objects reference
 * (`update_refs` / `subtract_refs` / `move_unreachable`), clears weak references to them and
 * runs the callbacks of weakrefs that are themselves reachable (`handle_weakrefs`), then
 * breaks the cycles with `tp_clear` (`delete_garbage`), which frees them by refcounting.
 */
import { clearWeakrefsOf, type Heap } from './heap';
import { referentsInto, type PyObject, type Ref } from './objects';

/** A count that no number of references from tracked objects brings to zero (immortal or unknown counts). */
const EXTERNAL = 0x3fffffff;

/**
 * The tracked objects that nothing outside the tracked graph keeps alive. Counts and marks are
 * kept in typed arrays indexed by ref (refs are consecutive), not in maps: this runs at the end
 * of every program that allocated enough to make a collection possible. Without a decref that
 * left a tracked object alive since a scan that found nothing (`Heap.garbagePossible`), no
 * garbage can have formed and the heap is not walked.
 */
export function findUnreachable(heap: Heap): PyObject[] {
  if (!heap.garbagePossible) return [];
  const tracked = heap.trackedObjects();
  const garbage = unreachableAmong(heap, tracked);
  heap.garbagePossible = garbage.length > 0;
  return garbage;
}

/** `findUnreachable` by walking the heap even when no garbage can have formed (for tests). */
export function scanUnreachable(heap: Heap): PyObject[] {
  return unreachableAmong(heap, heap.trackedObjects());
}

/**
 * Counts and marks by ref, kept from scan to scan (a scan never runs inside another): a new typed
 * array per scan cost more than many a scan. Marks are cleared after each scan; a count is set
 * before it is read.
 */
let scanCounts = new Int32Array(1024);
let scanMarks = new Uint8Array(1024);

function unreachableAmong(heap: Heap, tracked: PyObject[]): PyObject[] {
  if (tracked.length === 0) return tracked;
  const limit = heap.refLimit;
  if (scanMarks.length < limit) {
    const size = Math.max(limit, 2 * scanMarks.length);
    scanCounts = new Int32Array(size);
    scanMarks = new Uint8Array(size);
  }
  // update_refs + subtract_refs: references from outside the tracked set. `inSet` marks the
  // tracked set (1) and the objects found reachable (2).
  const gcRefs = scanCounts;
  const inSet = scanMarks;
  for (const o of tracked) {
    gcRefs[o.ref] = o.immortal || !o.refcntKnown ? EXTERNAL : o.refcnt;
    inSet[o.ref] = 1;
  }
  try {
    const scratch: Ref[] = [];
    for (const o of tracked) {
      const refs = referentsInto(o.payload, scratch);
      for (let i = 0; i < refs.length; i++) {
        const r = refs[i] as Ref;
        // Stryker disable next-line ConditionalExpression: equivalent, a count set for an untracked referent is never read
        if (inSet[r] === 1) gcRefs[r] = (gcRefs[r] as number) - 1;
      }
    }
    // move_unreachable: everything reachable from an externally referenced object survives.
    const stack: Ref[] = [];
    for (const o of tracked) if ((gcRefs[o.ref] as number) > 0) stack.push(o.ref);
    while (stack.length > 0) {
      const r = stack.pop() as Ref;
      // Stryker disable next-line ConditionalExpression: equivalent, visiting an object twice marks nothing new
      if (inSet[r] === 2) continue;
      inSet[r] = 2;
      const refs = referentsInto((heap.lookup(r) as PyObject).payload, scratch);
      for (let i = 0; i < refs.length; i++) {
        const c = refs[i] as Ref;
        if (inSet[c] === 1) stack.push(c);
      }
    }
    return tracked.filter((o) => inSet[o.ref] !== 2);
  } finally {
    for (const o of tracked) inSet[o.ref] = 0;
  }
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
