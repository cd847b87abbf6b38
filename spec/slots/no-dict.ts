import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'slots.no-dict',
  family: 'slots',
  title: '__slots__ instances have no __dict__',
  statement:
    'A class that defines __slots__ gives its instances fixed storage for the named attributes and no per-instance ' +
    '__dict__: assigning an attribute not named in __slots__ raises AttributeError. A subclass that does not define ' +
    '__slots__ itself gets a __dict__ again. The Python Language Reference (the data model) specifies this.',
  guarantee: 'language',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [{ file: 'Objects/typeobject.c', symbol: 'type_new_slots', tag: 'v3.12.7' }],
  examples: [
    {
      title: 'Slotted, then subclassed',
      source: [
        'class Point:',
        '    __slots__ = ("x", "y")',
        '    def __init__(self, x, y):',
        '        self.x = x',
        '        self.y = y',
        'class Tagged(Point):',
        '    pass',
        'p = Point(1, 2)',
        't = Tagged(3, 4)',
        'print(hasattr(p, "__dict__"), hasattr(t, "__dict__"))',
        't.tag = "ok"',
        'print(t.__dict__)',
        'p.tag = "no"',
        '',
      ].join('\n'),
    },
  ],
};
