/**
 * Probe of how the interpreter finds and calls special methods of a `with` statement
 * (see probes.ts for the contract: fixed Python source, output derived from the profile).
 */
import type { Probe } from './probes';

const lines = (...parts: string[]): string => parts.map((part) => `${part}\n`).join('');

/**
 * Inside `__enter__` of a manager bound to one name: the name, the frame's `self`, and either
 * the two bound methods `_PyObject_LookupSpecial` made (3.8-3.13) or the manager the stack keeps
 * for `__exit__` (3.14 `LOAD_SPECIAL`); plus the argument of getrefcount unless borrowed.
 * Normal exit: the bound method (3.8-3.13) or nothing (the frame took the stack's reference).
 */
/**
 * `str(o)` and `repr(o)` of an object whose `__repr__` is Python: `self`'s count inside, the
 * difference being the args tuple `type_call` builds for `str` before 3.13 (`unicode_vectorcall`).
 */
export const strCallArgs: Probe = {
  name: 'str-call-arguments',
  facts: ['strCallBuildsArgsTuple'],
  source: `import sys
class C:
    def __repr__(self):
        counts.append(sys.getrefcount(self))
        return 'c'
counts = []
o = C()
repr(o)
str(o)
print('str() holds one reference more than repr():', counts[1] - counts[0])
`,
  expected: (profile) => lines(`str() holds one reference more than repr(): ${profile.strCallBuildsArgsTuple ? 1 : 0}`),
};

export const specialMethodLookup: Probe = {
  name: 'with-special-methods',
  facts: ['specialMethodLookupBinds'],
  source: `import sys
class Manager:
    def __enter__(self):
        print('in __enter__:', sys.getrefcount(self))
        return self
    def __exit__(self, t, v, tb):
        print('in __exit__:', sys.getrefcount(self))
manager = Manager()
with manager:
    pass
`,
  expected: (profile) => {
    const argument = profile.getrefcountBorrowsFastLocals ? 0 : 1;
    const bound = profile.specialMethodLookupBinds;
    return lines(`in __enter__: ${2 + (bound ? 2 : 1) + argument}`, `in __exit__: ${2 + (bound ? 1 : 0) + argument}`);
  },
};
