/**
 * Every kind of iterable the model has (list, tuple, str, bytes, range, dict, set and frozenset
 * displays, including constant displays of three or more items that the compiler folds into one
 * constant) consumed in every way: a `for` loop, `list()`, `tuple()`, a list comprehension,
 * `any`/`all`, `sum` of numbers, and `in`. Prints the items seen, the results, and the container's
 * reference count during and after the iteration (the iterator holds it until exhausted), and
 * whether a list freed before the loop has its block back after it (the iterator's own block).
 * Sets hold small ints in 0..7 only: their order is then fixed by their hashes. Two items or more:
 * empty and one-character containers are cached objects whose counts the model cannot know.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, bin, bytes, call, compare, del, dict, importModules, int, is, list, module, name, print, str, tuple } from '../gen/py';
import { comprehension, forStmt, listComp, refcount, set } from './builders-core';
import { defineConstruct } from './types';

type Kind = 'list' | 'tuple' | 'str' | 'bytes' | 'range' | 'dict' | 'set' | 'frozenset';
type Consumer = 'for' | 'list' | 'tuple' | 'listcomp' | 'any' | 'all' | 'sum' | 'in';

interface Case {
  readonly kind: Kind;
  readonly small: readonly number[];
  readonly consumer: Consumer;
  readonly probe: number;
}

const KINDS: readonly Kind[] = ['list', 'tuple', 'str', 'bytes', 'range', 'dict', 'set', 'frozenset'];
const CONSUMERS: readonly Consumer[] = ['for', 'list', 'tuple', 'listcomp', 'any', 'all', 'sum', 'in'];

/** The iterable's display (or call), from small ints in 0..7. */
function iterable(kind: Kind, small: readonly number[]): Expr {
  const ints = small.map((v) => int(v));
  switch (kind) {
    case 'list':
      return list(...ints);
    case 'tuple':
      return tuple(...ints);
    case 'str':
      return str(small.map((v) => 'abcdefgh'[v]).join(' ')); // not identifier-like: not interned, not shared
    case 'bytes':
      return bytes(small);
    case 'range':
      return call('range', int(small.length));
    case 'dict':
      return dict(small.map((v, i) => [int(v), int(i)] as const));
    case 'set':
      return set(...ints);
    case 'frozenset':
      return call('frozenset', list(...ints));
  }
}

const numeric = (kind: Kind): boolean => kind !== 'str';

function consume(consumer: Consumer, kind: Kind, probe: number): Stmt[] {
  const c = name('c');
  switch (consumer) {
    case 'for':
      return [assign('seen', list()), forStmt({ kind: 'Name', id: 'x', pos: c.pos }, c, [{ kind: 'Expr', value: call('seen.append', name('x')), pos: c.pos }, assign('during', refcount(c))]), print(str('for'), name('seen'))];
    case 'list':
    case 'tuple':
      return [assign('r', call(consumer, c)), print(str(consumer), name('r'), call('len', name('r')))];
    case 'listcomp':
      return [assign('r', listComp(name('x'), comprehension({ kind: 'Name', id: 'x', pos: c.pos }, c))), print(str('listcomp'), name('r'))];
    case 'any':
    case 'all':
      return [print(str(consumer), call(consumer, c), is(call(consumer, c), call(consumer, c)))];
    case 'sum':
      return numeric(kind) ? [print(str('sum'), call('sum', c))] : [print(str('sum of str skipped'))];
    case 'in': {
      const needle = kind === 'str' ? str('abcdefghi'[probe] as string) : int(probe);
      return [print(str('in'), compare(needle, 'in', c), compare(needle, 'not in', c))];
    }
  }
}

export const construct = defineConstruct<Case>({
  construct: 'iterables',
  description: 'list, tuple, str, bytes, range, dict, set, frozenset (constant displays too) through for, list(), tuple(), comprehensions, any/all, sum, in',
  arbitrary: fc.record({
    kind: fc.constantFrom(...KINDS),
    small: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 2, maxLength: 4 }),
    consumer: fc.constantFrom(...CONSUMERS),
    probe: fc.integer({ min: 0, max: 8 }),
  }),
  program({ kind, small, consumer, probe }) {
    const body: Stmt[] = [
      importModules('sys'),
      assign('c', iterable(kind, small)),
      assign('before', refcount(name('c'))),
      assign('freed', list()),
      assign('freedId', call('id', name('freed'))),
      del('freed'),
      assign('during', name('before')),
      ...consume(consumer, kind, probe),
      assign('after', list()),
      print(str('refcounts'), bin(name('during'), '-', name('before')), bin(refcount(name('c')), '-', name('before'))),
      print(str('freed list block back'), compare(call('id', name('after')), '==', name('freedId'))),
    ];
    return module(body);
  },
});
