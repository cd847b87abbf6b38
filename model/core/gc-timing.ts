/**
 * Whether an automatic collection may have freed cyclic garbage the program left behind.
 * CPython collects the young generation when enough GC objects were allocated
 * (`Modules/gcmodule.c` / `Python/gc.c` `gc_alloc` -> `_Py_ScheduleGC`); the model does not
 * follow that threshold, so the evaluator refuses a program that starts a statement while
 * cyclic garbage exists and the allocation count is past its margin (a "risky" statement).
 *
 * Scanning the heap at every statement would cost time quadratic in the live objects. Garbage
 * does not go away by itself: only `gc.collect()` frees it, and only a weak reference (calling
 * it, a `WeakSet`) reaches it again. So the scan waits for one of those, or the end of the
 * program, and then asks whether some garbage existed at the start of the latest risky statement.
 *
 * When garbage formed: a piece of garbage becomes unreachable at the last `Py_DECREF` that
 * leaves a reference count above zero on one of its objects, and no garbage object is
 * decref'd afterwards. So an object became garbage at the latest decref of any garbage object
 * that reaches it, and garbage existed at a statement start if any object did by then.
 */
import { findUnreachable } from './gc';
import type { Heap } from './heap';
import { strongReferents, type Ref } from './objects';

/** The evaluator's refusal, raised from inside the core. */
export class GcTimingUnknown extends Error {
  readonly construct = 'running on while cyclic garbage exists';
  constructor() {
    // Caught by `runModel` (a refusal): no JavaScript stack trace needed.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super('an automatic collection may have run by now');
    Error.stackTraceLimit = limit;
  }
}

export class CollectionTiming {
  /** The heap's decref clock at the start of the latest risky statement not yet settled. */
  private riskyAt: number | null = null;

  constructor(private readonly heap: Heap) {}

  /** A statement starts while an automatic collection may run (allocation count past the margin). */
  riskyStatement(): void {
    // With the heap's flag clear no garbage exists now, nor did any at an earlier risky
    // statement (garbage lasts until a collection, which settles first): nothing to settle, and
    // the end of the program need not scan (a loop over `len(held)` would otherwise make it).
    this.riskyAt = this.heap.garbagePossible ? this.heap.decrefClock : null;
  }

  /**
   * Garbage is about to be collected or reached, or the program ends: throws GcTimingUnknown
   * if garbage existed at the start of a risky statement since the last settlement.
   */
  settle(): void {
    const riskyAt = this.riskyAt;
    if (riskyAt === null) return;
    this.riskyAt = null;
    if (formedBy(this.heap, riskyAt)) throw new GcTimingUnknown();
  }
}

/** Whether some object now in cyclic garbage was already garbage at decref clock `clock`. */
function formedBy(heap: Heap, clock: number): boolean {
  const garbage = findUnreachable(heap);
  if (garbage.length === 0) return false;
  // formed(g) = latest decref of any garbage object reaching g: propagate maxima along references.
  const formed = new Map<Ref, number>(garbage.map((o) => [o.ref, o.lastDecref]));
  const work = garbage.map((o) => o.ref);
  while (work.length > 0) {
    const r = work.pop() as Ref;
    const t = formed.get(r) as number;
    for (const c of strongReferents(heap.get(r).payload)) {
      const tc = formed.get(c);
      if (tc !== undefined && tc < t) {
        formed.set(c, t);
        work.push(c);
      }
    }
  }
  for (const t of formed.values()) if (t <= clock) return true;
  return false;
}
