/**
 * An instance's attributes through `o.name = ...`, getattr/setattr/delattr/hasattr and
 * `o.__dict__` (made or materialized at its first read, then kept, per version): which object
 * each read returns, whether `__dict__` stays the same dict and sees later stores, the references
 * the instance, its dict and the stored values hold.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { refcount } from './builders-core';
import { defineConstruct } from './types';

const NAMES = ['a', 'b', 'c', 'd'] as const;
type AttrName = (typeof NAMES)[number];

type Op =
  | { readonly op: 'store' | 'setattr' | 'dict-store'; readonly name: AttrName; readonly value: 'payload' | 'fresh' | 'int' }
  | { readonly op: 'getattr' | 'getattr-default' | 'hasattr' | 'delattr' | 'del' | 'read-dict' | 'drop-dict'; readonly name: AttrName };

interface AttributesCase {
  /** Attributes `__init__` sets. */
  readonly initial: number;
  readonly ops: readonly Op[];
}

const name = fc.constantFrom(...NAMES);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('store' as const, 'setattr' as const, 'dict-store' as const), name, value: fc.constantFrom('payload' as const, 'fresh' as const, 'int' as const) }),
  fc.record({ op: fc.constantFrom('getattr' as const, 'getattr-default' as const, 'hasattr' as const, 'delattr' as const, 'del' as const, 'read-dict' as const, 'drop-dict' as const), name }),
);

const arbitrary: fc.Arbitrary<AttributesCase> = fc.record({ initial: fc.integer({ min: 0, max: 3 }), ops: fc.array(op, { minLength: 1, maxLength: 6 }) });

const o = py.name('o');
const payload = py.name('payload');

function valueOf(value: 'payload' | 'fresh' | 'int'): Expr {
  return value === 'payload' ? payload : value === 'fresh' ? py.list(py.int(2)) : py.int(100_001);
}

/** The statements of each op; `present` follows which attributes exist, so deletes always find theirs. */
function statements(c: AttributesCase): Stmt[] {
  const present = new Set<string>(NAMES.slice(0, c.initial));
  let holdsDict = false;
  const out: Stmt[] = [];
  for (const step of c.ops) {
    const n = py.str(step.name);
    switch (step.op) {
      case 'store':
        out.push(py.assign(py.attr(o, step.name), valueOf(step.value)));
        present.add(step.name);
        break;
      case 'setattr':
        out.push(py.expr(py.call('setattr', o, n, valueOf(step.value))));
        present.add(step.name);
        break;
      case 'dict-store':
        out.push(py.assign(py.subscript(py.attr(o, '__dict__'), n), valueOf(step.value)), py.print(py.is(py.attr(o, step.name), py.subscript(py.attr(o, '__dict__'), n))));
        present.add(step.name);
        break;
      case 'getattr':
        out.push(present.has(step.name) ? py.print(py.is(py.call('getattr', o, n), payload)) : py.print(py.call('hasattr', o, n)));
        break;
      case 'getattr-default':
        out.push(py.print(py.is(py.call('getattr', o, n, payload), payload)));
        break;
      case 'hasattr':
        out.push(py.print(py.call('hasattr', o, n)));
        break;
      case 'delattr':
      case 'del':
        if (present.has(step.name)) {
          out.push(step.op === 'del' ? py.del(py.attr(o, step.name)) : py.expr(py.call('delattr', o, n)));
          present.delete(step.name);
        }
        out.push(py.print(py.call('hasattr', o, n)));
        break;
      case 'read-dict':
        out.push(
          ...(holdsDict ? [py.print(py.is(py.name('d'), py.attr(o, '__dict__')))] : []),
          py.assign('d', py.attr(o, '__dict__')),
          py.print(py.call('len', py.name('d')), py.compare(n, 'in', py.name('d')), refcount(py.name('d'))),
        );
        holdsDict = true;
        break;
      case 'drop-dict':
        if (holdsDict) out.push(py.print(py.call('len', py.name('d')), refcount(py.name('d'))), py.del('d'));
        holdsDict = false;
        break;
    }
    out.push(py.print(refcount(o), refcount(payload)));
  }
  return out;
}

export const construct = defineConstruct({
  construct: 'attributes',
  description: 'instance attributes through stores, getattr/setattr/delattr/hasattr and obj.__dict__: identity of what is read, the dict kept once made, references held',
  arbitrary,
  program: (c: AttributesCase) =>
    py.module(
      py.importModules('sys'),
      py.classDef('C', [py.def('__init__', ['self'], NAMES.slice(0, c.initial).map((n) => py.assign(py.attr(py.name('self'), n), py.name('payload'))))].filter(() => c.initial > 0)),
      py.assign('payload', py.list(py.int(1))),
      py.assign('o', py.call('C')),
      py.print(refcount(o), refcount(payload)),
      statements(c),
    ),
});
