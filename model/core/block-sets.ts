/**
 * Sets of block numbers for the allocator's bookkeeping, made so that taking a snapshot
 * costs nothing. The sets of blocks that may be free ("lost" blocks, freed large blocks,
 * freed blocks of unknown size) only ever grow, so a snapshot of one is just its length at
 * that moment: the blocks it held then are the first `length` it ever received. An address's
 * candidates are then a union of such prefixes plus a few single blocks, with no copying.
 */

/**
 * How far past 16 slots per block held a set's position index may reach (see `dense`): 4096
 * slots cover the first 64k of block numbers whatever the set holds.
 */
const DENSE_SLACK = 4096;

/**
 * Position indexes a set outgrew (`growDense`), one per length, for the next set that grows
 * to that length: they hold nothing of the set that had them (nothing refers to one once
 * copied). Why: a run's allocator set grows its index through every power of two up to its
 * block count, and making a typed array cost several times zeroing it.
 */
const outgrown: (Int32Array | undefined)[] = [];

/** A zeroed index of `length` slots (a power of two), from `outgrown` if it has one. */
function outgrownDense(length: number): Int32Array {
  const k = Math.log2(length);
  const kept = outgrown[k];
  if (kept === undefined) return new Int32Array(length);
  outgrown[k] = undefined;
  kept.fill(0);
  return kept;
}

function keepOutgrown(dense: Int32Array): void {
  outgrown[Math.log2(dense.length)] = dense;
}

/** Sets of up to this many blocks are searched, not indexed. */
const LINEAR_LIMIT = 16;

/** A set of blocks that only grows; blocks keep the position at which they arrived. */
export class GrowingBlockSet {
  private readonly items: number[] = [];
  /**
   * Position + 1 (0: none) of a block at index `block >>> 4`, the first block there: the
   * allocator's blocks are multiples of 16 from 0x1000 (`Allocator.newBlock`), so nearly every
   * block gets its own slot. Made when the set outgrows `LINEAR_LIMIT` (most sets of a run stay
   * small, and a typed array cost more than a short program's frees), grown by doubling while the
   * set holds enough blocks for its size; a Map entry per block cost more than the rest of
   * freeing an int (every freed block of a malloc build arrives here).
   */
  private dense: Int32Array | null = null;
  /** Positions of the blocks `dense` has no slot for (another block has it, or it is too far). */
  private sparse: Map<number, number> | null = null;
  /** Whether `dense` and `sparse` index the blocks (else the few blocks are searched). */
  private indexed = false;
  /** For each other set: how long a prefix of it has already been added here. */
  private absorbed: Map<GrowingBlockSet, number> | null = null;
  /** For each other set: the blocks both hold, kept up to date on demand (shared by the two sets). */
  private overlaps: Map<GrowingBlockSet, Overlap> | null = null;

  /** `[{ set: this, length: size }]`, shared while the set does not grow (see `snapshotParts`; none yet: `NO_PARTS`). */
  private snapshot: readonly BlockPrefix[] = NO_PARTS;

  /**
   * For a set made by `stamped`: `clock` when each block arrived (nondecreasing), so that the
   * prefix a moment held is found again from that moment's clock instead of being kept.
   */
  private readonly stamps: number[] | null;
  /** The owner's clock (a stamped set's owner keeps it current). */
  clock = 0;

  constructor(stamped = false) {
    this.stamps = stamped ? [] : null;
  }

  /** A set that records the owner's `clock` at each block's arrival (see `prefixAt`). */
  static stamped(): GrowingBlockSet {
    return new GrowingBlockSet(true);
  }

  /** The blocks this stamped set held while its clock was at most `clock`: `[{ set, length }]`. */
  prefixAt(clock: number): readonly BlockPrefix[] {
    const stamps = this.stamps as number[];
    let lo = 0;
    let hi = stamps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((stamps[mid] as number) <= clock) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? NO_PARTS : [{ set: this, length: lo }];
  }

  get size(): number {
    return this.items.length;
  }

  get isStamped(): boolean {
    return this.stamps !== null;
  }

  /** The parts of a CandidateBlocks holding this set as it is now (one shared array per size). */
  snapshotParts(): readonly BlockPrefix[] {
    const length = this.items.length;
    if (this.snapshot.length === 0 || (this.snapshot[0] as BlockPrefix).length !== length) this.snapshot = [{ set: this, length }];
    return this.snapshot;
  }

  add(block: number): void {
    const items = this.items;
    if (!this.indexed) {
      if (items.includes(block)) return;
      this.push(block);
      if (items.length > LINEAR_LIMIT) {
        this.indexed = true;
        for (let i = 0; i < items.length; i++) this.index(items[i] as number, i);
      }
      return;
    }
    if (this.index(block, items.length)) this.push(block);
  }

