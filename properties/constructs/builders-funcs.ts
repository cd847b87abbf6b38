/**
 * Builders for the constructs of the functions-and-iteration construct properties (lambda,
 * `with`, iterators), beside the shared ones of `../gen/py.ts`.
 */
import { NO_POS, type Expr, type Parameter, type Stmt, type Target } from '../../model/python/ast';
import { name } from '../gen/py';

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

/** `yield value` / `yield from value` as a statement. */
export const yieldStmt = (value: Expr | null, from = false): Stmt => ({ kind: 'Yield', value, from, pos });

/** `while test: body`. */
export const whileStmt = (test: Expr, body: readonly Stmt[]): Stmt => ({ kind: 'While', test, body: body.length > 0 ? body : [{ kind: 'Pass', pos }], orelse: [], pos });
