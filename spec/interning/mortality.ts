import type { SpecEntry } from '../schema';

const BOTH = ['x86_64', 'wasm32'] as ('x86_64' | 'wasm32')[];

export const entry: SpecEntry = {
  id: 'interning.mortality',
  family: 'interning',
  title: 'Whether sys.intern keeps a string alive depends on the version',
  statement:
    'While any strong reference to an interned string lives, sys.intern of an equal string returns it. What happens ' +
    'after the last strong reference goes differs by version. Where the intern table is weak (mortal strings), the ' +
    'string is freed and leaves the table, so interning an equal fresh string afterwards enters and returns the fresh ' +
    'one. From 3.12.0 to 3.12.6 every interned string was made immortal (PEP 683), so the old string is never freed and ' +
    'interning an equal fresh string returns the old one. 3.12.7 made strings interned by sys.intern mortal again.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: BOTH }],
  regimes: [
    {
      id: 'mortal',
      description: 'the intern table does not keep strings alive: the last strong reference frees them',
      ranges: [
        { since: '3.8', until: '3.12', platforms: BOTH },
        { since: '3.12.7', until: null, platforms: BOTH },
      ],
    },
    {
      id: 'immortal',
      description: 'sys.intern makes the string immortal: it stays in the table for the life of the interpreter',
      ranges: [{ since: '3.12', until: '3.12.7', platforms: BOTH }],
    },
  ],
  sources: [
    { file: 'Objects/unicodeobject.c', symbol: 'PyUnicode_InternInPlace', tag: 'v3.12.1' },
    { file: 'Objects/unicodeobject.c', symbol: '_PyUnicode_InternMortal', tag: 'v3.12.7' },
    { file: 'Objects/unicodeobject.c', symbol: 'PyUnicode_InternInPlace', tag: 'v3.11.3' },
  ],
  examples: [
    {
      title: 'Drop the canonical string, intern an equal one',
      source: [
        'import sys',
        'first = sys.intern("".join(["objspec ", "example"]))',
        'print(sys.intern("".join(["objspec", " example"])) is first)',
        'del first',
        'fresh = "".join(["objspec e", "xample"])',
        'print(sys.intern(fresh) is fresh)',
        '',
      ].join('\n'),
    },
  ],
  implementations: {
    pypy: {
      status: 'differs',
      behaviour:
        'PyPy frees an interned string at a later garbage collection, not when its last reference goes: after `del`, re-interning an equal fresh string can still return the old one (measured on PyPy 7.3.11 (Python 3.9.16)).',
    },
  },
};
