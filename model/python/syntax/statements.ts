/** Statement nodes of the @lezer/python tree to the model's `Stmt`. */
import type { SyntaxNode } from '@lezer/common';
import type { ExceptHandler, Expr, ImportAlias, Parameter, Pos, Stmt, Target } from '../ast';
import { childrenOf, splitOnCommas, type ConvertContext } from './context';
import { convertCall, convertExpr, convertExprList, identifier } from './expressions';
import { convertParameters } from './parameters';
import { BlockIndent, type Indent } from './indentation';
import { toTarget } from './targets';
import { convertWith } from './with-statement';

const REFUSED_STATEMENTS: Readonly<Record<string, string>> = {
  MatchStatement: 'match statement',
  TypeDefinition: 'type alias statement',
};

export class StatementConverter {
  private readonly lastIndent = { last: { col: 0, altcol: 0 } };

  constructor(private readonly ctx: ConvertContext) {}

  /** The statements of a module (`Script`'s children). */
  module(script: SyntaxNode): Stmt[] {
    return this.block(childrenOf(script), null);
  }

  private block(nodes: readonly SyntaxNode[], parent: Indent | null): Stmt[] {
    const indent = new BlockIndent(this.ctx, parent, this.lastIndent);
    const out: Stmt[] = [];
    for (const node of nodes) {
      indent.check(node);
      this.statement(node, indent.indent, out);
    }
    return out;
  }

  /** A `Body` node: `:` then one line of simple statements, or an indented block. */
  private body(node: SyntaxNode, parent: Indent): Stmt[] {
    const [colon, ...stmts] = childrenOf(node);
    const first = stmts[0];
    if (!first) return this.ctx.malformed("expected an indented block", node);
    const inline = !this.ctx.source.slice(colon!.to, first.from).includes('\n');
    if (inline) {
      const out: Stmt[] = [];
      for (const s of stmts) this.statement(s, parent, out);
      return out;
    }
    return this.block(stmts, parent);
  }

