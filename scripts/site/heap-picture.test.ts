import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { HeapPictureView } from '../../src/data/types';
import { buildHeapGraph, nameKey, objectKey } from './heap-graph';
import { bundledElk } from './elk-bundled';
import { edgeGeometry, layoutHeapGraph } from './heap-layout';
import { heapPicture } from './heap-picture';
import { chooseTrace, type TracedRun, type TraceSnapshot } from './heap-trace';
import { exampleResultsSchema, readResultsFile } from './results';

const SOURCE = 'import weakref\nclass Node:\n    pass\nnode = Node()\nref = weakref.ref(node)\ndel node\n';

/** A trace of SOURCE: the module is not traced (it existed before the program), the rest is. */
const TRACE: TraceSnapshot[] = [
  { line: 1, names: { weakref: 44 }, objects: [], interned: [] },
  { line: 2, names: { weakref: 44, Node: 52 }, objects: [{ ref: 52, type: 'type', value: "<class '__main__.Node'>", refcount: null, immortal: false, id: 4912, idKnown: true, cache: null, referenceLabels: [], references: [], weakReferences: [] }], interned: [] },
  {
    line: 4,
    names: { weakref: 44, Node: 52, node: 53 },
    objects: [
      { ref: 52, type: 'type', value: "<class '__main__.Node'>", refcount: null, immortal: false, id: 4912, idKnown: true, cache: null, referenceLabels: [], references: [], weakReferences: [] },
      { ref: 53, type: 'Node', value: null, refcount: 1, immortal: false, id: 4928, idKnown: true, cache: null, referenceLabels: [], references: [52], weakReferences: [] },
    ],
    interned: [],
  },
  {
    line: 5,
    names: { weakref: 44, Node: 52, node: 53, ref: 54 },
    objects: [
      { ref: 52, type: 'type', value: "<class '__main__.Node'>", refcount: null, immortal: false, id: 4912, idKnown: true, cache: null, referenceLabels: [], references: [], weakReferences: [] },
      { ref: 53, type: 'Node', value: null, refcount: 1, immortal: false, id: 4928, idKnown: true, cache: null, referenceLabels: [], references: [52], weakReferences: [54] },
      { ref: 54, type: 'weakref', value: null, refcount: 1, immortal: false, id: 4944, idKnown: true, cache: null, referenceLabels: [], references: [], weakReferences: [] },
    ],
    interned: [],
  },
  {
    line: 6,
    names: { weakref: 44, Node: 52, ref: 54 },
    objects: [
      { ref: 52, type: 'type', value: "<class '__main__.Node'>", refcount: null, immortal: false, id: 4912, idKnown: true, cache: null, referenceLabels: [], references: [], weakReferences: [] },
      { ref: 54, type: 'weakref', value: null, refcount: 1, immortal: false, id: 4944, idKnown: true, cache: null, referenceLabels: [], references: [], weakReferences: [] },
    ],
    interned: [],
  },
];

const outcome = (stdout: string, exitCode = 0, stderr = '') => ({ stdout, stderr, exitCode });

function modelRun(version: string, trace: TraceSnapshot[] | undefined, exitCode = 0): TracedRun {
  return {
    target: `model:${version}-wasm32`,
    kind: 'model',
    version,
    platform: 'wasm32',
    outcome: outcome(exitCode === 2 ? '' : 'ok\n', exitCode, exitCode === 2 ? 'unsupported: something at x.py:3:1\n' : ''),
    ...(trace ? { trace } : {}),
  };
}

function realRun(version: string, stdout = 'ok\n'): TracedRun {
  return { target: `cpython:${version}`, kind: 'real', version, platform: 'wasm32', outcome: outcome(stdout) };
}

describe('which trace a picture draws', () => {
  test('the newest complete trace, not a newer partial one', () => {
    const chosen = chooseTrace([modelRun('3.12.7', TRACE), modelRun('3.13.2', TRACE), modelRun('3.14.2', TRACE.slice(0, 2), 2), modelRun('3.11.3', TRACE)]);
    expect(chosen?.run.target).toBe('model:3.13.2-wasm32');
    expect(chosen?.complete).toBe(true);
  });

  test('the newest partial trace when every traced run was refused, with its refusal', () => {
    const chosen = chooseTrace([modelRun('3.12.7', TRACE.slice(0, 1), 2), modelRun('3.13.2', TRACE.slice(0, 2), 2), modelRun('3.14.2', undefined, 2)]);
    expect(chosen?.run.target).toBe('model:3.13.2-wasm32');
    expect(chosen?.complete).toBe(false);
    expect(chosen?.refusal).toBe('unsupported: something at x.py:3:1');
  });

  test('none without a model trace', () => {
    expect(chooseTrace([realRun('3.13.2'), modelRun('3.13.2', undefined, 2)])).toBeNull();
  });
});