  /** Records `block` at `position` unless the index has it already (false). */
  private index(block: number, position: number): boolean {
    const items = this.items;
    // Blocks up to 2^32 have a slot; a slot holds the first block that came to it.
    if (block >= 0 && block <= 0xffffffff) {
      const index = block >>> 4;
      let dense = this.dense;
      if ((dense === null || index >= dense.length) && index < DENSE_SLACK + 16 * position) dense = this.growDense(index);
      if (dense !== null && index < dense.length) {
        const at = dense[index] as number;
        if (at === 0) {
          dense[index] = position + 1;
          return true;
        }
        if (items[at - 1] === block) return false;
      }
    }
    const sparse = (this.sparse ??= new Map());
    if (sparse.has(block)) return false;
    sparse.set(block, position);
    return true;
  }

  private push(block: number): void {
    this.items.push(block);
    if (this.stamps !== null) this.stamps.push(this.clock);
  }

  /** `dense` with a slot for `index` (doubled at least). */
  private growDense(index: number): Int32Array {
    const old = this.dense;
    let length = old === null ? 256 : old.length * 2;
    while (length <= index) length *= 2;
    const dense = outgrownDense(length);
    if (old !== null) {
      dense.set(old);
      keepOutgrown(old);
    }
    this.dense = dense;
    return dense;
  }

  /** Position of `block` in arrival order, -1 if the set does not have it. */
  private find(block: number): number {
    if (!this.indexed) return this.items.indexOf(block);
    const dense = this.dense;
    if (dense !== null && block >= 0 && block <= 0xffffffff) {
      const index = block >>> 4;
      if (index < dense.length) {
        const at = dense[index] as number;
        if (at !== 0 && this.items[at - 1] === block) return at - 1;
      }
    }
    const sparse = this.sparse;
    if (sparse === null) return -1;
    const at = sparse.get(block);
    return at === undefined ? -1 : at;
  }

  /** Add every block of `candidates` (cheap for prefixes already added before). */
  addAll(candidates: CandidateBlocks): void {
    for (const part of candidates.parts) this.addPrefix(part.set, part.length);
    for (const b of candidates.singles) this.add(b);
  }

  /** Whether `block` was among the first `length` blocks this set received. */
  hasInPrefix(block: number, length: number): boolean {
    const i = this.find(block);
    return i >= 0 && i < length;
  }

  /** The block at `index` in arrival order. */
  at(index: number): number {
    return this.items[index] as number;
  }

  /** Whether this set's first `length` blocks and `other`'s first `otherLength` share one. */
  prefixesIntersect(length: number, other: GrowingBlockSet, otherLength: number): boolean {
    if (other === this) return length > 0 && otherLength > 0;
    this.overlaps ??= new Map();
    let o = this.overlaps.get(other);
    if (!o) {
      o = new Overlap(this, other);
      this.overlaps.set(other, o);
      (other.overlaps ??= new Map()).set(this, o);
    }
    return o.first === this ? o.intersect(length, otherLength) : o.intersect(otherLength, length);
  }

  /** Position of `block` in arrival order, if the set has it. */
  positionOf(block: number): number | undefined {
    const i = this.find(block);
    return i >= 0 ? i : undefined;
  }

  private addPrefix(other: GrowingBlockSet, length: number): void {
    // A prefix of this very set is already in it: sets only grow.
    if (other === this) return;
    this.absorbed ??= new Map();
    const done = this.absorbed.get(other) ?? 0;
    if (done >= length) return;
    for (let i = done; i < length; i++) this.add(other.at(i));
    this.absorbed.set(other, length);
  }
}

/**
 * The blocks two growing sets share, found incrementally: each block a set receives is looked
 * up in the other once. Only the pairs of positions that no other pair beats on both sides
 * are kept (a staircase: first positions increasing, second decreasing), which is all a
 * question about two prefixes needs.
 */
class Overlap {
  private scannedFirst = 0;
  private scannedSecond = 0;
  /** [position in first, position in second], sorted by the first, the second decreasing. */
  private readonly stairs: [number, number][] = [];

  constructor(
    readonly first: GrowingBlockSet,
    readonly second: GrowingBlockSet,
  ) {}

