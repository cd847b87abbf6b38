/**
 * identity.unique-while-alive: objects alive at the same time have distinct ids, however many.
 * The program holds every object it makes (up to thousands, of several types and sizes) and
 * counts the distinct ids. Values of immutable types differ across groups too: the language lets
 * an implementation return one object for equal immutable values (Data model, "Objects, values and
 * types"), and PyPy does for equal floats and ints (`i + 0.5` in two loops is one object there).
 */
import fc from 'fast-check';
import type { Expr } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

type Kind = 'list' | 'dict' | 'instance' | 'float' | 'bigint' | 'string' | 'tuple';
/** `group` keeps equal immutable values out of different groups (counts stay below 1000). */
const make: Record<Kind, (i: Expr, group: number) => Expr> = {
  list: (i) => py.list(i),
  dict: (i) => py.dict([[py.str('k'), i]]),
  instance: () => py.call('Item'),
  float: (i, group) => py.bin(i, '+', py.float(1000 * group + 0.5)),
  bigint: (i, group) => py.bin(i, '+', py.int(1000 * (group + 1))),
  string: (i, group) => py.bin(py.str(String.fromCharCode(97 + group)), '*', py.bin(i, '+', py.int(2))),
  tuple: (i, group) => py.tuple(py.int(group), i),
};

// Mostly small groups, so that a thousand programs run in the suite's time; one group in five
// is large, so programs of thousands of objects keep coming.
const count = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 41, max: 600 }) });
const group = fc.record({ kind: fc.constantFrom<Kind>('list', 'dict', 'instance', 'float', 'bigint', 'string', 'tuple'), count });

export const property = defineProperty({
  id: 'identity.unique-while-alive',
  arbitrary: fc.array(group, { minLength: 1, maxLength: 5 }),
    program: (groups) =>
    py.module(
      py.classDef('Item', []),
      py.assign('held', py.list()),
      py.assign('ids', py.dict([])),
      groups.map(({ kind, count }, index) => ({
        kind: 'For' as const,
        target: py.name('i'),
        iter: py.call('range', py.int(count)),
        body: [
          py.assign('item', make[kind](py.name('i'), index)),
          py.expr(py.call(py.attr(py.name('held'), 'append'), py.name('item'))),
          py.assign(py.subscript(py.name('ids'), py.call('id', py.name('item'))), py.bool(true)),
        ],
        orelse: [],
        pos: { line: 0, col: 0 },
      })),
      py.print(py.call('len', py.name('held')), py.compare(py.call('len', py.name('ids')), '==', py.call('len', py.name('held')))),
    ),
  check(groups, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const total = groups.reduce((sum, g) => sum + g.count, 0);
    const expected = `${total} True\n`;
    return outcome.stdout === expected ? null : `${total} live objects must have ${total} distinct ids; expected ${JSON.stringify(expected)}, got ${JSON.stringify(outcome.stdout)}`;
  },
});
