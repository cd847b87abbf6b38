/**
 * caches.bytes: bytes of length 0 computed at run time are the shared object; of length 1 they are
 * shared except when built from a tuple (`_PyBytes_FromTuple` allocates before filling); longer
 * equal bytes built at run time are distinct.
 */
import fc from 'fast-check';
import type { Expr } from '../../model/python/ast';
import { NO_POS } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

const intOf = (n: number) => py.call('int', py.str(String(n)));

type Route = 'list' | 'slice' | 'tuple';
const ROUTES: readonly Route[] = ['list', 'slice', 'tuple'];
const routeName = (which: number): Route => ROUTES[which % ROUTES.length] as Route;

function route(which: number, values: readonly number[]): Expr {
  const direct = py.call('bytes', py.list(...values.map(intOf)));
  const padded = py.call('bytes', py.list(intOf(1), ...values.map(intOf), intOf(2)));
  switch (routeName(which)) {
    case 'list':
      return direct;
    case 'slice':
      return py.subscript(padded, { kind: 'Slice', lower: py.int(1), upper: py.int(1 + values.length), step: null, pos: NO_POS });
    case 'tuple':
      return py.call('bytes', py.call('tuple', py.list(...values.map(intOf))));
  }
}

const oneCheck = fc.record({ values: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }), left: fc.nat(10), right: fc.nat(10) });

export const property = defineProperty({
  id: 'caches.bytes',
  arbitrary: fc.array(oneCheck, { minLength: 1, maxLength: 6 }),
  program: (checks) =>
    py.module(
      checks.flatMap(({ values, left, right }, i) => [
        py.assign(`a${i}`, route(left, values)),
        py.assign(`b${i}`, route(right + 1, values)),
        py.print(py.call('len', py.name(`a${i}`)), py.is(py.name(`a${i}`), py.name(`b${i}`))),
      ]),
    ),
  check(checks, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const shared = ({ values, left, right }: (typeof checks)[number]) =>
      values.length === 0 || (values.length === 1 && routeName(left) !== 'tuple' && routeName(right + 1) !== 'tuple');
    const expected = checks.map((c) => `${c.values.length} ${shared(c) ? 'True' : 'False'}\n`).join('');
    return outcome.stdout === expected ? null : `empty bytes and (not from a tuple) one-byte bytes must be shared, longer ones not; expected\n${expected}got\n${outcome.stdout}`;
  },
});
