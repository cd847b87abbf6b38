/**
 * Methods of builtin objects taken as values (`m = l.append`, `getattr(d, 'get')`): each lookup a new
 * `builtin_function_or_method` holding its object (`PyCMethod_New`), `==` by the identical object and
 * method, calls through the bound object, `sys.getsizeof`, and the owner's reference count while
 * bound methods live and after they go.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, attr, call, compare, del, dict, importModules, int, is, list, module, name, print, str } from '../gen/py';
import { runtimeStr } from './builders-values';
import { defineConstruct } from './types';

type Owner = 'list' | 'dict' | 'set' | 'str';

/** Methods per owner with arguments that always succeed, so a program runs to its end. */
const CALLS: Readonly<Record<Owner, readonly (readonly [string, readonly Expr[]])[]>> = {
  list: [['append', [int(3)]], ['count', [int(3)]], ['copy', []], ['reverse', []], ['insert', [int(0), int(9)]], ['clear', []]],
  dict: [['get', [str('k')]], ['setdefault', [str('k'), int(1)]], ['copy', []], ['keys', []], ['update', [dict([])]]],
  set: [['add', [int(4)]], ['discard', [int(4)]], ['add', [int(1)]], ['discard', [int(7)]]],
  str: [['upper', []], ['strip', []], ['split', []], ['startswith', [str('a')]], ['find', [str('b')]]],
};

interface Bound {
  readonly method: number;
  readonly calls: number;
  readonly deleted: boolean;
}

interface Case {
  readonly owner: Owner;
  readonly bound: readonly Bound[];
  readonly compareTo: number;
}

function ownerValue(owner: Owner): Expr {
  switch (owner) {
    case 'list':
      return list(int(1), int(2));
    case 'dict':
      return dict([[str('a'), int(1)]]);
    case 'set':
      return call('set', list(int(1)));
    case 'str':
      return runtimeStr('a b', ' ');
  }
}

const refcount = (e: Expr): Expr => call('sys.getrefcount', e);

export const construct = defineConstruct<Case>({
  construct: 'bound-methods',
  description: 'bound methods of list/dict/set/str as values: new object per lookup holding its owner, == and is, calls through them, getsizeof, owner refcounts',
  arbitrary: fc.record({
    owner: fc.constantFrom<Owner>('list', 'dict', 'set', 'str'),
    bound: fc.array(fc.record({ method: fc.nat(4), calls: fc.nat(2), deleted: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    compareTo: fc.nat(4),
  }),
  program({ owner, bound, compareTo }) {
    const calls = CALLS[owner];
    const o = name('o');
    const body: Stmt[] = [importModules('sys'), assign('o', ownerValue(owner)), print(refcount(o))];
    bound.forEach((b, i) => {
      const [method, args] = calls[b.method % calls.length]!;
      const m = name(`m${i}`);
      body.push(assign(`m${i}`, i % 2 === 0 ? attr(o, method) : call('getattr', o, str(method))), print(refcount(o), call('sys.getsizeof', m)));
      for (let k = 0; k < b.calls; k++) body.push(assign('r', call(m, ...args)), print(call('repr', name('r')), refcount(o)));
      const [other] = calls[compareTo % calls.length]!;
      body.push(print(compare(m, '==', attr(o, other)), is(m, attr(o, method)), compare(m, '!=', call('getattr', o, str(method)))));
      if (i > 0) body.push(print(compare(m, '==', name(`m${i - 1}`)), is(m, name(`m${i - 1}`))));
    });
    bound.forEach((b, i) => {
      if (b.deleted) body.push(del(`m${i}`), print(refcount(o)));
    });
    body.push(print(call('repr', o)));
    return module(body);
  },
});
