/**
 * sorted, min, max, sum and abs (issue #9) on lists of ints (small and large) and strs, with
 * `key=` a function made by `def`, `default=` and `reverse=`: the results, whether min/max
 * return the item itself, whether abs/sum return their argument, sorted's list size, and the
 * items' reference counts afterwards. Results are printed through `repr`: Pyodide's stdout keeps
 * a reference to every str object printed until it flushes, which the model does not follow yet.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, bin, bool, call, def, importModules, int, is, list, module, name, print, ret, str, subscript } from '../gen/py';
import { callKw, runtimeStr } from './builders-values';
import { defineConstruct } from './types';

type Item = { readonly kind: 'int'; readonly value: number } | { readonly kind: 'str'; readonly value: string };

// Objects of their own (no small ints, no cached or constant strs), so that their reference counts are known.
const intItem: fc.Arbitrary<Item> = fc.record({ kind: fc.constant('int' as const), value: fc.oneof(fc.integer({ min: -3000, max: -1000 }), fc.integer({ min: 1000, max: 3000 })) });
const strItem: fc.Arbitrary<Item> = fc.record({ kind: fc.constant('str' as const), value: fc.stringMatching(/^[a-d]{2,3}$/) });

interface Case {
  readonly items: readonly Item[];
  readonly useKey: boolean;
  readonly reverse: boolean;
  readonly withDefault: boolean;
}

function itemExpr(item: Item, salt: string): Expr {
  // Large ints as constants; strs built at run time from two pieces (a new object; not salted: that would change their order).
  void salt;
  return item.kind === 'int' ? int(item.value) : runtimeStr(item.value.slice(0, 1), item.value.slice(1));
}

export const construct = defineConstruct<Case>({
  construct: 'order-builtins',
  description: 'sorted/min/max with key=, default=, reverse=; sum and abs of ints: results, identity, sizes, refcounts',
  arbitrary: fc.oneof(
    fc.record({ items: fc.array(intItem, { maxLength: 7 }), useKey: fc.boolean(), reverse: fc.boolean(), withDefault: fc.boolean() }),
    fc.record({ items: fc.array(strItem, { maxLength: 7 }), useKey: fc.boolean(), reverse: fc.boolean(), withDefault: fc.boolean() }),
  ),
  program({ items, useKey, reverse, withDefault }, salt) {
    const ints = items.every((i) => i.kind === 'int');
    const keyBody: Stmt[] = [ret(ints ? bin(name('v'), '%', int(7)) : call('len', name('v')))];
    const keyed = (fn: string, extra: (readonly [string, Expr])[]): Expr =>
      callKw(fn, [name('xs')], [...(useKey ? [['key', name('k')] as const] : []), ...extra]);
    const body: Stmt[] = [
      importModules('sys'),
      def('k', ['v'], keyBody),
      assign('xs', list(...items.map((i) => itemExpr(i, salt)))),
      assign('s', keyed('sorted', reverse ? [['reverse', bool(true)]] : [])),
      print(str('sorted'), name('s'), bin(call('sys.getsizeof', name('s')), '-', call('sys.getsizeof', list()))),
    ];
    const dflt: (readonly [string, Expr])[] = withDefault || items.length === 0 ? [['default', name('xs')]] : [];
    for (const [fn, result] of [['min', 'lo'], ['max', 'hi']] as const) {
      body.push(assign(result, keyed(fn, dflt)));
      body.push(print(str(fn), call('repr', name(result)), is(name(result), name('xs')), ...(items.length > 0 ? [call('sys.getrefcount', name(result))] : [])));
      if (items.length > 0) body.push(print(str(`${fn} is first or last sorted`), is(name(result), subscript(name('s'), int(0))), is(name(result), subscript(name('s'), int(-1)))));
    }
    if (ints) {
      body.push(assign('total', call('sum', name('xs'))));
      body.push(print(str('sum'), name('total'), call('sum', name('xs'), int(3))));
      if (items.length > 0) {
        body.push(assign('first', subscript(name('xs'), int(0))));
        body.push(print(str('abs small'), call('abs', int(-5)), is(call('abs', int(-5)), call('abs', int(5)))));
        body.push(print(str('abs'), call('abs', name('first')), is(call('abs', name('first')), name('first')), call('sys.getrefcount', name('first'))));
      }
    }
    return module(body);
  },
});
