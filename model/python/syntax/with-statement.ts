/**
 * `with a [as x], b [as y]: body` to the model's `With` node. lezer reads the parenthesised
 * form `with (a as x, b):` and tuple targets only with errors; those stop in `parse.ts`.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Expr, Stmt, WithItem } from '../ast';
import { splitOnCommas, type ConvertContext } from './context';
import { toTarget } from './targets';

type ConvertExpr = (ctx: ConvertContext, node: SyntaxNode) => Expr;

export function convertWith(ctx: ConvertContext, node: SyntaxNode, children: readonly SyntaxNode[], body: (n: SyntaxNode) => Stmt[], convertExpr: ConvertExpr): Stmt {
  if (children[0]?.name === 'async') ctx.unsupported('async with statement', node);
  const bodyNode = children[children.length - 1];
  if (!bodyNode || bodyNode.name !== 'Body') return ctx.malformed('invalid syntax', node);
  const items: WithItem[] = [];
  for (const item of splitOnCommas(children.slice(1, -1)).items) {
    const [ctxNode, as, targetNode, extra] = item;
    if (!ctxNode || (as && as.name !== 'as') || (as && !targetNode) || extra) return ctx.malformed('invalid syntax', ctxNode ?? node);
    const target = targetNode ? toTarget(ctx, convertExpr(ctx, targetNode), 'assign') : null;
    items.push({ context: convertExpr(ctx, ctxNode), target, pos: ctx.pos(ctxNode) });
  }
  if (items.length === 0) return ctx.malformed('invalid syntax', node);
  return { kind: 'With', items, body: body(bodyNode), pos: ctx.pos(node) };
}
