import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'singletons.identity',
  family: 'singletons',
  title: 'None, True, False, Ellipsis and NotImplemented each exist once',
  statement:
    'None, Ellipsis and NotImplemented are the only values of their types, and True and False are the only ' +
    'instances of bool. Every expression that yields one of these values yields that very object: a literal, ' +
    'a comparison, bool() of anything, calling the type, copy.copy, copy.deepcopy, and a pickle round trip. ' +
    'The Python Language Reference (the standard type hierarchy) promises this, which is why `x is None` is correct everywhere.',
  guarantee: 'language',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [
    { file: 'Objects/object.c', symbol: '_Py_NoneStruct', tag: 'v3.12.7' },
    { file: 'Objects/boolobject.c', symbol: 'PyBool_FromLong', tag: 'v3.12.7' },
    { file: 'Objects/sliceobject.c', symbol: '_Py_EllipsisObject', tag: 'v3.12.7' },
    { file: 'Lib/copy.py', symbol: '_copy_immutable', tag: 'v3.12.7' },
  ],
  examples: [
    {
      title: 'Every route to None and the bools',
      source: [
        'import copy',
        'x = int("7")',
        'print(bool(x) is True, (x < 0) is False, bool([]) is False)',
        'print(copy.copy(None) is None, copy.deepcopy(True) is True)',
        'print(type(None)() is None, type(...)() is ..., copy.deepcopy(NotImplemented) is NotImplemented)',
        '',
      ].join('\n'),
    },
  ],
};
