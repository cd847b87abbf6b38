/**
 * Snapshots of the model's heap -> the graph a heap picture draws, before layout.
 *
 * One graph for all steps (the union of every step's boxes and arrows), so that the layout puts an
 * object in the same place at every step; each step says which boxes and arrows it shows and what
 * the boxes say then. Drawn: the names, the objects reachable from them through strong and weak
 * references, and the intern table's entries among those. The interpreter's own objects that no
 * name reaches (builtin types, code constants) are left out.
 */
import type { HeapBoxContent, HeapBoxKind, HeapEdgeKind } from '../../src/data/types';
import type { TraceSnapshot } from './heap-trace';
import type { CacheKind } from '../../model/python/eval/trace';

type ObjectSnapshot = TraceSnapshot['objects'][number];

export interface GraphBox {
  readonly key: string;
  readonly kind: HeapBoxKind;
}

export interface GraphEdge {
  readonly key: string;
  readonly kind: HeapEdgeKind;
  readonly from: string;
  readonly to: string;
  readonly label: string | null;
}

export interface GraphStep {
  readonly line: number;
  readonly boxes: Readonly<Record<string, HeapBoxContent>>;
  readonly edges: readonly string[];
  readonly omitted: number;
}

export interface HeapGraph {
  /** In order of first appearance. */
  readonly boxes: readonly GraphBox[];
  readonly edges: readonly GraphEdge[];
  readonly steps: readonly GraphStep[];
}

export interface GraphOptions {
  /** Most objects drawn at one step; the rest are counted in `omitted`. */
  readonly maxObjects: number;
  /** Most references drawn from one object (a list of a thousand items draws its first ones). */
  readonly maxReferences: number;
  /** Longest value text in a box; longer reprs are cut with an ellipsis. */
  readonly maxValueChars: number;
}

export const DEFAULT_GRAPH_OPTIONS: GraphOptions = { maxObjects: 40, maxReferences: 8, maxValueChars: 32 };

/** Objects drawn as a small box and not followed: their references are the interpreter's business. */
const SMALL_TYPES = new Set(['type', 'function', 'builtin_function_or_method', 'module']);

export const INTERN_KEY = 'intern';

/** CPython's caches of small values, drawn as tables like the intern table. */
const CACHE_TABLES: readonly (readonly [CacheKind, string])[] = [
  ['small-int', 'small int cache'],
  ['latin1-char', '1-character str cache'],
  ['single-byte', '1-byte bytes cache'],
];

/** The one-of-a-kind objects say so on their box. */
function cacheBadge(cache: CacheKind | null): string[] {
  switch (cache) {
    case 'None':
    case 'bool':
    case 'Ellipsis':
    case 'NotImplemented':
    case 'empty-str':
    case 'empty-bytes':
    case 'empty-tuple':
    case 'empty-frozenset':
      return ['singleton'];
    case 'startup-string':
      return ['from start-up'];
    default:
      return [];
  }
}
export const nameKey = (name: string): string => `name:${name}`;
export const objectKey = (ref: number): string => `obj:${ref}`;

export function truncate(text: string, max: number): string {
  return [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
}

/** `<class '__main__.Node'>` -> `Node`; null when the repr is not a class's. */
export function className(repr: string | null): string | null {
  const match = repr === null ? null : /^<class '(?:[\w.]*\.)?([^'.]+)'>$/.exec(repr);
  return match?.[1] ?? null;
}

/** A user class's instance: its first reference (`subtype_traverse` visits the type first) is its class. */
function isInstance(object: ObjectSnapshot, byRef: ReadonlyMap<number, ObjectSnapshot>): boolean {
  const first = object.references[0];
  const cls = first === undefined ? undefined : byRef.get(first);
  return cls?.type === 'type' && cls.value !== null && cls.value.includes('.') && className(cls.value) === object.type;
}

/**
 * Edge labels that follow from the order in which the model lists references (`strongReferents` in
 * model/core/objects.ts, CPython's `tp_traverse` order): item index, dict key, an instance's class,
 * a bound method's parts, a weakref's callback. Other references get no label.
 */