describe('layout', () => {
  test('names form one column left of every object; everything lies inside the picture', async () => {
    const graph = buildHeapGraph(TRACE);
    const laid = await layoutHeapGraph(graph, bundledElk());
    const names = laid.boxes.filter((b) => b.kind === 'name');
    const others = laid.boxes.filter((b) => b.kind !== 'name');
    expect(names.map((b) => b.key)).toEqual(['weakref', 'Node', 'node', 'ref'].map(nameKey));
    expect(new Set(names.map((b) => b.x)).size).toBe(1);
    expect(new Set(names.map((b) => b.width)).size).toBe(1);
    const namesRight = Math.max(...names.map((b) => b.x + b.width));
    for (const box of others) expect(box.x).toBeGreaterThan(namesRight);
    for (const box of laid.boxes) {
      expect(box.x + box.width).toBeLessThanOrEqual(laid.width);
      expect(box.y + box.height).toBeLessThanOrEqual(laid.height);
    }
    // Names are ordered top to bottom as the program bound them.
    expect([...names].sort((a, b) => a.y - b.y).map((b) => b.key)).toEqual(names.map((b) => b.key));
    expect(laid.edges.map((e) => e.key).sort()).toEqual(graph.edges.map((e) => e.key).sort());
  });

  test('an arrow ends where its target box begins, its head pointing along the last segment', async () => {
    const laid = await layoutHeapGraph(buildHeapGraph(TRACE), bundledElk());
    const weak = laid.edges.find((e) => e.kind === 'weak');
    const target = laid.boxes.find((b) => b.key === objectKey(53));
    if (!weak || !target) throw new Error('the weak edge or its target was not laid out');
    const [tipX, tipY] = (weak.arrow.split(' ')[0] ?? '').split(',').map(Number) as [number, number];
    expect(tipX).toBeCloseTo(target.x, 0);
    expect(tipY).toBeGreaterThanOrEqual(target.y);
    expect(tipY).toBeLessThanOrEqual(target.y + target.height);
    expect(weak.path.endsWith(`${tipX} ${tipY}`)).toBe(true);
  });

  test('edgeGeometry: a rightward arrowhead is behind the tip and symmetric', () => {
    const { path, arrow } = edgeGeometry([
      { x: 0, y: 0 },
      { x: 50, y: 0 },
      { x: 50, y: 20 },
      { x: 100, y: 20 },
    ]);
    expect(path).toBe('M0 0 L50 0 L50 20 L100 20');
    expect(arrow).toBe('100,20 92,24 92,16');
  });
});

describe('heap picture of an example', () => {
  test('says which profile it shows, whether it agrees, and each step\u2019s source line', async () => {
    const picture = (await heapPicture(SOURCE, [realRun('3.13.2'), modelRun('3.13.2', TRACE), realRun('3.12.7'), modelRun('3.12.7', TRACE)], bundledElk())) as HeapPictureView;
    expect(picture.kind).toBe('picture');
    expect(picture.target).toBe('model:3.13.2-wasm32');
    expect(picture.mirrors).toBe('cpython:3.13.2');
    expect(picture.agrees).toBe(true);
    expect(picture.steps.map((s) => s.source)).toEqual(['import weakref', 'class Node:', 'node = Node()', 'ref = weakref.ref(node)', 'del node']);
    const disagreeing = (await heapPicture(SOURCE, [realRun('3.13.2', 'other\n'), modelRun('3.13.2', TRACE)], bundledElk())) as HeapPictureView;
    expect(disagreeing.agrees).toBe(false);
  });

  test('a refused example without a trace has no picture and says why', async () => {
    const result = await heapPicture(SOURCE, [realRun('3.13.2'), modelRun('3.13.2', undefined, 2)], bundledElk());
    expect(result).toEqual({ kind: 'none', reason: expect.stringContaining('unsupported: something at x.py:3:1') as unknown });
  });

  test('a trace naming a line the example does not have is an error, not a blank step', async () => {
    await expect(heapPicture('x = 1\n', [modelRun('3.13.2', [{ line: 9, names: {}, objects: [], interned: [] }])], bundledElk())).rejects.toThrow(/line 9/);
  });
});

describe('the trace in results/examples.json', () => {
  test('is read with the runs, and a malformed one is an error naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'objspec-heap-'));
    const file = join(dir, 'examples.json');
    const run = { ...modelRun('3.13.2', TRACE) };
    writeFileSync(file, JSON.stringify({ generatedAt: 'x', examples: [{ invariant: 'a.b', index: 0, title: 't', source: SOURCE, runs: [run] }] }));
    expect(readResultsFile(file, exampleResultsSchema)?.examples[0]?.runs[0]?.trace).toEqual(TRACE);
    const broken = { ...run, trace: [{ ...TRACE[0], names: { weakref: 'module' } }] };
    writeFileSync(file, JSON.stringify({ generatedAt: 'x', examples: [{ invariant: 'a.b', index: 0, title: 't', source: SOURCE, runs: [broken] }] }));
    expect(() => readResultsFile(file, exampleResultsSchema)).toThrow(`${file}: field examples.0.runs.0.trace.0.names.weakref`);
  });
});
