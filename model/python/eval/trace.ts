/**
 * Heap snapshots for `trace: true`: after each statement, the names, the live objects
 * (type, value, refcount, id), their references (with the attribute name, index or dict key
 * each stands for), weak references and the intern table, as plain JSON-serialisable data.
 * Objects that existed before the program (caches, singletons, builtin types) are listed when
 * a name reaches them, with the cache they come from.
 */
import type { Heap } from '../../core/heap';
import { strongReferents, type Payload, type PyObject, type Ref } from '../../core/objects';
import { pyRepr } from './repr';
import { typeName } from './values';

/**
 * Where a pre-existing object comes from (each is shared, never allocated by the program):
 * `Objects/longobject.c` small ints (`_PY_NSMALLPOSINTS`), `Objects/unicodeobject.c`
 * `unicode_get_empty` / `get_latin1_char`, `Objects/bytesobject.c` `bytes_get_empty` /
 * `CHARACTER`, `Objects/tupleobject.c` `tuple_get_empty`, `Objects/setobject.c`
 * `emptyfrozenset` (3.8/3.9), the `None`/`True`/`False`/`Ellipsis`/`NotImplemented`
 * singletons, strings interned before the program ran (names), builtin types, functions, modules.
 */
export type CacheKind =
  | 'small-int'
  | 'empty-str'
  | 'latin1-char'
  | 'empty-bytes'
  | 'single-byte'
  | 'empty-tuple'
  | 'empty-frozenset'
  | 'None'
  | 'bool'
  | 'Ellipsis'
  | 'NotImplemented'
  | 'startup-string'
  | 'builtin-type'
  | 'builtin-function'
  | 'module'
  | 'other-preexisting';

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
  /** False when `id` is only the model's best guess among several blocks CPython may have used. */
  readonly idKnown: boolean;
  /** The cache or singleton a pre-existing object belongs to; null for the program's own objects. */
  readonly cache: CacheKind | null;
  readonly references: readonly Ref[];
  /**
   * Parallel to `references`: the attribute name (`__class__`, a slot or attribute name,
   * `__self__`, ...), index (`[0]`) or dict key (`['k']`; `key` for the key itself) each one
   * stands for; null where the model has no name for it (a set's items).
   */
  readonly referenceLabels: readonly (string | null)[];
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

/** The cache of an object allocated before the program (`sizeClass` 'static'), from its payload. */
export function cacheOf(o: PyObject): CacheKind | null {
  if (o.address.sizeClass !== 'static') return null;
  const p = o.payload;
  switch (p.kind) {
    case 'int':
      return 'small-int';
    case 'str':
      return p.value === '' ? 'empty-str' : [...p.value].length === 1 && (p.value.codePointAt(0) ?? 0x100) < 0x100 ? 'latin1-char' : 'startup-string';
    case 'bytes':
      return p.value.length === 0 ? 'empty-bytes' : p.value.length === 1 ? 'single-byte' : 'other-preexisting';
    case 'tuple':
      return p.items.length === 0 ? 'empty-tuple' : 'other-preexisting';
    case 'frozenset':
      return p.items.length === 0 ? 'empty-frozenset' : 'other-preexisting';
    case 'NoneType':
      return 'None';
    case 'bool':
      return 'bool';
    case 'ellipsis':
      return 'Ellipsis';
    case 'NotImplementedType':
      return 'NotImplemented';
    case 'type':
      return 'builtin-type';
    case 'builtin':
      return 'builtin-function';
    case 'module':
      return 'module';
    default:
      return 'other-preexisting';
  }
}

/** Labels for `strongReferents(p)`, in the same order (see model/core/objects.ts). */
export function referenceLabels(heap: Heap, p: Payload): (string | null)[] {
  const keyLabel = (key: Ref): string | null => {
    const text = safeRepr(heap, key);
    return text === null ? null : `[${text}]`;
  };
  let labels: (string | null)[];
  switch (p.kind) {
    case 'tuple':
    case 'list':
      labels = p.items.map((_, i) => `[${i}]`);
      break;
    case 'set':
    case 'frozenset':
      labels = p.items.map(() => null);
      break;
    case 'dict':
      labels = p.entries.flatMap((e) => ['key', keyLabel(e.key)]);
      break;
    case 'instance':
      labels = ['__class__', ...p.slots.keys(), ...p.values.keys(), ...(p.dict === null ? [] : ['__dict__'])];
      break;
    case 'type':
      labels = [...p.attrs.keys(), ...(p.base === null ? [] : ['__base__'])];
      break;
    case 'function':
      labels = ['__code__', ...p.defaults.map((_, i) => `__defaults__[${i}]`)];
      break;
    case 'code':
      labels = p.constants.map((_, i) => `co_consts[${i}]`);
      break;
    case 'method':
      labels = ['__self__', '__func__'];
      break;
    case 'builtin':
      labels = p.self === null ? [] : ['__self__'];
      break;
    case 'module':
      labels = [...p.attrs.keys()];
      break;
    case 'weakref':
      labels = p.callback === null ? [] : ['__callback__'];
      break;
    default:
      labels = [];
  }
  // Should the core list references differently one day, no label rather than a wrong one.
  const count = strongReferents(p).length;
  return labels.length === count ? labels : new Array<null>(count).fill(null);
}

/**
 * Pre-existing objects the names reach (through the program's objects): they are drawn, but
 * not followed further when they are builtin types, functions or modules.
 */
function reachedStatics(heap: Heap, names: ReadonlyMap<string, Ref>): Set<Ref> {
  const out = new Set<Ref>();
  const seen = new Set<Ref>();
  const queue = [...names.values()];
  for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const o = heap.get(ref);
    if (!o.alive) continue;
    if (o.address.sizeClass === 'static') {
      out.add(ref);
      const k = o.payload.kind;
      if (k === 'type' || k === 'builtin' || k === 'module') continue;
    }
    queue.push(...strongReferents(o.payload));
  }
  return out;
}

export function snapshot(heap: Heap, line: number, names: ReadonlyMap<string, Ref>): HeapSnapshot {
  const statics = reachedStatics(heap, names);
  const objects = heap
    .live()
    .filter((o) => o.address.sizeClass !== 'static' || o.payload.kind === 'type' || statics.has(o.ref))
    .filter((o) => o.payload.kind !== 'code')
    .map(
      (o): ObjectSnapshot => ({
        ref: o.ref,
        type: typeName(heap, o.ref),
        value: safeRepr(heap, o.ref),
        refcount: o.immortal ? heap.config.immortalRefcount : o.refcntKnown ? o.refcnt : null,
        immortal: o.immortal,
        id: o.address.value,
        idKnown: o.address.candidates.size === 1,
        cache: cacheOf(o),
        references: strongReferents(o.payload),
        referenceLabels: referenceLabels(heap, o.payload),
        weakReferences: [...o.weakrefs],
      }),
    );
  return { line, names: Object.fromEntries(names), objects, interned: [...heap.internTable.values()] };
}
