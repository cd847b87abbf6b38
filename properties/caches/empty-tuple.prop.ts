/**
 * caches.empty-tuple: every run-time route to an empty tuple yields the one empty tuple;
 * equal non-empty tuples built at run time are distinct objects.
 */
import fc from 'fast-check';
import type { Expr } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

const size = (n: number) => py.call('int', py.str(String(n)));

function emptyRoute(route: number, n: number): Expr {
  const routes: Expr[] = [
    py.tuple(),
    py.call('tuple'),
    py.call('tuple', py.list()),
    py.call('tuple', py.call('range', py.int(0))),
    py.call('tuple', py.call('range', size(n), size(n))),
    py.subscript(py.tuple(py.int(1), py.int(2)), { kind: 'Slice', lower: size(n + 2), upper: null, step: null, pos: { line: 0, col: 0 } }),
    py.bin(py.tuple(), '*', size(n)),
    py.bin(py.call('tuple', py.list(py.int(7))), '*', py.int(0)),
  ];
  return routes[route % routes.length] as Expr;
}

const emptyCheck = fc.record({ kind: fc.constant('empty' as const), route: fc.nat(20), n: fc.nat(50) });
const filledCheck = fc.record({ kind: fc.constant('filled' as const), items: fc.array(fc.integer({ min: -10, max: 300 }), { minLength: 1, maxLength: 4 }) });

export const property = defineProperty({
  id: 'caches.empty-tuple',
  arbitrary: fc.array(fc.oneof(emptyCheck, filledCheck), { minLength: 1, maxLength: 6 }),
  program: (checks) =>
    py.module(
      checks.flatMap((check, i) => {
        if (check.kind === 'empty') {
          return [py.assign(`e${i}`, emptyRoute(check.route, check.n)), py.print(py.str('empty'), py.is(py.name(`e${i}`), py.call('tuple')))];
        }
        const build = () => py.call('tuple', py.list(...check.items.map((v) => py.call('int', py.str(String(v))))));
        return [py.assign(`a${i}`, build()), py.assign(`b${i}`, build()), py.print(py.str('filled'), py.is(py.name(`a${i}`), py.name(`b${i}`)))];
      }),
    ),
  check(checks, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const expected = checks.map((c) => (c.kind === 'empty' ? 'empty True\n' : 'filled False\n')).join('');
    return outcome.stdout === expected ? null : `empty tuples must be the one empty tuple, filled ones distinct; expected\n${expected}got\n${outcome.stdout}`;
  },
});
