/**
 * slots.no-dict: instances of a class with __slots__ have no __dict__ and refuse undeclared
 * attributes (AttributeError); a subclass without __slots__ has a __dict__ again, one with
 * __slots__ does not.
 */
import fc from 'fast-check';
import type { Stmt } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

/** Python's keywords cannot be attribute names in source. */
const KEYWORDS = new Set(['and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);
const attrName = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 5 }).filter((name) => !KEYWORDS.has(name));
const caseArb = fc.record({
  slots: fc.uniqueArray(attrName, { minLength: 0, maxLength: 3 }),
  subclass: fc.constantFrom('none', 'plain', 'slotted'),
  extra: attrName,
  tryUndeclared: fc.boolean(),
});

export const property = defineProperty({
  id: 'slots.no-dict',
  arbitrary: caseArb,
  program: ({ slots, subclass, extra, tryUndeclared }) => {
    const body: Stmt[] = [py.classDef('Base', [py.assign('__slots__', py.tuple(...slots.map((s) => py.str(s))))])];
    body.push(py.assign('b', py.call('Base')));
    slots.forEach((s, i) => body.push(py.assign(py.attr(py.name('b'), s), py.int(i))));
    body.push(py.print(py.str('base'), py.call('hasattr', py.name('b'), py.str('__dict__'))));
    if (subclass !== 'none') {
      const subBody = subclass === 'slotted' ? [py.assign('__slots__', py.tuple())] : [];
      body.push(py.classDef('Sub', subBody, [py.name('Base')]), py.assign('s', py.call('Sub')));
      body.push(py.print(py.str('sub'), py.call('hasattr', py.name('s'), py.str('__dict__'))));
    }
    const undeclared = slots.includes(extra) ? `${extra}_x` : extra;
    if (tryUndeclared) body.push(py.assign(py.attr(py.name('b'), undeclared), py.int(1)));
    return py.module(body);
  },
  check({ subclass, tryUndeclared }, outcome) {
    const lines = ['base False', ...(subclass === 'none' ? [] : [`sub ${subclass === 'plain' ? 'True' : 'False'}`])];
    const expected = `${lines.join('\n')}\n`;
    if (outcome.stdout !== expected) return `expected\n${expected}got\n${outcome.stdout}`;
    if (!tryUndeclared) return outcome.exitCode === 0 ? null : `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    return outcome.exitCode === 1 && /(^|\n)AttributeError: .+\n?$/.test(outcome.stderr) ? null : `assigning an undeclared attribute must raise AttributeError; got exit ${outcome.exitCode}, ${JSON.stringify(outcome.stderr)}`;
  },
});
