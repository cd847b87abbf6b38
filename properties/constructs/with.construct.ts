/**
 * `with` over a class defining `__enter__` and `__exit__`, at module level or in a function. The
 * references a manager has while `__enter__`, the body and `__exit__` run: bound methods before
 * 3.14, the stack's `self` since (`LOAD_SPECIAL`; in a function a local manager may be a borrowed
 * reference); an exception raised in the body reaches `__exit__` and is suppressed when it
 * returns true. In a function the body does not raise: on 3.14 what follows a `with` reached
 * through its handler (or a `try`) is left undecided by the model's analysis, which refuses.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, attr, bool, call, classDef, def, del, importModules, int, is, list, module, name, none, print, ret, str } from '../gen/py';
import { ifStmt, raise, withStmt } from './builders-funcs';
import { defineConstruct } from './types';

const refcount = (e: Expr): Expr => call('sys.getrefcount', e);

export const construct = defineConstruct({
  construct: 'with',
  description: 'with over Python __enter__/__exit__: refcounts of the manager and its payload in each phase, targets, nesting, exceptions suppressed or passed on',
  arbitrary: fc.record({
    enterReturns: fc.constantFrom('self', 'payload', 'constant'),
    named: fc.boolean(),
    target: fc.boolean(),
    raises: fc.boolean(),
    suppress: fc.boolean(),
    nested: fc.boolean(),
    constant: fc.integer({ min: 257, max: 100_000 }),
    inFunction: fc.boolean(),
  }),
  program: (c, salt) => {
    const self = name('self');
    const enterResult: Expr = c.enterReturns === 'self' ? self : c.enterReturns === 'payload' ? attr(self, 'payload') : int(c.constant);
    const manager = classDef('Manager', [
      def('__init__', ['self', 'payload'], [assign(attr(self, 'payload'), name('payload'))]),
      def('__enter__', ['self'], [print(str('enter'), refcount(self), refcount(attr(self, 'payload'))), ret(enterResult)]),
      def('__exit__', ['self', 'exc_type', 'exc', 'tb'], [
        print(str('exit'), refcount(self), is(name('exc'), none)),
        ifStmt({ kind: 'Compare', left: name('exc'), ops: ['is not'], comparators: [none], pos: { line: 0, col: 0 } }, [print(attr(name('exc'), 'args'))]),
        ret(bool(c.suppress)),
      ]),
    ]);
    const payload = list(str(`payload ${salt}`));
    const context: Expr = c.named ? name('m') : call(name('Manager'), name('payload'));
    const body: Stmt[] = [
      print(str('body'), refcount(name('payload')), ...(c.named ? [refcount(name('m'))] : []), ...(c.target ? [is(name('v'), name('payload'))] : [])),
      ...(c.raises ? [raise(call(name('ValueError'), int(c.constant)))] : []),
    ];
    const inner = c.nested ? [withStmt([[call(name('Manager'), name('payload')), null]], body)] : body;
    const statement = withStmt([[context, c.target ? 'v' : null]], inner);
    const guarded: Stmt = c.raises && !c.suppress
      ? { kind: 'Try', body: [statement], handlers: [{ type: name('ValueError'), name: null, body: [print(str('passed on'))], pos: { line: 0, col: 0 } }], orelse: [], finalbody: [], pos: { line: 0, col: 0 } }
      : statement;
    const run: Stmt[] = [
      assign('payload', payload),
      ...(c.named ? [assign('m', call(name('Manager'), name('payload')))] : []),
      guarded,
      print(str('after'), refcount(name('payload')), ...(c.named ? [refcount(name('m'))] : [])),
      ...(c.target ? [del('v')] : []),
      print(refcount(name('payload'))),
    ];
    if (c.inFunction && !c.raises) return module(importModules('sys'), manager, def('run', [], run), print(call(name('run'))));
    return module(importModules('sys'), manager, run);
  },
});
