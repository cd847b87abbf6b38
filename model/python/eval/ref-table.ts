/**
 * A table of values by `Ref`, for per-run facts about objects (an id() value's address, a key's
 * hash). Refs are small integers handed out in increasing order and never reused within a run
 * (`Heap`), so an array indexed by ref serves where a Map was: one `Map.set` per id() call cost
 * more than the rest of recording it. The array is made with room to spare (`new Array(n)`,
 * copied into one four times as long when outgrown: fewer copies than doubling, measured 1.01-1.03x
 * on the id() loops), so that a store is in bounds: filling it up to each new ref one store at a
 * time measured 0.97-0.99x on those loops, and a store far past the end of a short array would
 * turn it into a dictionary.
 */
import type { Ref } from '../../core/objects';

/** The first array's length: the refs a small run hands out. */
const FIRST_LENGTH = 256;

export class RefTable<T> {
  private items: (T | undefined)[] = [];

  get(ref: Ref): T | undefined {
    return this.items[ref];
  }

  has(ref: Ref): boolean {
    return this.items[ref] !== undefined;
  }

  set(ref: Ref, value: T): void {
    const items = ref < this.items.length ? this.items : this.grow(ref);
    items[ref] = value;
  }

  /** A longer array (four times, or more for `ref`) holding the same values. */
  private grow(ref: Ref): (T | undefined)[] {
    const old = this.items;
    let n = old.length === 0 ? FIRST_LENGTH : old.length * 4;
    while (n <= ref) n *= 4;
    const items = new Array<T | undefined>(n);
    for (let i = 0; i < old.length; i++) items[i] = old[i];
    this.items = items;
    return items;
  }

  clear(): void {
    this.items = [];
  }
}
