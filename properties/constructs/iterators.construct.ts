/**
 * Lazy iterators: `iter`, `enumerate`, `zip`, `map`, `filter` and `next` with and without a
 * default. Each holds its iterables' iterators (and so the sequences, until exhausted), its
 * function and, for enumerate and zip, a result tuple reused while nobody else holds it.
 * The programs print the reference counts those holdings add, `is` between consecutive
 * results, and the contents as `list()`, `tuple()`, `for` and unpacking consume them.
 */
import fc from 'fast-check';
import { NO_POS, type Expr, type Stmt } from '../../model/python/ast';
import { assign, bin, call, compare, def, del, importModules, int, is, list, module, name, print, ret, str } from '../gen/py';
import { forStmt } from './builders-funcs';
import { defineConstruct } from './types';

type Kind = 'iter' | 'enumerate' | 'zip' | 'map' | 'filter';
type Consumer = 'next' | 'list' | 'tuple' | 'for' | 'unpack';

const refcount = (e: Expr): Expr => call('sys.getrefcount', e);

export const construct = defineConstruct({
  construct: 'iterators',
  description: 'iter/enumerate/zip/map/filter objects: references they hold, result tuples reused or not, consumption by next, list, tuple, for and unpacking',
  arbitrary: fc.record({
    kind: fc.constantFrom<Kind>('iter', 'enumerate', 'zip', 'map', 'filter'),
    consumer: fc.constantFrom<Consumer>('next', 'list', 'tuple', 'for', 'unpack'),
    values: fc.array(fc.integer({ min: -1000, max: 100_000 }), { minLength: 0, maxLength: 5 }),
    keepFirst: fc.boolean(),
    withDefault: fc.boolean(),
  }),
  program: (c, salt) => {
    const data = name('data');
    const maker: Expr =
      c.kind === 'iter'
        ? call('iter', data)
        : c.kind === 'enumerate'
          ? call('enumerate', data)
          : c.kind === 'zip'
            ? call('zip', data, call(name('tuple'), data))
            : call(c.kind, name('keep'), data);
    const it = name('it');
    // `list(iter(x))` is refused by the model (its length hint decides the allocation): `for` instead.
    const consumer: Consumer = c.kind === 'iter' && (c.consumer === 'list' || c.consumer === 'tuple') ? 'for' : c.consumer;
    const n = c.kind === 'filter' ? c.values.filter((v) => v % 2 === 0).length : c.values.length;
    const consume: Stmt[] = [];
    switch (consumer) {
      case 'next':
        consume.push(assign('first', c.withDefault ? call('next', it, str(`none left ${salt}`)) : call('next', it, name('marker'))));
        consume.push(assign('second', call('next', it, name('marker'))));
        consume.push(print(is(name('first'), name('second')), is(name('first'), name('marker'))));
        if (!c.keepFirst) consume.push(del('first'));
        consume.push(assign('third', call('next', it, name('marker'))));
        consume.push(print(is(name('third'), name('second')), is(name('third'), name('marker'))));
        consume.push(print(refcount(name('data'))));
        break;
      case 'list':
      case 'tuple':
        // Before 3.11 an empty tuple() of an iterator is a new object, which the model refuses: list() when empty.
        consume.push(assign('out', call(n === 0 ? 'list' : consumer, it)), print(name('out'), refcount(name('data'))), print(call('list', it)));
        break;
      case 'for':
        consume.push(forStmt('x', it, [print(name('x'), refcount(name('data')))]), print(call('next', it, name('marker'))));
        break;
      case 'unpack': {
        const targets = Array.from({ length: n }, (_, i) => name(`u${i}`));
        consume.push(n === 0 ? print(call('next', it, name('marker'))) : assign({ kind: 'Tuple', elts: targets, pos: NO_POS }, it));
        if (n > 0) consume.push(print(...targets));
        break;
      }
    }
    return module(
      importModules('sys'),
      def('keep', ['v'], [ret(compare(bin(name('v'), '%', int(2)), '==', int(0)))]),
      assign('marker', list(str(`marker ${salt}`))),
      assign('data', list(...c.values.map((v) => int(v)))),
      print(refcount(data), refcount(name('keep'))),
      assign('it', maker),
      print(refcount(data), refcount(name('keep')), is(call('iter', it), it)),
      consume,
      del('it'),
      print(refcount(data), refcount(name('keep'))),
    );
  },
});
