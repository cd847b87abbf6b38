import { describe, expect, test } from 'vitest';
import { MalformedSourceError, UnsupportedError } from '../errors';
import { parseModule } from './parse';
import { nativePython } from './testing/cpython-ast';
import { cpythonRejects, expectSameAsCPython } from './testing/expect-cpython';

const python = nativePython('3.12');
const withPython = python ? test : test.skip;
if (!python) console.warn('parse.test.ts: no native CPython 3.12; skipped the comparisons with CPython');

/** Programs of the supported subset: the parser must give CPython's AST, places included. */
const SUPPORTED = [
  'x = 1\ny = x',
  'a = b = c = (1, 2)\na, b = b, a\n[a, (b, c)] = x\n(a) = 1\nx, = y\n() = []',
  'x += 1\nx.y -= 2\nx[0] **= 3\nx //= 1, 2\nx @= y\nx >>= 1\nx <<= 1\nx &= 1\nx |= 1\nx ^= 1\nx %= 1\nx /= 1\nx *= 1',
  'del a\ndel a.b, c[0]\ndel (a, b), [c]',
  'if a:\n    pass\nelif b:\n    pass\nelif c: pass\nelse:\n    x = 1',
  'if a:\n    pass\nelse:\n    if b:\n        pass',
  'for i in range(3):\n    if i: break\n    continue\nelse:\n    pass\nfor a, b in x, y: pass\nfor (a, b) in z: pass\nfor x.y in z: pass',
  'while x:\n    x -= 1\nelse:\n    y = 2',
  'def f(a, b=2, c=None):\n    return\ndef g():\n    return a, b\ndef h(): return (1)',
  '@dec\n@mod.attr.dec\n@call(1, k=2)\n@a.b()\ndef f(): pass\n@d\nclass C: pass',
  'class A:\n    pass\nclass B(A, object):\n    x = 1\n    def m(self):\n        return self\nclass C(): pass',
  'def f():\n    global a, b\n    a = 1\ndef g():\n    x = 1\n    def h():\n        nonlocal x\n        x = 2',
  'import a\nimport a.b.c\nimport a as b, c.d as e\nfrom m import x\nfrom m.n import (x as y, z,)\nfrom m import a as b, c',
  'x.y.z = a[1][2]\nf(1)(2)[3].x\na[1:2]\na[::]\na[:]\na[1:2:3]\na[::-1]\na[1:2, ::3, x]\na[1,]\na[()]\na[(1, 2)]\na[1, 2]',
  'f()\nf(a)\nf(a, b)\nf(a, k=1)\nf(k=1, j=2)\nf(a,)\nf(\n    a,\n    b,\n)',
  'a < b\na < b < c\na == b != c\na is b\na is not b\na in b\na not in b\n(a < b) < c\na < (b < c)',
  'a + b * c - d / e // f % g ** h @ i\n(a + b) * c\na ** b ** c\n(a ** b) ** c\n-a ** b\n(-a) ** b\na ** -b\n~a + +b - -c',
  'a | b ^ c & d << e >> f\n(a | b) & c',
  'not a\nnot not a\na and b or c\na or b and c\na and (b or c)\n(a or b) or c\na or (b or c)\nnot a and b\na and not b or c\nnot a == b and c\nnot (a and b)',
  'x = a if b else c\ny = (a if b else c) if d else e\nz = a if (b if c else d) else e\nw = a if b else c if d else e\nv = not a if b else c',
  'x = (1, 2)\ny = 1, 2\nz = (1,)\nw = ()\nl = [1, [2], []]\ns = {1, 2}\nd = {1: 2, "a": [3]}\ne = {}',
  'x = (  # comment\n    1 +  # more\n    2\n)\n# trailing',
  'x = 1; y = 2; z = 3;\nif x: a = 1; b = 2',
  'x = True\ny = False\nz = None\nw = ...\nv = (...)',
  'x = -5\ny = -(-5)\nz = - -5\nw = +5\nv = -5 ** 2\nu = (-5) ** 2\nt = (1).real\ns = 1 .real\nr = 1.5.real\nq = 0x1.real\np = 1e5.real\no = 1j.imag',
  'if x:\n\n    # comment\n\n    y = 1\n\n  # odd comment\n    z = 2\n',
  'x = [\n  1,\n    2,\n]\ny = {\n  "a": 1}\nz = f(\n1)',
  'x = 1 + \\\n    2\nif a and \\\n   b:\n    pass',
  'def f(a):\n    def g():\n        nonlocal a\n        return a\n    return g\nclass K:\n    def f(self):\n        global G\n        G = 1',
  'print(1)\nprint = len\nprint[0]\nprint - 1\nprint += 1\nprint.x = 2\nprint, x = 1, 2',
  'match = 1\ncase = 2\ntype = 3\n_ = 4\nmatch[0] = case',
  "x = 'é'; y = '😀' + 'ab'",
  // Comprehensions and generator expressions (tier 2).
  'x = [i for i in y]\ns = {i * 2 for i, j in y if i if j}\nd = {k: v for k in a for v in b}\ng = (i for i in y)\nf(i for i in y)\nf((i for i in y), 1)',
  'x = [[j for j in i] for i in y if (i if a else b)]\nz = [a for a in (b if c else d)]\nw = [(a, b) for a, b in c]\nv = [a.b for a.b in c]',
  // Annotations and raise (tier 2).
  'def f(a: int, b: "str" = 1, c=2) -> List[int]:\n    x: int = 1\n    y: dict\n    self.z: int = 2\n    (w): int = 3\n    v[0]: int',
  'raise\nraise E\nraise E(1, 2)\nraise E from None\nraise E() from F()',
  'try:\n    a = 1\nexcept (ValueError, TypeError) as e:\n    pass\nexcept E:\n    raise\nexcept:\n    pass\nelse:\n    b = 2\nfinally:\n    c = 3',
  'assert x\nassert x, "message"\nassert (x, y)',
  'try:\n    pass\nfinally:\n    pass\nfor i in x:\n    try:\n        continue\n    except E: break',
  // Lambdas and with statements (tier 2).
  'f = lambda: 1\ng = lambda a, b=2: a + b\nh = lambda x: lambda y=x: (x, y)\nk = (lambda: 0)()\nm = [lambda: i for i in x]\nn = a if b else lambda: c',
  // Signatures: `*args`, `**kwargs`, keyword-only and positional-only parameters (co_varnames order).
  'def f(a, /, b=1, *args, c, d=2, **kw): pass\ndef g(*, a=1, b): pass\ndef i(a, *, b=1, c): pass\ndef h(a, b, /): pass\ndef k(x: int, *a: str, y: int = 2, **k: float) -> None: pass',
  'f = lambda *a, **k: (a, k)\ng = lambda a, b, *, c=1: 0\nm = lambda *, a: a\nn = lambda **k: k\no = lambda x, *a, y, z=2, **k: 0',
  'with a:\n    pass\nwith a as b, c() as d:\n    x = 1\nwith a as b, c: pass\ndef f():\n    with g() as h:\n        return h',
];

