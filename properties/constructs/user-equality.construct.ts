/**
 * `__eq__`, `__ne__` and `__hash__` written in Python (issue #9): which operand each call gets
 * as self, the references C code holds while it runs (`sys.getrefcount` inside the methods),
 * the result objects of `==`/`!=`, and the containers that call them (`in` on lists and tuples,
 * list methods, dict and set lookups and insertions, `hash()`).
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, attr, call, classDef, compare, def, dict, importModules, int, list, module, name, print, ret, str, subscript, tuple } from '../gen/py';
import { method } from './builders-values';
import { defineConstruct } from './types';

const PLAIN_OPS = ['eq', 'ne', 'inList', 'inTuple', 'index', 'count', 'remove', 'listEq', 'chain'] as const;
const HASH_OPS = ['dictGet', 'dictIn', 'dictSet', 'setIn', 'setAdd', 'hash', 'setdefault'] as const;
type Op = (typeof PLAIN_OPS)[number] | (typeof HASH_OPS)[number];

interface Case {
  readonly values: readonly [number, number, number];
  readonly ne: boolean;
  readonly hash: boolean;
  readonly ops: readonly Op[];
}

const v = (o: string): Expr => attr(name(o), 'v');
const refcount = (o: string): Expr => call(attr(name('sys'), 'getrefcount'), name(o));

function methods(c: Case): Stmt[] {
  const out: Stmt[] = [
    def('__init__', ['self', 'v'], [assign(attr(name('self'), 'v'), name('v'))]),
    def('__eq__', ['self', 'other'], [print(str('eq'), v('self'), v('other'), refcount('self'), refcount('other')), ret(compare(v('self'), '==', v('other')))]),
  ];
  if (c.ne) out.push(def('__ne__', ['self', 'other'], [print(str('ne'), v('self'), v('other'), refcount('self')), ret(compare(v('self'), '!=', v('other')))]));
  if (c.hash) out.push(def('__hash__', ['self'], [print(str('hash'), v('self'), refcount('self')), ret(v('self'))]));
  return out;
}

/** Statements of one operation on the instances a, b, c (fresh containers each time). */
function operation(op: Op): Stmt[] {
  const a = name('a');
  const b = name('b');
  const c = name('c');
  switch (op) {
    case 'eq':
      return [print(str(op), compare(a, '==', b))];
    case 'ne':
      return [print(str(op), compare(a, '!=', b))];
    case 'chain':
      return [print(str(op), { kind: 'Compare', left: a, ops: ['==', '=='], comparators: [b, c], pos: a.pos })];
    case 'inList':
      return [assign('L', list(c, a)), print(str(op), compare(b, 'in', name('L')))];
    case 'inTuple':
      return [assign('T', tuple(c, a)), print(str(op), compare(b, 'in', name('T')))];
    case 'index':
      return [assign('L', list(c, a, b)), print(str(op), method(name('L'), 'index', b))];
    case 'count':
      return [assign('L', list(c, a)), print(str(op), method(name('L'), 'count', b))];
    case 'remove':
      return [assign('L', list(c, a, b)), expr(method(name('L'), 'remove', b)), print(str(op), call('len', name('L')))];
    case 'listEq':
      return [print(str(op), compare(list(a, c), '==', list(b, c)))];
    case 'dictGet':
      return [assign('d', dict([[a, int(1)], [c, int(2)]])), print(str(op), method(name('d'), 'get', b))];
    case 'dictIn':
      return [assign('d', dict([[a, int(1)]])), print(str(op), compare(b, 'in', name('d')), compare(c, 'in', name('d')))];
    case 'dictSet':
      return [assign('d', dict([[a, int(1)]])), { kind: 'Assign', targets: [subscript(name('d'), b)], value: int(2), pos: a.pos }, print(str(op), call('len', name('d')), subscript(name('d'), a))];
    case 'setdefault':
      return [assign('d', dict([[a, int(1)]])), print(str(op), method(name('d'), 'setdefault', b, int(3)), method(name('d'), 'setdefault', c, int(4)))];
    case 'setIn':
      return [assign('s', call('set', list(a, c))), print(str(op), compare(b, 'in', name('s')))];
    case 'setAdd':
      return [assign('s', call('set', list(a))), expr(method(name('s'), 'add', b)), expr(method(name('s'), 'add', c)), print(str(op), call('len', name('s')))];
    case 'hash':
      return [print(str(op), call('hash', a), call('hash', c))];
  }
}

function expr(value: Expr): Stmt {
  return { kind: 'Expr', value, pos: value.pos };
}

export const construct = defineConstruct<Case>({
  construct: 'user-equality',
  description: '__eq__/__ne__/__hash__ in Python: operands, references held by C code during the calls, results of ==, in, list methods, dicts and sets',
  arbitrary: fc
    .record({
      values: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
      ne: fc.boolean(),
      hash: fc.boolean(),
      plain: fc.array(fc.constantFrom(...PLAIN_OPS), { minLength: 1, maxLength: 3 }),
      hashed: fc.array(fc.constantFrom(...HASH_OPS), { maxLength: 3 }),
    })
    .map(({ values, ne, hash, plain, hashed }) => ({ values, ne, hash, ops: hash ? [...plain, ...hashed] : plain })),
  program(c) {
    const stmts: Stmt[] = [
      importModules('sys'),
      classDef('P', methods(c)),
      assign('a', call('P', int(c.values[0]))),
      assign('b', call('P', int(c.values[1]))),
      assign('c', call('P', int(c.values[2]))),
    ];
    if (!c.hash) stmts.push(print(str('unhashable'), compare(attr(name('P'), '__hash__'), 'is', { kind: 'Const', value: { type: 'None' }, pos: stmts[0]!.pos })));
    for (const op of c.ops) stmts.push(...operation(op));
    return module(stmts);
  },
});
