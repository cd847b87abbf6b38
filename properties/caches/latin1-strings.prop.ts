/**
 * caches.latin1-strings: a one-character string computed at run time is the shared object exactly
 * when its code point is at most U+00FF; every empty string is the one empty string.
 */
import fc from 'fast-check';
import type { Expr } from '../../model/python/ast';
import { NO_POS } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

const intOf = (n: number) => py.call('int', py.str(String(n)));
const slice = (value: Expr, lower: Expr | null, upper: Expr | null): Expr => py.subscript(value, { kind: 'Slice', lower, upper, step: null, pos: NO_POS });

/** Independent run-time routes to the one-character string chr(code). */
function charRoute(route: number, code: number): Expr {
  const routes: Expr[] = [
    py.call('chr', intOf(code)),
    py.subscript(py.bin(py.call('chr', intOf(code)), '*', intOf(3)), intOf(1)),
    slice(py.bin(py.call('chr', intOf(code)), '*', intOf(2)), intOf(1), null),
    py.subscript(py.list(py.call('chr', intOf(code))), py.int(0)),
  ];
  return routes[route % routes.length] as Expr;
}

function emptyRoute(route: number, n: number): Expr {
  const routes: Expr[] = [
    py.call('str'),
    py.call(py.attr(py.str(''), 'join'), py.list()),
    slice(py.call('str', intOf(n)), intOf(40), null),
    py.bin(py.call('chr', intOf(65)), '*', py.int(0)),
  ];
  return routes[route % routes.length] as Expr;
}

const code = fc.oneof(fc.integer({ min: 250, max: 262 }), fc.integer({ min: 0, max: 0x2ff }), fc.integer({ min: 0x100, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff));
const charCheck = fc.record({ kind: fc.constant('char' as const), code, left: fc.nat(10), right: fc.nat(10) });
const emptyCheck = fc.record({ kind: fc.constant('empty' as const), route: fc.nat(10), n: fc.nat(1000) });

export const property = defineProperty({
  id: 'caches.latin1-strings',
  arbitrary: fc.array(fc.oneof(charCheck, emptyCheck), { minLength: 1, maxLength: 6 }),
  program: (checks) =>
    py.module(
      checks.flatMap((check, i) =>
        check.kind === 'char'
          ? [
              py.assign(`a${i}`, charRoute(check.left, check.code)),
              py.assign(`b${i}`, charRoute(check.right + 1, check.code)),
              py.print(py.call('ord', py.name(`a${i}`)), py.is(py.name(`a${i}`), py.name(`b${i}`))),
            ]
          : [py.assign(`e${i}`, emptyRoute(check.route, check.n)), py.print(py.str('empty'), py.is(py.name(`e${i}`), py.call('str')))],
      ),
    ),
  check(checks, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const expected = checks.map((c) => (c.kind === 'char' ? `${c.code} ${c.code <= 0xff ? 'True' : 'False'}\n` : 'empty True\n')).join('');
    return outcome.stdout === expected ? null : `one-character strings must be shared exactly up to U+00FF; expected\n${expected}got\n${outcome.stdout}`;
  },
});
