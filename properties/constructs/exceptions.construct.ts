/**
 * try/except/else/finally, raise, bare re-raise, raise-from, assert: what the exception keeps
 * alive (the traceback keeps every frame it left, with their locals, until the handler ends and
 * `except E as e` has deleted `e`), seen through refcounts of an object the frames hold and the
 * death of an object only a raising frame held.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { assert, comprehension, dead, handler, listComp, raise, refcount, tryStmt } from './builders-core';
import { defineConstruct } from './types';

const RAISED = ['ValueError', 'TypeError', 'KeyError', 'IndexError', 'RuntimeError', 'ZeroDivisionError', 'AssertionError'] as const;
type Raised = (typeof RAISED)[number];

/** A base class that catches it (`Objects/exceptions.c`: `SimpleExtendsException`). */
const BASE: Record<Raised, string> = {
  ValueError: 'Exception',
  TypeError: 'Exception',
  KeyError: 'LookupError',
  IndexError: 'LookupError',
  RuntimeError: 'Exception',
  ZeroDivisionError: 'ArithmeticError',
  AssertionError: 'Exception',
};

interface ExceptionsCase {
  /** What the frames hold: a list or an instance. */
  readonly payload: 'list' | 'instance';
  /** Frames between the try and the raise. */
  readonly depth: number;
  /** `raise E(arg)`, `raise E`, `assert`, or the interpreter's own error (1 / 0). */
  readonly how: 'call' | 'class' | 'assert' | 'divide' | 'none';
  readonly exc: Raised;
  /** The exception's argument: none, a string, an int, or the payload itself. */
  readonly arg: 'none' | 'str' | 'int' | 'payload';
  /** The except clause: the class, a base, a tuple, bare, or one that does not match (uncaught). */
  readonly clause: 'exact' | 'base' | 'tuple' | 'bare' | 'mismatch';
  readonly bind: boolean;
  /** What the outermost function does with it on the way: nothing, re-raise, another exception, `from None`, a finally. */
  readonly middle: 'none' | 'reraise' | 'raise-new' | 'raise-from-none' | 'finally';
  readonly withElse: boolean;
  readonly withFinally: boolean;
}

const arbitrary: fc.Arbitrary<ExceptionsCase> = fc.record({
  payload: fc.constantFrom('list', 'instance'),
  depth: fc.integer({ min: 1, max: 3 }),
  how: fc.constantFrom('call', 'call', 'class', 'assert', 'divide', 'none'),
  exc: fc.constantFrom(...RAISED),
  arg: fc.constantFrom('none', 'str', 'int', 'payload'),
  clause: fc.constantFrom('exact', 'exact', 'base', 'tuple', 'bare', 'mismatch'),
  bind: fc.boolean(),
  middle: fc.constantFrom('none', 'none', 'reraise', 'raise-new', 'raise-from-none', 'finally'),
  withElse: fc.boolean(),
  withFinally: fc.boolean(),
});

/** The class actually raised. */
function raisedClass(c: ExceptionsCase): Raised {
  if (c.how === 'assert') return 'AssertionError';
  if (c.how === 'divide') return 'ZeroDivisionError';
  return c.exc;
}

function argument(c: ExceptionsCase, salt: string): Expr | null {
  switch (c.arg) {
    case 'none':
      return null;
    case 'str':
      return py.str(`bad${salt}`);
    case 'int':
      return py.int(1000 + c.depth);
    case 'payload':
      // An instance's str shows its address: the model refuses to print it (and builds the
      // message at the raise), so only the list is passed.
      return c.payload === 'list' ? py.name('obj') : py.str(`box${salt}`);
  }
}

/** The statement of the innermost frame that raises (or not). */
function raising(c: ExceptionsCase, salt: string): Stmt {
  const arg = argument(c, salt);
  switch (c.how) {
    case 'none':
      return py.assign('done', py.int(1));
    case 'class':
      return raise(py.name(c.exc));
    case 'call':
      return raise(py.call(c.exc, ...(arg ? [arg] : [])));
    case 'assert':
      return assert(py.is(py.name('obj'), py.none), arg);
    case 'divide':
      return py.assign('q', py.bin(py.int(1), '/', py.bin(py.call('len', py.name('refs')), '-', py.call('len', py.name('refs')))));
  }
}

