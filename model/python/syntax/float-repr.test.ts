import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { floatRepr } from './repr';

const PYTHON = '/root/.pyenv/versions/3.12.1/bin/python';
const SAMPLES = [0.1, 1.5, 1e16, 1e15, 123456789012345680, 1e-5, 0.0001, 1e-4 * 3, 2.5e-7, 1 / 3, -0.0, 0, 1e300, 5e-324, 1.7976931348623157e308, 100, -42.25, Infinity, -Infinity, NaN, 2 ** 53 + 2, 0.1 + 0.2];

describe('floatRepr (Python/pystrtod.c format_float_short), shared by the printer and the evaluator', () => {
  it.skipIf(!existsSync(PYTHON))('prints what CPython prints', () => {
    const literals = SAMPLES.map((x) => (Number.isNaN(x) ? "float('nan')" : x === Infinity ? "float('inf')" : x === -Infinity ? "float('-inf')" : Object.is(x, -0) ? '-0.0' : x.toExponential()));
    const out = execFileSync(PYTHON, ['-c', `for x in [${literals.join(', ')}]: print(repr(float(x)))`], { encoding: 'utf8' });
    expect(SAMPLES.map(floatRepr)).toEqual(out.trim().split('\n'));
  });

  it('uses exponent notation from 1e16 and below 1e-4', () => {
    expect(floatRepr(1e16)).toBe('1e+16');
    expect(floatRepr(1e-5)).toBe('1e-05');
    expect(floatRepr(1e15)).toBe('1000000000000000.0');
  });
});
