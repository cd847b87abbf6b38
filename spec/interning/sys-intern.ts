import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'interning.sys-intern',
  family: 'interning',
  title: 'sys.intern returns the one canonical string',
  statement:
    'sys.intern(s) returns the string already in the intern table that equals s if there is one, and otherwise ' +
    'enters s itself and returns it. While the canonical string is alive, every sys.intern of an equal string, ' +
    'however it was built, returns that same object. A one-character latin-1 string counts as already interned ' +
    'from 3.12.7: sys.intern returns the cached character, not a new equal string passed to it (before, the new ' +
    'string was entered). Only exact str objects can be interned: any other type is a ' +
    'TypeError, and so is an instance of a str subclass.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Python/sysmodule.c', symbol: 'sys_intern_impl', tag: 'v3.12.7' },
    { file: 'Objects/unicodeobject.c', symbol: 'PyUnicode_InternInPlace', tag: 'v3.12.7' },
    { file: 'Objects/unicodeobject.c', symbol: 'intern_common', tag: 'v3.13.0' },
  ],
  examples: [
    {
      title: 'The first one wins',
      source: [
        'import sys',
        'first = sys.intern("".join(["a b", " c"]))',
        'second = sys.intern("".join(["a", " b c"]))',
        'print(first is second, first == second)',
        '',
      ].join('\n'),
    },
    {
      title: 'Only exact str',
      source: ['import sys', 'class Name(str):', '    pass', 'for value in [5, Name("ab")]:', '    try:', '        sys.intern(value)', '    except TypeError as error:', '        print(error)', ''].join('\n'),
    },
  ],
  implementations: { pypy: { status: 'holds' } },
};