/** `f{i}(obj)`: holds obj in a local and an object only it holds (weakly referenced from `refs`). */
function frames(c: ExceptionsCase, salt: string): Stmt[] {
  const defs: Stmt[] = [];
  for (let i = c.depth - 1; i >= 0; i--) {
    const next = i === c.depth - 1 ? raising(c, salt) : py.expr(py.call(`f${i + 1}`, py.name('obj')));
    defs.push(
      py.def(`f${i}`, ['obj'], [
        py.assign(`local${i}`, py.name('obj')),
        py.assign(`only${i}`, py.call('Box')),
        py.expr(py.call(py.attr(py.name('refs'), 'append'), py.call('weakref.ref', py.name(`only${i}`)))),
        next,
      ]),
    );
  }
  return defs;
}

/** The outermost call, wrapped in what `middle` says. */
function middle(c: ExceptionsCase): Stmt[] {
  const inner = py.expr(py.call('f0', py.name('obj')));
  const note = py.print(py.str('middle'), refcount(py.name('obj')), dead(py.subscript(py.name('refs'), py.int(0))));
  switch (c.middle) {
    case 'none':
      return [inner];
    case 'finally':
      return [tryStmt([inner], [], [], [note])];
    case 'reraise':
      return [tryStmt([inner], [handler(py.name(raisedClass(c)), null, [note, raise()])])];
    case 'raise-new':
      return [tryStmt([inner], [handler(py.name(raisedClass(c)), null, [note, raise(py.call('RuntimeError', py.str('again')))])])];
    case 'raise-from-none':
      return [tryStmt([inner], [handler(py.name(raisedClass(c)), null, [note, raise(py.call('RuntimeError', py.str('again')), py.none)])])];
  }
}

/** The class that reaches the outer handler. */
function arriving(c: ExceptionsCase): Raised {
  return c.middle === 'raise-new' || c.middle === 'raise-from-none' ? 'RuntimeError' : raisedClass(c);
}

function clauseType(c: ExceptionsCase): Expr | null {
  const exc = arriving(c);
  switch (c.clause) {
    case 'exact':
      return py.name(exc);
    case 'base':
      return py.name(BASE[exc]);
    case 'tuple':
      return py.tuple(py.name(exc === 'TypeError' ? 'ValueError' : 'TypeError'), py.name(exc));
    case 'bare':
      return null;
    case 'mismatch':
      return py.name('OverflowError');
  }
}

/** `[r() is None for r in refs]`: which of the frames' own objects have died. */
function refsDead(): Expr {
  return listComp(dead(py.name('r')), comprehension(py.name('r'), py.name('refs')));
}

/** Whether the exception that reaches the outer handler carries the generated argument. */
function carriesArgument(c: ExceptionsCase): boolean {
  return c.arg === 'payload' && c.payload === 'list' && (c.how === 'call' || c.how === 'assert') && (c.middle === 'none' || c.middle === 'reraise' || c.middle === 'finally');
}

function program(c: ExceptionsCase, salt: string) {
  const obj = c.payload === 'list' ? py.list(py.int(1), py.int(2)) : py.call('Box');
  const bind = c.bind && c.clause !== 'bare' ? 'e' : null;
  const handlerBody: Stmt[] = [py.print(py.str('caught'), refcount(py.name('obj')), refsDead())];
  if (bind !== null) {
    handlerBody.push(py.print(py.call('str', py.name('e')), py.call('repr', py.name('e')), refcount(py.name('e'))));
    handlerBody.push(py.print(py.call('len', py.attr(py.name('e'), 'args'))));
    if (carriesArgument(c)) handlerBody.push(py.print(py.is(py.subscript(py.attr(py.name('e'), 'args'), py.int(0)), py.name('obj'))));
  }
  const body: Stmt[] = [
    py.importModules('sys', 'weakref'),
    py.classDef('Box', []),
    py.assign('refs', py.list()),
    ...frames(c, salt),
    py.assign('obj', obj),
    py.print(py.str('before'), refcount(py.name('obj'))),
    tryStmt(
      middle(c),
      [handler(clauseType(c), bind, handlerBody)],
      c.withElse ? [py.print(py.str('else'), refcount(py.name('obj')), refsDead())] : [],
      c.withFinally ? [py.print(py.str('finally'), refcount(py.name('obj')), refsDead())] : [],
    ),
    py.print(py.str('after'), refcount(py.name('obj')), refsDead()),
  ];
  if (bind !== null) {
    body.push(tryStmt([py.print(py.name('e'))], [handler(py.name('NameError'), null, [py.print(py.str('e deleted'))])]));
  }
  return py.module(body);
}

export const construct = defineConstruct({
  construct: 'exceptions',
  description: 'try/except/else/finally, raise, re-raise and assert across frames: what the exception keeps alive, and when it lets go',
  arbitrary,
  program,
});
