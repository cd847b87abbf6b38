/** Expression nodes of the @lezer/python tree to the model's `Expr`. */
import type { SyntaxNode } from '@lezer/common';
import type { BinaryOperator, CompareOperator, ConstValue, Expr, Keyword } from '../ast';
import { childrenOf, splitOnCommas, type ConvertContext } from './context';
import { ASCII_IDENTIFIER, PYTHON_KEYWORDS } from './keywords';
import { convertComprehension } from './comprehensions';
import { convertLambda } from './lambda';
import { convertStrings } from './literals';
import { decodeNumber } from './numbers';

/** Constructs outside the subset, by lezer node name, with the name a refusal shows. */
const REFUSED_EXPRESSIONS: Readonly<Record<string, string>> = {
  AwaitExpression: 'await expression',
  YieldExpression: 'yield expression',
  NamedExpression: 'assignment expression (:=)',
};

const BINARY_OPERATORS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@']);
const COMPARE_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=', 'is', 'is not', 'in', 'not in']);

export function convertExpr(ctx: ConvertContext, node: SyntaxNode): Expr {
  // Each case finds its place itself: the compound ones below do, and parentheses have none.
  switch (node.name) {
    case 'VariableName':
      return { kind: 'Name', id: identifier(ctx, node), pos: ctx.pos(node) };
    case 'Number':
      return { kind: 'Const', value: numberValue(ctx, node), pos: ctx.pos(node) };
    case 'String':
    case 'FormatString':
    case 'ContinuedString':
      return convertStrings(ctx, node, convertExpr);
    case 'None':
      return { kind: 'Const', value: { type: 'None' }, pos: ctx.pos(node) };
    case 'Boolean':
      return { kind: 'Const', value: { type: 'bool', value: ctx.text(node) === 'True' }, pos: ctx.pos(node) };
    case 'Ellipsis':
      return { kind: 'Const', value: { type: 'Ellipsis' }, pos: ctx.pos(node) };
    case 'ParenthesizedExpression':
      return convertExpr(ctx, single(ctx, inner(node)));
    case 'TupleExpression':
      return { kind: 'Tuple', elts: displayItems(ctx, inner(node), true), pos: ctx.pos(node) };
    case 'ArrayExpression':
      return { kind: 'List', elts: displayItems(ctx, inner(node), true), pos: ctx.pos(node) };
    case 'SetExpression':
      return { kind: 'Set', elts: displayItems(ctx, inner(node), true), pos: ctx.pos(node) };
    case 'DictionaryExpression':
      return dict(ctx, node);
    case 'UnaryExpression':
      return unary(ctx, node);
    case 'BinaryExpression':
      return binary(ctx, node);
    case 'ConditionalExpression': {
      const pos = ctx.pos(node);
      const [body, , test, , orelse] = childrenOf(node);
      return { kind: 'IfExp', body: convertExpr(ctx, body!), test: convertExpr(ctx, test!), orelse: convertExpr(ctx, orelse!), pos };
    }
    case 'CallExpression':
      return call(ctx, node);
    case 'MemberExpression':
      return member(ctx, node);
    case 'ComprehensionExpression':
    case 'ArrayComprehensionExpression':
    case 'SetComprehensionExpression':
    case 'DictionaryComprehensionExpression':
      return convertComprehension(ctx, node.name, inner(node), node, convertExpr, convertExprList);
    case 'LambdaExpression':
      return convertLambda(ctx, node, convertExpr, identifier);
    default: {
      const refused = REFUSED_EXPRESSIONS[node.name];
      if (refused) ctx.unsupported(refused, node);
      if (node.name === '*') ctx.unsupported('starred expression', node);
      if (node.name === '**') ctx.unsupported('dict unpacking (**)', node);
      return ctx.malformed('invalid syntax', node);
    }
  }
}

/** A `Number` token's value (`ConvertContext.decode` without a closure). */
function numberValue(ctx: ConvertContext, node: SyntaxNode): ConstValue {
  try {
    return decodeNumber(ctx.text(node));
  } catch (e) {
    return ctx.literalFailed(e, node.from);
  }
}

