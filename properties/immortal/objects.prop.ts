/**
 * immortal.objects: taking many references to an immortal object (singletons, small ints,
 * the empty tuple and string, one-character strings, one-byte bytes) leaves sys.getrefcount
 * unchanged; the value itself is compared with the model by the agreement layer.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

const intOf = (n: number) => py.call('int', py.str(String(n)));
const immortals: Record<string, (n: number) => Expr> = {
  None: () => py.none,
  True: () => py.bool(true),
  False: () => py.bool(false),
  Ellipsis: () => py.ellipsis,
  NotImplemented: () => py.name('NotImplemented'),
  smallInt: (n) => intOf((n % 262) - 5),
  emptyTuple: () => py.call('tuple'),
  emptyStr: () => py.call('str'),
  latin1Char: (n) => py.call('chr', intOf(n % 256)),
  oneByte: (n) => py.call('bytes', py.list(intOf(n % 256))),
};

const caseArb = fc.record({
  which: fc.constantFrom(...Object.keys(immortals)),
  n: fc.nat(1000),
  copies: fc.integer({ min: 1, max: 2000 }),
  names: fc.integer({ min: 0, max: 5 }),
});

export const property = defineProperty({
  id: 'immortal.objects',
  arbitrary: caseArb,
  program: ({ which, n, copies, names }) => {
    const make = immortals[which] as (n: number) => Expr;
    const body: Stmt[] = [py.importModules('sys'), py.assign('target', make(n)), py.assign('before', py.call('sys.getrefcount', py.name('target')))];
    body.push(py.assign('many', py.bin(py.list(py.name('target')), '*', py.int(copies))));
    for (let i = 0; i < names; i++) body.push(py.assign(`alias${i}`, py.name('target')));
    body.push(py.assign('after', py.call('sys.getrefcount', py.name('target'))));
    body.push(py.print(py.str(which), py.compare(py.name('before'), '==', py.name('after')), py.name('after')));
    return py.module(body);
  },
  check({ which }, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    return new RegExp(`^${which} True \\d+\\n$`).test(outcome.stdout) ? null : `references must not change an immortal object's count; got ${JSON.stringify(outcome.stdout)}`;
  },
});
