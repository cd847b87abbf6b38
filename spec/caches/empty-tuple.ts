import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'caches.empty-tuple',
  family: 'caches',
  title: 'There is one empty tuple',
  statement:
    'CPython never creates a second empty tuple: the literal (), tuple(), tuple() of any empty iterable and ' +
    'an empty slice of a tuple all return the same object. Tuples with contents are not cached: two equal ' +
    'non-empty tuples built at run time are distinct objects.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Objects/tupleobject.c', symbol: 'tuple_get_empty', tag: 'v3.12.7' },
    { file: 'Objects/tupleobject.c', symbol: 'PyTuple_New', tag: 'v3.8.18' },
  ],
  examples: [
    {
      title: 'Empty tuples, however made',
      source: ['e = ()', 'print(tuple() is e, tuple([]) is e, (1, 2)[2:] is e)', 'a = tuple([1, 2])', 'b = tuple([1, 2])', 'print(a is b, a == b)', ''].join('\n'),
    },
  ],
  implementations: { pypy: { status: 'holds' } },
};
