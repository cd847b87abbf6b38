import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'constants.unit-sharing',
  family: 'constants',
  title: 'Equal constants in one compilation unit are one object',
  statement:
    'The compiler keeps one object per distinct constant for a whole compilation unit: a file run as a program, or ' +
    'one compile() or exec() of source. Equal literals anywhere in that unit, in the module body and in the bodies ' +
    'of its functions alike, load the same object even outside the small-int cache (a = 1000 at module level and ' +
    'return 1000 in a function give the same int). Separate compilation units do not share constants: each exec() ' +
    'of source and each statement typed at the interactive prompt has its own, so equal literals there are ' +
    'distinct objects unless a cache or the intern table makes them shared.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Python/compile.c', symbol: 'merge_consts_recursive', tag: 'v3.12.7' },
    { file: 'Objects/codeobject.c', symbol: '_PyCode_ConstantKey', tag: 'v3.12.7' },
  ],
  examples: [
    {
      title: 'One file, two compile units',
      source: [
        'a = 1000',
        'b = 1000',
        'print(a is b)',
        'g = {}',
        'exec("x = 1000", g)',
        'exec("y = 1000", g)',
        'print(g["x"] is g["y"], g["x"] is a)',
        'def f():',
        '    return 1000',
        'print(f() is a)',
        '',
      ].join('\n'),
    },
  ],
  implementations: {
    pypy: {
      status: 'differs',
      behaviour:
        'PyPy compares floats (and ints) by value for `is`, so equal float constants of separate exec() units are the same object (measured on PyPy 7.3.11 (Python 3.9.16)).',
    },
  },
};
