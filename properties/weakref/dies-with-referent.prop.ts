/**
 * weakref.dies-with-referent: an object held by several strong references of generated kinds
 * (names, list slots, dict values, attributes of a holder) stays reachable through its weak
 * references until the last strong one goes, and at that moment the weak references return None
 * and their callbacks run, newest first. The expected output is computed from the case.
 */
import fc from 'fast-check';
import type { Expr, Stmt, Target } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

type Holder = 'name' | 'list' | 'dict' | 'attr';
const HOLDERS: readonly Holder[] = ['name', 'list', 'dict', 'attr'];

function holderTarget(kind: Holder, i: number): Target {
  switch (kind) {
    case 'name':
      return py.name(`h${i}`);
    case 'list':
      return py.subscript(py.name('slots'), py.int(i));
    case 'dict':
      return py.subscript(py.name('table'), py.str(`k${i}`));
    case 'attr':
      return py.attr(py.name('box'), `f${i}`);
  }
}

const caseArb = fc
  .record({
    holders: fc.array(fc.constantFrom(...HOLDERS), { minLength: 1, maxLength: 5 }),
    callbacks: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
    order: fc.infiniteStream(fc.nat()),
  })
  .map(({ holders, callbacks, order }) => {
    // A drop order: a permutation of the holders, drawn from the stream.
    const remaining = holders.map((_, i) => i);
    const drops: number[] = [];
    const it = order[Symbol.iterator]();
    while (remaining.length > 0) drops.push(remaining.splice((it.next().value as number) % remaining.length, 1)[0] as number);
    return { holders, callbacks, drops };
  });

export const property = defineProperty({
  id: 'weakref.dies-with-referent',
  arbitrary: caseArb,
  program: ({ holders, callbacks, drops }) => {
    const body: Stmt[] = [
      py.importModules('weakref'),
      py.classDef('Node', []),
      py.classDef('Box', []),
      py.assign('slots', py.list(...holders.map(() => py.none))),
      py.assign('table', py.dict([])),
      py.assign('box', py.call('Box')),
      py.def('report', ['ref'], [py.print(py.str('callback'), py.call('refs.index', py.name('ref')))]),
      py.assign('target', py.call('Node')),
    ];
    holders.forEach((kind, i) => body.push(py.assign(holderTarget(kind, i), py.name('target'))));
    const refs: Expr[] = callbacks.map((withCallback) => (withCallback ? py.call('weakref.ref', py.name('target'), py.name('report')) : py.call('weakref.ref', py.name('target'))));
    body.push(py.assign('refs', py.list(...refs)), py.del('target'));
    for (const i of drops) {
      const holder = holders[i] as Holder;
      // A list slot is cleared rather than deleted, so the other slots keep their indexes.
      const drop = holder === 'list' ? py.assign(holderTarget(holder, i), py.none) : py.del(holderTarget(holder, i));
      body.push(drop, py.print(py.str('dropped'), py.int(i), py.is(py.call(py.subscript(py.name('refs'), py.int(0))), py.none)));
    }
    return py.module(body);
  },
  check({ callbacks, drops }, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    // weakref.ref(obj) without callback is shared (one object) — still the same list index order for callbacks.
    const withCallbacks = callbacks.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
    const lines: string[] = [];
    drops.forEach((i, step) => {
      const last = step === drops.length - 1;
      if (last) for (const index of [...withCallbacks].reverse()) lines.push(`callback ${index}`);
      lines.push(`dropped ${i} ${last ? 'True' : 'False'}`);
    });
    const expected = `${lines.join('\n')}\n`;
    return outcome.stdout === expected ? null : `the referent must die exactly at the last drop, callbacks newest first; expected\n${expected}got\n${outcome.stdout}`;
  },
});