  /** Whether the first set's first `lengthFirst` blocks and the second's first `lengthSecond` share one. */
  intersect(lengthFirst: number, lengthSecond: number): boolean {
    this.catchUp();
    // The last step with a first position below `lengthFirst` has the smallest second position.
    let lo = 0;
    let hi = this.stairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.stairs[mid] as [number, number])[0] < lengthFirst) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (this.stairs[lo - 1] as [number, number])[1] < lengthSecond;
  }

  private catchUp(): void {
    const oldFirst = this.scannedFirst;
    for (let i = oldFirst; i < this.first.size; i++) {
      const j = this.second.positionOf(this.first.at(i));
      if (j !== undefined) this.record(i, j);
    }
    this.scannedFirst = this.first.size;
    for (let j = this.scannedSecond; j < this.second.size; j++) {
      const i = this.first.positionOf(this.second.at(j));
      // Blocks new to the first set were just looked up in the whole second set.
      if (i !== undefined && i < oldFirst) this.record(i, j);
    }
    this.scannedSecond = this.second.size;
  }

  private record(i: number, j: number): void {
    const s = this.stairs;
    let k = 0;
    while (k < s.length && (s[k] as [number, number])[0] <= i) k++;
    // A step at or before `i` that is also at or before `j` makes this pair useless.
    if (k > 0 && (s[k - 1] as [number, number])[1] <= j) return;
    // Steps after `i` that are not below `j` are beaten by this pair.
    let end = k;
    while (end < s.length && (s[end] as [number, number])[1] >= j) end++;
    s.splice(k, end - k, [i, j]);
  }
}

/** The blocks a growing set held at one moment: its first `length` blocks. */
export interface BlockPrefix {
  readonly set: GrowingBlockSet;
  readonly length: number;
}

/** No prefixes: a candidate set of single blocks only. */
export const NO_PARTS: readonly BlockPrefix[] = [];

/**
 * An immutable set of blocks: the union of prefixes of growing sets (at most one per set,
 * never empty) and of single blocks.
 */
export class CandidateBlocks implements Iterable<number> {
  private singleSet: ReadonlySet<number> | null = null;
  private distinctCount: number | null = null;

  constructor(
    readonly parts: readonly BlockPrefix[],
    readonly singles: readonly number[],
  ) {}

  static single(block: number): CandidateBlocks {
    return new CandidateBlocks(NO_PARTS, [block]);
  }

  has(block: number): boolean {
    for (const p of this.parts) if (p.set.hasInPrefix(block, p.length)) return true;
    if (this.singles.length <= 8) return this.singles.includes(block);
    this.singleSet ??= new Set(this.singles);
    return this.singleSet.has(block);
  }

  /** Exactly one block: the model is sure. Cheap: a prefix of two or more is never one block. */
  get isSingle(): boolean {
    let only: number | undefined;
    for (const p of this.parts) {
      if (p.length >= 2) return false;
      const b = p.set.at(0);
      if (only !== undefined && only !== b) return false;
      only = b;
    }
    for (const b of this.singles) {
      if (only !== undefined && only !== b) return false;
      only = b;
    }
    return only !== undefined;
  }

  /** The number of distinct blocks (walks them all the first time). */
  get size(): number {
    this.distinctCount ??= new Set(this).size;
    return this.distinctCount;
  }

  /** Every block, possibly more than once. */
  *[Symbol.iterator](): Iterator<number> {
    for (const p of this.parts) for (let i = 0; i < p.length; i++) yield p.set.at(i);
    yield* this.singles;
  }

  /** Whether the two sets share a block. */
  intersects(other: CandidateBlocks): boolean {
    for (const p of this.parts) for (const q of other.parts) if (p.set.prefixesIntersect(p.length, q.set, q.length)) return true;
    for (const b of this.singles) if (other.has(b)) return true;
    for (const b of other.singles) for (const p of this.parts) if (p.set.hasInPrefix(b, p.length)) return true;
    return false;
  }
}

/** Builds a CandidateBlocks, keeping one (the longest) prefix per growing set. */
export class CandidateBuilder {
  /** Few: one per size class at most, so a linear search beats a Map. */
  private readonly parts: BlockPrefix[] = [];
  private readonly singles: number[] = [];

  block(b: number): this {
    this.singles.push(b);
    return this;
  }

  blocks(bs: readonly number[]): this {
    for (const b of bs) this.singles.push(b);
    return this;
  }

  /** The set's blocks as of now. */
  set(s: GrowingBlockSet): this {
    return this.prefix(s, s.size);
  }

  candidates(c: CandidateBlocks | null): this {
    if (c === null) return this;
    for (const p of c.parts) this.prefix(p.set, p.length);
    for (const b of c.singles) this.singles.push(b);
    return this;
  }

  build(): CandidateBlocks {
    return new CandidateBlocks(this.parts, this.singles.length > 1 ? [...new Set(this.singles)] : this.singles);
  }

  private prefix(s: GrowingBlockSet, length: number): this {
    if (length === 0) return this;
    const i = this.parts.findIndex((p) => p.set === s);
    if (i < 0) this.parts.push({ set: s, length });
    else if (length > (this.parts[i] as BlockPrefix).length) this.parts[i] = { set: s, length };
    return this;
  }
}
