/**
 * super(): a chain of classes whose `__init__` and `m` call the next class's through `super()`
 * or `super(C, self)`, a class attribute read through super, a super object kept for a while:
 * the references the callees see on `self` and on the argument (one strong reference to `self`
 * in each callee), the implicit `__class__` cell, the super object's repr and size. Each call site
 * runs once (3.14 specializes a site's second run, where the model leaves self's reference
 * undecided).
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { refcount } from './builders-core';
import { defineConstruct } from './types';

interface Level {
  /** `super(Kn, self)` instead of `super()`. */
  readonly explicit: boolean;
  /** This level's `__init__` prints what it sees. */
  readonly printInit: boolean;
  /** This level's `m` calls the next one's. */
  readonly chainM: boolean;
}

interface Case {
  readonly levels: readonly Level[];
  readonly keepSuper: boolean;
  readonly readAttr: boolean;
}

const arbitrary: fc.Arbitrary<Case> = fc.record({
  levels: fc.array(fc.record({ explicit: fc.boolean(), printInit: fc.boolean(), chainM: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  keepSuper: fc.boolean(),
  readAttr: fc.boolean(),
});

const self = py.name('self');

function superOf(level: Level, className: string): Expr {
  return level.explicit ? py.call(py.name('super'), py.name(className), self) : py.call(py.name('super'));
}

function classes(c: Case): Stmt[] {
  const out: Stmt[] = [
    py.classDef('K0', [
      py.assign('tag', py.str('k0')),
      py.def('__init__', ['self', 'a'], [py.assign(py.attr(self, 'a'), py.name('a')), py.print(py.str('init K0'), refcount(self), refcount(py.name('a')))]),
      py.def('m', ['self', 'x'], [py.print(py.str('m K0'), refcount(self), refcount(py.name('x'))), py.ret(py.int(0))]),
    ]),
  ];
  c.levels.forEach((level, i) => {
    const name = `K${i + 1}`;
    const init: Stmt[] = [py.expr(py.call(py.attr(superOf(level, name), '__init__'), py.name('a'))), ...(level.printInit ? [py.print(py.str(`init ${name}`), refcount(self), refcount(py.name('a')))] : [])];
    const m: Stmt[] = level.chainM
      ? [py.assign('r', py.call(py.attr(superOf(level, name), 'm'), py.name('x'))), py.print(py.str(`m ${name}`), refcount(self), refcount(py.name('x'))), py.ret(py.bin(py.name('r'), '+', py.int(1)))]
      : [py.ret(py.int(i + 1))];
    const body: Stmt[] = [py.def('__init__', ['self', 'a'], init), py.def('m', ['self', 'x'], m)];
    if (i === c.levels.length - 1) {
      body.push(py.def('tag_of_base', ['self'], [py.ret(py.attr(py.call(py.name('super')), 'tag'))]));
      body.push(py.def('the_super', ['self'], [py.ret(py.call(py.name('super')))]));
    }
    out.push(py.classDef(name, body, [py.name(`K${i}`)]));
  });
  return out;
}

export const construct = defineConstruct({
  construct: 'super',
  description: 'cooperative __init__ and method chains through super() and super(C, self): the references each callee sees on self and its argument, class attributes through super, a super object kept alive',
  arbitrary,
  program: (c: Case) => {
    const last = `K${c.levels.length}`;
    const o = py.name('o');
    const payload = py.name('payload');
    return py.module(
      py.importModules('sys'),
      classes(c),
      py.assign('payload', py.list(py.int(1))),
      py.assign('o', py.call(last, payload)),
      py.print(py.str('made'), refcount(o), refcount(payload), py.is(py.attr(o, 'a'), payload)),
      py.print(py.call(py.attr(o, 'm'), payload), refcount(o), refcount(payload)),
      c.readAttr ? [py.print(py.call(py.attr(o, 'tag_of_base')))] : [],
      c.keepSuper
        ? [py.assign('s', py.call(py.attr(o, 'the_super'))), py.print(py.call('repr', py.name('s')), py.call('sys.getsizeof', py.name('s')), refcount(o)), py.del('s'), py.print(refcount(o))]
        : [],
    );
  },
});
