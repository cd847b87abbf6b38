/**
 * KeyErrors the interpreter raises (`d[k]`, `d.pop(k)`, `del d[k]`) caught by `except KeyError`,
 * `except LookupError` or `except Exception`: the exception holds the key itself (`e.args[0] is
 * k`, one more reference while it is handled, `_PyErr_SetKeyError`), `str(e)` is the key's repr,
 * and the reference is given back when the handler ends.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { handler, refcount, tryStmt } from './builders-core';
import { defineConstruct } from './types';

const KEYS = ['k0', 'k1', 'k2'] as const;
const key = (i: number): Expr => py.name(KEYS[i % KEYS.length] ?? 'k0');

interface Lookup {
  readonly how: 'subscript' | 'pop' | 'del' | 'pop-default';
  readonly key: number;
  readonly clause: 'KeyError' | 'LookupError' | 'Exception';
  readonly named: boolean;
}

const lookup: fc.Arbitrary<Lookup> = fc.record({
  how: fc.constantFrom<Lookup['how']>('subscript', 'pop', 'del', 'pop-default'),
  key: fc.nat(2),
  clause: fc.constantFrom<Lookup['clause']>('KeyError', 'LookupError', 'Exception'),
  named: fc.boolean(),
});

const arbitrary = fc.array(lookup, { minLength: 1, maxLength: 5 });

function statement(l: Lookup): Stmt[] {
  const k = key(l.key);
  const body: Stmt =
    l.how === 'subscript'
      ? py.print(py.subscript(py.name('d'), k))
      : l.how === 'del'
        ? py.del(py.subscript(py.name('d'), k))
        : py.print(py.call(py.attr(py.name('d'), 'pop'), k, ...(l.how === 'pop-default' ? [py.name('k0')] : [])));
  const shown: Expr[] = l.named ? [py.is(py.subscript(py.attr(py.name('e'), 'args'), py.int(0)), k), py.call('str', py.name('e')), refcount(k)] : [refcount(k)];
  return [tryStmt([body], [handler(py.name(l.clause), l.named ? 'e' : null, [py.print(py.str('caught'), ...shown)])]), py.print(...KEYS.map((_, i) => refcount(key(i))))];
}

export const construct = defineConstruct({
  construct: 'interpreter-key-errors',
  description: 'KeyErrors of d[k], d.pop(k) and del d[k] caught by KeyError/LookupError/Exception: the key held by the exception, its str, the references given back',
  arbitrary,
  program: (lookups: readonly Lookup[]) =>
    py.module(
      py.importModules('sys'),
      py.assign('k0', py.int(100_003)),
      py.assign('k1', py.tuple(py.int(1), py.int(2))),
      py.assign('k2', py.bin(py.int(10), '**', py.int(20))),
      py.assign('d', py.dict([[py.name('k0'), py.int(1)]])),
      lookups.flatMap(statement),
    ),
});
