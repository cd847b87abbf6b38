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
    while (items.length < ref) items.push(undefined);
    if (items.length === ref) items.push(value);
    else items[ref] = value;
  }

  clear(): void {
    this.items = [];
  }
}
