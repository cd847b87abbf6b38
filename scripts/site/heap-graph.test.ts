import { describe, expect, test } from 'vitest';
import { buildHeapGraph, className, mergedLabel, nameKey, objectKey, INTERN_KEY, type HeapGraph } from './heap-graph';
import type { TraceSnapshot } from './heap-trace';

type Obj = TraceSnapshot['objects'][number];

/** A traced object with defaults; `id` defaults to a distinct address per ref. */
function obj(ref: number, type: string, fields: Partial<Obj> = {}): Obj {
  return { ref, type, value: null, refcount: 1, immortal: false, id: 1000 + 16 * ref, idKnown: true, cache: null, references: [], referenceLabels: [], weakReferences: [], ...fields };
}

function snap(line: number, names: Record<string, number>, objects: Obj[], interned: number[] = []): TraceSnapshot {
  return { line, names, objects, interned };
}

/** The builtin type objects every snapshot lists (static types); no program name reaches them. */
const builtinTypes = [obj(1, 'type', { value: "<class 'int'>", immortal: true, refcount: 1 << 30 }), obj(2, 'type', { value: "<class 'str'>", immortal: true })];

const keys = (graph: HeapGraph, step: number) => Object.keys(graph.steps[step]?.boxes ?? {}).sort();
const edge = (graph: HeapGraph, from: string, to: string) => graph.edges.filter((e) => e.from === from && e.to === to);

