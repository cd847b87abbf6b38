import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'interning.identifier-literals',
  family: 'interning',
  title: 'Identifier-like string literals are interned when compiled',
  statement:
    'When code is compiled, string constants made only of ASCII letters, digits and underscores are interned: ' +
    'they become the canonical object of the intern table, so sys.intern() of an equal string built at run time ' +
    'returns the literal itself. String constants with any other character (a space, punctuation, non-ASCII) are ' +
    'not interned by the compiler. Strings built at run time (concatenation of variables, join, slicing) are never ' +
    'interned unless passed to sys.intern().',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Objects/codeobject.c', symbol: 'intern_string_constants', tag: 'v3.12.7' },
    { file: 'Objects/codeobject.c', symbol: 'all_name_chars', tag: 'v3.12.7' },
  ],
  examples: [
    {
      title: 'Letters only, then a space',
      source: [
        'import sys',
        'word = "hello_42"',
        'built = "".join(["hello", "_42"])',
        'print(built is word, sys.intern(built) is word)',
        'phrase = "hello world"',
        'built2 = "".join(["hello", " world"])',
        'print(sys.intern(built2) is phrase)',
        '',
      ].join('\n'),
    },
  ],
  implementations: {
    pypy: {
      status: 'differs',
      behaviour:
        "PyPy does not intern every literal made of name characters: a literal starting with a digit, such as '0abc_x', is not the canonical interned string (measured on PyPy 7.3.11 (Python 3.9.16)).",
    },
  },
};
