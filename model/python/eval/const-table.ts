/**
 * A code object's constants by node (`CodeObject.constOf`): the object each literal or folded
 * node loads. Code generation sets them in compile order, and a straight-line block evaluates
 * them in that same order, so the table is a list of (node, ref) pairs read with a cursor: a
 * lookup is one comparison, and no Map is made (a `Map.set` per constant and the Map's growth
 * were ~2% of a straight-line run). The first lookup the list cannot answer going forward (a
 * loop's second pass, a branch met out of order, a node that is not a constant) makes the Map
 * from the pairs, which answers from then on.
 * Every node's pairs carry the same ref, except when a test's constant is loaded without being
 * merged (compile.ts `loadOnly`): `setExact` makes the Map at once, so that the last set wins as
 * in a Map. The cursor is only a hint: an answer is always a pair's own node and ref.
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';

export class ConstTable {
  /** Node, ref, node, ref... in the order they were set (the truth until `map` is made). */
  private readonly pairs: (Expr | Ref)[] = [];
  /** Where the next lookup is expected (an index into `pairs`). */
  private next = 0;
  /** Made by the first lookup the pairs cannot answer going forward, or by `setExact`; the truth once made. */
  private map: Map<Expr, Ref> | null = null;

  get(e: Expr): Ref | undefined {
    const map = this.map;
    if (map !== null) return map.get(e);
    const pairs = this.pairs;
    const i = this.next;
    if (i < pairs.length && pairs[i] === e) {
      this.next = i + 2;
      return pairs[i + 1] as Ref;
    }
    return this.find(e);
  }

  has(e: Expr): boolean {
    return this.pairs.length !== 0 && this.mapped().has(e);
  }

  /** A node's constant, set in compile order (every set of one node gives the same ref). */
  set(e: Expr, ref: Ref): void {
    if (this.map !== null) this.map.set(e, ref);
    else this.pairs.push(e, ref);
  }

  /** A node's constant that may differ from the ref set for it elsewhere: the last set wins. */
  setExact(e: Expr, ref: Ref): void {
    this.pairs.push(e, ref);
    this.mapped().set(e, ref);
  }

  /** Every node that loads `old` loads `ref` instead (`intern_string_constants`). */
  replaceRef(old: Ref, ref: Ref): void {
    const map = this.map;
    if (map !== null) {
      for (const [node, r] of map) if (r === old) map.set(node, ref);
      return;
    }
    const pairs = this.pairs;
    for (let i = 1; i < pairs.length; i += 2) if (pairs[i] === old) pairs[i] = ref;
  }

  /** A lookup out of order: the pairs ahead of the cursor, else the Map. */
  private find(e: Expr): Ref | undefined {
    const pairs = this.pairs;
    if (pairs.length === 0) return undefined;
    for (let i = this.next; i < pairs.length; i += 2) {
      if (pairs[i] === e) {
        this.next = i + 2;
        return pairs[i + 1] as Ref;
      }
    }
    return this.mapped().get(e);
  }

  private mapped(): Map<Expr, Ref> {
    let map = this.map;
    if (map !== null) return map;
    map = this.map = new Map();
    const pairs = this.pairs;
    for (let i = 0; i < pairs.length; i += 2) map.set(pairs[i] as Expr, pairs[i + 1] as Ref);
    return map;
  }
}
