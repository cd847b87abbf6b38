/**
 * str methods (issue #9): strip/lstrip/rstrip, split, replace, upper/lower/capitalize/swapcase/title,
 * the is* predicates, startswith/endswith, find/rfind/count and format on strings built at run time, printing each result, whether it is the
 * receiver itself (`unicode_result_unchanged`), whether two calls give one object (latin-1
 * cache, empty-string singleton), and the split list's slots (`sys.getsizeof`).
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, bin, call, importModules, int, is, list, module, name, print, str, subscript } from '../gen/py';
import { method, runtimeStr } from './builders-values';
import { defineConstruct } from './types';

/** Pieces made of a small alphabet with spaces and commas, so that strip and split have work. */
const piece = fc.stringMatching(/^[ ab,c]{0,6}$/);

type Call = { readonly method: string; readonly args: readonly string[] };

const methodCall: fc.Arbitrary<Call> = fc.oneof(
  fc.constantFrom<Call>({ method: 'strip', args: [] }, { method: 'lstrip', args: [] }, { method: 'rstrip', args: [] }, { method: 'upper', args: [] }, { method: 'lower', args: [] }, { method: 'split', args: [] }),
  fc.constantFrom<Call>(...['capitalize', 'swapcase', 'title', 'isalpha', 'isspace', 'islower', 'isupper', 'isalnum', 'isdigit'].map((m) => ({ method: m, args: [] }))),
  fc.record({ method: fc.constantFrom('strip', 'split', 'startswith', 'endswith', 'find', 'rfind', 'count', 'partition', 'rpartition'), args: fc.tuple(fc.stringMatching(/^[ ab,c]{1,2}$/)) }),
  fc.record({ method: fc.constant('replace'), args: fc.tuple(fc.stringMatching(/^[ab,c]{1,2}$/), fc.stringMatching(/^[abx]{0,2}$/)) }),
  fc.record({ method: fc.constant('format'), args: fc.constant([]) }),
);

interface Case {
  readonly parts: readonly string[];
  readonly calls: readonly Call[];
  readonly template: 'plain' | 'field' | 'fields';
}

export const construct = defineConstruct<Case>({
  construct: 'str-methods',
  description: 'str methods on run-time strings: results, identity with the receiver and between calls, split list sizes',
  arbitrary: fc.record({ parts: fc.array(piece, { minLength: 1, maxLength: 3 }), calls: fc.array(methodCall, { minLength: 1, maxLength: 4 }), template: fc.constantFrom('plain', 'field', 'fields') }),
  program({ parts, calls, template }, salt) {
    void salt; // strings here are short and never interned; their identity comes from the rules tested
    const body: Stmt[] = [importModules('sys'), assign('s', runtimeStr(...parts))];
    calls.forEach((c, i) => {
      const r = `r${i}`;
      const args: Expr[] = c.method === 'format' ? [] : c.args.map((a) => str(a));
      const receiver = c.method === 'format' ? (template === 'plain' ? name('s') : template === 'field' ? str('{}') : str('{}{}')) : name('s');
      const fmtArgs: Expr[] = c.method === 'format' ? (template === 'plain' ? [] : template === 'field' ? [name('s')] : [str(''), name('s')]) : args;
      body.push(assign(r, method(receiver, c.method, ...fmtArgs)));
      body.push(print(str(`${c.method}:`), call('repr', name(r)), is(name(r), name('s')), is(method(receiver, c.method, ...fmtArgs), name(r))));
      // Not found, the receiver itself is an item (`stringlib` partition: `(s, '', '')` / `('', '', s)`).
      if (c.method === 'partition' || c.method === 'rpartition') body.push(print(str('items:'), is(subscript(name(r), int(0)), name('s')), is(subscript(name(r), int(2)), name('s'))));
      if (c.method === 'split') body.push(print(str('slots:'), bin(call('sys.getsizeof', name(r)), '-', call('sys.getsizeof', list()))));
    });
    body.push(print(str('lengths'), call('len', name('s')), int(calls.length)));
    return module(body);
  },
});
