/**
 * Python source to the model's program AST (`ast.ts`), through @lezer/python's tree.
 *
 * Order of checks, each reporting the first problem in source order:
 * 1. what no Python accepts and lezer flags (error nodes), or lezer mis-reads (`1.`);
 * 2. while converting: constructs outside the subset (`UnsupportedError`) and what lezer
 *    accepts but CPython's parser rejects (`MalformedSourceError`: `f() = 1`, `a < not b`,
 *    bad literals, bad indentation);
 * 3. CPython's compile-time errors: scope declarations (`Python/symtable.c`), then `return`,
 *    `break`, `continue` out of place (`Python/compile.c`), in CPython's order.
 * A malformed construct inside a refused one is reported as refused: both stop the program.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import type { Module } from './ast';
import { MalformedSourceError } from '../errors';
import { ConvertContext } from './syntax/context';
import { checkControlFlow } from './syntax/control-flow';
import { checkScopes } from './syntax/scopes';
import { NO_FORCED_ERRORS_BELOW, python3Parser, strictPython3Parser } from './syntax/python3-parser';
import { normalizeNewlines, SourceText } from './syntax/source';
import { StatementConverter } from './syntax/statements';

export function parseModule(source: string, filename = '<string>'): Module {
  const text = normalizeNewlines(source);
  const src = new SourceText(text, filename);
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new MalformedSourceError('source code cannot contain null bytes', src.place(nul));
  const { tree, errorNodesPossible } = parseTree(text);
  const ctx = new ConvertContext(src);
  if (errorNodesPossible || trailingDotPossible(text)) rejectUnreadable(ctx, tree);
  const module: Module = { kind: 'Module', body: new StatementConverter(ctx).module(tree.topNode) };
  if (ctx.scopeErrorsPossible) checkScopes(ctx, module);
  checkControlFlow(ctx, module);
  return module;
}

/** lezer's tree, and whether it may hold error nodes (see `strictPython3Parser`). */
function parseTree(text: string): { tree: Tree; errorNodesPossible: boolean } {
  if (text.length < NO_FORCED_ERRORS_BELOW) {
    try {
      return { tree: strictPython3Parser.parse(text), errorNodesPossible: false };
    } catch (e) {
      // lezer's "No parse at": read it again, recovering, to find where and why.
      if (!(e instanceof SyntaxError)) throw e;
    }
  }
  return { tree: python3Parser.parse(text), errorNodesPossible: true };
}

/**
 * Where `rejectUnreadable` may find a `Number` of digits right before a `.`: a digit or `_`, then
 * a `.` that no digit follows (lezer's `Number` takes `.5` along; checked over every string of
 * `1_.5ejx0 a` up to 6 characters). By char code, no regex: an exec'd source is read on each run.
 */
function trailingDotPossible(text: string): boolean {
  for (let i = text.indexOf('.', 1); i >= 0; i = text.indexOf('.', i + 1)) {
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    if (((before >= 0x30 && before <= 0x39) || before === 0x5f) && !(after >= 0x30 && after <= 0x39)) return true;
  }
  return false;
}

/**
 * Stops at the first lezer error node, or at a decimal number directly followed by `.` and
 * no digit (`1.`, `1.e5`, `1.real`): lezer's `Number` token has no trailing-dot form, so it
 * reads `1.` as the start of an attribute access and fails later, or accepts `1.real`
 * which CPython's tokenizer rejects ("invalid decimal literal").
 */
function rejectUnreadable(ctx: ConvertContext, tree: Tree): void {
  const text = ctx.source.text;
  let err: SyntaxNode | null = null;
  let dot: SyntaxNode | null = null;
  // Every named node in document order, without a callback per node.
  const cursor = tree.cursor();
  do {
    const type = cursor.type;
    if (type.isError) {
      err = cursor.node;
      break;
    }
    if (dot === null && type.name === 'Number' && text.charCodeAt(cursor.to) === 0x2e && /^[0-9_]+$/.test(text.slice(cursor.from, cursor.to)))
      dot = cursor.node;
  } while (cursor.next());
  if (dot && (!err || dot.from <= err.from)) {
    const after = text[dot.to + 1] ?? '';
    if (/[A-Za-z_\u0080-\uffff]/.test(after) && !/[eEjJ]/.test(after)) ctx.malformed('invalid decimal literal', dot);
    ctx.unsupported("float literal ending in '.' (write 1.0)", dot);
  }
  if (err) {
    const at = errorOffset(ctx, err);
    const fstring = enclosing(err, 'FormatString');
    // lezer reads `:=` in `f'{x:=^9}'` as a walrus; CPython reads a format spec starting with '='.
    if (fstring && ctx.source.slice(fstring.from, fstring.to).includes(':='))
      ctx.unsupported("f-string format spec starting with '='", fstring);
    // lezer reads only names as `with` targets, and no parenthesised items (CPython's grammar for those changed in 3.9).
    // lezer has no node for the `/` marker of a lambda's parameters.
    if (enclosing(err, 'LambdaExpression') && ctx.source.slice(err.from, err.to) === '/') ctx.unsupported("positional-only parameters ('/')", err);
    const withStatement = enclosing(err, 'WithStatement');
    if (withStatement) ctx.unsupported('with statement with parenthesised items or a target that is not a name', withStatement);
    const lineStart = ctx.source.lineStartOf(at);
    // lezer's grammar wants a value after `yield`, and its indentation tokenizer stops at a form feed.
    if (/\byield[ \t]*$/.test(text.slice(lineStart, at))) ctx.unsupported('yield expression', at - 5 - (/[ \t]*$/.exec(text.slice(lineStart, at))?.[0].length ?? 0));
    if (/^[ \t]*\f/.test(text.slice(lineStart))) ctx.unsupported('form feed in indentation', lineStart);
    const print = /^[ \t]*print[ \t]+(?=[^ \t(=.\n])/.exec(text.slice(ctx.source.lineStartOf(at)));
    if (print && !/^[ \t]*print[ \t]+(?:[-+*/%&|^<>!=@]|in\b|is\b|and\b|or\b|if\b)/.test(print.input))
      ctx.malformed("Missing parentheses in call to 'print'. Did you mean print(...)?", ctx.source.lineStartOf(at) + print[0].indexOf('print'));
    ctx.malformed(describeError(ctx, err), at);
  }
}

function enclosing(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let n: SyntaxNode | null = node; n; n = n.parent) if (n.name === name) return n;
  return null;
}

/** Zero-width error nodes sit at the end of the previous token; point at the next character instead. */
function errorOffset(ctx: ConvertContext, node: SyntaxNode): number {
  if (node.from < node.to) return node.from;
  const text = ctx.source.text;
  let i = node.from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function describeError(ctx: ConvertContext, node: SyntaxNode): string {
  const at = errorOffset(ctx, node);
  if (at >= ctx.source.text.length) return 'invalid syntax (unexpected end of input)';
  return 'invalid syntax';
}
