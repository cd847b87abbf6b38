/**
 * int-cache.bounds: pairs of equal ints computed independently at run time are identical exactly
 * when -5 <= n <= 256. Values are drawn at and around both edges and far from them; each side is
 * computed by one of several run-time routes, so no compile-time constant is shared.
 */
import fc from 'fast-check';
import type { Expr } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

const SMALLEST_CACHED = -5n;
const LARGEST_CACHED = 256n;

const nearEdges = fc.oneof(
  fc.bigInt({ min: SMALLEST_CACHED - 3n, max: SMALLEST_CACHED + 3n }),
  fc.bigInt({ min: LARGEST_CACHED - 3n, max: LARGEST_CACHED + 3n }),
);
const value = fc.oneof(
  { arbitrary: nearEdges, weight: 3 },
  { arbitrary: fc.bigInt({ min: -300n, max: 600n }), weight: 2 },
  { arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), weight: 1 },
);

/** Ways to compute n at run time. `shift` keeps intermediate values apart from n. */
type Route = { kind: 'int-of-str' } | { kind: 'sum'; shift: bigint } | { kind: 'negated' } | { kind: 'product'; factor: bigint } | { kind: 'len' };

const route: fc.Arbitrary<Route> = fc.oneof(
  fc.constant<Route>({ kind: 'int-of-str' }),
  fc.bigInt({ min: -1000n, max: 1000n }).map<Route>((shift) => ({ kind: 'sum', shift })),
  fc.constant<Route>({ kind: 'negated' }),
  fc.constantFrom(1n, 2n, 3n, 7n).map<Route>((factor) => ({ kind: 'product', factor })),
  fc.constant<Route>({ kind: 'len' }),
);

function computed(n: bigint, how: Route): Expr {
  const intOf = (v: bigint) => py.call('int', py.str(v.toString()));
  switch (how.kind) {
    case 'int-of-str':
      return intOf(n);
    case 'sum':
      return py.bin(intOf(n - how.shift), '+', intOf(how.shift));
    case 'negated':
      return py.bin(py.int(0), '-', intOf(-n));
    case 'product':
      // n = q * factor + r, with q and r computed at run time
      return n % how.factor === 0n ? py.bin(intOf(n / how.factor), '*', intOf(how.factor)) : intOf(n);
    case 'len':
      return n >= 0n && n <= 5000n ? py.call('len', py.bin(py.str('x'), '*', intOf(n))) : intOf(n);
  }
}

const pair = fc.record({ n: value, left: route, right: route });

export const property = defineProperty({
  id: 'int-cache.bounds',
  arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }),
  program: (pairs) =>
    py.module(
      pairs.flatMap(({ n, left, right }, i) => [
        py.assign(`a${i}`, computed(n, left)),
        py.assign(`b${i}`, computed(n, right)),
        py.print(py.is(py.name(`a${i}`), py.name(`b${i}`)), py.compare(py.name(`a${i}`), '==', py.name(`b${i}`))),
      ]),
    ),
  check(pairs, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const expected = pairs.map(({ n }) => `${n >= SMALLEST_CACHED && n <= LARGEST_CACHED ? 'True' : 'False'} True`).join('\n') + '\n';
    return outcome.stdout === expected ? null : `expected identity exactly for -5..256:\n${expected}got:\n${outcome.stdout}`;
  },
});
