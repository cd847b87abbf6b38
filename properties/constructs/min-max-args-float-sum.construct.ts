/**
 * `min`/`max` with several positional arguments (an args tuple before 3.13, the caller's array
 * since: the references an item has while `key=` sees it) and `sum` of floats mixed with ints
 * (plain doubles before 3.12, Neumaier's compensation since, int items compensated from 3.14),
 * with an int or float start: results, identity, reference counts.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, bin, call, def, expr, float, importModules, int, is, list, module, name, print, ret, str } from '../gen/py';
import { callKw, method } from './builders-values';
import { defineConstruct } from './types';

type Num = { readonly kind: 'int'; readonly value: number } | { readonly kind: 'float'; readonly value: number };

interface Case {
  /** Large ints (objects of their own) given to min/max as separate arguments. */
  readonly args: readonly number[];
  readonly useKey: boolean;
  readonly addends: readonly Num[];
  readonly start: Num | null;
}

const addend: fc.Arbitrary<Num> = fc.oneof(
  fc.record({ kind: fc.constant('float' as const), value: fc.constantFrom(0.1, 0.2, 0.3, 0.5, 1e16, 1e100, -1e100, 2.5e-3) }),
  fc.record({ kind: fc.constant('float' as const), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }),
  fc.record({ kind: fc.constant('int' as const), value: fc.integer({ min: -1000, max: 1000 }) }),
);

function num(n: Num): Expr {
  return n.kind === 'int' ? int(n.value) : float(n.value);
}

export const construct = defineConstruct<Case>({
  construct: 'min-max-args-float-sum',
  description: 'min/max with several positional arguments (key= sees the args tuple before 3.13) and sum of floats per version',
  arbitrary: fc.record({
    args: fc.array(fc.integer({ min: 1000, max: 3000 }), { minLength: 2, maxLength: 4 }),
    useKey: fc.boolean(),
    addends: fc.array(addend, { maxLength: 6 }),
    start: fc.option(addend, { nil: null }),
  }),
  program({ args, useKey, addends, start }) {
    const argNames = args.map((_, i) => `a${i}`);
    const keyed = (fn: string): Expr => callKw(fn, argNames.map((n) => name(n)), useKey ? [['key', name('k')]] : []);
    const body: Stmt[] = [
      importModules('sys'),
      assign('seen', list()),
      def('k', ['v'], [expr(method(name('seen'), 'append', call('sys.getrefcount', name('v')))), ret(bin(name('v'), '%', int(7)))]),
      ...args.map((v, i) => assign(argNames[i]!, int(v))),
    ];
    for (const [fn, result] of [['min', 'lo'], ['max', 'hi']] as const) {
      body.push(assign(result, keyed(fn)));
      body.push(print(str(fn), name(result), ...argNames.map((n) => is(name(result), name(n))), call('sys.getrefcount', name(result))));
    }
    body.push(print(str('key saw'), name('seen')));
    body.push(assign('xs', list(...addends.map(num))));
    body.push(assign('total', start === null ? call('sum', name('xs')) : call('sum', name('xs'), num(start))));
    // An int total may be a cached small int, whose count CPython's own users change: printed only for a float.
    const floatTotal = start?.kind === 'float' || addends.some((a) => a.kind === 'float');
    body.push(print(str('sum'), call('repr', name('total')), ...(floatTotal ? [call('sys.getrefcount', name('total'))] : [])));
    return module(body);
  },
});
