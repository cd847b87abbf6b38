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
import { exactAddress, type Address } from './address';
import type { Allocator } from './allocator';
import { CandidateBuilder, GrowingBlockSet } from './block-sets';
import type { FreeListConfig } from './config';

export type FreeListName = 'float' | 'list' | 'dict' | `tuple${number}`;

export class FreeList {
  /** Addresses the model freed into this list and knows to be on top, most recent last. */
  private readonly known: number[] = [];
  /** Addresses below `known` that may or may not still be in the list (order lost; only grows). */
  private readonly lostBelow = new GrowingBlockSet();
  /** The list may be full: a freed object may have gone to pymalloc instead. */
  private overflowRisk = false;

  constructor(
    readonly name: FreeListName,
    private readonly config: FreeListConfig,
    /** pymalloc request size of this type's objects (GC header included). */
    private readonly requestBytes: number,
    private readonly allocator: Allocator,
  ) {}

  /** Pop the most recently freed object, or fall through to startup entries / pymalloc. */
  allocate(): Address {
    const sizeClass = this.allocator.sizeClassOf(this.requestBytes);
    if (this.config.capacity === 0) return this.allocator.allocate(this.requestBytes);
    if (!this.overflowRisk) {
      const reused = this.known.pop();
      if (reused !== undefined) return exactAddress(reused, sizeClass);
    }
    // A lost entry, a startup entry or a pymalloc block: the model cannot say which.
    this.allocator.untracked(this.requestBytes);
    const block = this.allocator.allocate(this.requestBytes);
    // With the list possibly full, the entries the model pushed may still be there too
    // (without that risk, `known` is empty by now).
    const candidates = new CandidateBuilder().candidates(block.candidates).set(this.lostBelow).blocks(this.known);
    return { ...block, candidates: candidates.build() };
  }

  /** Objects were freed into the list in an order the model does not know. */
  lose(): void {
    for (const b of this.known) this.lostBelow.add(b);
    this.known.length = 0;
  }

  /** Push a dead object, unless the list might be full (then pymalloc gets it). */
  free(address: Address): void {
    if (this.config.capacity === 0) {
      this.allocator.free(address);
      return;
    }
    if (this.known.length + this.lostBelow.size + this.config.startupMax >= this.config.capacity) this.overflowRisk = true;
    if (!address.candidates.isSingle) {
      // Not sure which block this object had: all of them may now be in the list.
      this.lose();
      this.lostBelow.addAll(address.candidates);
    } else {
      this.known.push(address.value);
    }
    // Past the point where the list may be full, the block may have gone to pymalloc.
    if (this.overflowRisk) this.allocator.freeMaybe(address);
  }
}
