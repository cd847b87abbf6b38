/**
 * `__str__` and `__repr__` written in Python (issue #9): which text print, str(), repr(),
 * format() and f-strings show, and whether their result is the str object the method returned
 * (a global made at run time) or a new one.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, attr, call, classDef, def, is, list, module, name, print, ret, str } from '../gen/py';
import { method, runtimeStr } from './builders-values';
import { defineConstruct } from './types';

type Returns = 'global' | 'literal' | 'built';

interface Case {
  readonly strReturns: Returns | null;
  readonly reprReturns: Returns | null;
  readonly subclass: boolean;
}

function body(returns: Returns): Stmt[] {
  const value: Expr = returns === 'global' ? name('K') : returns === 'literal' ? str('lit') : method(str('-'), 'join', attr(name('self'), 'parts'));
  return [ret(value)];
}

export const construct = defineConstruct<Case>({
  construct: 'str-repr-methods',
  description: '__str__/__repr__ in Python: text and identity of print, str, repr, format and f-string results',
  arbitrary: fc
    .record({ strReturns: fc.constantFrom<Returns | null>('global', 'literal', 'built', null), reprReturns: fc.constantFrom<Returns | null>('global', 'literal', 'built', null), subclass: fc.boolean() })
    .filter((c) => c.strReturns !== null || c.reprReturns !== null),
  program({ strReturns, reprReturns, subclass }, salt) {
    const methods: Stmt[] = [def('__init__', ['self'], [assign(attr(name('self'), 'parts'), list(runtimeStr('a', salt), runtimeStr('b', salt)))])];
    if (strReturns !== null) methods.push(def('__str__', ['self'], body(strReturns)));
    if (reprReturns !== null) methods.push(def('__repr__', ['self'], body(reprReturns)));
    const stmts: Stmt[] = [
      assign('K', runtimeStr('k', salt)),
      classDef('Base', methods),
      ...(subclass ? [classDef('C', [], [name('Base')])] : []),
      assign('o', call(subclass ? 'C' : 'Base')),
      assign('t', call('str', name('o'))),
      print(str('str'), is(name('t'), name('K')), is(call('str', name('o')), name('t'))),
      print(str('format'), is(method(str('{}'), 'format', name('o')), name('K')), is(method(str('{}'), 'format', name('o')), name('t'))),
    ];
    if (reprReturns !== null) stmts.push(print(str('repr'), is(call('repr', name('o')), name('K')), call('len', call('repr', name('o')))));
    stmts.push(print(name('o')));
    return module(stmts);
  },
});
