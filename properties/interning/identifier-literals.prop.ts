/**
 * interning.identifier-literals: a string literal made of ASCII letters, digits and underscores is
 * the intern table's canonical object (sys.intern of an equal run-time string returns it); a literal
 * with any other character is not.
 */
import fc from 'fast-check';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

const IDENTIFIER_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
const identifierLike = fc.string({ unit: fc.constantFrom(...IDENTIFIER_CHARS), minLength: 2, maxLength: 12 });
const other = fc
  .tuple(fc.string({ unit: fc.constantFrom(...IDENTIFIER_CHARS), maxLength: 6 }), fc.constantFrom(' ', '-', '!', '.', ':', 'é', '\u4e2d'), fc.string({ maxLength: 6 }))
  .map(([a, c, b]) => `${a}${c}${b}`)
  .filter((s) => s.length >= 2);

const isIdentifierLike = (s: string) => /^[A-Za-z0-9_]*$/.test(s);

export const property = defineProperty({
  id: 'interning.identifier-literals',
  arbitrary: fc.array(fc.oneof(identifierLike, other), { minLength: 1, maxLength: 5 }),
  // The salt (letters and digits) keeps each text new to the interpreter: one interpreter runs many
  // programs, and its intern table (and the startup's own interned names) outlive each of them.
  program: (texts, salt) =>
    py.module(
      py.importModules('sys'),
      texts.map((text) => `${text}${salt}`).flatMap((text, i) => {
        const cut = Math.floor(text.length / 2);
        const pieces = [text.slice(0, cut), text.slice(cut)].map((piece) => py.call(py.attr(py.str(''), 'join'), py.list(py.str(piece))));
        return [
          py.assign(`lit${i}`, py.str(text)),
          py.assign(`built${i}`, py.call(py.attr(py.str(''), 'join'), py.list(...pieces))),
          py.print(py.is(py.name(`built${i}`), py.name(`lit${i}`)), py.is(py.call('sys.intern', py.name(`built${i}`)), py.name(`lit${i}`))),
        ];
      }),
    ),
  check(texts, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const expected = texts.map((t) => `False ${isIdentifierLike(t) ? 'True' : 'False'}\n`).join('');
    return outcome.stdout === expected ? null : `identifier-like literals (only) must be canonical in the intern table; expected\n${expected}got\n${outcome.stdout}`;
  },
});