function referenceLabels(object: ObjectSnapshot, byRef: ReadonlyMap<number, ObjectSnapshot>, maxChars: number): (string | null)[] {
  const refs = object.references;
  // The model names each reference (attribute, slot, index, dict key) in traces that have `referenceLabels`.
  if (object.referenceLabels.length === refs.length && refs.length > 0) {
    return object.referenceLabels.map((label) => (label === null ? null : label.startsWith('[') ? `[${truncate(label.slice(1, -1), maxChars)}]` : label));
  }
  if (isInstance(object, byRef)) return refs.map((_, i) => (i === 0 ? '__class__' : null));
  switch (object.type) {
    case 'tuple':
    case 'list':
      return refs.map((_, i) => `[${i}]`);
    case 'dict':
      // Entries are listed key, value, key, value, ...: a value's arrow is labelled with its key.
      return refs.map((_, i) => {
        if (i % 2 === 0) return 'key';
        const key = byRef.get(refs[i - 1] as number)?.value ?? null;
        return key === null ? null : `[${truncate(key, maxChars)}]`;
      });
    case 'method':
      return refs.map((_, i) => (i === 0 ? '__self__' : i === 1 ? '__func__' : null));
    case 'weakref':
      return refs.map(() => 'callback');
    default:
      return refs.map(() => null);
  }
}

/** The label of an arrow that stands for several references: all of them, or the first and last and how many. */
export function mergedLabel(labels: readonly (string | null)[]): string | null {
  const known = labels.filter((label): label is string => label !== null);
  if (labels.length === 1 || known.length === 0) return known[0] ?? null;
  if (labels.length === 2) return `${known.join(', ')} (2 refs)`;
  return `${known[0] as string} … ${known[known.length - 1] as string} (${labels.length} refs)`;
}

function smallTitle(object: ObjectSnapshot): string {
  if (object.type === 'type') return `class ${className(object.value) ?? '?'}`;
  if (object.type === 'builtin_function_or_method') return 'builtin';
  return object.type;
}

function refcountText(object: ObjectSnapshot): string {
  if (object.immortal) return 'immortal';
  return `refcount ${object.refcount === null ? '?' : object.refcount}`;
}

/** Stable short labels for the model's addresses: `@1`, `@2`, ... by first appearance over all steps. */
class AddressLabels {
  private readonly labels = new Map<number, string>();
  of(id: number): string {
    let label = this.labels.get(id);
    if (label === undefined) {
      label = `@${this.labels.size + 1}`;
      this.labels.set(id, label);
    }
    return label;
  }
}

interface StepWalk {
  readonly order: number[];
  readonly omitted: number;
}

/** The references of an object that are drawn: the first `maxReferences`. */
function drawnReferences(object: ObjectSnapshot, options: GraphOptions): readonly number[] {
  return object.references.slice(0, options.maxReferences);
}

/** The refs reachable from the names (drawn strong references and weak ones), breadth first, in name order. */
function reachable(
  snapshot: TraceSnapshot,
  byRef: ReadonlyMap<number, ObjectSnapshot>,
  weakTargets: ReadonlyMap<number, number[]>,
  options: GraphOptions,
): StepWalk {
  const seen = new Set<number>();
  const order: number[] = [];
  const queue = Object.values(snapshot.names);
  let omitted = 0;
  while (queue.length > 0) {
    const ref = queue.shift() as number;
    if (seen.has(ref)) continue;
    seen.add(ref);
    // Past the limit the walk goes on, only to count what is left out.
    if (order.length >= options.maxObjects) omitted++;
    else order.push(ref);
    const object = byRef.get(ref);
    if (object === undefined || SMALL_TYPES.has(object.type)) continue;
    queue.push(...drawnReferences(object, options), ...(weakTargets.get(ref) ?? []));
  }
  return { order, omitted };
}

