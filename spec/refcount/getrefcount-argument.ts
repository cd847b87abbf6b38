import { PYPY_WITHOUT_REFCOUNTS } from '../implementations';
import type { SpecEntry } from '../schema';

const BOTH = ['x86_64', 'wasm32'] as ('x86_64' | 'wasm32')[];

export const entry: SpecEntry = {
  id: 'refcount.getrefcount-argument',
  family: 'refcount',
  title: 'sys.getrefcount counts its own argument, until 3.14 borrows locals',
  statement:
    'sys.getrefcount(x) returns the reference count of x at the moment of the call, and the call itself holds a ' +
    'reference to its argument. Up to 3.13, for an object that k references hold (names, list slots, dict values, ' +
    'attributes), it therefore reports k + 1. From 3.14 the compiler loads a function\'s local variables as borrowed ' +
    'references where it can prove that safe, so passing a local adds nothing: a fresh object bound only to a local ' +
    'reports 1. Module-level names, attributes and container items still add one.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: BOTH }],
  regimes: [
    { id: 'counts-argument', description: 'the argument adds one reference in every case', ranges: [{ since: '3.8', until: '3.14', platforms: BOTH }] },
    {
      id: 'borrows-locals',
      description: 'a local variable passed directly is borrowed and adds nothing; other expressions add one',
      ranges: [{ since: '3.14', until: null, platforms: BOTH }],
    },
  ],
  sources: [
    { file: 'Python/sysmodule.c', symbol: 'sys_getrefcount_impl', tag: 'v3.12.7' },
    { file: 'Python/flowgraph.c', symbol: 'optimize_load_fast', tag: 'v3.14.0' },
  ],
  examples: [
    {
      title: 'A list held twice, at module level and in a function',
      source: [
        'import sys',
        'a = [1, 2, 3]',
        'b = a',
        'print(sys.getrefcount(a))',
        'def inside():',
        '    local = [1, 2, 3]',
        '    return sys.getrefcount(local)',
        'print(inside())',
        '',
      ].join('\n'),
    },
  ],
  implementations: {
    pypy: PYPY_WITHOUT_REFCOUNTS,
  },
};
