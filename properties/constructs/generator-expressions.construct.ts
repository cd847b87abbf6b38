/**
 * Generator expressions as objects (`Objects/genobject.c`): the outermost iterable's iterator
 * is made where the expression stands and held by the suspended `<genexpr>` frame with the
 * loop targets; `next`, `for` and `list` resume it; exhausted, the frame is cleared; dropped
 * while suspended, it is closed (its iterators and targets released). The programs print the
 * reference counts the frame holds on the sequence and its items, and weakref deaths of items
 * only the frame still holds.
 */
import fc from 'fast-check';
import type { Expr } from '../../model/python/ast';
import { assign, call, classDef, compare, def, del, expr, importModules, int, list, module, name, print, ret, str } from '../gen/py';
import { comprehension, genExp, refcount } from './builders-core';
import { consumeGenerator, lambda, type GeneratorConsumer } from './builders-funcs';
import { defineConstruct } from './types';

export const construct = defineConstruct({
  construct: 'generator-expressions',
  description: 'generator expressions over lists of instances, made at module level or returned by a function, consumed by next, list, for or dropped: references the suspended frame holds, weakref deaths when it is cleared',
  arbitrary: fc.record({
    count: fc.integer({ min: 0, max: 4 }),
    consumer: fc.constantFrom<GeneratorConsumer>('next', 'list', 'for', 'drop'),
    filtered: fc.boolean(),
    madeInFunction: fc.boolean(),
    watchLast: fc.boolean(),
  }),
  program: (c, salt) => {
    const x = name('x');
    const made: Expr = genExp(x, comprehension(x, name('items'), c.filtered ? [compare(x, 'is not', name('marker'))] : []));
    const consume = consumeGenerator(c.consumer, 'items', salt);
    // Two items at least: popping the only one is refused by the model (the item array's fate changed in 3.12).
    const watched = c.watchLast && c.count > 1;
    return module(
      importModules('sys', 'weakref'),
      classDef('Item', []),
      assign('marker', list(str(`marker ${salt}`))),
      assign('items', list(...Array.from({ length: c.count }, () => call('Item')))),
      watched ? [assign('w', call('weakref.ref', { kind: 'Subscript', value: name('items'), index: int(-1), pos: x.pos }, lambda(['r'], call('print', str('last died')))))] : [],
      print(refcount(name('items'))),
      c.madeInFunction ? [def('make', ['items'], [ret(made)]), assign('g', call('make', name('items')))] : [assign('g', made)],
      print(refcount(name('items'))),
      consume,
      watched ? [expr(call('items.pop')), print(str('popped'))] : [],
      del('g'),
      print(str('generator dropped'), refcount(name('items'))),
      // A callback still pending at exit would run during shutdown: the weakref goes first.
      watched ? [del('w')] : [],
    );
  },
});
