/**
 * constants.unit-sharing: an equal constant written twice in one compilation unit (module body
 * and function bodies alike) loads one object; written in a separate exec() unit, another object.
 * Constants are drawn from values no cache or intern table shares: ints outside -5..256, floats,
 * strings with a non-identifier character and at least two characters, bytes of length two or more.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { printExpr } from '../../model/python/print';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

const bigInt = fc.oneof(fc.bigInt({ min: 257n, max: 100000n }), fc.bigInt({ min: -100000n, max: -6n }), fc.bigInt({ min: 2n ** 64n, max: 2n ** 100n }));
const constant: fc.Arbitrary<Expr> = fc.oneof(
  bigInt.map((v) => py.int(v)),
  fc.double({ min: 0.001, max: 1e12, noNaN: true }).map((v) => py.float(v)),
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '-', '!', '.', 'é'), fc.string({ maxLength: 6 }))
    .map(([a, sep, b]) => py.str(`${a}${sep}${b}`)),
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 2, maxLength: 6 }).map((v) => py.bytes(v)),
);

type Placement = 'module' | 'function' | 'exec';
const placement = fc.constantFrom<Placement>('module', 'function', 'exec');
const check1 = fc.record({ value: constant, first: placement, second: placement });

function load(i: number, side: string, where: Placement, value: Expr): Stmt[] {
  const target = `${side}${i}`;
  switch (where) {
    case 'module':
      return [py.assign(target, value)];
    case 'function':
      return [py.def(`get_${target}`, [], [py.ret(value)]), py.assign(target, py.call(`get_${target}`))];
    case 'exec':
      return [
        py.assign(`unit_${target}`, py.dict([])),
        py.expr(py.call('exec', py.str(`value = ${printExpr(value)}`), py.name(`unit_${target}`))),
        py.assign(target, py.subscript(py.name(`unit_${target}`), py.str('value'))),
      ];
  }
}

export const property = defineProperty({
  id: 'constants.unit-sharing',
  arbitrary: fc.array(check1, { minLength: 1, maxLength: 5 }),
  program: (checks) =>
    py.module(
      checks.flatMap(({ value, first, second }, i) => [
        ...load(i, 'a', first, value),
        ...load(i, 'b', second, value),
        py.print(py.is(py.name(`a${i}`), py.name(`b${i}`))),
      ]),
    ),
  check(checks, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const expected = checks.map(({ first, second }) => (first !== 'exec' && second !== 'exec' ? 'True\n' : 'False\n')).join('');
    return outcome.stdout === expected ? null : `constants must be shared within the file and not with exec() units; expected\n${expected}got\n${outcome.stdout}`;
  },
});
