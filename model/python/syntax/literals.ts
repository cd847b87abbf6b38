/**
 * String-like expression nodes (`String`, `FormatString`, `ContinuedString`) to `Const` or
 * `FString`: adjacent literals are one constant, as in CPython's `Parser/action_helpers.c`
 * (`_PyPegen_concatenate_strings`).
 */
import type { SyntaxNode } from '@lezer/common';
import type { ConstValue, Expr, FormattedValue, FStringPart } from '../ast';
import { childrenOf, splitOnCommas, type ConvertContext } from './context';
import { decodeBytes, decodeStr, readStringToken, type DecodeOptions, type StringToken } from './strings';

export type ExprConverter = (ctx: ConvertContext, node: SyntaxNode) => Expr;

type Piece = { readonly kind: 'str'; readonly parts: FStringPart[]; readonly format: boolean } | { readonly kind: 'bytes'; readonly value: number[] };

export function convertStrings(ctx: ConvertContext, node: SyntaxNode, expr: ExprConverter): Expr {
  if (node.name === 'String') {
    // One literal, no f-string: its value (what the general case below gives for one piece).
    const piece = convertOne(ctx, node, expr);
    if (piece.kind === 'bytes') return { kind: 'Const', value: { type: 'bytes', value: piece.value }, pos: ctx.pos(node) };
    if (!piece.format) return { kind: 'Const', value: { type: 'str', value: piece.parts[0] as string }, pos: ctx.pos(node) };
    return joined(ctx, node, [node], [piece]);
  }
  const tokens = node.name === 'ContinuedString' ? childrenOf(node) : [node];
  return joined(ctx, node, tokens, tokens.map((t) => convertOne(ctx, t, expr)));
}

/** The literals of `tokens` (converted to `pieces`) as one constant or f-string. */
function joined(ctx: ConvertContext, node: SyntaxNode, tokens: readonly SyntaxNode[], pieces: readonly Piece[]): Expr {
  const first = pieces[0]!;
  const pos = ctx.pos(node);
  for (let i = 1; i < pieces.length; i++)
    if (pieces[i]!.kind !== first.kind) ctx.malformed('cannot mix bytes and nonbytes literals', tokens[i]!);
  if (first.kind === 'bytes') {
    const value = pieces.flatMap((p) => (p.kind === 'bytes' ? p.value : []));
    return { kind: 'Const', value: { type: 'bytes', value }, pos };
  }
  const parts = mergeParts(pieces.flatMap((p) => (p.kind === 'str' ? p.parts : [])));
  // An f-string without replacement fields is its text: CPython's compiler loads the one constant
  // of the JoinedStr (`compiler_joined_str`), deduplicated with equal constants (f'ab' is 'ab').
  if (parts.some((p) => typeof p !== 'string')) return { kind: 'FString', parts, pos };
  const value: ConstValue = { type: 'str', value: parts.length === 0 ? '' : (parts[0] as string) };
  return { kind: 'Const', value, pos };
}

/** Joins adjacent literal parts and drops empty ones, as CPython's JoinedStr does. */
export function mergeParts(parts: readonly FStringPart[]): FStringPart[] {
  const out: FStringPart[] = [];
  for (const p of parts) {
    const last = out.length - 1;
    if (typeof p === 'string') {
      if (p === '') continue;
      const previous = out[last];
      if (typeof previous === 'string') out[last] = previous + p;
      else out.push(p);
    } else out.push(p);
  }
  return out;
}

/** `decodeStr`'s options for a plain (not f-) str literal, raw or not. */
const PLAIN_STR: DecodeOptions = { bytes: false, raw: false, fstring: false };
const RAW_STR: DecodeOptions = { bytes: false, raw: true, fstring: false };