/** A comma-separated run of expressions: one expression, or a Tuple if there is a comma. */
export function convertExprList(ctx: ConvertContext, nodes: readonly SyntaxNode[]): Expr {
  // Most lists are one expression: no comma to split on.
  if (nodes.length === 1 && nodes[0]!.name !== ',') return convertExpr(ctx, single(ctx, nodes));
  const { items, trailingComma } = splitOnCommas(nodes);
  const elts = items.map((item) => convertExpr(ctx, single(ctx, item)));
  if (items.length === 1 && !trailingComma) return elts[0]!;
  return { kind: 'Tuple', elts, pos: elts[0]?.pos ?? ctx.pos(nodes[0]!) };
}

export function identifier(ctx: ConvertContext, node: SyntaxNode): string {
  const name = ctx.text(node);
  if (!ASCII_IDENTIFIER.test(name)) ctx.unsupported('non-ASCII identifier', node);
  return name;
}

/** The children between a node's brackets. */
function inner(node: SyntaxNode): SyntaxNode[] {
  return childrenOf(node).slice(1, -1);
}

/** A list item that must be one plain expression (refuses `*x` and comprehensions). */
function single(ctx: ConvertContext, item: readonly SyntaxNode[]): SyntaxNode {
  const first = item[0];
  if (!first) return ctx.malformed('invalid syntax', 0);
  if (first.name === '*') ctx.unsupported('starred expression', first);
  if (first.name === '**') ctx.unsupported('dict unpacking (**)', first);
  const extra = item[1];
  if (extra) {
    if (extra.name === 'for' || extra.name === 'async') ctx.unsupported('generator expression', first);
    ctx.malformed('invalid syntax', extra);
  }
  return first;
}

/** A display's items; `*x` among them (`star_named_expression`) where `starred` allows it. */
function displayItems(ctx: ConvertContext, nodes: readonly SyntaxNode[], starred = false): Expr[] {
  return splitOnCommas(nodes).items.map((item): Expr => {
    const first = item[0];
    if (!starred || first?.name !== '*') return convertExpr(ctx, single(ctx, item));
    if (item.length !== 2) return ctx.malformed('invalid syntax', first);
    return { kind: 'Starred', value: convertExpr(ctx, item[1]!), pos: ctx.pos(first) };
  });
}

function dict(ctx: ConvertContext, node: SyntaxNode): Expr {
  const keys: Expr[] = [];
  const values: Expr[] = [];
  for (const item of splitOnCommas(inner(node)).items) {
    if (item[0]?.name === '**') ctx.unsupported('dict unpacking (**)', item[0]);
    if (item.length !== 3 || item[1]!.name !== ':') ctx.malformed('invalid syntax', item[0] ?? node);
    keys.push(convertExpr(ctx, item[0]!));
    values.push(convertExpr(ctx, item[2]!));
  }
  return { kind: 'Dict', keys, values, pos: ctx.pos(node) };
}

function unary(ctx: ConvertContext, node: SyntaxNode): Expr {
  const [op, operand] = childrenOf(node);
  const text = ctx.text(op!);
  if (text === 'not') return booleanExpr(ctx, node);
  const opName = text === '-' ? '-' : text === '+' ? '+' : '~';
  return { kind: 'UnaryOp', op: opName, operand: convertExpr(ctx, operand!), pos: ctx.pos(node) };
}

/** The operator between a binary node's operands (`children`: the node's), `is not` and `not in` as two words. */
function operatorOf(ctx: ConvertContext, children: readonly SyntaxNode[]): string {
  if (children.length === 3) return ctx.text(children[1]!);
  return children
    .slice(1, -1)
    .map((c) => ctx.text(c))
    .join(' ');
}

/** An operand, or a boolean operator with the node it came from (a `not` gives its place). */
type BoolItem = { readonly operand: SyntaxNode } | { readonly op: 'and' | 'or' | 'not'; readonly node: SyntaxNode };

/**
 * `or`, `and` and `not` rebuilt by precedence. @lezer/python gives `not` no precedence, so it
 * reads `not a and b` as `not (a and b)` and `a and not b or c` as `a and not (b or c)`;
 * Python's grammar (`disjunction`, `conjunction`, `inversion`) binds `not` tighter than
 * `and`, `and` tighter than `or`. The unparenthesised run is flattened and parsed again.
 */
