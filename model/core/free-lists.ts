/**
 * Per-type free lists: deallocated objects of some types are kept for reuse by the next
 * object of the same type instead of going back to pymalloc. All are LIFO stacks:
 * floats (`Objects/floatobject.c` `float_dealloc` / `PyFloat_FromDouble`, `PyFloat_MAXFREELIST`),
 * lists (`Objects/listobject.c` `list_dealloc` / `PyList_New`, `PyList_MAXFREELIST`),
 * dicts (`Objects/dictobject.c` `dict_dealloc` / `new_dict`, `PyDict_MAXFREELIST`),
 * tuples, one list per length (`Objects/tupleobject.c` `tupledealloc` / `tuple_alloc`,
 * `PyTuple_MAXSAVESIZE`, `PyTuple_MAXFREELIST`).
 *
 * A list starts with entries freed before the program ran, which the model does not know.
 * So: a pop finds the model's own entries first; when none is left, the object comes from
 * the startup entries or (if there are none) from pymalloc, and the model cannot tell which.
 */
import { exactAddress, isSingleBlock, type Address } from './address';
import type { Allocator } from './allocator';
import { CandidateBuilder, GrowingBlockSet } from './block-sets';
import type { FreeListConfig } from './config';

export type FreeListName = 'float' | 'list' | 'dict' | `tuple${number}`;

export class FreeList {
  /**
   * Addresses the model freed into this list and knows to be on top, most recent last. A pop
   * hands back the very Address that was pushed: even when the model does not know which block
   * that is, the new object certainly has the dead one's (`compareAddresses`: same Address).
   */
  private readonly known: Address[] = [];
  /**
   * Addresses below `known` that may or may not still be in the list (order lost; only grows).
   * Made at the first `lose` that has some: most lists of a run never lose one (every run makes
   * the float, list and dict lists, and a tuple list per length it uses).
   */
  private lostBelow: GrowingBlockSet | null = null;
  /** The list may be full: a freed object may have gone to pymalloc instead. */
  private overflowRisk = false;
  /**
   * Upper bound of the entries the list holds: `startupMax` at the start, +1 per push, -1 per
   * pop (a pop takes an entry whenever there is one), never above `capacity`.
   */
  private maxFill: number;
  /** The pymalloc class of `requestBytes`. */
  private readonly sizeClass: Address['sizeClass'];

  constructor(
    readonly name: FreeListName,
    private readonly config: FreeListConfig,
    /** pymalloc request size of this type's objects (GC header included). */
    private readonly requestBytes: number,
    private readonly allocator: Allocator,
  ) {
    this.maxFill = Math.min(config.startupMax, config.capacity);
    this.sizeClass = allocator.sizeClassOf(requestBytes);
  }

  /**
   * Pop the most recently freed object, or fall through to startup entries / pymalloc.
   * `forObject`: the caller copies the address before the next allocation (`Allocator.allocateForObject`).
   */
  allocate(forObject = false): Address {
    const sizeClass = this.sizeClass;
    if (this.config.capacity === 0) return this.fromAllocator(forObject);
    this.maxFill = Math.max(0, this.maxFill - 1);
    if (!this.overflowRisk) {
      const reused = this.known.pop();
      if (reused !== undefined) {
        if (!isSingleBlock(reused)) return reused;
        return forObject ? this.allocator.exactForObject(reused.value, sizeClass) : exactAddress(reused.value, sizeClass);
      }
    }
    // A lost entry, a startup entry or a pymalloc block: the model cannot say which.
    this.allocator.untracked(this.requestBytes);
    // Nothing lost below and no overflow: the block's own candidates.
    const lostBelow = this.lostBelow;
    if (!this.overflowRisk) {
      if (lostBelow === null || lostBelow.size === 0) return this.fromAllocator(forObject);
      // (a malloc build: the same candidates as below, without building them per allocation)
      const either = this.allocator.allocateOrLost(this.requestBytes, lostBelow, forObject);
      if (either !== null) return either;
    }
    const block = this.allocator.allocate(this.requestBytes);
    const candidates = new CandidateBuilder().candidates(block.candidates);
    if (lostBelow !== null) candidates.set(lostBelow);
    if (this.overflowRisk) for (const a of this.known) candidates.candidates(a.candidates);
    return { ...block, candidates: candidates.build() };
  }

  /** A block of the list's size from pymalloc, in the allocator's scratch address when `forObject` (see `allocate`). */
  private fromAllocator(forObject: boolean): Address {
    return forObject ? this.allocator.allocateForObject(this.requestBytes) : this.allocator.allocate(this.requestBytes);
  }

  /** Objects were freed into the list in an order the model does not know. */
  lose(): void {
    // Most calls find the list empty (every new tuple list of a malloc build is lost at once): no length write.
    if (this.known.length === 0) return;
    const lostBelow = (this.lostBelow ??= new GrowingBlockSet());
    // (an exact address's candidates are its block: added without making the set)
    for (const a of this.known) {
      if (a.exact === true) lostBelow.add(a.value);
      else lostBelow.addAll(a.candidates);
    }
    this.known.length = 0;
  }

  /** Push a dead object, unless the list might be full (then pymalloc gets it). */
  free(address: Address): void {
    if (this.config.capacity === 0) {
      this.allocator.free(address);
      return;
    }
    if (this.maxFill >= this.config.capacity) this.overflowRisk = true;
    this.maxFill = Math.min(this.config.capacity, this.maxFill + 1);
    this.known.push(address);
    // Past the point where the list may be full, the block may have gone to pymalloc.
    if (this.overflowRisk) this.allocator.freeMaybe(address);
  }
}