describe('parseModule agrees with CPython 3.12', () => {
  withPython('on every construct of the subset, places included', () => {
    expectSameAsCPython(python!, SUPPORTED);
  });

  withPython('on places in lines with characters outside the BMP', () => {
    expectSameAsCPython(python!, ["x = '😀😀'; y = z\nw = ('😀', a)[b]", "s = 'é' + f'{a}😀{b!r}'"]);
  });

  test('a program gives the same AST every time (no global state)', () => {
    const source = 'def f(a, b=1):\n    return a + b\nx = f(2)\n';
    expect(parseModule(source)).toEqual(parseModule(source));
  });
});

/** [source, construct, line, col]: outside the subset, valid Python (checked), refused at the place. */
const REFUSED: readonly [string, string, number, number][] = [
  // lezer's grammar has no `/` in a lambda's parameters.
  ['f = lambda x, /: x', "positional-only parameters ('/')", 1, 15],
  ['try:\n    pass\nexcept* E:\n    pass', 'except* (exception groups)', 3, 7],
  ['with (a as b):\n    pass', 'with statement with parenthesised items or a target that is not a name', 1, 1],
  ['with a as (b, c):\n    pass', 'with statement with parenthesised items or a target that is not a name', 1, 1],
  ['with a as b.c:\n    pass', 'with statement with parenthesised items or a target that is not a name', 1, 1],
  ['def f():\n    x = yield 1', 'yield expression', 2, 9],
  ['def f():\n    print((yield 1))', 'yield expression', 2, 12],
  ['def f():\n    x = yield', 'yield expression', 2, 9],
  ['def f():\n    yield', 'yield expression', 2, 5],
  ['async def f():\n    pass', 'async function definition', 1, 1],
  ['def f():\n    async for x in y:\n        pass', 'async for statement', 2, 5],
  ['a, *b = x', 'starred expression', 1, 4],
  ['[a, *b] = x', 'starred assignment target', 1, 5],
  ['for (a, *b) in x:\n    pass', 'starred assignment target', 1, 9],
  ['x = {**a}', 'dict unpacking (**)', 1, 6],
  ['if (n := 10) > 5:\n    pass', 'assignment expression (:=)', 1, 5],
  ['match x:\n    case 1:\n        pass', 'match statement', 1, 1],
  ['class A(metaclass=M): pass', 'class keyword argument (e.g. metaclass=)', 1, 9],
  ['from . import x', 'relative import', 1, 1],
  ['from m import *', "star import ('from ... import *')", 1, 15],
  ['def f():\n    await x', 'await expression', 2, 5],
  ["x = f'{a=}'", "self-documenting f-string field '='", 1, 9],
  ["x = f'{a:=^9}'", "f-string format spec starting with '='", 1, 5],
  ['x = 1.', "float literal ending in '.' (write 1.0)", 1, 5],
  ['x = 1.e5', "float literal ending in '.' (write 1.0)", 1, 5],
  ["x = '\\N{EM DASH}'", '\\N{...} escape (Unicode character names)', 1, 6],
  ["x = '\\ud800'", 'surrogate code point escape in a string literal', 1, 6],
  ['é = 1', 'non-ASCII identifier', 1, 1],
  ['if x:\n\x0c    pass', 'form feed in indentation', 2, 1],
];

