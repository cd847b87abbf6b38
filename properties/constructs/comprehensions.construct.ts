/**
 * List, set and dict comprehensions and generator expressions consumed by tuple(), any() and
 * all(), at module level and in a function: the references the hidden function (before 3.12) or
 * the inlined loop (3.12+, PEP 709) holds on the items, the iterable and the target while it
 * runs, whether the target leaks or an outer binding of the same name survives.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { comprehension, dictComp, genExp, handler, listComp, refcount, setComp, tryStmt } from './builders-core';
import { defineConstruct } from './types';

interface ComprehensionCase {
  readonly kind: 'list' | 'set' | 'dict' | 'tuple' | 'any' | 'all';
  readonly scope: 'module' | 'function';
  /** The items: ints beyond the small-int cache, instances, or strings built at run time. */
  readonly items: 'int' | 'instance' | 'str';
  readonly count: number;
  /** What each step produces: the item, its refcount, or whether it is the first item. */
  readonly elt: 'item' | 'refcount' | 'is-first' | 'refcount-seq';
  readonly filter: boolean;
  /** The target's name is bound before the comprehension (to a sentinel). */
  readonly preBound: boolean;
}

const arbitrary: fc.Arbitrary<ComprehensionCase> = fc
  .record({
    kind: fc.constantFrom('list', 'set', 'dict', 'tuple', 'any', 'all'),
    scope: fc.constantFrom('module', 'function'),
    items: fc.constantFrom('int', 'instance', 'str'),
    count: fc.integer({ min: 0, max: 4 }),
    elt: fc.constantFrom('item', 'refcount', 'is-first', 'refcount-seq'),
    filter: fc.boolean(),
    preBound: fc.boolean(),
  })
  // Before 3.11 an empty tuple made from a generator is a new object the model does not make
  // (generator-consumers.ts refuses it): tuple() always gets at least one item.
  .map((c) => (c.kind === 'tuple' ? { ...c, count: Math.max(c.count, 1), filter: false } : c))
  // In a function `seq` is a local, which a comprehension could read only through a cell (refused before 3.12).
  .map((c) => (c.scope === 'function' && c.elt === 'refcount-seq' ? { ...c, elt: 'refcount' as const } : c));

function item(c: ComprehensionCase, i: number, salt: string): Expr {
  switch (c.items) {
    case 'int':
      return py.int(100_000 + i);
    case 'instance':
      return py.call('Box');
    case 'str':
      // Built at run time, so each program has its own strings.
      return py.bin(py.str(`s${i}`), '+', py.str(salt));
  }
}

/** The expression each step computes (reads only the target and globals: a comprehension in a function may not close over its locals before 3.12). */
function element(c: ComprehensionCase): Expr {
  const v = py.name('v');
  switch (c.elt) {
    case 'item':
      return v;
    case 'refcount':
      return refcount(v);
    case 'is-first':
      return py.is(v, py.name('first'));
    case 'refcount-seq':
      return refcount(py.name('seq'));
  }
}

function comprehensionOf(c: ComprehensionCase, iterable: Expr): Expr {
  const gen = comprehension(py.name('v'), iterable, c.filter ? [py.compare(py.name('v'), 'is not', py.name('first'))] : []);
  switch (c.kind) {
    case 'list':
      return listComp(element(c), gen);
    case 'set':
      return setComp(element(c), gen);
    case 'dict':
      return dictComp(py.name('v'), element(c), gen);
    case 'tuple':
      return py.call('tuple', genExp(element(c), gen));
    case 'any':
      return py.call('any', genExp(element(c), gen));
    case 'all':
      return py.call('all', genExp(element(c), gen));
  }
}

/** What the result shows: its length, and the values when they print the same everywhere. */
function describeResult(c: ComprehensionCase): Stmt[] {
  const r = py.name('result');
  if (c.kind === 'any' || c.kind === 'all') return [py.print(r)];
  const facts: Stmt[] = [py.print(py.call('len', r))];
  // Refcounts and booleans print alike everywhere; in a set or dict their order is the hash's.
  if ((c.kind === 'list' || c.kind === 'tuple') && c.elt !== 'item') facts.push(py.print(r));
  if ((c.kind === 'list' || c.kind === 'tuple') && c.elt === 'item' && c.count > 0 && !c.filter) facts.push(py.print(py.is(py.subscript(r, py.int(0)), py.name('first'))));
  if (c.kind === 'dict') facts.push(py.print(py.compare(py.name('first'), 'in', r)));
  if (c.kind === 'set' && c.elt === 'item') facts.push(py.print(py.compare(py.name('first'), 'in', r)));
  return facts;
}

function program(c: ComprehensionCase, salt: string) {
  const items = Array.from({ length: c.count }, (_, i) => item(c, i, salt));
  const seq = py.name('seq');
  const run: Stmt[] = [
    ...(c.preBound ? [py.assign('v', py.name('sentinel'))] : []),
    py.assign('result', comprehensionOf(c, seq)),
    ...describeResult(c),
    py.print(py.str('after'), refcount(seq), refcount(py.name('first'))),
  ];
  // Whether the target is still bound, and to what.
  run.push(tryStmt([py.print(py.str('v'), py.is(py.name('v'), py.name('sentinel')))], [handler(py.name('NameError'), null, [py.print(py.str('v unbound'))])]));
  const body: Stmt[] = [
    py.importModules('sys'),
    py.classDef('Box', []),
    py.assign('sentinel', py.call('Box')),
    py.assign('seq', py.list(...items)),
    py.assign('first', c.count > 0 ? py.subscript(seq, py.int(0)) : py.name('sentinel')),
    py.print(py.str('before'), refcount(seq), refcount(py.name('first'))),
  ];
  if (c.scope === 'module') return py.module(body, run);
  // In a function the iterable is a parameter, the result and target are locals.
  return py.module(body, py.def('f', ['seq'], run), py.expr(py.call('f', seq)), py.print(py.str('returned'), refcount(seq), refcount(py.name('first'))));
}

export const construct = defineConstruct({
  construct: 'comprehensions',
  description: 'list/set/dict comprehensions and generator expressions passed to tuple/any/all: references held while they run, the target’s scope, per version',
  arbitrary,
  program,
});
