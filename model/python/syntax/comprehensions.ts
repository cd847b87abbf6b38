/**
 * Comprehensions and generator expressions of the @lezer/python tree to the model's AST.
 * lezer keeps the clauses flat: `[elt for t in it if c for t2 in it2]` is a run of children
 * split by the `for`, `in`, `if` keywords (nested expressions are single child nodes).
 */
import type { SyntaxNode } from '@lezer/common';
import type { Comprehension, Expr } from '../ast';
import type { ConvertContext } from './context';
import { toTarget } from './targets';

type ConvertExpr = (ctx: ConvertContext, node: SyntaxNode) => Expr;
type ConvertList = (ctx: ConvertContext, nodes: readonly SyntaxNode[]) => Expr;

const KIND_OF: Readonly<Record<string, 'ListComp' | 'SetComp' | 'GeneratorExp' | 'DictComp'>> = {
  ArrayComprehensionExpression: 'ListComp',
  SetComprehensionExpression: 'SetComp',
  ComprehensionExpression: 'GeneratorExp',
  DictionaryComprehensionExpression: 'DictComp',
};

/** A comprehension node (brackets included), or the items of a call's sole generator argument. */
export function convertComprehension(
  ctx: ConvertContext,
  kindNode: string,
  inner: readonly SyntaxNode[],
  at: SyntaxNode,
  convertExpr: ConvertExpr,
  convertList: ConvertList,
): Expr {
  const kind = KIND_OF[kindNode];
  if (!kind) return ctx.malformed('invalid syntax', at);
  const firstFor = inner.findIndex((n) => n.name === 'for' || n.name === 'async');
  if (firstFor <= 0) return ctx.malformed('invalid syntax', at);
  const head = inner.slice(0, firstFor);
  const generators: Comprehension[] = [];
  let i = firstFor;
  while (i < inner.length) {
    const start = inner[i]!;
    if (start.name === 'async') ctx.unsupported('asynchronous comprehension', start);
    if (start.name !== 'for') return ctx.malformed('invalid syntax', start);
    const inAt = inner.findIndex((n, j) => j > i && n.name === 'in');
    if (inAt < 0) return ctx.malformed('invalid syntax', start);
    const targetNodes = inner.slice(i + 1, inAt);
    if (targetNodes.length === 0) return ctx.malformed('invalid syntax', start);
    const target = toTarget(ctx, convertList(ctx, targetNodes), 'assign');
    let j = inAt + 1;
    const iterNodes: SyntaxNode[] = [];
    while (j < inner.length && !['if', 'for', 'async'].includes(inner[j]!.name)) iterNodes.push(inner[j++]!);
    if (iterNodes.length !== 1) return ctx.malformed('invalid syntax', iterNodes[1] ?? inner[inAt]!);
    const ifs: Expr[] = [];
    while (j < inner.length && inner[j]!.name === 'if') {
      const cond = inner[j + 1];
      if (!cond || ['if', 'for', 'async'].includes(cond.name)) return ctx.malformed('invalid syntax', inner[j]!);
      ifs.push(convertExpr(ctx, cond));
      j += 2;
    }
    generators.push({ target, iter: convertExpr(ctx, iterNodes[0]!), ifs, pos: ctx.pos(start) });
    i = j;
  }
  const pos = ctx.pos(at);
  if (kind === 'DictComp') {
    if (head.length !== 3 || head[1]!.name !== ':') {
      if (head[0]?.name === '**') ctx.unsupported('dict unpacking (**)', head[0]);
      return ctx.malformed('invalid syntax', head[0]!);
    }
    return { kind, key: convertExpr(ctx, head[0]!), value: convertExpr(ctx, head[2]!), generators, pos };
  }
  if (head[0]?.name === '*') return ctx.malformed('iterable unpacking cannot be used in comprehension', head[0]);
  if (head.length !== 1) return ctx.malformed('invalid syntax', head[1]!);
  return { kind, elt: convertExpr(ctx, head[0]!), generators, pos };
}
