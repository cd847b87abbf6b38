/**
 * An unhashable dict key or set element at each place that hashes it (store, subscript, `in`,
 * `get`, `pop`, `setdefault`, literals, comprehensions, `add`, `discard`, `remove`, `set()`,
 * `frozenset()`): the TypeError's message, which 3.14 words with the key's type and use
 * (`cannot use 'list' as a dict key (unhashable type: 'list')`), and an empty dict's `pop`,
 * which does not hash. The key may be a list, dict or set, or a tuple holding one.
 */
import fc from 'fast-check';
import { NO_POS, type Expr, type Stmt } from '../../model/python/ast';
import { assign, call, compare, def, dict, expr, int, list, module, name, print, str, subscript, tuple } from '../gen/py';
import { method } from './builders-values';
import { defineConstruct } from './types';

const PLACES = ['store', 'subscript', 'in-dict', 'get', 'pop', 'setdefault', 'dict-literal', 'add', 'in-set', 'discard', 'remove', 'set-call', 'frozenset-call', 'set-literal', 'empty-pop'] as const;
type Place = (typeof PLACES)[number];
type KeyKind = 'list' | 'dict' | 'set' | 'tuple-of-list';

interface Case {
  readonly place: Place;
  readonly key: KeyKind;
  readonly filled: boolean;
}

function keyExpr(kind: KeyKind): Expr {
  switch (kind) {
    case 'list':
      return list(int(1));
    case 'dict':
      return dict([]);
    case 'set':
      return call('set');
    case 'tuple-of-list':
      return tuple(int(1), list());
  }
}

function use(place: Place): Stmt {
  const k = name('k');
  const d = name('d');
  const s = name('s');
  switch (place) {
    case 'store':
      return assign(subscript(d, k), int(1));
    case 'subscript':
      return expr(subscript(d, k));
    case 'in-dict':
      return expr(compare(k, 'in', d));
    case 'get':
      return expr(method(d, 'get', k));
    case 'pop':
      return expr(method(d, 'pop', k, int(0)));
    case 'setdefault':
      return expr(method(d, 'setdefault', k, int(0)));
    case 'dict-literal':
      return expr(dict([[k, int(1)]]));
    case 'add':
      return expr(method(s, 'add', k));
    case 'in-set':
      return expr(compare(k, 'in', s));
    case 'discard':
      return expr(method(s, 'discard', k));
    case 'remove':
      return expr(method(s, 'remove', k));
    case 'set-call':
      return expr(call('set', list(k)));
    case 'frozenset-call':
      return expr(call('frozenset', list(k)));
    case 'set-literal':
      return expr({ kind: 'Set', elts: [k], pos: NO_POS });
    case 'empty-pop':
      return print(str('empty pop'), method(dict([]), 'pop', k, str('not hashed')));
  }
}

export const construct = defineConstruct<Case>({
  construct: 'unhashable-keys',
  description: "an unhashable dict key or set element at each place that hashes it: the TypeError's wording per version (3.14 names the use)",
  arbitrary: fc
    .record({
      place: fc.constantFrom(...PLACES),
      key: fc.constantFrom<KeyKind>('list', 'dict', 'set', 'tuple-of-list'),
      filled: fc.boolean(),
    })
    // A set looked up in a set is retried as a frozenset (refused by the model, see set-methods.ts).
    .filter((c) => !(c.key === 'set' && (c.place === 'in-set' || c.place === 'discard' || c.place === 'remove'))),
  program({ place, key, filled }) {
    return module(
      assign('d', filled ? dict([[int(1), int(2)]]) : dict([])),
      assign('s', filled ? call('set', list(int(1))) : call('set')),
      assign('k', keyExpr(key)),
      def('attempt', [], [use(place)]),
      {
        kind: 'Try',
        body: [expr(call('attempt')), print(str('no error'))],
        handlers: [{ type: name('TypeError'), name: 'e', body: [print(str('TypeError'), name('e'))], pos: NO_POS }],
        orelse: [],
        finalbody: [],
        pos: NO_POS,
      },
    );
  },
});
