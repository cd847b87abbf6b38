/**
 * List and tuple displays with `*` items (`[*L, p0]`, `(p1, *T, *[p2])`), at module level or in a
 * function, kept, iterated by `for` (built as a tuple) or tested by `in`: the list's capacity
 * after `LIST_EXTEND` / `LIST_APPEND` (`sys.getsizeof`, per version), the references the items
 * get while the display is alive and after, and the TypeError of `*` of an int (wording per version).
 */
import fc from 'fast-check';
import { NO_POS, type Expr, type Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { forStmt, handler, refcount, tryStmt } from './builders-core';
import { defineConstruct } from './types';

const POOL = ['p0', 'p1', 'p2'] as const;
const pool = (i: number): Expr => py.name(POOL[i % POOL.length] ?? 'p0');

/** An item: a pool value, or `*` of a list display, a tuple display, L, T, E (empty) or N (an int). */
type Item =
  | { readonly kind: 'plain'; readonly item: number }
  | { readonly kind: 'list' | 'tuple'; readonly items: readonly number[] }
  | { readonly kind: 'L' | 'T' | 'E' | 'N' };

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.nat(2).map((i): Item => ({ kind: 'plain', item: i })),
  fc.record({ kind: fc.constantFrom('list' as const, 'tuple' as const), items: fc.array(fc.nat(2), { maxLength: 3 }) }),
  fc.constantFrom<Item>({ kind: 'L' }, { kind: 'T' }, { kind: 'E' }, { kind: 'N' }),
);

interface Display {
  readonly kind: 'list' | 'tuple';
  readonly items: readonly Item[];
  readonly use: 'keep' | 'for' | 'in';
}

const display: fc.Arbitrary<Display> = fc.record({
  kind: fc.constantFrom('list' as const, 'tuple' as const),
  items: fc.array(item, { minLength: 1, maxLength: 4 }).filter((items) => items.some((i) => i.kind !== 'plain')),
  use: fc.constantFrom('keep' as const, 'for' as const, 'in' as const),
});

const arbitrary = fc.record({ displays: fc.array(display, { minLength: 1, maxLength: 4 }), inFunction: fc.boolean() });

function itemExpr(i: Item): Expr {
  const starred = (value: Expr): Expr => ({ kind: 'Starred', value, pos: NO_POS });
  switch (i.kind) {
    case 'plain':
      return pool(i.item);
    case 'list':
      return starred(py.list(...i.items.map(pool)));
    case 'tuple':
      return starred(py.tuple(...i.items.map(pool)));
    default:
      return starred(py.name(i.kind));
  }
}

const counts = (): Expr[] => [...POOL.map((_, i) => refcount(pool(i))), refcount(py.name('L')), refcount(py.name('T'))];

function statements(d: Display): Stmt[] {
  const items = d.items.map(itemExpr);
  const made = d.kind === 'list' ? py.list(...items) : py.tuple(...items);
  const body: Stmt[] =
    d.use === 'keep'
      ? [py.assign('v', made), py.print(py.call('len', py.name('v')), ...(d.kind === 'list' ? [py.call('sys.getsizeof', py.name('v'))] : []), ...counts()), py.del('v')]
      : d.use === 'for'
        ? [forStmt(py.name('i'), d.kind === 'list' ? py.list(...items) : made, [py.print(py.is(py.name('i'), pool(0)), ...counts())])]
        : [py.print(py.compare(pool(1), 'in', made), ...counts())];
  return [tryStmt(body, [handler(py.name('TypeError'), 'e', [py.print(py.str('TypeError'), py.name('e'))])]), py.print(...counts())];
}

export const construct = defineConstruct({
  construct: 'starred-displays',
  description: 'list and tuple displays with * items, kept, iterated or tested with in, at module level or in a function: sizes, references, TypeErrors of * of an int',
  arbitrary,
  program: (c: { displays: readonly Display[]; inFunction: boolean }) => {
    const body = c.displays.flatMap(statements);
    return py.module(
      py.importModules('sys'),
      py.assign('p0', py.list(py.int(1))),
      py.assign('p1', py.call('list')),
      py.assign('p2', py.int(100_001)),
      py.assign('L', py.list(py.name('p0'), py.name('p2'))),
      py.assign('T', py.tuple(py.name('p1'), py.name('p0'))),
      py.assign('E', py.list()),
      py.assign('N', py.int(3)),
      c.inFunction ? [py.def('main', [], body), py.expr(py.call('main'))] : body,
      py.print(...counts()),
    );
  },
});