function convertOne(ctx: ConvertContext, node: SyntaxNode, expr: ExprConverter): Piece {
  const text = ctx.text(node);
  // `ctx.decode` without closures: a catch around each decoder (exec'd sources parse on each run).
  let token: StringToken;
  try {
    token = readStringToken(text);
  } catch (e) {
    return ctx.literalFailed(e, node.from);
  }
  checkInsideFString(ctx, node, text);
  const body = text.slice(token.bodyStart, token.bodyEnd);
  const bodyAt = node.from + token.bodyStart;
  if (token.bytes || !token.format) {
    try {
      if (token.bytes) return { kind: 'bytes', value: decodeBytes(body, token.raw) };
      return { kind: 'str', parts: [decodeStr(body, token.raw ? RAW_STR : PLAIN_STR)], format: false };
    } catch (e) {
      return ctx.literalFailed(e, bodyAt);
    }
  }
  ctx.fstringQuotes.push(token.quote);
  try {
    return { kind: 'str', parts: fstringParts(ctx, node, token, expr), format: true };
  } finally {
    ctx.fstringQuotes.pop();
  }
}

/**
 * Before 3.12 (PEP 701) an f-string was first read as one plain literal: a nested literal could
 * not contain the enclosing delimiter. The model accepts only what every supported version reads.
 */
function checkInsideFString(ctx: ConvertContext, node: SyntaxNode, text: string): void {
  for (const outer of ctx.fstringQuotes)
    if (text.includes(outer))
      ctx.unsupported('string literal reusing the enclosing f-string quote', node, 'valid only from Python 3.12');
}

function fstringParts(ctx: ConvertContext, node: SyntaxNode, token: StringToken, expr: ExprConverter): FStringPart[] {
  const parts: FStringPart[] = [];
  let at = node.from + token.bodyStart;
  const literal = (from: number, to: number): void => {
    const text = ctx.source.slice(from, to);
    parts.push(ctx.decode(from, () => decodeStr(text, { bytes: false, raw: token.raw, fstring: true })));
  };
  for (const child of childrenOf(node)) {
    if (child.name !== 'FormatReplacement') continue;
    literal(at, child.from);
    parts.push(formattedValue(ctx, child, token.raw, expr, 0));
    at = child.to;
  }
  literal(at, node.from + token.bodyEnd);
  return mergeParts(parts);
}

function formattedValue(ctx: ConvertContext, node: SyntaxNode, raw: boolean, expr: ExprConverter, depth: number): FormattedValue {
  const children = childrenOf(node);
  const exprNodes: SyntaxNode[] = [];
  let conversion: FormattedValue['conversion'] = null;
  let formatSpec: FStringPart[] | null = null;
  let exprEnd = node.to - 1;
  for (const c of children.slice(1)) {
    if (c.name === 'FormatSelfDoc') ctx.unsupported("self-documenting f-string field '='", c);
    else if (c.name === 'FormatConversion') {
      exprEnd = Math.min(exprEnd, c.from);
      conversion = ctx.text(c)[1] as 'r' | 's' | 'a';
    } else if (c.name === 'FormatSpec') {
      exprEnd = Math.min(exprEnd, c.from);
      formatSpec = specParts(ctx, c, raw, expr, depth);
    } else if (c.name !== '}') exprNodes.push(c);
  }
  if (ctx.source.slice(node.from, exprEnd).includes('\\'))
    ctx.unsupported('backslash inside an f-string expression', node, 'valid only from Python 3.12');
  const { items, trailingComma } = splitOnCommas(exprNodes);
  for (const item of items) if (item[0]?.name === '*') ctx.unsupported('starred expression', item[0]);
  if (items.length === 0) ctx.malformed('f-string: valid expression required before }', node);
  const elts = items.map((item) => expr(ctx, item[0]!));
  const value: Expr =
    items.length > 1 || trailingComma ? { kind: 'Tuple', elts, pos: elts[0]!.pos } : elts[0]!;
  return { expr: value, conversion, formatSpec };
}

function specParts(ctx: ConvertContext, spec: SyntaxNode, raw: boolean, expr: ExprConverter, depth: number): FStringPart[] {
  if (depth > 0) ctx.unsupported('f-string format spec nested more than one level', spec);
  const parts: FStringPart[] = [];
  let at = spec.from + 1; // after ':'
  const literal = (from: number, to: number): void => {
    const text = ctx.source.slice(from, to);
    parts.push(ctx.decode(from, () => decodeStr(text, { bytes: false, raw, fstring: false })));
  };
  for (const child of childrenOf(spec)) {
    if (child.name !== 'FormatReplacement') continue;
    literal(at, child.from);
    parts.push(formattedValue(ctx, child, raw, expr, depth + 1));
    at = child.to;
  }
  literal(at, spec.to);
  return mergeParts(parts);
}
