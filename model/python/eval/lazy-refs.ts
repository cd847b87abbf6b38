/**
 * Objects that exist before the program runs (builtins, types, modules), made on first use:
 * most programs touch a few of them, and making them all costs as much as running a small
 * program. Each is still made once per heap (`Heap.preexisting`).
 */
import type { Ref } from '../../core/objects';

export class LazyRefs {
  private readonly made = new Map<string, Ref>();

  constructor(private readonly make: (name: string) => Ref | undefined) {}

  get(name: string): Ref | undefined {
    let ref = this.made.get(name);
    if (ref === undefined) {
      ref = this.make(name);
      if (ref !== undefined) this.made.set(name, ref);
    }
    return ref;
  }
}
