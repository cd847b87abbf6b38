/**
 * pymalloc as the model sees it (`Objects/obmalloc.c`).
 *
 * Requests up to `SMALL_REQUEST_THRESHOLD` bytes are served by size class
 * (`INDEX2SIZE`, multiples of `ALIGNMENT`) from pools; a freed block goes to the front of
 * its pool's `freeblock` list (`pymalloc_free`), and a request takes the first free block of
 * the first pool in `usedpools[class]` (`pymalloc_alloc`). A pool that was full and gets a
 * block back moves to the front of `usedpools` (`insert_to_usedpool`).
 *
 * So the next block of a class is certain only when exactly one block of that class is free
 * as far as the model knows: with two or more, which one comes next depends on which pools
 * they sit in and in which order those pools filled up (measured on 3.9.18: `del a; del b;
 * c = k + 3` gave `c` the block of `a`, not of `b`, when `a` and `b` straddled two pools).
 * Allocations and frees made inside CPython that the model does not follow ("untracked")
 * make it lose the blocks it knew were free: they stay possible candidates.
 *
 * Requests above the threshold go to the system malloc, whose reuse the model never predicts.
 */
import { blockOrPartsAddress, blockOrSetAddress, exactAddress, isSingleBlock, ScratchAddress, type Address } from './address';
import { CandidateBuilder, GrowingBlockSet, NO_PARTS, type BlockPrefix, type CandidateBlocks } from './block-sets';
import type { CoreConfig } from './config';

/**
 * The model's view of one class's free blocks: `free`, blocks it saw freed (most recent
 * last); `lost`, blocks that may or may not still be free (a set that only grows, so that
 * addresses can share it instead of copying it).
 */
interface SizeClassState {
  readonly sizeClass: number;
  readonly free: number[];
  readonly lost: GrowingBlockSet;
}

/** Size classes up to this many bytes are found by index (pymalloc's own limit, `SMALL_REQUEST_THRESHOLD`). */
const SMALL_CLASS_LIMIT = 512;

export class Allocator {
  private nextAddress = 0x1000;
  /** (Made at the first state: a malloc build, the bench's wasm32 among them, never makes one.) */
  private classes: Map<number, SizeClassState> | null = null;
  /**
   * The same states as `classes` up to 512 bytes, indexed by size class / alignment: larger
   * classes (malloc builds have no threshold) would make the array sparse, and slow.
   */
  private readonly classByIndex: (SizeClassState | undefined)[] = [];
  /** The classes whose `free` is not empty (the only ones losing the order changes). */
  private withFree: Set<SizeClassState> | null = null;
  /** Blocks freed to the system malloc: any later large block may be one of them (made at the first). */
  private largeFreed: GrowingBlockSet | null = null;
  /** Blocks of unknown size that were freed: any block the model cannot pin down may be one. */
  private readonly anywhere = GrowingBlockSet.stamped();

  /** `config.smallRequestThreshold` and `config.alignment`, read at every allocation (`sizeClassOf`). */
  private readonly threshold: number;
  private readonly alignment: number;
  /** `alignment - 1` when it is a power of two (every profile's is), else -1: rounding by a mask. */
  private readonly alignMask: number;

  constructor(private readonly config: CoreConfig) {
    this.threshold = config.smallRequestThreshold;
    this.alignment = config.alignment;
    this.alignMask = (config.alignment & (config.alignment - 1)) === 0 ? config.alignment - 1 : -1;
    // `anywhere`'s clock is the next block number: a fresh block's candidates are found from its own (see `fresh`).
    this.anywhere.clock = this.nextAddress;
  }

  /** `Objects/obmalloc.c` `size2index`/`INDEX2SIZE`: the class a request of `bytes` falls in. */
  sizeClassOf(bytes: number): number | 'large' {
    if (bytes > this.threshold) return 'large';
    const a = this.alignment;
    const mask = this.alignMask;
    // The same rounding up as Math.ceil(bytes / a) * a, for a 32-bit integer and a power of two.
    const rounded = mask >= 0 && (bytes | 0) === bytes ? (bytes + mask) & ~mask : Math.ceil(bytes / a) * a;
    return rounded > a ? rounded : a;
  }

  private state(sizeClass: number): SizeClassState {
    // Found by index (every allocation and free asks); `classes` keeps them in creation order.
    const index = sizeClass <= SMALL_CLASS_LIMIT ? sizeClass / this.config.alignment : -1;
    let s = index >= 0 ? this.classByIndex[index] : this.classes?.get(sizeClass);
    if (s === undefined) {
      s = { sizeClass, free: [], lost: new GrowingBlockSet() };
      (this.classes ??= new Map()).set(sizeClass, s);
      if (index >= 0) this.classByIndex[index] = s;
    }
    return s;
  }

  private newBlock(): number {
    const value = this.nextAddress;
    // Stryker disable next-line AssignmentOperator: equivalent, block numbers only need to be distinct
    this.nextAddress += 16;
    this.anywhere.clock = this.nextAddress;
    return value;
  }

