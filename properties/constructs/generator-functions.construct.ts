/**
 * Generator functions: calling one binds its arguments in a frame the generator object keeps
 * (`Objects/genobject.c`), nothing runs until `next()`; the suspended frame holds its locals and
 * its loops' iterators; finished (exhausted, `return`, or `close()`) the frame is cleared, and
 * dropping a suspended generator closes it. The programs print the reference counts the frame
 * adds, the weakref deaths of objects only the frame holds, and what `next`, `list`, `for` and
 * `yield from` receive.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { assign, bin, call, classDef, compare, def, del, importModules, int, list, module, name, print, ret, str } from '../gen/py';
import { consumeGenerator, forStmt, ifStmt, lambda, whileStmt, yieldStmt, type GeneratorConsumer } from './builders-funcs';
import { defineConstruct } from './types';

type Body = 'for' | 'yield-from' | 'while' | 'for-return';

const refcount = (e: Expr): Expr => call('sys.getrefcount', e);

/** The generator function's body over `seq` (a list of ints) and `obj` (an instance). */
function body(kind: Body, limit: number): Stmt[] {
  const seq = name('seq');
  const x = name('x');
  switch (kind) {
    case 'for':
      return [forStmt('x', seq, [yieldStmt(x)]), yieldStmt(name('obj'))];
    case 'yield-from':
      return [yieldStmt(seq, true), yieldStmt(name('obj'))];
    case 'while':
      return [
        assign('i', int(0)),
        whileStmt(compare(name('i'), '<', call('len', seq)), [yieldStmt({ kind: 'Subscript', value: seq, index: name('i'), pos: x.pos }), assign('i', bin(name('i'), '+', int(1)))]),
        yieldStmt(name('obj')),
      ];
    case 'for-return':
      return [forStmt('x', seq, [ifStmt(compare(x, '==', int(limit)), [ret(null)]), yieldStmt(x)]), yieldStmt(name('obj'))];
  }
}

export const construct = defineConstruct({
  construct: 'generator-functions',
  description: 'generator functions (for, while, yield from, return) consumed by next, list, for, close or dropped: references the suspended frame holds, weakref deaths when it is cleared',
  arbitrary: fc.record({
    body: fc.constantFrom<Body>('for', 'yield-from', 'while', 'for-return'),
    consumer: fc.constantFrom<GeneratorConsumer>('next', 'list', 'for', 'close', 'drop'),
    values: fc.array(fc.integer({ min: 300, max: 100_000 }), { minLength: 0, maxLength: 4 }),
    limitIndex: fc.nat({ max: 4 }),
    dropHeld: fc.boolean(),
  }),
  program: (c, salt) => {
    const limit = c.values[c.limitIndex] ?? -1;
    const consume = consumeGenerator(c.consumer, 'data', salt);
    return module(
      importModules('sys', 'weakref'),
      classDef('Item', []),
      def('gen', ['seq', 'obj'], body(c.body, limit)),
      assign('marker', list(str(`marker ${salt}`))),
      assign('data', list(...c.values.map((v) => int(v)))),
      assign('held', call('Item')),
      assign('w', call('weakref.ref', name('held'), lambda(['r'], call('print', str('held died'))))),
      print(refcount(name('data')), refcount(name('held'))),
      assign('g', call('gen', name('data'), name('held'))),
      print(refcount(name('data')), refcount(name('held'))),
      c.dropHeld ? [del('held'), print(str('held dropped'))] : [],
      consume,
      del('g'),
      print(str('generator dropped'), refcount(name('data'))),
      // A callback still pending at exit would run during shutdown: the weakref goes first.
      del('w'),
    );
  },
});
