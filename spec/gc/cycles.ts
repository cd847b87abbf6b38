import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'gc.cycles',
  family: 'gc',
  title: 'Unreachable cycles live until the cyclic collector runs',
  statement:
    'Reference counting cannot free objects that refer to each other: after the last outside reference to a ' +
    'cycle goes, its objects stay alive, and weak references to them still return them, until the cyclic ' +
    'garbage collector runs. gc.collect() finds the unreachable cycle, clears the weak references to its objects ' +
    '(running their callbacks) and frees them.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Modules/gcmodule.c', symbol: 'handle_weakrefs', tag: 'v3.12.7' },
    { file: 'Python/gc.c', symbol: 'handle_weakrefs', tag: 'v3.13.0' },
  ],
  examples: [
    {
      title: 'A two-node cycle',
      source: [
        'import gc, weakref',
        'class Node:',
        '    pass',
        'a = Node()',
        'b = Node()',
        'a.other = b',
        'b.other = a',
        'ref = weakref.ref(a)',
        'del a, b',
        'print(ref() is not None)',
        'gc.collect()',
        'print(ref())',
        '',
      ].join('\n'),
    },
  ],
  implementations: { pypy: { status: 'holds' } },
};
