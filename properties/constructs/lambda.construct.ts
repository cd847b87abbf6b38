/**
 * `lambda`: each has its own `<lambda>` code object whose constants are merged with the
 * unit's (`Python/compile.c` `compiler_lambda`, `merge_consts_recursive`), so two lambdas
 * returning equal constants return one object; a default is evaluated once and held by the
 * function (`__defaults__`) until the function dies.
 */
import fc from 'fast-check';
import type { Expr } from '../../model/python/ast';
import { assign, bin, call, del, float, importModules, int, is, list, module, name, print, str } from '../gen/py';
import { lambda } from './builders-funcs';
import { defineConstruct } from './types';

type Constant = { readonly kind: 'int'; readonly value: number } | { readonly kind: 'float'; readonly value: number } | { readonly kind: 'str'; readonly value: string };

const constant: fc.Arbitrary<Constant> = fc.oneof(
  fc.integer({ min: 257, max: 10_000_000 }).map((value) => ({ kind: 'int' as const, value })),
  fc.double({ min: 0.5, max: 1e9, noNaN: true }).map((value) => ({ kind: 'float' as const, value })),
  fc.constantFrom('not an identifier', 'a b c', 'x-y', 'spam').map((value) => ({ kind: 'str' as const, value })),
);

const constExpr = (c: Constant): Expr => (c.kind === 'int' ? int(c.value) : c.kind === 'float' ? float(c.value) : str(c.value));

export const construct = defineConstruct({
  construct: 'lambda',
  description: 'lambdas returning constants (merged per unit), defaults held by the function until it dies, calls with and without defaults',
  arbitrary: fc.record({
    first: constant,
    second: fc.option(constant, { nil: null }),
    defaultIsObject: fc.boolean(),
    deleteEarly: fc.boolean(),
    addend: fc.integer({ min: -300, max: 300 }),
    extra: fc.integer({ min: 0, max: 2000 }),
  }),
  program: (c, salt) => {
    const second = c.second ?? c.first;
    const held: Expr = c.defaultIsObject ? list(str(`held ${salt}`)) : int(c.extra + 1_000_000);
    return module(
      importModules('sys'),
      assign('f', lambda([], constExpr(c.first))),
      assign('g', lambda([], constExpr(second))),
      print(is(call(name('f')), call(name('g')))),
      print(is(call(name('f')), call(name('f')))),
      assign('held', held),
      print(call('sys.getrefcount', name('held'))),
      assign('pick', lambda([['a', name('held')]], name('a'))),
      print(call('sys.getrefcount', name('held')), is(call(name('pick')), name('held'))),
      c.deleteEarly ? [del('pick'), print(call('sys.getrefcount', name('held')))] : [],
      assign('add', lambda(['x', ['y', int(c.addend)]], bin(name('x'), '+', name('y')))),
      print(call(name('add'), int(c.extra)), call(name('add'), int(c.extra), int(c.extra))),
      del('held'),
      c.deleteEarly ? [] : [print(call(name('pick')))],
    );
  },
});
