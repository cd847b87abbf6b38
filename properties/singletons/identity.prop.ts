/**
 * singletons.identity: every route to None, True, False, Ellipsis or NotImplemented yields THE object.
 * Routes mix literals, run-time computations, calls of the type, copy.copy and copy.deepcopy,
 * containers and function returns, so that no route can share a compile-time constant by accident.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

type Singleton = 'None' | 'True' | 'False' | 'Ellipsis' | 'NotImplemented';

const canonical: Record<Singleton, Expr> = {
  None: py.none,
  True: py.bool(true),
  False: py.bool(false),
  Ellipsis: py.ellipsis,
  NotImplemented: py.name('NotImplemented'),
};

/** Run-time ways to produce each singleton from an int n the program computes with int(). */
function routes(which: Singleton, n: Expr): Expr[] {
  const common = [
    canonical[which],
    py.call('copy.copy', canonical[which]),
    py.call('copy.deepcopy', canonical[which]),
    py.subscript(py.list(canonical[which]), py.int(0)),
    py.subscript(py.tuple(py.int(1), canonical[which]), py.int(-1)),
    py.subscript(py.dict([[py.str('k'), canonical[which]]]), py.str('k')),
    py.call('ident', canonical[which]),
  ];
  switch (which) {
    case 'None':
      return [...common, py.call('nothing'), py.call(py.call('type', py.none))];
    case 'True':
      return [...common, py.call('bool', py.bin(n, '+', py.int(1))), py.compare(n, '>=', py.int(-1000000)), py.not(py.bool(false)), py.call('isinstance', n, py.name('int'))];
    case 'False':
      return [...common, py.call('bool', py.bin(n, '*', py.int(0))), py.compare(n, '<', py.int(-1000000)), py.not(n), py.call('bool', py.str(''))];
    case 'Ellipsis':
      return [...common, py.name('Ellipsis'), py.call(py.call('type', py.ellipsis))];
    case 'NotImplemented':
      return [...common, py.call(py.call('type', py.name('NotImplemented')))];
  }
}

const singleton = fc.constantFrom<Singleton>('None', 'True', 'False', 'Ellipsis', 'NotImplemented');
const check1 = fc.record({ which: singleton, route: fc.nat(20), n: fc.integer({ min: 1, max: 100000 }) });

const helpers: Stmt[] = [
  py.importModules('copy'),
  py.def('ident', ['value'], [py.ret(py.name('value'))]),
  py.def('nothing', [], [{ kind: 'Pass', pos: { line: 0, col: 0 } }]),
];

export const property = defineProperty({
  id: 'singletons.identity',
  arbitrary: fc.array(check1, { minLength: 1, maxLength: 6 }),
  program: (checks) =>
    py.module(
      helpers,
      checks.flatMap(({ which, route, n }, i) => {
        const nExpr = py.call('int', py.str(String(n)));
        const all = routes(which, nExpr);
        const chosen = all[route % all.length] as Expr;
        return [py.assign(`v${i}`, chosen), py.print(py.str(which), py.is(py.name(`v${i}`), canonical[which]))];
      }),
    ),
  check(checks, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const expected = checks.map(({ which }) => `${which} True\n`).join('');
    return outcome.stdout === expected ? null : `every route must yield the singleton itself; expected\n${expected}got\n${outcome.stdout}`;
  },
});
