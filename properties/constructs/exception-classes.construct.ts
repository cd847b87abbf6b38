/**
 * Exception classes the program defines (`class E(ValueError)`, with or without `__init__`,
 * `super().__init__`, attributes on the instance) and exception objects made by calling a class
 * (`e = KeyError(obj)`): raised from frames or as objects, caught by their class, a builtin base
 * or a tuple; what `args` holds (refcounts of the argument), `str`/`repr`, `isinstance`.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { handler, raise, refcount, tryStmt } from './builders-core';
import { defineConstruct } from './types';

/** Each base class with a builtin class above it that catches it (`Objects/exceptions.c`). */
const HIERARCHY = [
  ['Exception', 'BaseException'], ['ValueError', 'Exception'], ['KeyError', 'LookupError'], ['LookupError', 'Exception'],
  ['RuntimeError', 'Exception'], ['ZeroDivisionError', 'ArithmeticError'], ['BaseException', 'BaseException'],
] as const;
type Base = (typeof HIERARCHY)[number][0];
const BASES: readonly Base[] = HIERARCHY.map(([base]) => base);
const above = (base: Base): string => (HIERARCHY.find(([b]) => b === base) as readonly [Base, string])[1];

interface ExceptionClassesCase {
  readonly base: Base;
  /** The class raised: a subclass the program defines, or the builtin base itself. */
  readonly subclass: boolean;
  /** The subclass's `__init__(self, msg)`: none, one calling `super().__init__(msg)`, one that does not. */
  readonly init: 'none' | 'super' | 'plain';
  /** `raise E(arg)` in the innermost frame, `e = E(arg)` then `raise e`, or `raise E` (no argument). */
  readonly how: 'call' | 'object' | 'class';
  readonly arg: 'str' | 'int' | 'payload';
  readonly extraArg: boolean;
  /** Frames between the try and a `raise E(arg)`. */
  readonly depth: number;
  readonly clause: 'exact' | 'base' | 'above' | 'tuple' | 'mismatch';
}

const arbitrary: fc.Arbitrary<ExceptionClassesCase> = fc.record({
  base: fc.constantFrom(...BASES),
  subclass: fc.boolean(),
  init: fc.constantFrom('none', 'super', 'plain'),
  how: fc.constantFrom('call', 'call', 'object', 'class'),
  arg: fc.constantFrom('str', 'int', 'payload'),
  extraArg: fc.boolean(),
  depth: fc.integer({ min: 0, max: 2 }),
  clause: fc.constantFrom('exact', 'base', 'above', 'tuple', 'mismatch'),
});

/** The class the program raises. */
function raisedName(c: ExceptionClassesCase): string {
  return c.subclass ? 'AppError' : c.base;
}

/** A user `__init__` takes exactly one argument: with one, the call has no extra argument. */
function withInit(c: ExceptionClassesCase): boolean {
  return c.subclass && c.init !== 'none';
}

function argsOf(c: ExceptionClassesCase, salt: string): Expr[] {
  const arg = c.arg === 'str' ? py.str(`bad${salt}`) : c.arg === 'int' ? py.int(1000 + c.depth) : py.name('obj');
  return c.extraArg && !withInit(c) ? [arg, py.int(7)] : [arg];
}

function classDef(c: ExceptionClassesCase): Stmt[] {
  if (!c.subclass) return [];
  const body: Stmt[] = [];
  if (c.init !== 'none') {
    const init: Stmt[] = c.init === 'super' ? [py.expr(py.call(py.attr(py.call('super'), '__init__'), py.name('msg')))] : [];
    init.push(py.assign(py.attr(py.name('self'), 'code'), py.int(5)));
    body.push(py.def('__init__', ['self', 'msg'], init));
  }
  return [py.classDef('AppError', body, [py.name(c.base)])];
}

/** `f0(obj)` ... `f{depth-1}(obj)`, the innermost raising. */
function frames(c: ExceptionClassesCase, salt: string): Stmt[] {
  const defs: Stmt[] = [];
  for (let i = c.depth - 1; i >= 0; i--) {
    const next = i === c.depth - 1 ? raise(py.call(raisedName(c), ...argsOf(c, salt))) : py.expr(py.call(`f${i + 1}`, py.name('obj')));
    defs.push(py.def(`f${i}`, ['obj'], [py.assign(`local${i}`, py.name('obj')), next]));
  }
  return defs;
}

/** The statements of the try body, and whether the exception object is also the global `err`. */
function raising(c: ExceptionClassesCase, salt: string): { before: Stmt[]; body: Stmt[] } {
  const E = raisedName(c);
  // `raise E` calls the class with no argument: a user `__init__(self, msg)` would fail, so it gets one.
  if (c.how === 'class' && !withInit(c)) return { before: [], body: [raise(py.name(E))] };
  if (c.how === 'object') return { before: [py.assign('err', py.call(E, ...argsOf(c, salt)))], body: [raise(py.name('err'))] };
  if (c.depth === 0) return { before: [], body: [raise(py.call(E, ...argsOf(c, salt)))] };
  return { before: [], body: [py.expr(py.call('f0', py.name('obj')))] };
}

function clauseType(c: ExceptionClassesCase): Expr {
  switch (c.clause) {
    case 'exact':
      return py.name(raisedName(c));
    case 'base':
      return py.name(c.base);
    case 'above':
      return py.name(above(c.base));
    case 'tuple':
      return py.tuple(py.name('TypeError'), py.name(raisedName(c)));
    case 'mismatch':
      return py.name(c.base === 'ValueError' ? 'TypeError' : 'ValueError');
  }
}

function program(c: ExceptionClassesCase, salt: string) {
  const { before, body } = raising(c, salt);
  const handlerBody: Stmt[] = [
    py.print(py.str('caught'), refcount(py.name('obj')), py.attr(py.call('type', py.name('e')), '__name__'), refcount(py.name('e'))),
    py.print(py.attr(py.name('e'), 'args'), py.call('str', py.name('e')), py.call('repr', py.name('e'))),
    py.print(py.call('isinstance', py.name('e'), py.name(c.base)), py.call('isinstance', py.name('e'), py.name('Exception')), py.call('len', py.attr(py.name('e'), 'args')), py.call('sys.getsizeof', py.name('e'))),
  ];
  if (withInit(c)) handlerBody.push(py.print(py.attr(py.name('e'), 'code')));
  if (c.how === 'object') handlerBody.push(py.print(py.is(py.name('e'), py.name('err')), refcount(py.name('err'))));
  const after: Stmt[] = [py.print(py.str('after'), refcount(py.name('obj')))];
  if (c.how === 'object') after.push(py.print(refcount(py.name('err')), py.attr(py.name('err'), 'args')));
  return py.module(
    py.importModules('sys'),
    ...classDef(c),
    ...frames(c, salt),
    py.assign('obj', py.list(py.int(1), py.int(2))),
    py.print(py.str('before'), refcount(py.name('obj'))),
    ...before,
    tryStmt(body, [handler(clauseType(c), 'e', handlerBody)]),
    ...after,
  );
}

export const construct = defineConstruct({
  construct: 'exception-classes',
  description: 'exception classes the program defines and exception objects made by calling a class: raised, caught by class or base, their args, str and repr',
  arbitrary,
  program,
});