describe('snapshot -> heap graph', () => {
  test('cached small values hang from their cache table; singletons say so', () => {
    const graph = buildHeapGraph([
      snap(1, { a: 50, b: 50, t: 52, n: 53 }, [
        ...builtinTypes,
        obj(50, 'int', { value: '5', cache: 'small-int', immortal: true }),
        obj(52, 'tuple', { value: '()', cache: 'empty-tuple' }),
        obj(53, 'int', { value: '1000' }),
      ]),
    ]);
    expect(edge(graph, 'cache:small-int', objectKey(50)).map((e) => e.kind)).toEqual(['cache']);
    expect(graph.steps[0]?.boxes['cache:small-int']).toMatchObject({ title: 'small int cache', meta: '1 of its entries drawn' });
    expect(graph.edges.filter((e) => e.kind === 'cache')).toHaveLength(1);
    expect(graph.steps[0]?.boxes[objectKey(52)]?.badges).toContain('singleton');
    expect(graph.steps[0]?.boxes[objectKey(53)]?.badges).toEqual([]);
  });

  test('a weak reference is a weak edge from the weakref object to its referent, which stays drawn', () => {
    const graph = buildHeapGraph([
      snap(3, { ref: 11 }, [...builtinTypes, obj(10, 'Node', { weakReferences: [11], refcount: 0 }), obj(11, 'weakref')]),
    ]);
    const weak = edge(graph, objectKey(11), objectKey(10));
    expect(weak.map((e) => e.kind)).toEqual(['weak']);
    expect(graph.edges.filter((e) => e.kind === 'weak')).toHaveLength(1);
    expect(keys(graph, 0)).toContain(objectKey(10));
  });

  test("the interpreter's objects that no name reaches are left out; a class a name points to is a small box", () => {
    const constants = obj(20, 'tuple', { value: "('x', 1000)", references: [21] });
    const graph = buildHeapGraph([
      snap(1, { Node: 30, n: 31 }, [
        ...builtinTypes,
        constants,
        obj(21, 'str', { value: "'x'" }),
        obj(30, 'type', { value: "<class '__main__.Node'>", refcount: null, references: [32] }),
        obj(31, 'Node', { references: [30] }),
        obj(32, 'function'),
      ]),
    ]);
    expect(keys(graph, 0)).toEqual([nameKey('Node'), nameKey('n'), objectKey(30), objectKey(31)].sort());
    expect(graph.boxes.find((b) => b.key === objectKey(30))?.kind).toBe('small');
    expect(graph.steps[0]?.boxes[objectKey(30)]?.title).toMatch(/ class Node$/);
    // The class's own references (its methods) are not followed.
    expect(keys(graph, 0)).not.toContain(objectKey(32));
    expect(edge(graph, objectKey(31), objectKey(30)).map((e) => e.label)).toEqual(['__class__']);
  });

  test('address labels are numbered by first appearance and stay with the address across steps', () => {
    const a = obj(40, 'float', { value: '1.5', id: 5000 });
    const b = obj(41, 'float', { value: '2.5', id: 5016 });
    // Step 3: `a` is freed and a new float takes its address.
    const c = obj(42, 'float', { value: '3.5', id: 5000 });
    const graph = buildHeapGraph([snap(1, { a: 40 }, [a]), snap(2, { a: 40, b: 41 }, [a, b]), snap(3, { c: 42, b: 41 }, [c, b])]);
    const title = (step: number, ref: number) => graph.steps[step]?.boxes[objectKey(ref)]?.title;
    expect(title(0, 40)).toBe('@1 float');
    expect(title(1, 40)).toBe('@1 float');
    expect(title(1, 41)).toBe('@2 float');
    expect(title(2, 41)).toBe('@2 float');
    // Another object at a reused address shows the same label: that is how id reuse shows.
    expect(title(2, 42)).toBe('@1 float');
    expect(keys(graph, 2)).not.toContain(objectKey(40));
  });

  test('a freed object disappears from the later steps, and so do its arrows', () => {
    const graph = buildHeapGraph([
      snap(1, { t: 50 }, [obj(50, 'tuple', { references: [51] }), obj(51, 'float', { value: '0.5' })]),
      snap(2, {}, []),
    ]);
    expect(keys(graph, 0)).toEqual([nameKey('t'), objectKey(50), objectKey(51)].sort());
    expect(keys(graph, 1)).toEqual([]);
    expect(graph.steps[1]?.edges).toEqual([]);
    expect(graph.steps[0]?.edges).toHaveLength(2);
  });

  test('an object the trace does not describe is a missing box, not an invented one', () => {
    const graph = buildHeapGraph([snap(1, { x: 7, y: 7 }, [])]);
    expect(graph.boxes.filter((b) => b.kind === 'missing').map((b) => b.key)).toEqual([objectKey(7)]);
    expect(graph.steps[0]?.boxes[objectKey(7)]).toEqual({ title: '?', value: null, meta: 'not in trace', badges: [] });
    expect(graph.edges.filter((e) => e.to === objectKey(7)).map((e) => e.from)).toEqual([nameKey('x'), nameKey('y')]);
  });

  test('boxes show type, value, refcount ("?" when unknown) and the interned and immortal marks', () => {
    const graph = buildHeapGraph([
      snap(1, { s: 60, u: 61, i: 62 }, [obj(60, 'str', { value: "'abc'", refcount: null }), obj(61, 'str', { value: "'d e'", refcount: 2 }), obj(62, 'int', { value: '7', immortal: true, refcount: 3221225472 })], [60]),
    ]);
    const box = (ref: number) => graph.steps[0]?.boxes[objectKey(ref)];
    expect(box(60)).toEqual({ title: '@1 str', value: "'abc'", meta: 'refcount ?', badges: ['interned'] });
    expect(box(61)).toEqual({ title: '@2 str', value: "'d e'", meta: 'refcount 2', badges: [] });
    expect(box(62)).toEqual({ title: '@3 int', value: '7', meta: 'immortal', badges: ['immortal'] });
  });

  test('the intern table points at the interned objects that are drawn, and only those', () => {
    const graph = buildHeapGraph([snap(1, { s: 60 }, [obj(60, 'str', { value: "'abc'" }), obj(63, 'str', { value: "'zz'" })], [60, 63])]);
    expect(graph.edges.filter((e) => e.kind === 'intern').map((e) => [e.from, e.to])).toEqual([[INTERN_KEY, objectKey(60)]]);
    expect(graph.steps[0]?.boxes[INTERN_KEY]?.meta).toBe('1 of its entries drawn');
    // No interned object drawn: no intern table box.
    expect(buildHeapGraph([snap(1, { n: 64 }, [obj(64, 'float'), obj(63, 'str')], [63])]).boxes.map((b) => b.kind)).not.toContain('intern');
  });

  test('edge labels: item index, dict key, bound method parts', () => {
    const graph = buildHeapGraph([
      snap(1, { t: 70, d: 73, m: 76 }, [
        obj(70, 'tuple', { references: [71, 72] }),
        obj(71, 'float', { value: '1.0' }),
        obj(72, 'float', { value: '2.0' }),
        obj(73, 'dict', { references: [74, 71] }),
        obj(74, 'str', { value: "'k'" }),
        obj(76, 'method', { references: [71, 77] }),
        obj(77, 'function'),
      ]),
    ]);
    expect(edge(graph, objectKey(70), objectKey(71))[0]?.label).toBe('[0]');
    expect(edge(graph, objectKey(70), objectKey(72))[0]?.label).toBe('[1]');
    expect(edge(graph, objectKey(73), objectKey(74))[0]?.label).toBe('key');
    expect(edge(graph, objectKey(73), objectKey(71))[0]?.label).toBe("['k']");
    expect(edge(graph, objectKey(76), objectKey(77))[0]?.label).toBe('__func__');
  });

  test('a tuple holding a class is not taken for an instance of it', () => {
    const graph = buildHeapGraph([snap(1, { t: 80 }, [obj(80, 'tuple', { references: [81] }), obj(81, 'type', { value: "<class 'tuple'>" })])]);
    expect(edge(graph, objectKey(80), objectKey(81))[0]?.label).toBe('[0]');
  });

  test('a long container draws its first references, says so, and merges references to one object', () => {
    const many = Array.from({ length: 1000 }, () => 90);
    const graph = buildHeapGraph([snap(1, { many: 91 }, [obj(91, 'list', { references: many })])]);
    const arrows = edge(graph, objectKey(91), objectKey(90));
    expect(arrows).toHaveLength(1);
    expect(arrows[0]?.label).toBe('[0] … [7] (8 refs)');
    expect(graph.steps[0]?.boxes[objectKey(91)]?.badges).toEqual(['8 of 1000 refs drawn']);
  });

  test('a picture stops at maxObjects and counts what it left out', () => {
    const chain = Array.from({ length: 10 }, (_, i) => obj(100 + i, 'list', { references: i < 9 ? [101 + i] : [] }));
    const graph = buildHeapGraph([snap(1, { head: 100 }, chain)], { maxObjects: 4, maxReferences: 8, maxValueChars: 32 });
    expect(keys(graph, 0).filter((k) => k.startsWith('obj:'))).toHaveLength(4);
    expect(graph.steps[0]?.omitted).toBe(6);
  });
});

describe('small helpers', () => {
  test('className reads a class repr, nothing else', () => {
    expect(className("<class '__main__.Node'>")).toBe('Node');
    expect(className("<class 'int'>")).toBe('int');
    expect(className("'<class x>'")).toBeNull();
    expect(className(null)).toBeNull();
  });

  test('mergedLabel', () => {
    expect(mergedLabel(['[0]'])).toBe('[0]');
    expect(mergedLabel([null, null])).toBeNull();
    expect(mergedLabel(['[0]', '[3]'])).toBe('[0], [3] (2 refs)');
  });
});
