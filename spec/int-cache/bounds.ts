import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'int-cache.bounds',
  family: 'int-cache',
  title: 'Small ints from -5 to 256 are shared',
  statement:
    'CPython keeps one preallocated object for every int from -5 to 256 inclusive and returns it whenever ' +
    'an int in that range is produced by a literal, int(), len() or arithmetic on operands below 2**30 ' +
    '(one internal digit). Two equal ints computed independently that way are therefore the same object ' +
    'exactly when their value lies in that range; outside it each computation makes a new object. ' +
    'Arithmetic on larger operands may bypass the cache, depending on the version: a small difference of ' +
    'two large ints is a new object on 3.8, a small remainder of a large division is a new object on ' +
    '3.8-3.10, and round() of a float gives a new int on 3.8 unless the result is 0. bool values are not ' +
    'part of this cache: True and False are their own singletons, never the cached 1 and 0.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Include/internal/pycore_global_objects.h', symbol: '_PY_NSMALLPOSINTS', tag: 'v3.12.7' },
    { file: 'Objects/longobject.c', symbol: 'get_small_int', tag: 'v3.12.7' },
    { file: 'Objects/longobject.c', symbol: 'get_small_int', tag: 'v3.8.18' },
    { file: 'Objects/longobject.c', symbol: 'x_sub', tag: 'v3.8.18' },
    { file: 'Objects/longobject.c', symbol: 'long_divrem', tag: 'v3.10.13' },
    { file: 'Objects/longobject.c', symbol: 'PyLong_FromDouble', tag: 'v3.8.18' },
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
    {
      title: 'Small results of large-int arithmetic, per version',
      source: ['big = 10**20', 'one = int("1")', 'zero = int("0")', 'print((big + 1 - big) is one)', 'print(big % big is zero)', 'x = float("1.4")', 'print(round(x) is one)', ''].join('\n'),
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
