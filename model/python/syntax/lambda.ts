/** `lambda params: body` to the model's `Lambda` node (parameters as for `def`, no annotations). */
import type { SyntaxNode } from '@lezer/common';
import type { Expr } from '../ast';
import { childrenOf, type ConvertContext } from './context';
import { convertParameters } from './parameters';

type ConvertExpr = (ctx: ConvertContext, node: SyntaxNode) => Expr;
type Identifier = (ctx: ConvertContext, node: SyntaxNode) => string;

export function convertLambda(ctx: ConvertContext, node: SyntaxNode, convertExpr: ConvertExpr, identifier: Identifier): Expr {
  const children = childrenOf(node);
  const paramList = children.find((c) => c.name === 'ParamList');
  const colon = children.findIndex((c) => c.name === ':');
  const bodyNode = children[colon + 1];
  if (!paramList || colon < 0 || !bodyNode) return ctx.malformed('invalid syntax', node);
  const all = childrenOf(paramList);
  const params = convertParameters(ctx, all, { start: paramList.from, end: children[colon]!.from }, convertExpr, identifier, false);
  return { kind: 'Lambda', params, body: convertExpr(ctx, bodyNode), pos: ctx.pos(node) };
}
