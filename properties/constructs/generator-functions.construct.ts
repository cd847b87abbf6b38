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
import { assign, attr, bin, call, classDef, compare, def, del, expr, importModules, int, is, list, module, name, print, ret, str } from '../gen/py';
import { forStmt, ifStmt, lambda, whileStmt, yieldStmt } from './builders-funcs';
import { defineConstruct } from './types';

type Body = 'for' | 'yield-from' | 'while' | 'for-return';
type Consumer = 'next' | 'list' | 'for' | 'close' | 'drop';

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
    consumer: fc.constantFrom<Consumer>('next', 'list', 'for', 'close', 'drop'),
    values: fc.array(fc.integer({ min: 300, max: 100_000 }), { minLength: 0, maxLength: 4 }),
    limitIndex: fc.nat({ max: 4 }),
    dropHeld: fc.boolean(),
  }),
  program: (c, salt) => {
    const limit = c.values[c.limitIndex] ?? -1;
    const g = name('g');
    const consume: Stmt[] = [];
    switch (c.consumer) {
      case 'next':
        consume.push(assign('first', call('next', g, name('marker'))), print(is(name('first'), name('marker')), refcount(name('data'))));
        consume.push(assign('second', call('next', g, name('marker'))), print(is(name('second'), name('first')), is(name('second'), name('marker'))));
        consume.push(del('first', 'second'), print(refcount(name('data'))));
        break;
      case 'list':
        consume.push(assign('out', call('list', g)), print(call('len', name('out')), refcount(name('data'))), del('out'), print(call('list', g)));
        break;
      case 'for':
        consume.push(forStmt('v', g, [print(is(name('v'), name('marker')), refcount(name('data')))]), print(call('next', g, str(`done ${salt}`))));
        break;
      case 'close':
        // A generator closed before it started keeps its frame until dealloc from 3.12: started first.
        consume.push(expr(call('next', g, name('marker'))), print(refcount(name('data'))), print(call(attr(g, 'close'))), print(refcount(name('data'))), print(call('next', g, str(`closed ${salt}`))));
        break;
      case 'drop':
        consume.push(expr(call('next', g, name('marker'))), print(refcount(name('data'))));
        break;
    }
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
    );
  },
});
