/**
 * Dict views and dict iterators (`d.keys()`, `d.values()`, `d.items()`, `iter(d)`): the view holds
 * its dict, the iterator the dict until exhausted, the items iterator a result tuple reused while
 * nobody else holds it. Each program makes a view of a dict of int keys and list values, prints
 * its size, length, truth, repr and membership tests, then consumes it one way (a `for` loop that
 * keeps or drops each item, `for k, v in d.items()`, `list()`, `sorted()`, a comprehension,
 * `next()`) and prints the reference counts of the dict and of a value, and `is` between
 * consecutive items.
 */
import fc from 'fast-check';
import { NO_POS, type Expr, type Stmt } from '../../model/python/ast';
import { assign, call, compare, del, dict, importModules, int, is, list, module, name, print, str, subscript, tuple } from '../gen/py';
import { comprehension, listComp } from './builders-core';
import { forStmt } from './builders-funcs';
import { method } from './builders-values';
import { defineConstruct } from './types';

type View = 'keys' | 'values' | 'items' | 'dict';
type Consumer = 'for-keep' | 'for-drop' | 'for-unpack' | 'list' | 'sorted' | 'listcomp' | 'next';

interface Case {
  readonly keys: readonly number[];
  readonly view: View;
  readonly consumer: Consumer;
  readonly probe: number;
}

const refcount = (e: Expr): Expr => call('sys.getrefcount', e);

export const construct = defineConstruct<Case>({
  construct: 'dict-views',
  description: 'dict views and iterators: what they hold, the items result tuple reused or not, len/in/repr/getsizeof, consumption by for, unpacking, list, sorted, comprehensions and next',
  arbitrary: fc.record({
    keys: fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 0, maxLength: 6 }),
    view: fc.constantFrom<View>('keys', 'values', 'items', 'dict'),
    consumer: fc.constantFrom<Consumer>('for-keep', 'for-drop', 'for-unpack', 'list', 'sorted', 'listcomp', 'next'),
    probe: fc.integer({ min: 0, max: 2000 }),
  }),
  program: (c, salt) => {
    const d = name('d');
    const v = name('v');
    const made: Expr = c.view === 'dict' ? d : method(d, c.view);
    // sorted() of lists and tuples compares lists: only keys (ints) are sorted; for-unpack needs items.
    const consumer: Consumer = (c.consumer === 'sorted' && (c.view === 'values' || c.view === 'items')) || (c.consumer === 'for-unpack' && c.view !== 'items') ? 'for-keep' : c.consumer;
    const body: Stmt[] = [];
    switch (consumer) {
      case 'for-keep':
      case 'for-drop': {
        const keep = consumer === 'for-keep';
        body.push(
          assign('prev', name('marker')),
          forStmt('x', v, [print(name('x'), is(name('x'), name('prev')), refcount(d)), ...(keep ? [assign('prev', name('x'))] : [])]),
        );
        break;
      }
      case 'for-unpack':
        body.push(forStmt({ kind: 'Tuple', elts: [name('k'), name('w')], pos: NO_POS }, v, [print(name('k'), name('w'), refcount(name('w')), refcount(d))]));
        break;
      case 'list':
      case 'sorted':
        body.push(assign('out', call(consumer, v)), print(name('out'), call('sys.getsizeof', name('out')), refcount(d)));
        break;
      case 'listcomp':
        body.push(print(listComp(name('x'), comprehension({ kind: 'Name', id: 'x', pos: NO_POS }, v)), refcount(d)));
        break;
      case 'next':
        body.push(
          assign('it', call('iter', v)),
          print(refcount(d), call('sys.getsizeof', name('it'))),
          assign('first', call('next', name('it'), name('marker'))),
          assign('second', call('next', name('it'), name('marker'))),
          print(name('first'), name('second'), is(name('first'), name('second'))),
          del('first'),
          assign('third', call('next', name('it'), name('marker'))),
          print(name('third'), is(name('third'), name('second')), refcount(d)),
          del('it'),
        );
        break;
    }
    const probeKey = int(c.probe);
    return module(
      importModules('sys'),
      assign('marker', list(str(`marker ${salt}`))),
      assign('d', dict(c.keys.map((k) => [int(k), list(int(k))] as const))),
      print(refcount(d)),
      assign('v', made),
      print(refcount(d), call('len', v), call('bool', v)),
      c.view === 'dict' ? [] : [print(call('sys.getsizeof', v), v)],
      c.view === 'items'
        ? print(compare(tuple(probeKey, list(probeKey)), 'in', v), compare(probeKey, 'in', v))
        : c.view === 'values'
          ? print(compare(list(probeKey), 'in', v))
          : print(compare(probeKey, 'in', v)),
      body,
      c.keys.length > 0 ? print(refcount(subscript(d, int(c.keys[0]!)))) : [],
      del('v'),
      print(refcount(d)),
    );
  },
});
