/**
 * `int(text)` and `int(text, base)` of strs and bytes (`Objects/longobject.c` `PyLong_FromString`,
 * `long_new_impl`): signs, whitespace, base 0 prefixes, underscores, bases 2-36 and invalid ones;
 * prints the result and whether a small one is the cached int, or the ValueError/TypeError.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, bytes, call, int, is, module, name, print, str, tuple } from '../gen/py';
import { handler, tryStmt } from './builders-core';
import { defineConstruct } from './types';

interface Case {
  readonly text: string;
  readonly asBytes: boolean;
  readonly base: number | null;
}

/** Near-numbers: a prefix, digits of several bases with underscores, and trailing noise. */
const text: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '', ' ', '-', '+', '\t-', '0x', '0X', '0o', '0b', '0', '00', '0_', '+_'),
    fc.stringMatching(/^[0-9a-fA-FzZ_]{0,8}$/),
    fc.constantFrom('', '', '', ' ', '\n', '_', '.', 'x'),
  )
  .map(([prefix, body, suffix]) => prefix + body + suffix);

export const construct = defineConstruct<{ readonly cases: readonly Case[] }>({
  construct: 'int-parsing',
  description: 'int(str) and int(str|bytes, base): prefixes, underscores, whitespace, bases 0 and 2-36, the errors and their wordings',
  arbitrary: fc.record({
    cases: fc.array(fc.record({ text, asBytes: fc.boolean(), base: fc.constantFrom(null, 0, 2, 8, 10, 16, 36, 7, 1, 37) }), { minLength: 1, maxLength: 6 }),
  }),
  program({ cases }) {
    const body: Stmt[] = [assign('small', int(7))];
    cases.forEach((c, i) => {
      const r = `r${i}`;
      const arg: Expr = c.asBytes ? bytes([...c.text].map((ch) => ch.charCodeAt(0))) : str(c.text);
      const parsed = c.base === null ? call('int', arg) : call('int', arg, int(c.base));
      body.push(
        tryStmt(
          [assign(r, parsed), print(call('repr', name(r)), is(name(r), name('small')))],
          [handler(tuple(name('ValueError'), name('TypeError')), 'e', [print(call('repr', name('e')))])],
        ),
      );
    });
    return module(body);
  },
});
