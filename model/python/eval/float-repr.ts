/**
 * `repr(float)` / `str(float)`: `Objects/floatobject.c` `float_repr` ->
 * `PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL)` (`Python/pystrtod.c`
 * `format_float_short`): the shortest digits that round-trip, in fixed notation when the
 * decimal point position `decpt` satisfies -4 < decpt <= 16, else in exponent notation
 * with at least two exponent digits (`1e+16`, `1e-05`).
 */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-tripping digits.
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential());
  if (!m) throw new Error(`model bug: cannot read digits of ${x}`);
  const digits = (m[1] ?? '') + (m[2] ?? '');
  const decpt = Number(m[3]) + 1;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const exp = decpt - 1;
  const mantissa = digits.length > 1 ? `${digits[0] ?? ''}.${digits.slice(1)}` : digits;
  const expText = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return `${sign}${mantissa}e${expText}`;
}
