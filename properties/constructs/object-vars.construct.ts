/**
 * `object()` and `vars()`: bare objects as sentinels (identity, reference counts as containers and
 * `dict.get` hold them, no attributes, no weak references), and `vars(obj)` as the instance's own
 * `__dict__` (the same object, changes seen through the instance). Programs print `is` facts,
 * reference counts, `hasattr`, sizes and the TypeError of `vars()` on objects without a `__dict__`.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, attr, call, classDef, compare, del, dict, importModules, int, is, list, module, name, print, str, subscript } from '../gen/py';
import { tryStmt } from './builders-core';
import { defineConstruct } from './types';

type NoDict = 'int' | 'list' | 'object' | 'tuple';

interface Case {
  readonly sentinels: number;
  readonly holders: number;
  readonly attrs: readonly number[];
  readonly noDict: NoDict;
  readonly setThroughVars: boolean;
}

const refcount = (e: Expr): Expr => call('sys.getrefcount', e);

function noDictValue(kind: NoDict): Expr {
  switch (kind) {
    case 'int':
      return int(7);
    case 'list':
      return list(int(1));
    case 'object':
      return call('object');
    case 'tuple':
      return call('tuple', list(int(1), int(2)));
  }
}

export const construct = defineConstruct<Case>({
  construct: 'object-vars',
  description: 'object() sentinels (identity, references held by containers and dict.get, no attributes) and vars(obj) as the instance __dict__ itself, TypeError without one',
  arbitrary: fc.record({
    sentinels: fc.integer({ min: 1, max: 3 }),
    holders: fc.integer({ min: 0, max: 3 }),
    attrs: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
    noDict: fc.constantFrom<NoDict>('int', 'list', 'object', 'tuple'),
    setThroughVars: fc.boolean(),
  }),
  program: (c, salt) => {
    const body: Stmt[] = [];
    for (let i = 0; i < c.sentinels; i++) body.push(assign(`o${i}`, call('object')));
    const o0 = name('o0');
    body.push(print(refcount(o0), call('sys.getsizeof', o0), call('hasattr', o0, str('x')), call('hasattr', o0, str('__dict__'))));
    body.push(assign('held', list(...Array.from({ length: c.holders }, () => o0))), print(refcount(o0)));
    body.push(assign('table', dict([[str(`key ${salt}`), o0]])), print(is(call(attr(name('table'), 'get'), str(`key ${salt}`)), o0), is(call(attr(name('table'), 'get'), str('missing'), o0), o0), refcount(o0)));
    if (c.sentinels > 1) body.push(print(is(o0, name('o1')), compare(o0, '==', name('o1')), compare(o0, '!=', name('o1'))));
    body.push(classDef('C', [{ kind: 'Pass', pos: o0.pos }]), assign('c', call('C')));
    for (const a of c.attrs) body.push(assign({ kind: 'Attribute', value: name('c'), attr: `a${a}`, pos: o0.pos }, list(int(a))));
    body.push(assign('vd', call('vars', name('c'))), print(name('vd'), is(name('vd'), attr(name('c'), '__dict__')), refcount(name('vd'))));
    if (c.setThroughVars) body.push({ kind: 'Assign', targets: [subscript(name('vd'), str('z'))], value: int(5), pos: o0.pos }, print(attr(name('c'), 'z'), call('len', name('vd'))));
    body.push(
      tryStmt([{ kind: 'Expr', value: call('vars', noDictValue(c.noDict)), pos: o0.pos }], [{ type: name('TypeError'), name: 'e', body: [print(name('e'))], pos: o0.pos }]),
      del('held', 'table'),
      print(refcount(o0)),
    );
    return module(importModules('sys'), body);
  },
});
