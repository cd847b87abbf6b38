import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'int-cache.bounds',
  family: 'int-cache',
  title: 'Small ints from -5 to 256 are shared',
  statement:
    'CPython keeps one preallocated object for every int from -5 to 256 inclusive and returns it whenever ' +
    'an int in that range is produced, whether by a literal, arithmetic, int() or len(). Two equal ints ' +
    'computed independently at run time are therefore the same object exactly when their value lies in ' +
    'that range; outside it each computation makes a new object. bool values are not part of this cache: ' +
    'True and False are their own singletons, never the cached 1 and 0.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Include/internal/pycore_global_objects.h', symbol: '_PY_NSMALLPOSINTS', tag: 'v3.12.7' },
    { file: 'Objects/longobject.c', symbol: 'get_small_int', tag: 'v3.12.7' },
    { file: 'Objects/longobject.c', symbol: 'get_small_int', tag: 'v3.8.18' },
  ],
  examples: [
    {
      title: 'At both edges of the cache',
      source: [
        'for text in ["-6", "-5", "256", "257"]:',
        '    a = int(text)',
        '    b = int(text)',
        '    print(text, a is b)',
        '',
      ].join('\n'),
    },
    {
      title: 'Arithmetic lands in the cache too',
      source: ['x = int("200")', 'y = x + 56', 'z = int("256")', 'print(y is z)', 'w = y + 1', 'v = int("257")', 'print(w is v, w == v)', ''].join('\n'),
    },
  ],
  implementations: {
    pypy: {
      status: 'differs',
      behaviour:
        'PyPy has no small-int cache: `is` on ints compares values, so equal ints are the same object at any size, -6 and 257 included (measured on PyPy 7.3.11 (Python 3.9.16)).',
    },
  },
};
