import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'identity.reuse-after-free',
  family: 'identity',
  title: 'An id comes back only after its object was freed',
  statement:
    'In CPython id() is the object\'s memory address, and freed memory is reused: after an object is freed, a new ' +
    'object of the same size class often gets the same address and so the same id (deleting a list and making ' +
    'another usually gives the new list the old id). An id seen again therefore always belongs to an object created ' +
    'after the previous holder was freed, never to the previous holder, which is why a stored id() does not prove ' +
    'that the object it came from is still alive. A weak reference does.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Objects/obmalloc.c', symbol: 'pymalloc_free', tag: 'v3.12.7' },
    { file: 'Objects/listobject.c', symbol: 'list_dealloc', tag: 'v3.12.7' },
  ],
  examples: [
    {
      title: 'The same address, a different object',
      source: [
        'import weakref',
        'class Box:',
        '    pass',
        'first = Box()',
        'old_id = id(first)',
        'alive = weakref.ref(first)',
        'del first',
        'second = Box()',
        'print(alive() is None, id(second) == old_id)',
        '',
      ].join('\n'),
    },
  ],
  implementations: { pypy: { status: 'holds' } },
};
