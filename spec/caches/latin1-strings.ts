import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'caches.latin1-strings',
  family: 'caches',
  title: 'The empty string and one-character Latin-1 strings are shared',
  statement:
    'CPython keeps one empty string and one string for each character from U+0000 to U+00FF. Any operation ' +
    'that produces an empty or a one-character Latin-1 string (indexing, slicing, chr(), str.join) returns ' +
    'the shared object. One-character strings beyond U+00FF and longer strings built at run time are new objects.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Objects/unicodeobject.c', symbol: 'get_latin1_char', tag: 'v3.12.7' },
    { file: 'Objects/unicodeobject.c', symbol: 'unicode_get_empty', tag: 'v3.12.7' },
  ],
  examples: [
    {
      title: 'Inside and outside the Latin-1 range',
      source: [
        'word = "xAy"',
        'print(word[1] is chr(65), chr(200) is chr(200), chr(256) is chr(256))',
        'print("".join([]) is str(), word[3:] is "")',
        '',
      ].join('\n'),
    },
  ],
  implementations: {
    pypy: {
      status: 'differs',
      behaviour:
        'PyPy shares one-character strings beyond U+00FF as well: two separately computed chr(363) are the same object (measured on PyPy 7.3.11 (Python 3.9.16)).',
    },
  },
};
