/**
 * Builders for the second-tier statements and expressions the construct properties use (try,
 * raise, assert, comprehensions, keyword calls, decorated definitions, ...), in the style of
 * ../gen/py.ts, plus the identity facts the programs print (refcounts, weakref deaths).
 */
import { NO_POS, type Comprehension, type ExceptHandler, type Expr, type Keyword, type Parameter, type Stmt, type Target } from '../../model/python/ast';
import * as py from '../gen/py';

const pos = NO_POS;

export const handler = (type: Expr | null, name: string | null, body: readonly Stmt[]): ExceptHandler => ({ type, name, body, pos });

export function tryStmt(body: readonly Stmt[], handlers: readonly ExceptHandler[], orelse: readonly Stmt[] = [], finalbody: readonly Stmt[] = []): Stmt {
  return { kind: 'Try', body, handlers, orelse, finalbody, pos };
}

export const raise = (exc: Expr | null = null, cause: Expr | null = null): Stmt => ({ kind: 'Raise', exc, cause, pos });
export const assert = (test: Expr, msg: Expr | null = null): Stmt => ({ kind: 'Assert', test, msg, pos });
export const pass: Stmt = { kind: 'Pass', pos };
export const ifStmt = (test: Expr, body: readonly Stmt[], orelse: readonly Stmt[] = []): Stmt => ({ kind: 'If', test, body, orelse, pos });
export const forStmt = (target: Target, iter: Expr, body: readonly Stmt[]): Stmt => ({ kind: 'For', target, iter, body, orelse: [], pos });
export const set = (...elts: Expr[]): Expr => ({ kind: 'Set', elts, pos });

export const comprehension = (target: Target, iter: Expr, ifs: readonly Expr[] = []): Comprehension => ({ target, iter, ifs, pos });
export const listComp = (elt: Expr, ...generators: Comprehension[]): Expr => ({ kind: 'ListComp', elt, generators, pos });
export const setComp = (elt: Expr, ...generators: Comprehension[]): Expr => ({ kind: 'SetComp', elt, generators, pos });
export const genExp = (elt: Expr, ...generators: Comprehension[]): Expr => ({ kind: 'GeneratorExp', elt, generators, pos });
export const dictComp = (key: Expr, value: Expr, ...generators: Comprehension[]): Expr => ({ kind: 'DictComp', key, value, generators, pos });

export const keyword = (name: string, value: Expr): Keyword => ({ name, value, pos });
/** `func(*args, name=value, ...)`. */
export function callKw(func: Expr | string, args: readonly Expr[], keywords: readonly Keyword[]): Expr {
  return { kind: 'Call', func: typeof func === 'string' ? py.dotted(func) : func, args, keywords, pos };
}

export const param = (name: string, defaultValue: Expr | null = null, annotation: Expr | null = null): Parameter => ({ name, default: defaultValue, pos, annotation });

/** `@decorators def name(params) -> returns: body`. */
export function defWith(name: string, params: readonly Parameter[], body: readonly Stmt[], decorators: readonly Expr[] = [], returns: Expr | null = null): Stmt {
  return { kind: 'FunctionDef', name, params, body, decorators, pos, returns };
}

export const annAssign = (target: string, annotation: Expr, value: Expr | null): Stmt => ({ kind: 'AnnAssign', target: py.name(target), annotation, value, simple: true, pos });
export const importFrom = (module: string, ...names: string[]): Stmt => ({ kind: 'ImportFrom', module, names: names.map((n) => ({ name: n, asname: null })), pos });

/** `sys.getrefcount(value)` (needs `import sys`). */
export const refcount = (value: Expr): Expr => py.call('sys.getrefcount', value);
/** `ref() is None`: whether the object a weakref names has died. */
export const dead = (ref: Expr): Expr => py.is(py.call(ref), py.none);
