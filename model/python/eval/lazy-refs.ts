/**
 * Objects that exist before the program runs (builtins, types, modules), made on first use:
 * most programs touch a few of them, and making them all costs as much as running a small
 * program. Each is still made once per heap (`Heap.preexisting`).
 */
import type { Ref } from '../../core/objects';

/** A name `make` has no object for, remembered (refs are never negative). */
const NONE = -1;

export class LazyRefs<O> {
  /** Made at the first `get` (a run that imports nothing never asks `modules`). */
  private made: Map<string, Ref> | null = null;

  /**
   * `fixedNames`: `make` answers undefined for the same names whenever asked, without doing
   * anything, so a miss is remembered too (`builtinTypes.get(cls.name)` at every call of a class).
   * `make` is a module-level function given `owner`: a closure over the owner would be made
   * (with its context) at every run.
   */
  constructor(
    private readonly owner: O,
    private readonly make: (owner: O, name: string) => Ref | undefined,
    private readonly fixedNames = false,
  ) {}

  get(name: string): Ref | undefined {
    const made = (this.made ??= new Map<string, Ref>());
    let ref = made.get(name);
    if (ref === undefined) {
      ref = this.make(this.owner, name);
      if (ref !== undefined) made.set(name, ref);
      else if (this.fixedNames) made.set(name, NONE);
    } else if (ref === NONE) return undefined;
    return ref;
  }
}