/** Python 3.12+ only: refused so that every supported version reads the program alike. */
const REFUSED_312_ONLY: readonly [string, string, number, number][] = [
  ["x = f'{'a'}'", 'string literal reusing the enclosing f-string quote', 1, 8],
  ["x = f'{\"\\n\"}'", 'backslash inside an f-string expression', 1, 7],
];

describe('refusals: UnsupportedError naming the construct and its place', () => {
  test.each([...REFUSED, ...REFUSED_312_ONLY])('%j is refused as %s', (source, construct, line, col) => {
    let error: unknown;
    try {
      parseModule(source, 'prog.py');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsupportedError);
    expect(error).toMatchObject({ construct, place: { file: 'prog.py', line, col } });
  });

  withPython('every refused program is valid Python (not a syntax error in disguise)', () => {
    // `await` and `async for` outside `async def` are errors in CPython: the model refuses them first.
    const sources = REFUSED.filter(([s]) => !s.includes('\\ud800') && !s.includes('await') && !s.includes('async for')).map(([s]) => s);
    const rejected = cpythonRejects(python!, sources);
    expect(sources.filter((_, i) => rejected[i])).toEqual([]);
  });

  test('the first unsupported construct in source order is the one reported', () => {
    expect(() => parseModule('x = 1\ny = [i for i in x]\nz = f(*a)\nw = [*a]\nv = {**a}\nu = {**a}')).toThrow(/dict unpacking \(\*\*\) at <string>:5:6/);
    expect(() => parseModule('f = lambda **k: [*a, {**a}]')).toThrow(/dict unpacking \(\*\*\) at <string>:1:23/);
  });
});

