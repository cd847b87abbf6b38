import { PYPY_WITHOUT_REFCOUNTS } from '../implementations';
import type { SpecEntry } from '../schema';

const BOTH = ['x86_64', 'wasm32'] as ('x86_64' | 'wasm32')[];

export const entry: SpecEntry = {
  id: 'refcount.stdout-keeps-printed',
  family: 'refcount',
  title: 'print keeps a reference to each ASCII str it writes until stdout flushes',
  statement:
    'When stdout is block-buffered (output captured to a pipe or a file, as in `python FILE.py > out.txt`, and in ' +
    'Pyodide), sys.stdout keeps every ASCII str written to it, the very object, until it flushes: after print(s), ' +
    'sys.getrefcount(s) is one higher for each time s was written (as an argument, as sep or as end), and it drops ' +
    'back after print(..., flush=True). A str with non-ASCII characters is encoded to a new bytes object, which is ' +
    'kept instead, so its count does not change. A terminal flushes at each newline and `python -u` (PYTHONUNBUFFERED) ' +
    'writes through, so there the count is unchanged after the print returns.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: BOTH }],
  sources: [
    { file: 'Modules/_io/textio.c', symbol: '_io_TextIOWrapper_write_impl', tag: 'v3.12.7' },
    { file: 'Modules/_io/textio.c', symbol: '_textiowrapper_writeflush', tag: 'v3.12.7' },
    { file: 'Python/bltinmodule.c', symbol: 'builtin_print_impl', tag: 'v3.12.7' },
  ],
  examples: [
    {
      title: 'A printed str gains a reference; a flush releases it',
      source: [
        'import sys',
        "s = ''.join(['a', 'b'])",
        'print(sys.getrefcount(s))',
        'print(s)',
        'print(sys.getrefcount(s))',
        'print(s, s)',
        'print(sys.getrefcount(s))',
        'print(s, flush=True)',
        'print(sys.getrefcount(s))',
        '',
      ].join('\n'),
    },
  ],
  implementations: {
    pypy: PYPY_WITHOUT_REFCOUNTS,
  },
};
