import { describe, expect, it } from 'vitest';
import { allNameChars, mayBeInternedAtStartup } from './caches';
import { CoreUnknown, Heap } from './heap';
import { nativeConfig } from './measured-configs';

describe('allNameChars (Objects/codeobject.c all_name_chars, intern_string_constants)', () => {
  // Measured: `eval(compile(repr(s), 'probe', 'eval')) is eval(compile(repr(s), 'probe', 'eval'))`
  // (two code objects, so only interning can make them one object) on 3.8.18-3.13.0 native and
  // Pyodide 3.14.2: True for 'ab_1' and 'Z9'; False for 'ab c', ' ab', 'ab ', 'a-b', 'a.b', 'x\u00e9y'.
  it.each(['ab_1', 'Z9'])('%j is made of name characters: interned with its code object', (s) => {
    expect(allNameChars(s)).toBe(true);
  });

  it.each(['ab c', ' ab', 'ab ', 'a-b', 'a.b', 'x\u00e9y'])('%j has another character: not interned', (s) => {
    expect(allNameChars(s)).toBe(false);
  });
});

describe('mayBeInternedAtStartup (what the intern table may hold before the program runs)', () => {
  // Measured on 3.8.18-3.13.0 native and Pyodide 3.14.2: `s = ''.join(['x_q00', 'abcd'])`,
  // `sys.intern(s) is s` True (nothing equal interned at startup); the same for 'append' False.
  it('a salted identifier-like string is known to be absent', () => {
    expect(mayBeInternedAtStartup('x_q00abcd')).toBe(false);
    const h = new Heap(nativeConfig('3.13'));
    const s = h.str('x_q00abcd');
    expect(h.intern(s)).toBe(s);
  });

  it('an identifier-like string without the salt may be there: sys.intern is refused', () => {
    expect(mayBeInternedAtStartup('append')).toBe(true);
    const h = new Heap(nativeConfig('3.13'));
    expect(() => h.intern(h.str('append'))).toThrow(CoreUnknown);
  });
});
