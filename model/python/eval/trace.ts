/**
 * Heap snapshots for `trace: true`: after each statement, the names, the live objects
 * (type, value, refcount, id), their references, weak references and the intern table, as
 * plain JSON-serialisable data.
 */
import type { Heap } from '../../core/heap';
import { strongReferents, type Ref } from '../../core/objects';
import { pyRepr } from './repr';
import { typeName } from './values';

export interface ObjectSnapshot {
  readonly ref: Ref;
  readonly type: string;
  /** repr(), or null when the model does not print it (it would show an address). */
  readonly value: string | null;
  /** null: the model does not know it (a shared object before 3.12). */
  readonly refcount: number | null;
  readonly immortal: boolean;
  /** The model's address; only equality between two addresses means anything. */
  readonly id: number;
  readonly references: readonly Ref[];
  readonly weakReferences: readonly Ref[];
}

export interface HeapSnapshot {
  readonly line: number;
  readonly names: Readonly<Record<string, Ref>>;
  readonly objects: readonly ObjectSnapshot[];
  readonly interned: readonly Ref[];
}

function safeRepr(heap: Heap, ref: Ref): string | null {
  try {
    return pyRepr(heap, ref);
  } catch {
    return null;
  }
}

export function snapshot(heap: Heap, line: number, names: ReadonlyMap<string, Ref>): HeapSnapshot {
  const objects = heap
    .live()
    .filter((o) => o.address.sizeClass !== 'static' || o.payload.kind === 'type')
    .filter((o) => o.payload.kind !== 'code')
    .map((o) => ({
      ref: o.ref,
      type: typeName(heap, o.ref),
      value: safeRepr(heap, o.ref),
      refcount: o.immortal ? heap.config.immortalRefcount : o.refcntKnown ? o.refcnt : null,
      immortal: o.immortal,
      id: o.address.value,
      references: strongReferents(o.payload),
      weakReferences: [...o.weakrefs],
    }));
  return { line, names: Object.fromEntries(names), objects, interned: [...heap.internTable.values()] };
}
