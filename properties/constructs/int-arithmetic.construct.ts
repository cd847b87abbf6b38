/**
 * Int `+`, `-`, `%`, `//`, `>>`, `<<` and `divmod` with operands near digit boundaries (30-bit digits) and
 * large ones, and `round` of floats: whether a small result is the cached small int or a new
 * object (`Objects/longobject.c` `x_sub`, `long_divrem`/`long_rem`: facts `intResults`),
 * whether a remainder is the dividend itself (`long_long(a)` when |a| < |b| by digits), and
 * a negative multi-digit int shifted by 0 (itself from 3.11, `long_rshift1`), `round`'s int from `PyLong_FromDouble` (fact `longFromDoubleCachesSmall`) or its new float.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, bin, call, float, int, is, module, name, print, subscript } from '../gen/py';
import { defineConstruct } from './types';

type IntOp = '+' | '-' | '%' | '//' | '>>' | '<<' | 'divmod';

interface IntCase {
  readonly a: bigint;
  readonly b: bigint;
  readonly op: IntOp;
}

interface Case {
  readonly ints: readonly IntCase[];
  readonly rounds: readonly { readonly x: number; readonly ndigits: number | null }[];
}

const DIGIT = 2n ** 30n;
/** Values around one and two digits and a few large ones, each possibly negated or nudged. */
const operand: fc.Arbitrary<bigint> = fc
  .tuple(fc.constantFrom(0n, 1n, 7n, 255n, DIGIT - 1n, DIGIT, DIGIT + 1n, 2n * DIGIT, DIGIT * DIGIT, 10n ** 20n, 10n ** 30n), fc.integer({ min: -6, max: 6 }), fc.boolean())
  .map(([base, nudge, negative]) => (negative ? -1n : 1n) * (base + BigInt(nudge)));

const pythonMod = (a: bigint, b: bigint): bigint => {
  const t = a % b;
  return t !== 0n && t < 0n !== b < 0n ? t + b : t;
};
const pythonFloorDiv = (a: bigint, b: bigint): bigint => (a - pythonMod(a, b)) / b;

function isSmall(v: bigint): boolean {
  return v >= -5n && v <= 256n;
}

/** The result's value, or null for a division by zero (not generated). */
function resultValues(c: IntCase): bigint[] | null {
  if ((c.op === '%' || c.op === '//' || c.op === 'divmod') && c.b === 0n) return null;
  switch (c.op) {
    case '+':
      return [c.a + c.b];
    case '-':
      return [c.a - c.b];
    case '%':
      return [pythonMod(c.a, c.b)];
    case '//':
      return [pythonFloorDiv(c.a, c.b)];
    case '>>':
      return [c.a >> c.b];
    case '<<':
      return [c.a << c.b];
    case 'divmod':
      return [pythonFloorDiv(c.a, c.b), pythonMod(c.a, c.b)];
  }
}

/** `r is a`, and `r is s` with `s` bound to the same small int (a name: an `is` with a literal warns). */
function identityChecks(body: Stmt[], result: string, operandName: string, value: bigint, tag: string): Expr[] {
  const checks: Expr[] = [is(name(result), name(operandName))];
  if (isSmall(value)) {
    body.push(assign(`s${tag}`, int(value)));
    checks.push(is(name(result), name(`s${tag}`)));
  }
  return checks;
}

export const construct = defineConstruct<Case>({
  construct: 'int-arithmetic',
  description: 'int + - % // >> << divmod near digit boundaries and round of floats: cached small results, the dividend itself, new objects, per version',
  arbitrary: fc.record({
    ints: fc.array(
      fc
        .record({ a: operand, b: operand, op: fc.constantFrom<IntOp>('+', '-', '%', '//', '>>', '<<', 'divmod'), shift: fc.constantFrom(0n, 1n, 5n, 30n, 31n, 100n) })
        .map(({ a, b, op, shift }): IntCase => ({ a, b: op === '>>' || op === '<<' ? shift : b, op }))
        .filter((c) => resultValues(c) !== null),
      { minLength: 1, maxLength: 6 },
    ),
    rounds: fc.array(
      fc.record({
        x: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0.5, 1.5, 2.5, -2.5, 2.675, 0.125, 1e16, 1e300, 5e-324)),
        ndigits: fc.option(fc.integer({ min: -4, max: 12 }), { nil: null }),
      }),
      { maxLength: 4 },
    ),
  }),
  program({ ints, rounds }) {
    const body: Stmt[] = [];
    ints.forEach((c, i) => {
      body.push(assign(`a${i}`, int(c.a)), assign(`b${i}`, int(c.b)));
      const values = resultValues(c)!;
      if (c.op === 'divmod') {
        body.push(assign(`t${i}`, call('divmod', name(`a${i}`), name(`b${i}`))));
        body.push(assign(`q${i}`, subscript(name(`t${i}`), int(0))));
        body.push(assign(`r${i}`, subscript(name(`t${i}`), int(1))));
        const checks = [...identityChecks(body, `q${i}`, `a${i}`, values[0]!, `q${i}`), ...identityChecks(body, `r${i}`, `a${i}`, values[1]!, `r${i}`)];
        body.push(print(name(`t${i}`), ...checks));
      } else {
        body.push(assign(`r${i}`, bin(name(`a${i}`), c.op, name(`b${i}`))));
        body.push(print(name(`r${i}`), ...identityChecks(body, `r${i}`, `a${i}`, values[0]!, `${i}`)));
      }
    });
    rounds.forEach(({ x, ndigits }, i) => {
      body.push(assign(`x${i}`, float(x)));
      const rounded = ndigits === null ? call('round', name(`x${i}`)) : call('round', name(`x${i}`), int(ndigits));
      body.push(assign(`y${i}`, rounded));
      const checks: Expr[] = [is(name(`y${i}`), name(`x${i}`))];
      if (ndigits === null && Math.abs(x) < 300) {
        const nearest = Math.round(x);
        for (const v of [nearest - 1, nearest, nearest + 1]) {
          if (isSmall(BigInt(v))) {
            body.push(assign(`z${i}_${v < 0 ? `m${-v}` : v}`, int(v)));
            checks.push(is(name(`y${i}`), name(`z${i}_${v < 0 ? `m${-v}` : v}`)));
          }
        }
      }
      body.push(print(call('repr', name(`y${i}`)), ...checks));
    });
    return module(body);
  },
});
