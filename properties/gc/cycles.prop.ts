/**
 * gc.cycles: a ring of objects that lost every outside reference stays alive (its weak reference
 * still returns it) until gc.collect(), which frees it; a ring still held from outside survives
 * the collection. Automatic collection is disabled first so that only gc.collect() can free it.
 */
import fc from 'fast-check';
import type { Stmt } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

const ring = fc.record({ size: fc.integer({ min: 1, max: 6 }), keepOutside: fc.boolean(), watch: fc.nat(5) });

export const property = defineProperty({
  id: 'gc.cycles',
  arbitrary: fc.array(ring, { minLength: 1, maxLength: 3 }),
  program: (rings) => {
    const body: Stmt[] = [py.importModules('gc', 'weakref'), py.expr(py.call('gc.disable')), py.classDef('Node', []), py.assign('keep', py.list())];
    rings.forEach(({ size, keepOutside, watch }, r) => {
      const node = (k: number) => `n${r}_${k}`;
      for (let k = 0; k < size; k++) body.push(py.assign(node(k), py.call('Node')));
      for (let k = 0; k < size; k++) body.push(py.assign(py.attr(py.name(node(k)), 'next'), py.name(node((k + 1) % size))));
      body.push(py.assign(`ref${r}`, py.call('weakref.ref', py.name(node(watch % size)))));
      if (keepOutside) body.push(py.expr(py.call(py.attr(py.name('keep'), 'append'), py.name(node(0)))));
      body.push(py.del(...Array.from({ length: size }, (_, k) => node(k))));
      body.push(py.print(py.str('before'), py.is(py.call(py.name(`ref${r}`)), py.none)));
    });
    body.push(py.expr(py.call('gc.collect')));
    rings.forEach((_, r) => body.push(py.print(py.str('after'), py.is(py.call(py.name(`ref${r}`)), py.none))));
    return py.module(body);
  },
  check(rings, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const expected = [...rings.map(() => 'before False'), ...rings.map((r) => `after ${r.keepOutside ? 'False' : 'True'}`)].join('\n') + '\n';
    return outcome.stdout === expected ? null : `cycles must survive until gc.collect() unless held from outside; expected\n${expected}got\n${outcome.stdout}`;
  },
});
