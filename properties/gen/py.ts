/**
 * Short builders for the program AST (model/python/ast.ts), so that generators read like the
 * Python they produce. Generated nodes carry no source place.
 */
import { NO_POS, type BinaryOperator, type CompareOperator, type Expr, type Module, type Stmt, type Target } from '../../model/python/ast';

const pos = NO_POS;

export const name = (id: string): Extract<Expr, { kind: 'Name' }> => ({ kind: 'Name', id, pos });
export const int = (value: bigint | number): Expr =>
  value < 0
    ? { kind: 'UnaryOp', op: '-', operand: { kind: 'Const', value: { type: 'int', value: -BigInt(value) }, pos }, pos }
    : { kind: 'Const', value: { type: 'int', value: BigInt(value) }, pos };
export const float = (value: number): Expr =>
  value < 0 || Object.is(value, -0)
    ? { kind: 'UnaryOp', op: '-', operand: { kind: 'Const', value: { type: 'float', value: -value }, pos }, pos }
    : { kind: 'Const', value: { type: 'float', value }, pos };
export const str = (value: string): Expr => ({ kind: 'Const', value: { type: 'str', value }, pos });
export const bytes = (value: readonly number[]): Expr => ({ kind: 'Const', value: { type: 'bytes', value }, pos });
export const none: Expr = { kind: 'Const', value: { type: 'None' }, pos };
export const bool = (value: boolean): Expr => ({ kind: 'Const', value: { type: 'bool', value }, pos });
export const ellipsis: Expr = { kind: 'Const', value: { type: 'Ellipsis' }, pos };

export const tuple = (...elts: Expr[]): Expr => ({ kind: 'Tuple', elts, pos });
export const list = (...elts: Expr[]): Expr => ({ kind: 'List', elts, pos });
export const dict = (entries: readonly (readonly [Expr, Expr])[]): Expr => ({
  kind: 'Dict',
  keys: entries.map(([k]) => k),
  values: entries.map(([, v]) => v),
  pos,
});

export const call = (func: Expr | string, ...args: Expr[]): Expr => ({
  kind: 'Call',
  func: typeof func === 'string' ? dotted(func) : func,
  args,
  keywords: [],
  pos,
});
export const attr = (value: Expr, attrName: string): Extract<Expr, { kind: 'Attribute' }> => ({ kind: 'Attribute', value, attr: attrName, pos });
export const subscript = (value: Expr, index: Expr): Extract<Expr, { kind: 'Subscript' }> => ({ kind: 'Subscript', value, index, pos });
export const bin = (left: Expr, op: BinaryOperator, right: Expr): Expr => ({ kind: 'BinOp', op, left, right, pos });
export const compare = (left: Expr, op: CompareOperator, right: Expr): Expr => ({ kind: 'Compare', left, ops: [op], comparators: [right], pos });
export const is = (left: Expr, right: Expr): Expr => compare(left, 'is', right);
export const not = (operand: Expr): Expr => ({ kind: 'UnaryOp', op: 'not', operand, pos });

/** `a.b.c` as nested attributes of a name. */
export function dotted(path: string): Expr {
  const [head, ...rest] = path.split('.');
  return rest.reduce<Expr>((value, part) => attr(value, part), name(head ?? path));
}

export const assign = (target: Target | string, value: Expr): Stmt => ({
  kind: 'Assign',
  targets: [typeof target === 'string' ? name(target) : target],
  value,
  pos,
});
export const del = (...targets: (Target | string)[]): Stmt => ({
  kind: 'Delete',
  targets: targets.map((t) => (typeof t === 'string' ? name(t) : t)),
  pos,
});
export const expr = (value: Expr): Stmt => ({ kind: 'Expr', value, pos });
export const print = (...args: Expr[]): Stmt => expr(call('print', ...args));
export const importModules = (...names: string[]): Stmt => ({ kind: 'Import', names: names.map((n) => ({ name: n, asname: null })), pos });
export const def = (fnName: string, params: readonly string[], body: readonly Stmt[]): Stmt => ({
  kind: 'FunctionDef',
  name: fnName,
  params: params.map((p) => ({ name: p, default: null, pos })),
  body,
  decorators: [],
  pos,
});
export const ret = (value: Expr | null): Stmt => ({ kind: 'Return', value, pos });
export const classDef = (className: string, body: readonly Stmt[], bases: readonly Expr[] = []): Stmt => ({
  kind: 'ClassDef',
  name: className,
  bases,
  body: body.length > 0 ? body : [{ kind: 'Pass', pos }],
  decorators: [],
  pos,
});

export const module = (...body: (Stmt | readonly Stmt[])[]): Module => ({ kind: 'Module', body: body.flat<readonly (Stmt | readonly Stmt[])[]>() });