  /** A block the model has not seen before, or any of `others` (none: in `scratch` when given, see `allocateForObject`). */
  private fresh(sizeClass: Address['sizeClass'], others: CandidateBlocks | null, scratch: ScratchAddress | null = null): Address {
    const value = this.newBlock();
    if (others === null) return scratch !== null ? scratch.blockOrSet(value, sizeClass, this.anywhere) : blockOrSetAddress(value, sizeClass, this.anywhere);
    return { value, sizeClass, candidates: new CandidateBuilder().block(value).candidates(others).set(this.anywhere).build() };
  }

  /** The address `allocateForObject` refills. */
  private readonly scratch = new ScratchAddress();

  /**
   * `allocate` for an object made at once (`Heap`): the same address, but one the caller must
   * copy before the next call (`HeapObject` does: see `ScratchAddress`).
   */
  allocateForObject(bytes: number): Address {
    return this.allocateWith(bytes, this.scratch);
  }

  /** `exactAddress(value, sizeClass)` in the address `allocateForObject` refills (a free list's reused block). */
  exactForObject(value: number, sizeClass: Address['sizeClass']): Address {
    return this.scratch.exact(value, sizeClass);
  }

  /**
   * Not pymalloc (null when it is): `allocate`, the block possibly also any block `lost` holds now
   * (a free list's entries of lost order: `FreeList.allocate`), in `scratch` when `forObject` (see
   * `allocateForObject`). The same candidates as `CandidateBuilder().candidates(allocate(bytes).candidates).set(lost)`
   * (the fresh block's `anywhere` prefix is all of `anywhere`: every block in it arrived before the
   * block was made), as prefixes shared while neither set grows instead of a builder per allocation.
   */
  allocateOrLost(bytes: number, lost: GrowingBlockSet, forObject: boolean): Address | null {
    if (this.config.allocatorModelled) return null;
    const sizeClass = this.sizeClassOf(bytes);
    const parts = this.anywhereAnd(lost);
    const value = this.newBlock();
    return forObject ? this.scratch.blockOrParts(value, sizeClass, parts) : blockOrPartsAddress(value, sizeClass, parts);
  }

  /** `anywhere`'s and `lost`'s blocks now, as prefixes (`allocateOrLost`; the last pair is kept while neither grows). */
  private anywhereAnd(lost: GrowingBlockSet): readonly BlockPrefix[] {
    const lostParts = lost.snapshotParts();
    if (this.anywhere.size === 0) return lostParts;
    const anywhereParts = this.anywhere.snapshotParts();
    if (this.pairAnywhere !== anywhereParts || this.pairLost !== lostParts) {
      this.pairAnywhere = anywhereParts;
      this.pairLost = lostParts;
      this.pair = [anywhereParts[0] as BlockPrefix, lostParts[0] as BlockPrefix];
    }
    return this.pair;
  }

  /** The snapshots `pair` was made of (`anywhereAnd`). */
  private pairAnywhere: readonly BlockPrefix[] | null = null;
  private pairLost: readonly BlockPrefix[] | null = null;
  private pair: readonly BlockPrefix[] = NO_PARTS;

  /** `pymalloc_alloc`. */
  allocate(bytes: number): Address {
    return this.allocateWith(bytes, null);
  }

  /** `allocate`, its single-block answers in `scratch` when given (see `allocateForObject`). */
  private allocateWith(bytes: number, scratch: ScratchAddress | null): Address {
    const sizeClass = this.sizeClassOf(bytes);
    // Not pymalloc: `free` puts every block in `anywhere`, so no class ever has free or lost
    // blocks (nor `withFree` members for `untracked` to lose): a fresh block, without the lookups.
    if (!this.config.allocatorModelled) return this.fresh(sizeClass, null, scratch);
    if (sizeClass === 'large') {
      const large = this.largeFreed;
      return this.fresh('large', large === null || large.size === 0 ? null : new CandidateBuilder().set(large).build(), scratch);
    }
    const s = this.state(sizeClass);
    if (s.lost.size === 0 && s.free.length === 1 && this.anywhere.size === 0) {
      this.withFree?.delete(s);
      const block = s.free.pop() as number;
      return scratch !== null ? scratch.exact(block, sizeClass) : exactAddress(block, sizeClass);
    }
    if (s.lost.size === 0 && s.free.length === 0) return this.fresh(sizeClass, null, scratch);
    // Two or more blocks may be free: the model's guess is the most recent, but it is not sure.
    const guess = s.free.at(-1);
    this.lose(s);
    const candidates = new CandidateBuilder().set(s.lost).set(this.anywhere).build();
    if (guess === undefined) return this.fresh(sizeClass, candidates);
    return { value: guess, sizeClass, candidates };
  }