function booleanExpr(ctx: ConvertContext, node: SyntaxNode): Expr {
  const items: BoolItem[] = [];
  const flatten = (n: SyntaxNode): void => {
    if (n.name === 'BinaryExpression') {
      const children = childrenOf(n);
      const op = operatorOf(ctx, children);
      if (op === 'and' || op === 'or') {
        flatten(children[0]!);
        items.push({ op, node: n });
        flatten(children[children.length - 1]!);
        return;
      }
    } else if (n.name === 'UnaryExpression' && ctx.text(n.firstChild!) === 'not') {
      items.push({ op: 'not', node: n });
      flatten(childrenOf(n)[1]!);
      return;
    }
    items.push({ operand: n });
  };
  flatten(node);
  let i = 0;
  const isOp = (op: string): boolean => {
    const item = items[i];
    return item !== undefined && 'op' in item && item.op === op;
  };
  // Each result carries where its source starts: a BoolOp starts where its first operand's
  // text does, parentheses included, as CPython's positions do.
  type Parsed = { readonly expr: Expr; readonly from: number };
  const parseBool = (op: 'or' | 'and'): Parsed => {
    const first = op === 'or' ? parseBool('and') : parseNot();
    const values = [first.expr];
    while (isOp(op)) {
      i++;
      values.push((op === 'or' ? parseBool('and') : parseNot()).expr);
    }
    return values.length === 1 ? first : { expr: { kind: 'BoolOp', op, values, pos: ctx.pos(first.from) }, from: first.from };
  };
  const parseNot = (): Parsed => {
    const item = items[i++];
    if (!item) return ctx.malformed('invalid syntax', node);
    if ('operand' in item) return { expr: convertExpr(ctx, item.operand), from: item.operand.from };
    if (item.op !== 'not') return ctx.malformed('invalid syntax', item.node);
    return { expr: { kind: 'UnaryOp', op: 'not', operand: parseNot().expr, pos: ctx.pos(item.node) }, from: item.node.from };
  };
  const result = parseBool('or');
  if (i !== items.length) ctx.malformed('invalid syntax', node);
  return result.expr;
}

function binary(ctx: ConvertContext, node: SyntaxNode): Expr {
  const children = childrenOf(node);
  const leftNode = children[0]!;
  const rightNode = children[children.length - 1]!;
  const op = operatorOf(ctx, children);
  if (op === 'and' || op === 'or') return booleanExpr(ctx, node);
  const pos = ctx.pos(node);
  if (COMPARE_OPERATORS.has(op)) {
    if (isNot(ctx, rightNode)) ctx.malformed('invalid syntax', rightNode);
    const left = convertExpr(ctx, leftNode);
    const right = convertExpr(ctx, rightNode);
    const cop = op as CompareOperator;
    if (leftNode.name === 'BinaryExpression' && left.kind === 'Compare')
      return { kind: 'Compare', left: left.left, ops: [...left.ops, cop], comparators: [...left.comparators, right], pos };
    return { kind: 'Compare', left, ops: [cop], comparators: [right], pos };
  }
  if (op === '<>') ctx.malformed('invalid syntax', children[1]!);
  if (!BINARY_OPERATORS.has(op)) ctx.malformed('invalid syntax', children[1] ?? node);
  return { kind: 'BinOp', op: op as BinaryOperator, left: convertExpr(ctx, leftNode), right: convertExpr(ctx, rightNode), pos };
}

function isNot(ctx: ConvertContext, node: SyntaxNode): boolean {
  return node.name === 'UnaryExpression' && ctx.text(node.firstChild!) === 'not';
}

function call(ctx: ConvertContext, node: SyntaxNode): Expr {
  const [funcNode, argList] = childrenOf(node);
  return convertCall(ctx, convertExpr(ctx, funcNode!), argList!, node);
}

