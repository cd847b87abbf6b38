/**
 * Closures: a function, lambda or generator expression that uses a local or an argument of its
 * enclosing function gets that variable as a cell (`Python/symtable.c`; `Objects/cellobject.c`),
 * made when the enclosing call starts (3.11+ `MAKE_CELL`) and shared through `__closure__`
 * (`LOAD_CLOSURE`, `BUILD_TUPLE`, `MAKE_FUNCTION`); the cell holds one reference to its value,
 * so the captured object lives as long as the last closure; `nonlocal` rebinds the cell; a
 * function that refers to itself is a cycle through its cell, freed only by `gc.collect()`.
 * Before 3.12 a list comprehension reading a variable makes it a cell too (PEP 709 inlines it).
 * The programs print reference counts and the weakref deaths these decide.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, call, classDef, def, del, expr, importModules, int, is, list, module, name, none, print, ret, str, subscript, tuple } from '../gen/py';
import { handler, tryStmt } from './builders-core';
import { lambda, nonlocalStmt } from './builders-funcs';
import { defineConstruct } from './types';

/** What captures `obj`: a nested def, a lambda, a lambda running a list comprehension, a generator expression. */
type Maker = 'def' | 'lambda' | 'lambda-listcomp' | 'genexp';

const refcount = (e: Expr): Expr => call('sys.getrefcount', e);

interface Case {
  readonly maker: Maker;
  readonly captureLocal: boolean;
  /** def only: `nonlocal obj`, then `obj = None` after reading it. */
  readonly rebind: boolean;
  /** def and lambda: the closure refers to itself (a cycle through its own cell). */
  readonly recursive: boolean;
  /** A second nested def sharing obj's cell, kept by the module. */
  readonly second: boolean;
  readonly dropHeldFirst: boolean;
  /** def and lambda capturing `captured`: `del captured` in outer (DELETE_DEREF), so the call raises NameError. */
  readonly deleteCaptured: boolean;
}

/**
 * What the closure returns (or yields): what else it captures, then `obj` (last: a deleted
 * `captured` raises before `obj` is loaded, because the model does not unwind the references
 * a display has built when one of its items raises).
 */
function captured(c: Case, self: string): Expr {
  const items: Expr[] = [];
  if (c.captureLocal) items.push(name('captured'));
  if (c.recursive && (c.maker === 'def' || c.maker === 'lambda')) items.push(name(self));
  items.push(name('obj'));
  return tuple(...items);
}

/** `inner = ...` (or `def inner():`) in `outer`'s body. */
function makeInner(c: Case): Stmt[] {
  switch (c.maker) {
    case 'def':
      return [
        def('inner', [], [
          ...(c.rebind ? [nonlocalStmt('obj')] : []),
          assign('got', captured(c, 'inner')),
          ...(c.rebind ? [assign('obj', none)] : []),
          ret(name('got')),
        ]),
      ];
    case 'lambda':
      return [assign('inner', lambda([], captured(c, 'inner')))];
    case 'lambda-listcomp':
      return [
        assign('inner', lambda([], {
          kind: 'ListComp',
          elt: captured(c, 'inner'),
          generators: [{ target: name('_'), iter: call('range', int(2)), ifs: [], pos: name('_').pos }],
          pos: name('_').pos,
        })),
      ];
    case 'genexp':
      return [
        assign('inner', {
          kind: 'GeneratorExp',
          elt: captured(c, 'inner'),
          generators: [{ target: name('_'), iter: call('range', int(2)), ifs: [], pos: name('_').pos }],
          pos: name('_').pos,
        }),
      ];
  }
}

export const construct = defineConstruct({
  construct: 'closures',
  description: 'nested defs, lambdas, list comprehensions in lambdas and generator expressions capturing an argument and a local: references the cells hold, nonlocal rebinding, deleted cells (NameError), weakref deaths when the last closure goes, self-referencing closures collected by gc',
  arbitrary: fc
    .record({
      maker: fc.constantFrom<Maker>('def', 'lambda', 'lambda-listcomp', 'genexp'),
      captureLocal: fc.boolean(),
      rebind: fc.boolean(),
      recursive: fc.boolean(),
      second: fc.boolean(),
      dropHeldFirst: fc.boolean(),
      deleteCaptured: fc.boolean(),
    })
    .map((c): Case => ({
      ...c,
      rebind: c.rebind && c.maker === 'def',
      recursive: c.recursive && (c.maker === 'def' || c.maker === 'lambda'),
      deleteCaptured: c.deleteCaptured && c.captureLocal && (c.maker === 'def' || c.maker === 'lambda'),
    })),
  program: (c, salt) => {
    const call0 = c.maker === 'genexp' ? call('next', name('f')) : call(name('f'));
    return module(
      importModules('sys', 'weakref', 'gc'),
      // Collection only where the program asks for it: a cycle waits for gc.collect().
      expr(call('gc.disable')),
      classDef('Item', []),
      def('outer', ['obj'], [
        assign('captured', list(str(`captured ${salt}`))),
        print(str('outer starts'), refcount(name('obj')), refcount(name('captured'))),
        ...makeInner(c),
        print(str('inner made'), refcount(name('obj')), refcount(name('captured'))),
        ...(c.deleteCaptured ? [del('captured'), print(str('captured deleted'))] : []),
        ...(c.second ? [def('other', [], [ret(name('obj'))]), print(str('other made'), refcount(name('obj')))] : []),
        ret(c.second ? tuple(name('inner'), name('other')) : name('inner')),
      ]),
      assign('held', call('Item')),
      assign('w', call('weakref.ref', name('held'), lambda(['r'], call('print', str('held died'))))),
      print(refcount(name('held'))),
      c.second
        ? [assign('pair', call('outer', name('held'))), assign('f', subscript(name('pair'), int(0))), assign('other', subscript(name('pair'), int(1))), del('pair')]
        : [assign('f', call('outer', name('held')))],
      print(str('closure returned'), refcount(name('held'))),
      c.dropHeldFirst ? [del('held'), print(str('held dropped'))] : [],
      c.deleteCaptured
        ? [tryStmt([assign('r', call0)], [handler(name('NameError'), 'e', [print(str('NameError'), name('e')), assign('r', tuple(int(0), call(name('w'))))])])]
        : [assign('r', call0)],
      print(is(c.maker === 'lambda-listcomp' ? subscript(subscript(name('r'), int(0)), int(-1)) : subscript(name('r'), int(-1)), call(name('w'))), call('len', name('r'))),
      del('r'),
      print(str('result dropped')),
      c.second ? [print(is(call(name('other')), call(name('w')))), del('other'), print(str('other dropped'))] : [],
      del('f'),
      print(str('closure dropped')),
      c.recursive ? [expr(call('gc.collect')), print(str('collected'))] : [],
      c.dropHeldFirst ? [] : [del('held'), print(str('held dropped'))],
      // A callback still pending at exit would run during shutdown: the weakref goes first.
      del('w'),
    );
  },
});
