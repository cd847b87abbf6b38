/**
 * Addresses as the model knows them. `id()` is the address (`Python/bltinmodule.c`
 * `builtin_id` -> `PyLong_FromVoidPtr`). The model's numbers are not CPython's: only
 * equality between two addresses means something, and sometimes the model cannot know it.
 */
import { CandidateBlocks, GrowingBlockSet, NO_PARTS, type BlockPrefix } from './block-sets';

export interface Address {
  /** The model's block number: its best account of where the object lives. */
  readonly value: number;
  /**
   * The pymalloc size class (bytes), 'large' for the system malloc, 'static' for static
   * objects, 'unknown' for objects whose size the model does not know.
   */
  readonly sizeClass: number | 'large' | 'static' | 'unknown';
  /**
   * Every block CPython may really have used (always contains `value`). A single element
   * means the model is sure; more mean it lost track of which free block came next.
   */
  readonly candidates: CandidateBlocks;
  /** True when `candidates` is just `value` and the model is sure (absent: ask `candidates`). */
  readonly exact?: boolean;
}

/**
 * A new block, or any block of `parts` (the blocks that may have been free when it was
 * allocated; none: the model is sure). The candidate set is made only when asked for: most
 * objects are freed, or live to the end, without anyone asking (no `id()` comparison).
 */
class BlockAddress implements Address {
  private made: CandidateBlocks | null = null;

  constructor(
    public value: number,
    public sizeClass: Address['sizeClass'],
    /** The other candidates as prefixes, or the stamped set whose blocks that arrived before `value` was made (`OtherBlocks`). */
    public parts: OtherBlocks,
  ) {}

  get candidates(): CandidateBlocks {
    return (this.made ??= candidatesOf(this.value, this.parts));
  }

  /** Now another block (`ScratchAddress` only: nobody holds it). */
  refill(value: number, sizeClass: Address['sizeClass'], parts: OtherBlocks): this {
    this.value = value;
    this.sizeClass = sizeClass;
    this.parts = parts;
    this.made = null;
    return this;
  }

  get exact(): boolean {
    return this.parts === NO_PARTS;
  }
}

/**
 * The candidate blocks of a fresh block besides itself: prefixes of growing sets (NO_PARTS: none,
 * the block is exact), or a stamped set (`GrowingBlockSet.stamped`) whose owner's clock was the
 * block's number when it was made: its blocks that arrived by then. The stamped form is one
 * pointer where a prefix array made one array and one prefix object per allocation after a free.
 */
export type OtherBlocks = readonly BlockPrefix[] | GrowingBlockSet;

/** Every block of a fresh block `value` with `others` (see OtherBlocks). */
export function candidatesOf(value: number, others: OtherBlocks): CandidateBlocks {
  return new CandidateBlocks(others instanceof GrowingBlockSet ? others.prefixAt(value) : others, [value]);
}

/**
 * The other candidate blocks of an address made by `exactAddress` or `blockOrSetAddress`
 * (NO_PARTS: exact), for an object that keeps them in its own fields; null for any other address.
 */
export function blockParts(address: Address): OtherBlocks | null {
  return address instanceof BlockAddress ? address.parts : null;
}

/**
 * An address whose fields the caller copies before asking for another (`HeapObject` keeps a
 * BlockAddress's fields, not the object): the same object each time, refilled. Why: an object
 * per allocation that lived only until the HeapObject copied it.
 */
export class ScratchAddress {
  private readonly address = new BlockAddress(0, 'unknown', NO_PARTS);

  /** `blockOrSetAddress(value, sizeClass, set)`, valid until the next call. */
  blockOrSet(value: number, sizeClass: Address['sizeClass'], set: GrowingBlockSet): Address {
    return this.address.refill(value, sizeClass, otherBlocksIn(set));
  }

  /** `exactAddress(value, sizeClass)`, valid until the next call. */
  exact(value: number, sizeClass: Address['sizeClass']): Address {
    return this.address.refill(value, sizeClass, NO_PARTS);
  }

  /** `blockOrPartsAddress(value, sizeClass, parts)`, valid until the next call. */
  blockOrParts(value: number, sizeClass: Address['sizeClass'], parts: readonly BlockPrefix[]): Address {
    return this.address.refill(value, sizeClass, parts);
  }
}

/** An address the model is sure of. */
export function exactAddress(value: number, sizeClass: Address['sizeClass']): Address {
  return new BlockAddress(value, sizeClass, NO_PARTS);
}

/**
 * A new block, or any block `set` holds now (what a fresh block is when freed blocks may be
 * anywhere). A stamped set's clock must be `value` (see OtherBlocks).
 */
export function blockOrSetAddress(value: number, sizeClass: Address['sizeClass'], set: GrowingBlockSet): Address {
  return new BlockAddress(value, sizeClass, otherBlocksIn(set));
}

/** A new block, or any block of the prefixes `parts` (NO_PARTS: exact). */
export function blockOrPartsAddress(value: number, sizeClass: Address['sizeClass'], parts: readonly BlockPrefix[]): Address {
  return new BlockAddress(value, sizeClass, parts);
}

/** The blocks `set` holds now, as an address's other candidates. */
function otherBlocksIn(set: GrowingBlockSet): OtherBlocks {
  return set.size === 0 ? NO_PARTS : set.isStamped ? set : set.snapshotParts();
}

/** Whether the address is a single block (without making the candidate set of an exact address). */
export function isSingleBlock(address: Address): boolean {
  return address.exact === true || address.candidates.isSingle;
}

/** Result of comparing two addresses: a definite answer, or 'unknown' with the reason. */
export type AddressComparison = { readonly known: true; readonly equal: boolean } | { readonly known: false; readonly reason: string };

/** `id(a) == id(b)` for objects that lived at different times, as the model can tell it. */
export function compareAddresses(a: Address, b: Address): AddressComparison {
  // The same Address object: a free list gave the dead object's slot to the new one (free-lists.ts).
  if (a === b) return { known: true, equal: true };
  // Two blocks the model is sure of (the same answer as the candidates', without making them).
  if (a.exact === true && b.exact === true) return { known: true, equal: a.value === b.value };
  if (!a.candidates.intersects(b.candidates)) return { known: true, equal: false };
  if (a.candidates.isSingle && b.candidates.isSingle) return { known: true, equal: true };
  const classes = [a.sizeClass, b.sizeClass];
  return {
    known: false,
    reason: classes.includes('unknown')
      ? 'the model does not know the size of one of the objects, so not which blocks it can reuse'
      : classes.includes('large')
        ? 'the block comes from the system malloc (larger than SMALL_REQUEST_THRESHOLD), whose reuse the model cannot predict'
        : `which free block of size class ${String(a.sizeClass)} comes next depends on allocator state the model does not know`,
  };
}