/** [source, line, col, message]: not Python at all; MalformedSourceError at the place. */
const MALFORMED: readonly [string, number, number, string][] = [
  ['x = (1', 1, 7, 'invalid syntax'],
  ['x = = 1', 1, 5, 'invalid syntax'],
  ['if x\n    pass', 1, 5, 'invalid syntax'],
  ['print x', 1, 1, "Missing parentheses in call to 'print'"],
  ['1 = x', 1, 1, 'cannot assign to literal'],
  ['None = 1', 1, 1, 'cannot assign to None'],
  ['f() = 1', 1, 1, 'cannot assign to function call'],
  ['a + b = 1', 1, 1, 'cannot assign to expression'],
  ['a < b = 1', 1, 1, 'cannot assign to comparison'],
  ['x, 1 = y', 1, 4, 'cannot assign to literal'],
  ['for 1 in x: pass', 1, 5, 'cannot assign to literal'],
  ['del f()', 1, 5, 'cannot delete function call'],
  ['a, b += 1', 1, 1, "'tuple' is an illegal expression for augmented assignment"],
  ['f() += 1', 1, 1, "'function call' is an illegal expression for augmented assignment"],
  ['__debug__ = 1', 1, 1, 'cannot assign to __debug__'],
  ['f(a=1, a=2)', 1, 8, 'keyword argument repeated: a'],
  ['f(a=1, 2)', 1, 8, 'positional argument follows keyword argument'],
  ['f(**d, a)', 1, 8, 'positional argument follows keyword argument unpacking'],
  ['f(**d, *a)', 1, 8, 'iterable argument unpacking follows keyword argument unpacking'],
  ['def f(a=1, b): pass', 1, 12, 'parameter without a default follows parameter with a default'],
  ['def f(a, a): pass', 1, 10, "duplicate argument 'a' in function definition"],
  ['def f(a, *a): pass', 1, 11, "duplicate argument 'a' in function definition"],
  ['f = lambda a, **a: 0', 1, 17, "duplicate argument 'a' in function definition"],
  ['def f(x, *, y, y): pass', 1, 16, "duplicate argument 'y' in function definition"],
  ['def g():\n    def f(a, b=lambda c, c: 0): pass', 2, 26, "duplicate argument 'c' in function definition"],
  ['def f(*): pass', 1, 7, 'named arguments must follow bare *'],
  ['def f(/, a): pass', 1, 7, 'at least one argument must precede /'],
  ['def f(*, a, /): pass', 1, 13, '/ must be ahead of *'],
  ['def f(*a, *b): pass', 1, 11, '* argument may appear only once'],
  ['def f(**k, a): pass', 1, 12, 'arguments cannot follow var-keyword argument'],
  ['def f(a, *args, **kw, b): pass', 1, 23, 'arguments cannot follow var-keyword argument'],
  ['x = a < not b', 1, 9, 'invalid syntax'],
  ['if a <> b: pass', 1, 6, 'invalid syntax'],
  ['if a:\n    pass\nelif:\n    pass', 3, 5, 'invalid syntax'],
  ['x.if = 1', 1, 3, 'invalid syntax'],
  ['import (a)', 1, 8, 'invalid syntax'],
  ['from m import a.b', 1, 16, 'invalid syntax'],
  ['return 1', 1, 1, "'return' outside function"],
  ['class A:\n    return 1', 2, 5, "'return' outside function"],
  ['break', 1, 1, "'break' outside loop"],
  ['for x in y:\n    def f():\n        break', 3, 9, "'break' outside loop"],
  ['while x:\n    pass\nelse:\n    continue', 4, 5, "'continue' not properly in loop"],
  ['def f():\n    print(x)\n    global x', 3, 5, "name 'x' is used prior to global declaration"],
  ['def f():\n    x = 1\n    global x', 3, 5, "name 'x' is assigned to before global declaration"],
  ['def f(x):\n    global x', 2, 5, "name 'x' is parameter and global"],
  ['nonlocal x', 1, 1, 'nonlocal declaration not allowed at module level'],
  ['def f():\n    nonlocal x', 2, 5, "no binding for nonlocal 'x' found"],
  ['def f():\n    global x\n    def g():\n        nonlocal x', 4, 9, "no binding for nonlocal 'x' found"],
  ['def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x', 4, 9, "name 'x' is nonlocal and global"],
  ['return 1\ndef f():\n    x = 1\n    global x', 4, 5, "name 'x' is assigned to before global declaration"],
  ['  x = 1', 1, 3, 'unexpected indent'],
  ['if x:\n        a\n    b', 3, 5, 'unindent does not match any outer indentation level'],
  ['if x:\n\ta\n        b', 3, 9, 'inconsistent use of tabs and spaces in indentation'],
  ["x = 'abc\ny = 1", 1, 5, 'unterminated string literal'],
  ["x = b'a' 'b'", 1, 10, 'cannot mix bytes and nonbytes literals'],
  ["x = b'\u00e9'", 1, 7, 'bytes can only contain ASCII literal characters'],
  ["x = f'a}b'", 1, 8, "f-string: single '}' is not allowed"],
  ["x = '\\x4'", 1, 6, 'truncated \\xXX escape'],
  ["x = b'\\x4'", 1, 7, 'invalid \\x escape'],
  ["x = '\\U00110000'", 1, 6, 'illegal Unicode character'],
  ['x = 0777', 1, 5, 'leading zeros in decimal integer literals are not permitted'],
  ['x = 1__0', 1, 5, 'invalid decimal literal'],
  ['x = 1_', 1, 5, 'invalid decimal literal'],
  ['x = 0x_', 1, 5, 'invalid hexadecimal literal'],
  ['x = 1.real', 1, 5, 'invalid decimal literal'],
  ['x = 1\0', 1, 6, 'source code cannot contain null bytes'],
];