  private statement(node: SyntaxNode, indent: Indent, out: Stmt[]): void {
    const ctx = this.ctx;
    const pos = ctx.pos(node);
    const children = childrenOf(node);
    switch (node.name) {
      case 'StatementGroup':
        for (const c of children) if (c.name !== ';') this.statement(c, indent, out);
        return;
      case 'ExpressionStatement':
        out.push({ kind: 'Expr', value: convertExprList(ctx, children), pos });
        return;
      case 'AssignStatement':
        out.push(this.assign(children, pos));
        return;
      case 'UpdateStatement': {
        const opIndex = children.findIndex((c) => c.name === 'UpdateOp');
        const target = toTarget(ctx, convertExprList(ctx, children.slice(0, opIndex)), 'augmented');
        const op = ctx.text(children[opIndex]!).slice(0, -1) as Extract<Stmt, { kind: 'AugAssign' }>['op'];
        out.push({ kind: 'AugAssign', target, op, value: convertExprList(ctx, children.slice(opIndex + 1)), pos });
        return;
      }
      case 'DeleteStatement': {
        const items = splitOnCommas(children.slice(1)).items;
        out.push({ kind: 'Delete', targets: items.map((i) => toTarget(ctx, convertExprList(ctx, i), 'delete')), pos });
        return;
      }
      case 'PassStatement':
        out.push({ kind: 'Pass', pos });
        return;
      case 'BreakStatement':
        out.push({ kind: 'Break', pos });
        return;
      case 'ContinueStatement':
        out.push({ kind: 'Continue', pos });
        return;
      case 'ReturnStatement':
        out.push({ kind: 'Return', value: children.length > 1 ? convertExprList(ctx, children.slice(1)) : null, pos });
        return;
      case 'YieldStatement': {
        const from = children[1] !== undefined && ctx.text(children[1]) === 'from';
        const rest = children.slice(from ? 2 : 1);
        out.push({ kind: 'Yield', value: rest.length > 0 ? convertExprList(ctx, rest) : null, from, pos });
        return;
      }
      case 'ScopeStatement': {
        ctx.scopeErrorsPossible = true;
        const names = children.slice(1).filter((c) => c.name !== ',').map((c) => identifier(ctx, c));
        out.push(ctx.text(children[0]!) === 'global' ? { kind: 'Global', names, pos } : { kind: 'Nonlocal', names, pos });
        return;
      }
      case 'RaiseStatement': {
        const fromAt = children.findIndex((c) => c.name === 'from');
        const excNodes = children.slice(1, fromAt < 0 ? undefined : fromAt);
        const exc = excNodes.length > 0 ? convertExprList(ctx, excNodes) : null;
        const cause = fromAt < 0 ? null : convertExprList(ctx, children.slice(fromAt + 1));
        if (!exc && fromAt >= 0) ctx.malformed('invalid syntax', children[fromAt]!);
        out.push({ kind: 'Raise', exc, cause, pos });
        return;
      }
      case 'AssertStatement': {
        const parts = splitOnCommas(children.slice(1)).items;
        if (parts.length < 1 || parts.length > 2) ctx.malformed('invalid syntax', node);
        out.push({ kind: 'Assert', test: convertExprList(ctx, parts[0]!), msg: parts[1] ? convertExprList(ctx, parts[1]) : null, pos });
        return;
      }
      case 'TryStatement':
        out.push(this.tryStatement(node, children, indent));
        return;
      case 'ImportStatement':
        out.push(this.importStatement(node, children));
        return;
      case 'PrintStatement':
        return ctx.malformed("Missing parentheses in call to 'print'. Did you mean print(...)?", node);
      case 'IfStatement':
        out.push(this.ifStatement(children, indent));
        return;
      case 'WhileStatement': {
        if (children[0]!.name !== 'while') ctx.malformed('invalid syntax', node);
        const [, test, body, , orelse] = children;
        out.push({ kind: 'While', test: convertExpr(ctx, test!), body: this.body(body!, indent), orelse: orelse ? this.body(orelse, indent) : [], pos });
        return;
      }
      case 'ForStatement':
        out.push(this.forStatement(node, children, indent));
        return;
      case 'FunctionDefinition':
        out.push(this.functionDef(node, children, [], indent));
        return;
      case 'ClassDefinition':
        out.push(this.classDef(node, children, [], indent));
        return;
      case 'DecoratedStatement': {
        const decorators = children.slice(0, -1).map((d) => this.decorator(d));
        const def = children[children.length - 1]!;
        const defChildren = childrenOf(def);
        out.push(
          def.name === 'ClassDefinition'
            ? this.classDef(def, defChildren, decorators, indent)
            : this.functionDef(def, defChildren, decorators, indent),
        );
        return;
      }
      case 'WithStatement':
        out.push(convertWith(ctx, node, children, (b) => this.body(b, indent), convertExpr));
        return;
      default: {
        const refused = REFUSED_STATEMENTS[node.name];
        if (refused) ctx.unsupported(refused, node);
        ctx.malformed('invalid syntax', node);
      }
    }
  }

  private assign(children: SyntaxNode[], pos: Pos): Stmt {
    const ctx = this.ctx;
    // Loops, not closures: every exec'd `name = value` comes here on each run.
    let groups = 1;
    for (const c of children) {
      if (c.name === 'TypeDef') return this.annotatedAssign(children, c, pos);
      if (c.name === 'AssignOp') groups++;
    }
    // The runs of children between `=` signs, converted in order: the targets, then the value.
    const exprs = new Array<Expr>(groups);
    let group = 0;
    let start = 0;
    for (let i = 0; i <= children.length; i++) {
      if (i < children.length && children[i]!.name !== 'AssignOp') continue;
      exprs[group++] = convertExprList(ctx, children.slice(start, i));
      start = i + 1;
    }
    const value = exprs.pop()!;
    const targets = new Array<Target>(exprs.length);
    for (let i = 0; i < exprs.length; i++) targets[i] = toTarget(ctx, exprs[i]!, 'assign');
    return { kind: 'Assign', targets, value, pos };
  }

  /** `target: annotation [= value]` (one target; `simple` when it is a bare, unparenthesised name). */
  private annotatedAssign(children: SyntaxNode[], typeDef: SyntaxNode, pos: Pos): Stmt {
    const ctx = this.ctx;
    const at = children.indexOf(typeDef);
    const targetNodes = children.slice(0, at);
    const rest = children.slice(at + 1);
    if (rest.length > 0 && (rest[0]!.name !== 'AssignOp' || rest.slice(1).some((c) => c.name === 'AssignOp'))) ctx.malformed('invalid syntax', rest[0]!);
    const targetExpr = convertExprList(ctx, targetNodes);
    if (targetExpr.kind === 'Tuple' || targetExpr.kind === 'List')
      ctx.malformedAt(`only single target (not ${targetExpr.kind === 'Tuple' ? 'tuple' : 'list'}) can be annotated`, targetExpr.pos);
    const target = toTarget(ctx, targetExpr, 'assign');
    const annotationNode = childrenOf(typeDef)[1];
    if (!annotationNode) return ctx.malformed('invalid syntax', typeDef);
    const annotation = convertExpr(ctx, annotationNode);
    const value = rest.length > 1 ? convertExprList(ctx, rest.slice(1)) : null;
    const simple = target.kind === 'Name' && targetNodes[0]!.name === 'VariableName';
    return { kind: 'AnnAssign', target, annotation, value, simple, pos };
  }

