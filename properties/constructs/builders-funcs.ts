/**
 * Builders for the constructs of the functions-and-iteration construct properties (lambda,
 * `with`, iterators), beside the shared ones of `../gen/py.ts`.
 */
import { NO_POS, type Expr, type Parameter, type Stmt, type Target } from '../../model/python/ast';
import { assign, attr, call, del, expr, is, name, print, str } from '../gen/py';

const pos = NO_POS;

/** `lambda a, b=default: body`: each parameter a name, or `[name, default]`. */
export const lambda = (params: readonly (string | readonly [string, Expr])[], body: Expr): Expr => ({
  kind: 'Lambda',
  params: params.map((p): Parameter => (typeof p === 'string' ? { name: p, default: null, pos } : { name: p[0], default: p[1], pos })),
  body,
  pos,
});

/** `with ctx [as target], ...: body`. */
export const withStmt = (items: readonly (readonly [Expr, string | Target | null])[], body: readonly Stmt[]): Stmt => ({
  kind: 'With',
  items: items.map(([context, target]) => ({ context, target: typeof target === 'string' ? name(target) : target, pos })),
  body: body.length > 0 ? body : [{ kind: 'Pass', pos }],
  pos,
});

/** `raise E(args...)`. */
export const raise = (exception: Expr): Stmt => ({ kind: 'Raise', exc: exception, cause: null, pos });

/** `if test: body else: orelse`. */
export const ifStmt = (test: Expr, body: readonly Stmt[], orelse: readonly Stmt[] = []): Stmt => ({ kind: 'If', test, body, orelse, pos });

/** `for target in iter: body`. */
export const forStmt = (target: string | Target, iter: Expr, body: readonly Stmt[]): Stmt => ({
  kind: 'For',
  target: typeof target === 'string' ? name(target) : target,
  iter,
  body: body.length > 0 ? body : [{ kind: 'Pass', pos }],
  orelse: [],
  pos,
});

/** `nonlocal names...`. */
export const nonlocalStmt = (...names: string[]): Stmt => ({ kind: 'Nonlocal', names, pos });

/** `yield value` / `yield from value` as a statement. */
export const yieldStmt = (value: Expr | null, from = false): Stmt => ({ kind: 'Yield', value, from, pos });

/** `while test: body`. */
export const whileStmt = (test: Expr, body: readonly Stmt[]): Stmt => ({ kind: 'While', test, body: body.length > 0 ? body : [{ kind: 'Pass', pos }], orelse: [], pos });

/** How a generator construct consumes `g`: what it receives, and `sys.getrefcount(watched)` as it goes. */
export type GeneratorConsumer = 'next' | 'list' | 'for' | 'close' | 'drop';

/** Statements consuming the generator `g` (`marker`: a list the program made, never yielded). */
export function consumeGenerator(consumer: GeneratorConsumer, watched: string, salt: string): Stmt[] {
  const g = name('g');
  const marker = name('marker');
  const refcount = (): Expr => call('sys.getrefcount', name(watched));
  switch (consumer) {
    case 'next':
      return [
        assign('first', call('next', g, marker)),
        print(is(name('first'), marker), refcount()),
        assign('second', call('next', g, marker)),
        print(is(name('second'), name('first')), is(name('second'), marker)),
        del('first', 'second'),
        print(refcount()),
      ];
    case 'list':
      return [assign('out', call('list', g)), print(call('len', name('out')), refcount()), del('out'), print(call('list', g))];
    case 'for':
      return [forStmt('v', g, [print(is(name('v'), marker), refcount())]), print(call('next', g, str(`done ${salt}`)))];
    case 'close':
      // A generator closed before it started keeps its frame until dealloc from 3.12 (refused): started first.
      return [expr(call('next', g, marker)), print(refcount()), print(call(attr(g, 'close'))), print(refcount()), print(call('next', g, str(`closed ${salt}`)))];
    case 'drop':
      return [expr(call('next', g, marker)), print(refcount())];
  }
}
