/**
 * Literal decoding against CPython's own reading: every literal below is parsed by the model
 * and by CPython 3.12 (`ast`), and the values compared (floats by their bits). Nothing typed by hand.
 */
import { describe, test } from 'vitest';
import { nativePython } from '../testing/cpython-ast';
import { expectSameAsCPython } from '../testing/expect-cpython';

const python = nativePython('3.12');
const withPython = python ? test : test.skip;
if (!python) console.warn('literals.test.ts: no native CPython 3.12; skipped every comparison (they need it)');

const INTS = ['0', '00', '0_0', '7', '1_000_000', '0x1F', '0X_ff', '0o17', '0O_7', '0b1010', '0B_1_0', '123456789012345678901234567890', '0xFFFFFFFFFFFFFFFFFFFFFFFF', '256', '257'];
const FLOATS = ['1.5', '.5', '1e10', '1E-5', '1.5e+300', '1e309', '1_0.2_5', '1_0e1_0', '0.1', '5e-324', '2.5e-324', '1e-400', '09.5', '00.0', '1.7976931348623157e308', '123456789012345678901234567890.0'];
const COMPLEX = ['1j', '1J', '0j', '1.5j', '1e3j', '010j', '1_0j', '.5j', '1e309j'];
const STRINGS = [
  "'abc'", '"abc"', "''", "'''a\nb'''", '"""x"y"""', "'it\\'s'", '"\\""',
  "'\\n\\t\\r\\a\\b\\f\\v\\\\\\'\\\"'", "'\\x41\\x7f\\xff'", "'\\u00e9\\u20ac'", "'\\U0001F600\\U00000041'",
  "'\\0\\7\\77\\101\\377\\400\\777'", "'\\q\\d\\8'", "'a\\\nb'", "r'\\n\\x41\\''", 'R"\\\\"', "r'''\\\n'''", "u'x'", "U'\\u00e9'",
  "'é😀€'", "'a' 'b'", "'a' \"b\" '''c'''", "('a'\n 'b')", "'x' r'\\n'",
];
const BYTES = ["b'abc'", "B'\\x00\\xff'", "b'\\n\\t\\\\'", "b'\\0\\377\\400\\777'", "b'\\u00e9\\N{X}\\q'", "rb'\\x41'", "Br'\\n'", "bR'''\n'''", "b'a' b'b'", "b''"];
const FSTRINGS = [
  "f'abc'", "f''", "f'{x}'", "f'{x!r}'", "f'{x!s}{y!a}'", "f'{x:>10}'", "f'{x:{w}.{p}}'", "f'{x!r:^{w}}'", "f'{{}}{{x}}'", "f'a{{b}}c{d}e'",
  "f'\\n{x}\\t'", "fr'\\n{x}'", "rf'{x}\\d'", "F'{x}' 'y' f'{z}'", "'a' f'{b}' 'c'", "f'{x}' ''", "f'{a, b}'", "f'{a + b * c}'", "f'{ {1: 2} }'",
  "f'''{x}\n'''", "f'{x:}'", "f'{x!r:}'", "f'{x:#x}'", "f'{x:0{w}d}'", "f'{\"a\"}'", "f\"{'a'}\"", "f'''{'a'}'''", "f'{x}' f'{y}'",
];

describe('literals read as CPython 3.12 reads them', () => {
  test.each([
    ['int', INTS],
    ['float', FLOATS],
    ['complex', COMPLEX],
    ['str', STRINGS],
    ['bytes', BYTES],
    ['f-string', FSTRINGS],
  ] as const)('%s literals', (_kind, literals) => {
    if (!python) return;
    expectSameAsCPython(python, literals.map((l) => `x = ${l}`));
  });

  withPython('negative numbers stay unary minus on a constant, as in CPython before folding', () => {
    expectSameAsCPython(python!, ['x = -5', 'x = -0.0', 'x = -1j', 'x = --5', 'x = -(5)']);
  });
});