export function buildHeapGraph(snapshots: readonly TraceSnapshot[], options: GraphOptions = DEFAULT_GRAPH_OPTIONS): HeapGraph {
  const boxes = new Map<string, GraphBox>();
  const edges = new Map<string, GraphEdge>();
  const labels = new AddressLabels();
  const addBox = (key: string, kind: HeapBoxKind) => {
    if (!boxes.has(key)) boxes.set(key, { key, kind });
  };
  const addEdge = (kind: HeapEdgeKind, from: string, to: string, label: string | null, shown: string[]) => {
    const key = `${kind} ${from} -> ${to}${label === null ? '' : ` ${label}`}`;
    if (!edges.has(key)) edges.set(key, { key, kind, from, to, label });
    if (!shown.includes(key)) shown.push(key);
  };

  const steps = snapshots.map((snapshot): GraphStep => {
    const byRef = new Map(snapshot.objects.map((object) => [object.ref, object]));
    // A weakref object's referent lists it in `weakReferences`: the arrow goes weakref -> referent.
    const weakTargets = new Map<number, number[]>();
    for (const object of snapshot.objects) for (const weak of object.weakReferences) weakTargets.set(weak, [...(weakTargets.get(weak) ?? []), object.ref]);
    const interned = new Set(snapshot.interned);
    const content: Record<string, HeapBoxContent> = {};
    const shown: string[] = [];

    for (const name of Object.keys(snapshot.names)) {
      addBox(nameKey(name), 'name');
      content[nameKey(name)] = { title: name, value: null, meta: null, badges: [] };
    }
    const walk = reachable(snapshot, byRef, weakTargets, options);
    const drawn = new Set(walk.order);
    for (const ref of walk.order) {
      const object = byRef.get(ref);
      const key = objectKey(ref);
      if (object === undefined) {
        addBox(key, 'missing');
        content[key] = { title: '?', value: null, meta: 'not in trace', badges: [] };
        continue;
      }
      const badges = [...(interned.has(ref) ? ['interned'] : []), ...(object.immortal ? ['immortal'] : []), ...cacheBadge(object.cache)];
      if (SMALL_TYPES.has(object.type)) {
        addBox(key, 'small');
        content[key] = { title: `${labels.of(object.id)} ${smallTitle(object)}`, value: null, meta: null, badges };
        continue;
      }
      addBox(key, 'object');
      const value = object.value === null ? null : truncate(object.value, options.maxValueChars);
      const hidden = object.references.length > options.maxReferences ? [`${options.maxReferences} of ${object.references.length} refs drawn`] : [];
      content[key] = { title: `${labels.of(object.id)} ${object.type}`, value, meta: refcountText(object), badges: [...badges, ...hidden] };
    }

    for (const [name, ref] of Object.entries(snapshot.names)) if (drawn.has(ref)) addEdge('name', nameKey(name), objectKey(ref), null, shown);
    for (const ref of walk.order) {
      const object = byRef.get(ref);
      if (object === undefined || SMALL_TYPES.has(object.type)) continue;
      const edgeLabels = referenceLabels(object, byRef, options.maxValueChars);
      // Several references to one object (a list of one value repeated) are one arrow with their labels.
      const byTarget = new Map<number, (string | null)[]>();
      drawnReferences(object, options).forEach((target, i) => byTarget.set(target, [...(byTarget.get(target) ?? []), edgeLabels[i] ?? null]));
      for (const [target, targetLabels] of byTarget) if (drawn.has(target)) addEdge('strong', objectKey(ref), objectKey(target), mergedLabel(targetLabels), shown);
      for (const target of weakTargets.get(ref) ?? []) if (drawn.has(target)) addEdge('weak', objectKey(ref), objectKey(target), null, shown);
    }
    const internedDrawn = walk.order.filter((ref) => interned.has(ref));
    if (internedDrawn.length > 0) {
      addBox(INTERN_KEY, 'intern');
      content[INTERN_KEY] = { title: 'intern table', value: null, meta: `${internedDrawn.length} of its entries drawn`, badges: [] };
      for (const ref of internedDrawn) addEdge('intern', INTERN_KEY, objectKey(ref), null, shown);
    }
    for (const [cache, title] of CACHE_TABLES) {
      const members = walk.order.filter((ref) => byRef.get(ref)?.cache === cache);
      if (members.length === 0) continue;
      const key = `cache:${cache}`;
      addBox(key, 'cache');
      content[key] = { title, value: null, meta: `${members.length} of its entries drawn`, badges: [] };
      for (const ref of members) addEdge('cache', key, objectKey(ref), null, shown);
    }
    return { line: snapshot.line, boxes: content, edges: shown, omitted: walk.omitted };
  });

  return { boxes: [...boxes.values()], edges: [...edges.values()], steps };
}
