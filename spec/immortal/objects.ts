import type { SpecEntry } from '../schema';

const BOTH = ['x86_64', 'wasm32'] as ('x86_64' | 'wasm32')[];

export const entry: SpecEntry = {
  id: 'immortal.objects',
  family: 'immortal',
  title: 'Immortal objects have a fixed reference count',
  statement:
    'Since 3.12 (PEP 683) the singletons None, True, False, Ellipsis and NotImplemented, the small ints, the empty ' +
    'tuple and string and the other cached objects are immortal: taking and dropping references to them never changes ' +
    'their reference count, and sys.getrefcount reports a fixed sentinel that depends on the version and the pointer ' +
    'width rather than on how many references exist. Before 3.12 these objects had ordinary reference counts that moved ' +
    'with every reference.',
  guarantee: 'cpython',
  holds: [{ since: '3.12', until: null, platforms: BOTH }],
  sources: [
    { file: 'Include/object.h', symbol: '_Py_IsImmortal', tag: 'v3.12.7' },
    { file: 'Include/object.h', symbol: '_Py_IMMORTAL_REFCNT', tag: 'v3.12.7' },
    { file: 'Include/refcount.h', symbol: '_Py_IMMORTAL_INITIAL_REFCNT', tag: 'v3.14.0' },
  ],
  examples: [
    {
      title: 'A thousand more references to None change nothing',
      source: [
        'import sys',
        'before = sys.getrefcount(None)',
        'many = [None] * 1000',
        'print(sys.getrefcount(None) == before, sys.getrefcount(None))',
        '',
      ].join('\n'),
    },
  ],
  implementations: {
    pypy: {
      status: 'differs',
      behaviour:
        'PyPy has no reference counts and no sys.getrefcount, so there is nothing to be immortal: the programs of this entry cannot run there (reported not applicable).',
    },
  },
};