  /**
   * `pymalloc_realloc` (`Objects/obmalloc.c`): a block stays where it is when the new size fits
   * its class and shrinks it by less than a quarter; otherwise a new block is allocated (from
   * pymalloc, or the system malloc above the threshold), the data copied and the old block
   * freed. The system malloc's own realloc (a 'large' or unknown block) is not followed.
   */
  reallocate(old: Address, bytes: number): Address {
    if (this.config.allocatorModelled && typeof old.sizeClass === 'number' && bytes > 0) {
      if (bytes <= old.sizeClass && 4 * bytes > 3 * old.sizeClass) return old;
      const moved = this.allocate(bytes);
      this.free(old);
      return moved;
    }
    this.free(old);
    this.untracked('unknown');
    return this.allocate(bytes);
  }

  /** An object whose size the model does not know: it may take any free block. */
  allocateUnknownSize(): Address {
    // Not pymalloc: nothing is ever lost in a class (see `allocate`).
    if (!this.config.allocatorModelled) return this.fresh('unknown', null);
    this.untracked('unknown');
    // Nothing lost anywhere: the same blocks as a fresh block's, without building the union.
    const large = this.largeFreed;
    const classes = this.classes;
    let anyLost = large !== null && large.size > 0;
    if (!anyLost && classes !== null) for (const s of classes.values()) if (s.lost.size > 0) anyLost = true;
    if (!anyLost) return this.fresh('unknown', null);
    const all = new CandidateBuilder();
    if (large !== null) all.set(large);
    if (classes !== null) for (const s of classes.values()) all.set(s.lost);
    return this.fresh('unknown', all.build());
  }

  /** `pymalloc_free`: the block goes to the front of its pool's free list. */
  free(address: Address): void {
    if (!this.config.allocatorModelled && address.sizeClass !== 'static') {
      // Not pymalloc (or not measured): malloc may coalesce freed blocks and hand them out for
      // any later size, so a freed block may be any later block.
      this.anywhere.add(address.value);
      return;
    }
    switch (address.sizeClass) {
      case 'static':
        throw new Error('model bug: freeing a static object');
      case 'unknown':
        this.untracked('unknown');
        this.anywhere.add(address.value);
        return;
      case 'large':
        (this.largeFreed ??= new GrowingBlockSet()).add(address.value);
        return;
      default: {
        const s = this.state(address.sizeClass);
        if (!isSingleBlock(address)) {
          // The model is not sure which block this object had: all of them may be free.
          this.lose(s);
          s.lost.addAll(address.candidates);
          return;
        }
        s.free.push(address.value);
        (this.withFree ??= new Set()).add(s);
      }
    }
  }

  /**
   * CPython allocated or freed memory of `bytes` (unknown: any class) that the model does
   * not follow: classes with freed blocks lose their order.
   */
  untracked(bytes: number | 'unknown'): void {
    // Not pymalloc: no class keeps free blocks to lose (see `allocate`).
    if (!this.config.allocatorModelled) return;
    if (bytes === 'unknown') {
      const withFree = this.withFree;
      if (withFree !== null && withFree.size > 0) for (const s of withFree) this.lose(s);
      return;
    }
    const c = this.sizeClassOf(bytes);
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a 'large' state never has free blocks
    if (c !== 'large') this.lose(this.state(c));
  }

  /** Like `untracked`, for memory of unknown size known to be at least `minBytes`. */
  untrackedAtLeast(minBytes: number): void {
    // Nothing to lose (always so in a malloc build): no size class to find.
    const withFree = this.withFree;
    if (withFree === null || withFree.size === 0) return;
    const min = this.sizeClassOf(minBytes);
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, no number is >= 'large' below
    if (min === 'large') return;
    for (const s of withFree) if (s.sizeClass >= min) this.lose(s);
  }

  /** A block that may or may not have been returned to pymalloc (a free list that may be full). */
  freeMaybe(address: Address): void {
    if (!this.config.allocatorModelled && address.sizeClass !== 'static') {
      this.anywhere.addAll(address.candidates);
      return;
    }
    if (address.sizeClass === 'large') (this.largeFreed ??= new GrowingBlockSet()).addAll(address.candidates);
    if (address.sizeClass === 'unknown') this.anywhere.addAll(address.candidates);
    if (typeof address.sizeClass !== 'number') return;
    const s = this.state(address.sizeClass);
    this.lose(s);
    s.lost.addAll(address.candidates);
  }

  private lose(s: SizeClassState): void {
    // Most calls find nothing free (malloc builds never keep free blocks here): no length write.
    if (s.free.length > 0) {
      for (const b of s.free) s.lost.add(b);
      s.free.length = 0;
    }
    this.withFree?.delete(s);
  }

  /** A static object's address (never freed, never reused). */
  staticAddress(): Address {
    return exactAddress(this.newBlock(), 'static');
  }

  /** `staticAddress` in the address `allocateForObject` refills (for an object registered at once). */
  staticAddressForObject(): Address {
    return this.scratch.exact(this.newBlock(), 'static');
  }
}