/** A call of `func` with the arguments of an `ArgList` node (also used for decorators). */
export function convertCall(ctx: ConvertContext, func: Expr, argList: SyntaxNode, node: SyntaxNode): Expr {
  const args: Expr[] = [];
  const keywords: Keyword[] = [];
  const { items: argItems, trailingComma } = splitOnCommas(inner(argList));
  let genexp = -1;
  for (let i = 0; i < argItems.length && genexp < 0; i++) {
    const second = argItems[i]![1]?.name;
    if (second === 'for' || second === 'async') genexp = i;
  }
  if (genexp >= 0) {
    // `f(x for x in y)`: a generator expression must be the sole argument, unparenthesised.
    if (argItems.length > 1 || trailingComma) ctx.malformed('Generator expression must be parenthesized', argItems[genexp]![0]!);
    const item = argItems[0]!;
    return { kind: 'Call', func, args: [convertComprehension(ctx, 'ComprehensionExpression', item, argList, convertExpr, convertExprList)], keywords, pos: ctx.pos(node) };
  }
  // Whether a `**mapping` came before (the only keyword named '**').
  let keywordsUnpacked = false;
  for (const item of argItems) {
    const first = item[0]!;
    if (first.name === '*' || first.name === '**') {
      const value = item[1];
      if (value === undefined || item.length > 2) return ctx.malformed('invalid syntax', first);
      if (first.name === '*') {
        // `Grammar/python.gram` `invalid_arguments`: `*x` after `**y` is a SyntaxError.
        if (keywordsUnpacked) ctx.malformed('iterable argument unpacking follows keyword argument unpacking', first);
        args.push({ kind: 'Starred', value: convertExpr(ctx, value), pos: ctx.pos(first) });
      } else {
        keywords.push({ name: '**', value: convertExpr(ctx, value), pos: ctx.pos(first) });
        keywordsUnpacked = true;
      }
      continue;
    }
    if (item[1]?.name === 'AssignOp') {
      if (ctx.text(item[1]) !== '=') ctx.unsupported('assignment expression (:=)', first);
      if (item.some((n) => n.name === 'for')) ctx.unsupported('generator expression', item[2]!);
      const name = identifier(ctx, first);
      if (name === '__debug__') ctx.malformed('cannot assign to __debug__', first);
      if (keywords.some((k) => k.name === name)) ctx.malformed(`keyword argument repeated: ${name}`, first);
      keywords.push({ name, value: convertExpr(ctx, item[2]!), pos: ctx.pos(first) });
    } else {
      if (keywords.length > 0) {
        if (keywordsUnpacked) ctx.malformed('positional argument follows keyword argument unpacking', first);
        ctx.malformed('positional argument follows keyword argument', first);
      }
      args.push(convertExpr(ctx, single(ctx, item)));
    }
  }
  return { kind: 'Call', func, args, keywords, pos: ctx.pos(node) };
}

function member(ctx: ConvertContext, node: SyntaxNode): Expr {
  const children = childrenOf(node);
  const value = convertExpr(ctx, children[0]!);
  const pos = ctx.pos(node);
  if (children[1]!.name === '.') {
    const attrNode = children[2]!;
    const attr = ctx.text(attrNode);
    if (PYTHON_KEYWORDS.has(attr)) ctx.malformed('invalid syntax', attrNode);
    if (!ASCII_IDENTIFIER.test(attr)) ctx.unsupported('non-ASCII identifier', attrNode);
    return { kind: 'Attribute', value, attr, pos };
  }
  const { items, trailingComma } = splitOnCommas(children.slice(2, -1));
  if (items.length === 0) ctx.malformed('invalid syntax', children[1]!);
  const elts = items.map((item) => subscriptItem(ctx, item));
  const index: Expr = items.length === 1 && !trailingComma ? elts[0]! : { kind: 'Tuple', elts, pos: elts[0]!.pos };
  return { kind: 'Subscript', value, index, pos };
}

/** One item between `[` and `]`: an expression or a slice `lower:upper:step`. */
function subscriptItem(ctx: ConvertContext, item: readonly SyntaxNode[]): Expr {
  if (!item.some((n) => n.name === ':')) return convertExpr(ctx, single(ctx, item));
  const bounds: (Expr | null)[] = [null];
  for (const n of item) {
    if (n.name === ':') bounds.push(null);
    else bounds[bounds.length - 1] = convertExpr(ctx, n);
  }
  return { kind: 'Slice', lower: bounds[0] ?? null, upper: bounds[1] ?? null, step: bounds[2] ?? null, pos: ctx.pos(item[0]!) };
}
