/**
 * Calls with keyword arguments and defaults, to a function and a method: which object each
 * parameter is bound to (`is` the argument or the default), the references the call's frame
 * holds on its arguments while it runs, and that they are all given back.
 */
import fc from 'fast-check';
import type { Expr, Keyword, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { callKw, defWith, keyword, param, refcount } from './builders-core';
import { defineConstruct } from './types';

const PARAMS = ['a', 'b', 'c'] as const;
const POOL = ['p0', 'p1', 'p2'] as const;

interface Call {
  readonly method: boolean;
  /** How many leading parameters are passed by position (at least `a` is always given). */
  readonly positional: number;
  /** Which of the remaining parameters are passed by keyword, in the order written. */
  readonly keywords: readonly number[];
  /** The pool object passed for each parameter. */
  readonly values: readonly number[];
  /** Which parameter the call returns. */
  readonly returns: number;
}

const call: fc.Arbitrary<Call> = fc
  .record({
    method: fc.boolean(),
    positional: fc.integer({ min: 0, max: 3 }),
    keywords: fc.shuffledSubarray([0, 1, 2]),
    values: fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2)),
    returns: fc.nat(2),
  })
  // `a` has no default: a call without it would raise a TypeError whose wording changed across versions.
  .map((c) => {
    const keywords = c.keywords.filter((k) => k >= c.positional);
    return { ...c, keywords: c.positional === 0 && !keywords.includes(0) ? [0, ...keywords] : keywords };
  });

const arbitrary = fc.array(call, { minLength: 1, maxLength: 4 });

const pool = (i: number) => py.name(POOL[i] ?? 'p0');

/** Parameters a, b=D, c=None; prints what each is bound to and a's refcount inside the call. */
function body(): Stmt[] {
  return [
    py.print(py.str('in'), refcount(py.name('a')), py.is(py.name('b'), py.name('D')), py.is(py.name('c'), py.none)),
    py.ret(py.subscript(py.tuple(py.name('a'), py.name('b'), py.name('c')), py.name('which'))),
  ];
}

const params = [param('a'), param('b', py.name('D')), param('c', py.none), param('which', py.int(0))];

function statement(c: Call, i: number): Stmt[] {
  const positional: Expr[] = c.values.slice(0, c.positional).map(pool);
  const keywords: Keyword[] = c.keywords.map((k) => keyword(PARAMS[k] ?? 'a', pool(c.values[k] ?? 0)));
  keywords.push(keyword('which', py.int(c.returns)));
  const target = c.method ? py.attr(py.name('o'), 'm') : py.name('f');
  const passed = (k: number) => k < c.positional || c.keywords.includes(k);
  const expected = passed(c.returns) ? pool(c.values[c.returns] ?? 0) : c.returns === 1 ? py.name('D') : py.none;
  return [
    py.assign(`r${i}`, callKw(target, positional, keywords)),
    py.print(py.is(py.name(`r${i}`), expected), ...POOL.map((_, k) => refcount(pool(k))), refcount(py.name('D'))),
  ];
}

export const construct = defineConstruct({
  construct: 'keyword-arguments',
  description: 'calls with keyword arguments and defaults to a function and a method: what each parameter is bound to, the references the call holds and gives back',
  arbitrary,
  program: (calls: readonly Call[]) =>
    py.module(
      py.importModules('sys'),
      py.assign('D', py.list(py.int(0))),
      defWith('f', params, body()),
      // The method also shows the references on self: a bound method's, or the stack's (LOAD_METHOD).
      py.classDef('Box', [defWith('m', [param('self'), ...params], [py.print(py.str('self'), refcount(py.name('self'))), ...body()])]),
      py.assign('p0', py.list(py.int(1))),
      py.assign('p1', py.call('Box')),
      py.assign('p2', py.int(100_001)),
      py.assign('o', py.call('Box')),
      py.print(...POOL.map((_, k) => refcount(pool(k))), refcount(py.name('D'))),
      calls.flatMap(statement),
    ),
});
