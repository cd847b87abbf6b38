/**
 * `lambda params: body` to the model's `Lambda` node. Only plain positional parameters with
 * optional defaults, like `def` here; `*args`, `**kwargs`, `*` and `/` are refused.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Expr, Parameter } from '../ast';
import { childrenOf, splitOnCommas, type ConvertContext } from './context';

type ConvertExpr = (ctx: ConvertContext, node: SyntaxNode) => Expr;
type Identifier = (ctx: ConvertContext, node: SyntaxNode) => string;

export function convertLambda(ctx: ConvertContext, node: SyntaxNode, convertExpr: ConvertExpr, identifier: Identifier): Expr {
  const children = childrenOf(node);
  const paramList = children.find((c) => c.name === 'ParamList');
  const colon = children.findIndex((c) => c.name === ':');
  const bodyNode = children[colon + 1];
  if (!paramList || colon < 0 || !bodyNode) return ctx.malformed('invalid syntax', node);
  const params: Parameter[] = [];
  const all = childrenOf(paramList);
  // lezer keeps no node for the `/` marker: find it between two children.
  for (let i = 1; i < all.length; i++) {
    const gap = ctx.source.slice(all[i - 1]!.to, all[i]!.from);
    if (gap.trim() === '/') ctx.unsupported("positional-only parameters ('/')", all[i - 1]!.to + gap.indexOf('/'));
  }
  for (const item of splitOnCommas(all).items) {
    const first = item[0];
    if (!first) return ctx.malformed('invalid syntax', paramList);
    if (first.name === '*') ctx.unsupported(item[1] ? 'variadic parameter (*args)' : "keyword-only parameters ('*')", first);
    if (first.name === '**') ctx.unsupported('variadic keyword parameter (**kwargs)', first);
    if (first.name === '/') ctx.unsupported("positional-only parameters ('/')", first);
    if (first.name !== 'VariableName') return ctx.malformed('invalid syntax', first);
    const name = identifier(ctx, first);
    if (name === '__debug__') ctx.malformed('cannot assign to __debug__', first);
    const defaultNode = item[2];
    if (!defaultNode && params.some((p) => p.default !== null)) ctx.malformed('parameter without a default follows parameter with a default', first);
    params.push({ name, default: defaultNode ? convertExpr(ctx, defaultNode) : null, pos: ctx.pos(first) });
  }
  return { kind: 'Lambda', params, body: convertExpr(ctx, bodyNode), pos: ctx.pos(node) };
}
