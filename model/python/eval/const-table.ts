/**
 * A code object's constants by node (`CodeObject.constOf`): the object each literal or folded
 * node loads. Code generation sets them in compile order, and a straight-line block evaluates
 * them in that same order, so the table starts as a list of (node, ref) pairs read with a
 * cursor: a lookup is one comparison, and no Map is made (a `Map.set` per constant and the Map's
 * growth were ~2% of a straight-line run). The first lookup the list cannot answer going forward
 * (a loop's second pass, a branch met out of order, a node that is not a constant) makes the
 * Map from the pairs, and the Map takes the table's place in its code object: a loop's lookups
 * are a Map's, as they were before the list.
 * Every node's pairs carry the same ref, except when a test's constant is loaded without being
 * merged (compile.ts `loadOnly`): `constantsExact` makes the Map at once, so that the last set
 * wins. The cursor is only a hint: an answer is always a pair's own node and ref.
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';

/** What `CodeObject.constOf` is: the list of pairs, or the Map that replaced it. */
export type ConstOf = ConstTable | Map<Expr, Ref>;

/** The code object a table belongs to (its `constOf` field is replaced by the Map). */
interface Owner {
  constOf: ConstOf;
}

export class ConstTable {
  /** Node, ref, node, ref... in the order they were set (the truth until `map` is made). */
  private readonly pairs: (Expr | Ref)[] = [];
  /** Where the next lookup is expected (an index into `pairs`). */
  private next = 0;
  /** Made by the first lookup the pairs cannot answer going forward; the truth once made. */
  private map: Map<Expr, Ref> | null = null;

  /** `owner`: null for the shared empty table (never set, never mapped). */
  constructor(private readonly owner: Owner | null) {}

  get(e: Expr): Ref | undefined {
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
    this.pairs.push(e, ref);
  }

  /** Every node that loads `old` loads `ref` instead. */
  replaceRef(old: Ref, ref: Ref): void {
    const pairs = this.pairs;
    for (let i = 1; i < pairs.length; i += 2) if (pairs[i] === old) pairs[i] = ref;
  }

  /** A lookup not at the cursor: the pairs ahead of it, else the Map. */
  private find(e: Expr): Ref | undefined {
    if (this.map !== null) return this.map.get(e);
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

  /** The Map of the pairs (the last set of a node wins), which replaces this table in its owner. */
  mapped(): Map<Expr, Ref> {
    let map = this.map;
    if (map !== null) return map;
    map = this.map = new Map();
    const pairs = this.pairs;
    for (let i = 0; i < pairs.length; i += 2) map.set(pairs[i] as Expr, pairs[i + 1] as Ref);
    // Lookups that still hold this table find the Map through `find`; no cursor answers any more.
    this.next = pairs.length;
    if (this.owner !== null) this.owner.constOf = map;
    return map;
  }
}

/** The owner's constants as a Map, where a set may differ from an earlier one of the node (the last wins). */
export function constantsExact(owner: Owner): Map<Expr, Ref> {
  const c = owner.constOf;
  return c instanceof ConstTable ? c.mapped() : c;
}

/** Every node of `constOf` that loads `old` loads `ref` instead (`intern_string_constants`). */
export function replaceConstRef(constOf: ConstOf, old: Ref, ref: Ref): void {
  if (constOf instanceof ConstTable) {
    constOf.replaceRef(old, ref);
    return;
  }
  for (const [node, r] of constOf) if (r === old) constOf.set(node, ref);
}
