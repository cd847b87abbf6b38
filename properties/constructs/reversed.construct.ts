/**
 * `reversed()` of a list, tuple, str or range: the iterator holds the sequence until exhausted
 * (an exhausted `list_reverseiterator` keeps its list from 3.13), `list()`/`tuple()` of it are
 * sized from its exact length hint. Programs print the items, the sequence's reference count
 * before, during and after the iteration, and the result's size.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, call, del, importModules, int, is, list, module, name, print, str } from '../gen/py';
import { forStmt } from './builders-funcs';
import { runtimeStr } from './builders-values';
import { defineConstruct } from './types';

type Kind = 'list' | 'tuple' | 'str' | 'range';
type Consumer = 'for' | 'list' | 'tuple' | 'next';

interface Case {
  readonly kind: Kind;
  readonly values: readonly number[];
  readonly consumer: Consumer;
}

const refcount = (e: Expr): Expr => call('sys.getrefcount', e);

function sequence(kind: Kind, values: readonly number[], salt: string): Expr {
  switch (kind) {
    case 'list':
      return list(...values.map((v) => int(v)));
    case 'tuple':
      return call('tuple', list(...values.map((v) => int(v))));
    case 'str':
      // Built at run time (never a shared constant); latin-1 letters only: their 1-char strs are cached.
      return runtimeStr(`${salt} `, values.map((v) => 'abcdefgh'[v % 8]).join(''));
    case 'range':
      return call('range', int(values.length));
  }
}

export const construct = defineConstruct<Case>({
  construct: 'reversed',
  description: 'reversed() of lists, tuples, strs and ranges: the sequence held until exhausted (3.13 keeps a list), consumption by for, list, tuple and next, sizes of the results',
  arbitrary: fc.record({
    kind: fc.constantFrom<Kind>('list', 'tuple', 'str', 'range'),
    values: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 0, maxLength: 9 }),
    consumer: fc.constantFrom<Consumer>('for', 'list', 'tuple', 'next'),
  }),
  program: (c, salt) => {
    const s = name('s');
    const r = name('r');
    // The empty tuple is a shared singleton whose count no program fixes: one item at least.
    const values = c.kind === 'tuple' && c.values.length === 0 ? [0] : c.values;
    // list(reversed(range)) is refused by the model (a range iterator's length hint); and the range
    // iterator holds no range, so its count says nothing: `for` and `next` only.
    const consumer: Consumer = c.kind === 'range' && (c.consumer === 'list' || c.consumer === 'tuple') ? 'for' : c.consumer;
    const consume: Stmt[] = [];
    switch (consumer) {
      case 'for':
        consume.push(forStmt('x', r, [print(name('x'), refcount(s))]));
        break;
      case 'list':
      case 'tuple':
        // Before 3.11 an empty tuple() of an iterator is a new object: list() when empty.
        consume.push(assign('out', call(values.length === 0 ? 'list' : consumer, r)), print(name('out'), call('sys.getsizeof', name('out'))));
        break;
      case 'next':
        consume.push(
          assign('first', call('next', r, name('marker'))),
          print(name('first'), refcount(s)),
          forStmt('x', r, [print(name('x'))]),
          print(refcount(s)),
          print(is(call('next', r, name('marker')), name('marker'))),
        );
        break;
    }
    return module(
      importModules('sys'),
      assign('marker', list(str(`marker ${salt}`))),
      assign('s', sequence(c.kind, values, salt)),
      print(refcount(s)),
      assign('r', call('reversed', s)),
      print(refcount(s), call('sys.getsizeof', r), is(call('iter', r), r)),
      consume,
      print(refcount(s)),
      del('r'),
      print(refcount(s)),
    );
  },
});
