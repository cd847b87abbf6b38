/**
 * A table of values by `Ref`, for per-run facts about objects (an id() value's address, a key's
 * hash). Refs are small integers handed out in increasing order and never reused within a run
 * (`Heap`), so an array indexed by ref serves where a Map was: one `Map.set` per id() call cost
 * more than the rest of recording it. The array is kept packed (filled up to the highest ref
 * set), so that V8 never turns it into a dictionary for a first ref far from zero.
 */
import type { Ref } from '../../core/objects';

export class RefTable<T> {
  private items: (T | undefined)[] = [];

  get(ref: Ref): T | undefined {
    return this.items[ref];
  }

  has(ref: Ref): boolean {
    return this.items[ref] !== undefined;
  }

  set(ref: Ref, value: T): void {
    const items = this.items;
    let n = items.length;
    if (ref < n) {
      items[ref] = value;
      return;
    }
    // Stores at the end, not `push` (a call per slot: measured 2x slower when id() is called
    // every few refs); each one is at the length, so the array stays packed.
    for (; n < ref; n++) items[n] = undefined;
    items[ref] = value;
  }

  clear(): void {
    this.items = [];
  }
}
