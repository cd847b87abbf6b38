/**
 * refcount.stdout-keeps-printed: a fresh str written to stdout n times since its last flush (as an
 * argument, as sep, as end) reports n more references if it is ASCII, none more otherwise.
 */
import fc from 'fast-check';
import type { Expr, Keyword, Stmt } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

type Write = 'arg' | 'twice' | 'sep' | 'end' | 'other' | 'flush';
const WRITES: readonly Write[] = ['arg', 'twice', 'sep', 'end', 'other', 'flush'];

const caseArb = fc.record({
  letters: fc.array(fc.constantFrom('a', 'b', 'q', 'z', '\u00e9', '\u03c0'), { minLength: 2, maxLength: 5 }),
  writes: fc.array(fc.constantFrom(...WRITES), { minLength: 1, maxLength: 8 }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer C> ? C : never;

const s = py.name('s');

function printCall(args: Expr[], keywords: Record<string, Expr> = {}): Stmt {
  const call = py.call('print', ...args) as Extract<Expr, { kind: 'Call' }>;
  const kws: Keyword[] = Object.entries(keywords).map(([name, value]) => ({ name, value, pos: call.pos }));
  return py.expr({ ...call, keywords: kws });
}

function writeStmt(w: Write): Stmt {
  switch (w) {
    case 'arg':
      return printCall([s]);
    case 'twice':
      return printCall([s, py.str('-'), s]);
    case 'sep':
      return printCall([py.str('x'), py.str('y'), py.str('z')], { sep: s });
    case 'end':
      return printCall([py.str('x')], { end: s });
    case 'other':
      return printCall([py.str('w')]);
    case 'flush':
      return printCall([py.str('f')], { flush: py.bool(true) });
  }
}

/** Times each step writes `s` itself. */
const WRITTEN: Readonly<Record<Write, number>> = { arg: 1, twice: 2, sep: 2, end: 1, other: 0, flush: 0 };

/** The counts `sys.getrefcount(s)` must report after each step: name + argument + what stdout keeps. */
function expectedCounts(c: Case): number[] {
  const ascii = c.letters.every((ch) => ch.charCodeAt(0) < 128);
  let kept = 0;
  return c.writes.map((w) => {
    kept = w === 'flush' ? 0 : kept + (ascii ? WRITTEN[w] : 0);
    return 2 + kept;
  });
}

export const property = defineProperty({
  id: 'refcount.stdout-keeps-printed',
  arbitrary: caseArb,
  program: (c) => {
    const body: Stmt[] = [
      py.importModules('sys'),
      py.assign('s', py.call(py.attr(py.str(''), 'join'), py.list(...c.letters.map((ch) => py.str(ch))))),
      py.assign('counts', py.list()),
    ];
    for (const w of c.writes) {
      body.push(writeStmt(w));
      body.push(py.expr(py.call(py.attr(py.name('counts'), 'append'), py.call('sys.getrefcount', s))));
    }
    // A newline first: an `end=s` write leaves the line open.
    body.push(py.print(), py.print(py.name('counts')));
    return py.module(body);
  },
  check(c, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const last = outcome.stdout.trimEnd().split('\n').at(-1) ?? '';
    const expected = `[${expectedCounts(c).join(', ')}]`;
    return last === expected ? null : `after each print, sys.getrefcount(s) must be ${expected} (2 + the writes of s stdout keeps); got ${last}`;
  },
});