  /** `try:` body, then `except [E [as n]]:` clauses, `else:`, `finally:` (lezer keeps them flat). */
  private tryStatement(node: SyntaxNode, children: SyntaxNode[], indent: Indent): Stmt {
    const ctx = this.ctx;
    let body: Stmt[] = [];
    const handlers: ExceptHandler[] = [];
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      if (c.name === 'try') body = this.body(children[++i]!, indent);
      else if (c.name === 'else') orelse = this.body(children[++i]!, indent);
      else if (c.name === 'finally') finalbody = this.body(children[++i]!, indent);
      else if (c.name === 'except') {
        const clause: SyntaxNode[] = [];
        while (children[i + 1] && children[i + 1]!.name !== 'Body') clause.push(children[++i]!);
        if (clause[0]?.name === '*') ctx.unsupported('except* (exception groups)', clause[0]);
        const asAt = clause.findIndex((n) => n.name === 'as');
        const typeNodes = asAt < 0 ? clause : clause.slice(0, asAt);
        const type = typeNodes.length > 0 ? convertExprList(ctx, typeNodes) : null;
        const name = asAt < 0 ? null : identifier(ctx, clause[asAt + 1]!);
        if (type === null && name !== null) ctx.malformed('invalid syntax', clause[asAt]!);
        handlers.push({ type, name, body: this.body(children[++i]!, indent), pos: ctx.pos(c) });
      } else return ctx.malformed('invalid syntax', c);
    }
    return { kind: 'Try', body, handlers, orelse, finalbody, pos: ctx.pos(node) };
  }

  private importStatement(node: SyntaxNode, children: SyntaxNode[]): Stmt {
    const ctx = this.ctx;
    const pos = ctx.pos(node);
    if (children[0]!.name === 'import') {
      if (children[1]?.name === '(') ctx.malformed('invalid syntax', children[1]);
      return { kind: 'Import', names: this.importNames(children.slice(1), true), pos };
    }
    const importAt = children.findIndex((c) => c.name === 'import');
    const moduleNodes = children.slice(1, importAt);
    if (moduleNodes[0]?.name === '.' || moduleNodes[0]?.name === 'Ellipsis') ctx.unsupported('relative import', node);
    const rest = children.slice(importAt + 1);
    if (rest[0]?.name === '*') ctx.unsupported("star import ('from ... import *')", rest[0]);
    const names = rest.filter((c) => c.name !== '(' && c.name !== ')');
    return { kind: 'ImportFrom', module: this.dotted(moduleNodes), names: this.importNames(names, false), pos };
  }

  private importNames(nodes: readonly SyntaxNode[], dottedAllowed: boolean): ImportAlias[] {
    return splitOnCommas(nodes).items.map((item) => {
      const asAt = item.findIndex((c) => c.name === 'as');
      const nameNodes = asAt < 0 ? item : item.slice(0, asAt);
      if (!dottedAllowed && nameNodes.length > 1) this.ctx.malformed('invalid syntax', nameNodes[1]!);
      return { name: this.dotted(nameNodes), asname: asAt < 0 ? null : identifier(this.ctx, item[asAt + 1]!) };
    });
  }

  private dotted(nodes: readonly SyntaxNode[]): string {
    return nodes.map((n) => (n.name === '.' ? '.' : identifier(this.ctx, n))).join('');
  }

  private ifStatement(children: SyntaxNode[], indent: Indent): Stmt {
    const ctx = this.ctx;
    // Clauses: `if`/`elif` keyword, test, Body; then maybe `else` Body.
    const clauses: { keyword: SyntaxNode; test: Expr; body: Stmt[] }[] = [];
    let orelse: Stmt[] = [];
    for (let i = 0; i < children.length; ) {
      const keyword = children[i]!;
      if (keyword.name === 'else') {
        orelse = this.body(children[i + 1]!, indent);
        break;
      }
      const testNode = children[i + 1]!;
      if (testNode.name === 'Body') ctx.malformed('invalid syntax', testNode);
      clauses.push({ keyword, test: convertExpr(ctx, testNode), body: this.body(children[i + 2]!, indent) });
      i += 3;
    }
    let result: Stmt | null = null;
    for (let i = clauses.length - 1; i >= 0; i--) {
      const c = clauses[i]!;
      result = { kind: 'If', test: c.test, body: c.body, orelse: result ? [result] : orelse, pos: ctx.pos(c.keyword) };
    }
    return result!;
  }

  private forStatement(node: SyntaxNode, children: SyntaxNode[], indent: Indent): Stmt {
    const ctx = this.ctx;
    if (children[0]!.name === 'async') ctx.unsupported('async for statement', node);
    const inAt = children.findIndex((c) => c.name === 'in');
    const bodyAt = children.findIndex((c) => c.name === 'Body');
    const target = toTarget(ctx, convertExprList(ctx, children.slice(1, inAt)), 'assign');
    const iter = convertExprList(ctx, children.slice(inAt + 1, bodyAt));
    const orelse = children[bodyAt + 2];
    return { kind: 'For', target, iter, body: this.body(children[bodyAt]!, indent), orelse: orelse ? this.body(orelse, indent) : [], pos: ctx.pos(node) };
  }

  private functionDef(node: SyntaxNode, children: SyntaxNode[], decorators: Expr[], indent: Indent): Stmt {
    const ctx = this.ctx;
    if (children[0]!.name === 'async') ctx.unsupported('async function definition', node);
    const typeParams = children.find((c) => c.name === 'TypeParamList');
    if (typeParams) ctx.unsupported('type parameter list', typeParams);
    const returns = children.find((c) => c.name === 'TypeDef');
    const paramList = children.find((c) => c.name === 'ParamList')!;
    const params = this.parameters(paramList);
    const returnNode = returns ? childrenOf(returns).find((c) => c.name !== '->') : undefined;
    const body = this.body(children.find((c) => c.name === 'Body')!, indent);
    const def = { kind: 'FunctionDef' as const, name: identifier(ctx, children[1]!), params, body, decorators, pos: ctx.pos(node) };
    return returnNode ? { ...def, returns: convertExpr(ctx, returnNode) } : def;
  }

  private parameters(paramList: SyntaxNode): Parameter[] {
    const all = childrenOf(paramList);
    return convertParameters(this.ctx, all.slice(1, -1), { start: all[0]!.to, end: all.at(-1)!.from }, convertExpr, identifier, true);
  }

  private classDef(node: SyntaxNode, children: SyntaxNode[], decorators: Expr[], indent: Indent): Stmt {
    const ctx = this.ctx;
    const typeParams = children.find((c) => c.name === 'TypeParamList');
    if (typeParams) ctx.unsupported('type parameter list', typeParams);
    const argList = children.find((c) => c.name === 'ArgList');
    const bases: Expr[] = [];
    if (argList) {
      const call = convertCall(ctx, { kind: 'Name', id: 'class', pos: ctx.pos(node) }, argList, node);
      if (call.kind !== 'Call') return ctx.malformed('invalid syntax', argList);
      if (call.keywords.length > 0) ctx.unsupported('class keyword argument (e.g. metaclass=)', ctx.source.text.indexOf(call.keywords[0]!.name, argList.from));
      bases.push(...call.args);
    }
    const body = this.body(children.find((c) => c.name === 'Body')!, indent);
    return { kind: 'ClassDef', name: identifier(ctx, children[1]!), bases, body, decorators, pos: ctx.pos(node) };
  }

  /** `@a.b` or `@a.b(args)`: @lezer/python accepts only these (the pre-3.9 grammar of PEP 318). */
  private decorator(node: SyntaxNode): Expr {
    const ctx = this.ctx;
    const children = childrenOf(node).slice(1);
    let expr: Expr | null = null;
    let argList: SyntaxNode | null = null;
    for (const c of children) {
      if (c.name === 'VariableName') {
        const id = identifier(ctx, c);
        expr = expr ? { kind: 'Attribute', value: expr, attr: id, pos: expr.pos } : { kind: 'Name', id, pos: ctx.pos(c) };
      } else if (c.name === 'ArgList') argList = c;
    }
    if (!expr) return ctx.malformed('invalid syntax', node);
    return argList ? convertCall(ctx, expr, argList, children[0]!) : expr;
  }
}
