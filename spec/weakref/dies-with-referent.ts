import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'weakref.dies-with-referent',
  family: 'weakref',
  title: 'A weak reference dies exactly when its referent is freed',
  statement:
    'A weakref.ref does not keep its referent alive. In CPython the referent is freed the moment its last strong ' +
    'reference goes (for objects outside reference cycles), and at that moment every weak reference to it starts ' +
    'returning None and their callbacks run, most recently created first. Objects of types without weak reference ' +
    'support, such as int, str and tuple, cannot be weakly referenced: weakref.ref raises TypeError.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Objects/weakrefobject.c', symbol: 'PyObject_ClearWeakRefs', tag: 'v3.12.7' },
    { file: 'Objects/typeobject.c', symbol: 'subtype_dealloc', tag: 'v3.12.7' },
  ],
  examples: [
    {
      title: 'Alive, then gone at del',
      source: [
        'import weakref',
        'class Node:',
        '    pass',
        'node = Node()',
        'ref = weakref.ref(node)',
        'print(ref() is node)',
        'del node',
        'print(ref())',
        '',
      ].join('\n'),
    },
    {
      title: 'A WeakSet forgets the dead',
      source: [
        'import weakref',
        'class Task:',
        '    pass',
        'seen = weakref.WeakSet()',
        'task = Task()',
        'seen.add(task)',
        'print(len(seen), task in seen)',
        'del task',
        'print(len(seen))',
        '',
      ].join('\n'),
    },
  ],
  implementations: {
    pypy: {
      status: 'differs',
      behaviour:
        'PyPy frees an object at a later garbage collection, not at its last `del`: the weak reference stays alive and the callback does not run until then (measured on PyPy 7.3.11 (Python 3.9.16)).',
    },
  },
};