describe('malformed source: MalformedSourceError at the place', () => {
  test.each(MALFORMED)('%j at %i:%i', (source, line, col, message) => {
    let error: unknown;
    try {
      parseModule(source, 'bad.py');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MalformedSourceError);
    expect((error as MalformedSourceError).place).toEqual({ file: 'bad.py', line, col });
    expect((error as Error).message).toContain(message);
  });

  withPython('CPython rejects every one of them too', () => {
    const sources = MALFORMED.map(([s]) => s);
    const rejected = cpythonRejects(python!, sources);
    expect(sources.filter((_, i) => !rejected[i])).toEqual([]);
  });
});

describe('speed (a measurement, not a timed assertion)', () => {
  test('parsing a ~300-byte program', () => {
    const source =
      'a = 256\nb = 256\nprint(a is b)\nc = 257\nd = 257\nprint(c is d, id(c) == id(d))\n' +
      "s = 'hello'\nt = 'hel' + 'lo'\nprint(s is t)\ndef f(x, y=1000):\n    z = x + y\n    return z\n" +
      "class K:\n    v = (1, 2)\nk = K()\nprint(k.v is K.v, f(1) is f(1))\nl = [1, 2][0:1]\nprint(f'{a!r:>5}')\n";
    const rounds = 2000;
    for (let i = 0; i < 200; i++) parseModule(source);
    const start = performance.now();
    for (let i = 0; i < rounds; i++) parseModule(source);
    const perParse = (performance.now() - start) / rounds;
    console.info(`parseModule: ${source.length} bytes in ${(perParse * 1000).toFixed(0)} µs (lezer included)`);
    expect(parseModule(source).body).toHaveLength(15);
  });
});
