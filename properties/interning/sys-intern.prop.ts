/**
 * interning.sys-intern: sys.intern of equal strings built in different ways returns one object,
 * the first one interned; a non-str argument, or a str subclass instance, is a TypeError.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

const join = (...parts: Expr[]) => py.call(py.attr(py.str(''), 'join'), py.list(...parts));

/** Two different run-time constructions of `text` (never a shared constant). */
function builds(text: string, salt: string): [Expr, Expr] {
  const full = `${text}${salt}`;
  const cut = Math.max(1, Math.floor(full.length / 3));
  return [join(py.str(full.slice(0, cut)), py.str(full.slice(cut))), join(py.str(full.slice(0, cut + 1)), py.str(full.slice(cut + 1)))];
}

type Bad = 'int' | 'float' | 'bytes' | 'tuple' | 'list' | 'None' | 'subclass';
const badValue: Record<Bad, Expr> = {
  int: py.call('int', py.str('12')),
  float: py.float(1.5),
  bytes: py.bytes([97, 98]),
  tuple: py.tuple(py.str('a'), py.str('b')),
  list: py.list(py.str('ab')),
  None: py.none,
  subclass: py.call('Text', py.str('ab')),
};

const caseArb = fc.record({
  texts: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 4 }),
  bad: fc.option(fc.constantFrom<Bad>('int', 'float', 'bytes', 'tuple', 'list', 'None', 'subclass'), { nil: null }),
});

export const property = defineProperty({
  id: 'interning.sys-intern',
  arbitrary: caseArb,
  program: ({ texts, bad }, salt) => {
    const body: Stmt[] = [py.importModules('sys'), py.classDef('Text', [], [py.name('str')])];
    texts.forEach((text, i) => {
      const [first, second] = builds(text, salt);
      body.push(
        py.assign(`a${i}`, py.call('sys.intern', first)),
        py.assign(`b${i}`, py.call('sys.intern', second)),
        py.print(py.is(py.name(`a${i}`), py.name(`b${i}`)), py.is(py.call('sys.intern', py.name(`b${i}`)), py.name(`a${i}`))),
      );
    });
    if (bad !== null) body.push(py.expr(py.call('sys.intern', badValue[bad])));
    return py.module(body);
  },
  check({ texts, bad }, outcome) {
    const expected = texts.map(() => 'True True\n').join('');
    if (outcome.stdout !== expected) return `equal strings must intern to one object; expected\n${expected}got\n${outcome.stdout}`;
    if (bad === null) return outcome.exitCode === 0 ? null : `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    return outcome.exitCode === 1 && /(^|\n)TypeError: .+\n?$/.test(outcome.stderr) ? null : `sys.intern of a ${bad} must raise TypeError; got exit ${outcome.exitCode}, stderr ${JSON.stringify(outcome.stderr)}`;
  },
});
