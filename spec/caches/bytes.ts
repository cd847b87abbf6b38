import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'caches.bytes',
  family: 'caches',
  title: 'Empty bytes and single bytes are shared',
  statement:
    'CPython keeps one empty bytes object and one bytes object of length one for each of the 256 byte values. ' +
    'Operations that copy existing bytes data, such as slicing and bytes() of a list, return the shared object when ' +
    'the result has length zero or one; every empty bytes is the shared one. Not every route goes through the cache: ' +
    'bytes() of a tuple allocates the result before filling it, so a one-byte bytes made from a tuple is a new object. ' +
    'Longer bytes built at run time are new objects each time.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Objects/bytesobject.c', symbol: 'bytes_get_empty', tag: 'v3.12.7' },
    { file: 'Objects/bytesobject.c', symbol: 'PyBytes_FromStringAndSize', tag: 'v3.12.7' },
    { file: 'Objects/bytesobject.c', symbol: '_PyBytes_FromTuple', tag: 'v3.12.7' },
  ],
  examples: [
    {
      title: 'Length zero and one, then two',
      source: [
        'data = bytes([120, 65, 121])',
        'print(bytes() is data[3:], data[1:2] is bytes([65]), bytes([200]) is bytes([200]))',
        'print(data[0:2] is data[0:2], bytes((65,)) is bytes([65]))',
        '',
      ].join('\n'),
    },
  ],
  implementations: {
    pypy: {
      status: 'differs',
      behaviour:
        'PyPy shares one-byte bytes however they are made: a one-byte bytes built from a tuple is the cached object too, where CPython makes a new one (measured on PyPy 7.3.11 (Python 3.9.16)).',
    },
  },
};
