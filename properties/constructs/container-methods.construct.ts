/**
 * list, dict and set methods (append/pop/remove/insert/extend/copy/count, get/setdefault/pop/
 * update/copy, add/discard/remove): which object each returns, the references the containers
 * take and give back, and the list's allocated size as it grows and shrinks.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { refcount } from './builders-core';
import { defineConstruct } from './types';

/** The objects stored: a list, an instance, an int beyond the small-int cache. */
const POOL = ['x0', 'x1', 'x2'] as const;
const KEYS = ['k0', 'k1', 'k2'] as const;

type Op =
  | { readonly on: 'list'; readonly op: 'append' | 'pop' | 'pop0' | 'remove' | 'insert' | 'extend' | 'copy' | 'count'; readonly item: number }
  | { readonly on: 'dict'; readonly op: 'get' | 'get-default' | 'setdefault' | 'pop' | 'pop-default' | 'update' | 'copy' | 'store'; readonly key: number; readonly item: number }
  | { readonly on: 'set'; readonly op: 'add' | 'discard' | 'remove'; readonly item: number };

const item = fc.integer({ min: 0, max: POOL.length - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ on: fc.constant('list' as const), op: fc.constantFrom('append' as const, 'append' as const, 'pop' as const, 'pop0' as const, 'remove' as const, 'insert' as const, 'extend' as const, 'copy' as const, 'count' as const), item }),
  fc.record({ on: fc.constant('dict' as const), op: fc.constantFrom('get' as const, 'get-default' as const, 'setdefault' as const, 'pop' as const, 'pop-default' as const, 'update' as const, 'copy' as const, 'store' as const), key: fc.integer({ min: 0, max: KEYS.length - 1 }), item }),
  fc.record({ on: fc.constant('set' as const), op: fc.constantFrom('add' as const, 'discard' as const, 'remove' as const), item }),
);

const arbitrary = fc.array(op, { minLength: 1, maxLength: 8 });

const L = py.name('lst');
const D = py.name('dct');
const S = py.name('st');
const method = (on: Expr, name: string, ...args: Expr[]) => py.call(py.attr(on, name), ...args);
const x = (i: number) => py.name(POOL[i] ?? 'x0');

/** Each op's statements; the list, dict and set are followed so that pops and removes find their item. */
function statements(ops: readonly Op[]): Stmt[] {
  const list: number[] = [];
  // Emptied by pop(): the model refuses to extend it (whether an item array is left changed in 3.12).
  let poppedEmpty = false;
  const dict = new Map<number, number>();
  const set = new Set<number>();
  const out: Stmt[] = [];
  for (const step of ops) {
    switch (step.on) {
      case 'list':
        switch (step.op) {
          case 'append':
            out.push(py.expr(method(L, 'append', x(step.item))));
            list.push(step.item);
            break;
          case 'pop':
          case 'pop0':
            if (list.length === 0) break;
            out.push(py.print(py.is(step.op === 'pop' ? method(L, 'pop') : method(L, 'pop', py.int(0)), x(step.op === 'pop' ? (list.pop() as number) : (list.shift() as number)))));
            if (list.length === 0) poppedEmpty = true;
            break;
          case 'remove':
            if (!list.includes(step.item)) break;
            out.push(py.expr(method(L, 'remove', x(step.item))));
            list.splice(list.indexOf(step.item), 1);
            if (list.length === 0) poppedEmpty = false;
            break;
          case 'insert':
            out.push(py.expr(method(L, 'insert', py.int(step.item), x(step.item))));
            list.splice(step.item, 0, step.item);
            break;
          case 'extend':
            if (poppedEmpty && list.length === 0) break;
            out.push(py.expr(method(L, 'extend', py.list(x(step.item), x((step.item + 1) % POOL.length)))));
            list.push(step.item, (step.item + 1) % POOL.length);
            break;
          case 'copy':
            out.push(py.assign('c', method(L, 'copy')), py.print(py.is(py.name('c'), L), py.call('len', py.name('c')), py.call('sys.getsizeof', py.name('c'))), py.del('c'));
            break;
          case 'count':
            out.push(py.print(method(L, 'count', x(step.item))));
            break;
        }
        out.push(py.print(py.call('len', L), py.call('sys.getsizeof', L)));
        break;
      case 'dict': {
        const k = py.str(KEYS[step.key] ?? 'k0');
        switch (step.op) {
          case 'get':
            out.push(py.print(py.is(method(D, 'get', k), dict.has(step.key) ? x(dict.get(step.key) as number) : py.none)));
            break;
          case 'get-default':
            out.push(py.print(py.is(method(D, 'get', k, x(step.item)), x(dict.get(step.key) ?? step.item))));
            break;
          case 'setdefault':
            out.push(py.print(py.is(method(D, 'setdefault', k, x(step.item)), x(dict.get(step.key) ?? step.item))));
            if (!dict.has(step.key)) dict.set(step.key, step.item);
            break;
          case 'pop':
            if (!dict.has(step.key)) break;
            out.push(py.print(py.is(method(D, 'pop', k), x(dict.get(step.key) as number))));
            dict.delete(step.key);
            break;
          case 'pop-default':
            out.push(py.print(py.is(method(D, 'pop', k, py.none), dict.has(step.key) ? x(dict.get(step.key) as number) : py.none)));
            dict.delete(step.key);
            break;
          case 'update':
            out.push(py.expr(method(D, 'update', py.dict([[k, x(step.item)]]))));
            dict.set(step.key, step.item);
            break;
          case 'store':
            out.push(py.assign(py.subscript(D, k), x(step.item)));
            dict.set(step.key, step.item);
            break;
          case 'copy':
            out.push(py.assign('c', method(D, 'copy')), py.print(py.is(py.name('c'), D), py.compare(py.name('c'), '==', D)), py.del('c'));
            break;
        }
        out.push(py.print(py.call('len', D)));
        break;
      }
      case 'set':
        if (step.op === 'remove' && !set.has(step.item)) break;
        out.push(py.expr(method(S, step.op, x(step.item))));
        if (step.op === 'add') set.add(step.item);
        else set.delete(step.item);
        out.push(py.print(py.call('len', S), py.compare(x(step.item), 'in', S)));
        break;
    }
    out.push(py.print(...POOL.map((_, i) => refcount(x(i)))));
  }
  return out;
}

export const construct = defineConstruct({
  construct: 'container-methods',
  description: 'list, dict and set methods: identity of what they return, references taken and given back, the list’s allocated size',
  arbitrary,
  program: (ops: readonly Op[]) =>
    py.module(
      py.importModules('sys'),
      py.classDef('Box', []),
      py.assign('x0', py.list(py.int(1))),
      py.assign('x1', py.call('Box')),
      py.assign('x2', py.int(100_001)),
      py.assign('lst', py.list()),
      py.assign('dct', py.dict([])),
      py.assign('st', py.call('set')),
      statements(ops),
    ),
});
