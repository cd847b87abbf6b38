/**
 * The parameter list of a `def` or `lambda` (lezer `ParamList`) to the model's `Parameter[]`, in
 * `co_varnames` order (see `Parameter` in ../ast.ts): positional-only (before `/`), positional,
 * keyword-only (after `*args` or a bare `*`), `*args`, `**kwargs`. The grammar's errors
 * (`Grammar/python.gram` `invalid_parameters`, `invalid_star_etc`) are malformed input.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Expr, Parameter, ParameterKind } from '../ast';
import { childrenOf, type ConvertContext } from './context';

type ConvertExpr = (ctx: ConvertContext, node: SyntaxNode) => Expr;
type Identifier = (ctx: ConvertContext, node: SyntaxNode) => string;

/** One comma-separated item; `slash` for the `/` marker (lezer keeps no node for it). */
type Item = { readonly nodes: SyntaxNode[] } | { readonly slash: number };

/**
 * The items of `tokens` (the list's children without its brackets); `end` is where the list
 * ends in the source, so that a `/` after the last token is seen.
 */
function splitItems(ctx: ConvertContext, tokens: readonly SyntaxNode[], start: number, end: number): Item[] {
  const items: Item[] = [];
  let current: SyntaxNode[] = [];
  let prevEnd = start;
  const gapSlash = (upTo: number): void => {
    const gap = ctx.source.slice(prevEnd, upTo);
    if (gap.trim() === '/') {
      if (current.length > 0) ctx.malformed('invalid syntax', prevEnd + gap.indexOf('/'));
      items.push({ slash: prevEnd + gap.indexOf('/') });
    }
  };
  for (const t of tokens) {
    gapSlash(t.from);
    prevEnd = t.to;
    if (t.name === ',') {
      if (current.length > 0) items.push({ nodes: current });
      else if (!('slash' in (items.at(-1) ?? {}))) ctx.malformed('invalid syntax', t);
      current = [];
    } else current.push(t);
  }
  gapSlash(end);
  if (current.length > 0) items.push({ nodes: current });
  return items;
}

export function convertParameters(
  ctx: ConvertContext,
  tokens: readonly SyntaxNode[],
  bounds: { start: number; end: number },
  convertExpr: ConvertExpr,
  identifier: Identifier,
  allowAnnotations: boolean,
): Parameter[] {
  const positional: Parameter[] = [];
  const kwonly: Parameter[] = [];
  let vararg: Parameter | null = null;
  let kwarg: Parameter | null = null;
  let star: SyntaxNode | null = null;
  const items = splitItems(ctx, tokens, bounds.start, bounds.end);
  items.forEach((item, index) => {
    if ('slash' in item) {
      if (star !== null) ctx.malformed('/ must be ahead of *', item.slash);
      if (positional.length === 0) ctx.malformed('at least one argument must precede /', item.slash);
      if (items.slice(0, index).some((i) => 'slash' in i)) ctx.malformed('/ may appear only once', item.slash);
      positional.forEach((p, i) => (positional[i] = { ...p, kind: 'posonly' }));
      return;
    }
    if (kwarg !== null) ctx.malformed('arguments cannot follow var-keyword argument', item.nodes[0]!);
    const first = item.nodes[0]!;
    if (first.name === '*' || first.name === '**') {
      if (first.name === '*' && star !== null) ctx.malformed('* argument may appear only once', first);
      if (first.name === '*') star = first;
      if (item.nodes.length === 1) {
        if (first.name === '**') ctx.malformed('invalid syntax', first);
        return;
      }
      const p = parameter(ctx, item.nodes.slice(1), convertExpr, identifier, allowAnnotations, first.name === '*' ? 'vararg' : 'kwarg');
      if (p.default !== null) ctx.malformed('invalid syntax', item.nodes[1]!);
      if (first.name === '*') vararg = p;
      else kwarg = p;
      return;
    }
    if (star !== null) {
      kwonly.push(parameter(ctx, item.nodes, convertExpr, identifier, allowAnnotations, 'kwonly'));
      return;
    }
    const p = parameter(ctx, item.nodes, convertExpr, identifier, allowAnnotations, null);
    if (p.default === null && positional.some((q) => q.default !== null)) ctx.malformed('parameter without a default follows parameter with a default', first);
    positional.push(p);
  });
  if (star !== null && vararg === null && kwonly.length === 0) ctx.malformed('named arguments must follow bare *', star);
  const all = [...positional, ...kwonly, ...(vararg ? [vararg] : []), ...(kwarg ? [kwarg] : [])];
  if (hasDuplicateName(all)) ctx.scopeErrorsPossible = true;
  return all;
}

function hasDuplicateName(params: readonly Parameter[]): boolean {
  for (let i = 1; i < params.length; i++) for (let j = 0; j < i; j++) if (params[i]!.name === params[j]!.name) return true;
  return false;
}

/** `name`, `name=default`, `name: annotation`, `name: annotation = default`. */
function parameter(ctx: ConvertContext, nodes: readonly SyntaxNode[], convertExpr: ConvertExpr, identifier: Identifier, allowAnnotations: boolean, kind: ParameterKind | null): Parameter {
  const first = nodes[0]!;
  if (first.name !== 'VariableName') return ctx.malformed('invalid syntax', first);
  const annotation = allowAnnotations ? nodes.find((c) => c.name === 'TypeDef') : undefined;
  const annotationNode = annotation ? childrenOf(annotation)[1] : undefined;
  if (annotation && !annotationNode) ctx.malformed('invalid syntax', annotation);
  const name = identifier(ctx, first);
  if (name === '__debug__') ctx.malformed('cannot assign to __debug__', first);
  const rest = nodes.slice(annotation ? 2 : 1);
  if (rest.length > 0 && (rest[0]!.name !== 'AssignOp' || rest.length !== 2)) ctx.malformed('invalid syntax', rest[0]!);
  const defaultNode = rest[1];
  const p: Parameter = { name, default: defaultNode ? convertExpr(ctx, defaultNode) : null, pos: ctx.pos(first) };
  const withKind = kind === null ? p : { ...p, kind };
  return annotationNode ? { ...withKind, annotation: convertExpr(ctx, annotationNode) } : withKind;
}
