/**
 * The compile-time scope errors CPython raises before running anything (`Python/symtable.c`):
 * while building the table, in source order (`symtable_visit_stmt`, `Global_kind` /
 * `Nonlocal_kind`; `symtable_add_def`, duplicate arguments), then while analysing it
 * (`analyze_name`: nonlocal without binding, nonlocal and global). Messages as 3.8-3.13 print them.
 */
import type { Expr, FStringPart, Module, Pos, Stmt, Target } from '../ast';
import type { ConvertContext } from './context';

const USE = 1;
const DEF_LOCAL = 2;
const DEF_PARAM = 4;
const DEF_GLOBAL = 8;
const DEF_NONLOCAL = 16;
const DEF_IMPORT = 32;

interface Scope {
  readonly type: 'module' | 'function' | 'class';
  readonly parent: Scope | null;
  readonly flags: Map<string, number>;
  /** Where each name was first declared global or nonlocal. */
  readonly directives: Map<string, Pos>;
  readonly children: Scope[];
}

export function checkScopes(ctx: ConvertContext, module: Module): void {
  const top = newScope('module', null);
  new TableBuilder(ctx).block(top, module.body);
  analyze(ctx, top, null);
}

function newScope(type: Scope['type'], parent: Scope | null): Scope {
  const scope: Scope = { type, parent, flags: new Map(), directives: new Map(), children: [] };
  parent?.children.push(scope);
  return scope;
}

class TableBuilder {
  constructor(private readonly ctx: ConvertContext) {}

  private add(scope: Scope, name: string, flag: number, pos: Pos): void {
    const old = scope.flags.get(name) ?? 0;
    if (flag & DEF_PARAM && old & DEF_PARAM) this.ctx.malformedAt(`duplicate argument '${name}' in function definition`, pos);
    scope.flags.set(name, old | flag);
  }

  block(scope: Scope, body: readonly Stmt[]): void {
    for (const s of body) this.stmt(scope, s);
  }

  private stmt(scope: Scope, s: Stmt): void {
    switch (s.kind) {
      case 'Expr':
        return this.expr(scope, s.value);
      case 'Assign':
        s.targets.forEach((t) => this.target(scope, t));
        return this.expr(scope, s.value);
      case 'AugAssign':
        this.target(scope, s.target);
        return this.expr(scope, s.value);
      case 'Delete':
        return s.targets.forEach((t) => this.target(scope, t));
      case 'If':
      case 'While':
        this.expr(scope, s.test);
        this.block(scope, s.body);
        return this.block(scope, s.orelse);
      case 'For':
        this.target(scope, s.target);
        this.expr(scope, s.iter);
        this.block(scope, s.body);
        return this.block(scope, s.orelse);
      case 'Return':
      case 'Yield':
        if (s.value) this.expr(scope, s.value);
        return;
      case 'Assert':
        this.expr(scope, s.test);
        if (s.msg) this.expr(scope, s.msg);
        return;
      case 'Try':
        this.block(scope, s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(scope, h.type);
          if (h.name !== null) this.add(scope, h.name, DEF_LOCAL, h.pos);
          this.block(scope, h.body);
        }
        this.block(scope, s.orelse);
        return this.block(scope, s.finalbody);
      case 'Global':
      case 'Nonlocal':
        return this.directive(scope, s.kind, s.names, s.pos);
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) this.add(scope, a.asname ?? a.name.split('.')[0]!, DEF_IMPORT, s.pos);
        return;
      case 'FunctionDef': {
        this.add(scope, s.name, DEF_LOCAL, s.pos);
        for (const p of s.params) if (p.default) this.expr(scope, p.default);
        s.decorators.forEach((d) => this.expr(scope, d));
        const inner = newScope('function', scope);
        for (const p of s.params) this.add(inner, p.name, DEF_PARAM, p.pos);
        return this.block(inner, s.body);
      }
      case 'With':
        for (const item of s.items) {
          this.expr(scope, item.context);
          if (item.target) this.target(scope, item.target);
        }
        return this.block(scope, s.body);
      case 'ClassDef': {
        this.add(scope, s.name, DEF_LOCAL, s.pos);
        s.bases.forEach((b) => this.expr(scope, b));
        s.decorators.forEach((d) => this.expr(scope, d));
        return this.block(newScope('class', scope), s.body);
      }
      default:
        return;
    }
  }

  private directive(scope: Scope, kind: 'Global' | 'Nonlocal', names: readonly string[], pos: Pos): void {
    const word = kind === 'Global' ? 'global' : 'nonlocal';
    for (const name of names) {
      const cur = scope.flags.get(name) ?? 0;
      if (cur & (DEF_PARAM | DEF_LOCAL | USE)) {
        const why =
          cur & DEF_PARAM ? `is parameter and ${word}` : cur & USE ? `is used prior to ${word} declaration` : `is assigned to before ${word} declaration`;
        this.ctx.malformedAt(`name '${name}' ${why}`, pos);
      }
      this.add(scope, name, kind === 'Global' ? DEF_GLOBAL : DEF_NONLOCAL, pos);
      if (!scope.directives.has(name)) scope.directives.set(name, pos);
    }
  }

  private target(scope: Scope, t: Target): void {
    if (t.kind === 'Name') this.add(scope, t.id, DEF_LOCAL, t.pos);
    else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach((e) => this.target(scope, e));
    else this.expr(scope, t);
  }

  private expr(scope: Scope, e: Expr): void {
    switch (e.kind) {
      case 'Name':
        return this.add(scope, e.id, USE, e.pos);
      case 'Const':
        return;
      case 'Tuple':
      case 'List':
      case 'Set':
        return e.elts.forEach((x) => this.expr(scope, x));
      case 'Dict':
        e.keys.forEach((x) => this.expr(scope, x));
        return e.values.forEach((x) => this.expr(scope, x));
      case 'BinOp':
        this.expr(scope, e.left);
        return this.expr(scope, e.right);
      case 'UnaryOp':
        return this.expr(scope, e.operand);
      case 'BoolOp':
        return e.values.forEach((x) => this.expr(scope, x));
      case 'Compare':
        this.expr(scope, e.left);
        return e.comparators.forEach((x) => this.expr(scope, x));
      case 'Call':
        this.expr(scope, e.func);
        e.args.forEach((x) => this.expr(scope, x));
        return e.keywords.forEach((k) => this.expr(scope, k.value));
      case 'Attribute':
        return this.expr(scope, e.value);
      case 'Subscript':
        this.expr(scope, e.value);
        return this.expr(scope, e.index);
      case 'Slice':
        for (const x of [e.lower, e.upper, e.step]) if (x) this.expr(scope, x);
        return;
      case 'IfExp':
        this.expr(scope, e.test);
        this.expr(scope, e.body);
        return this.expr(scope, e.orelse);
      case 'FString':
        return this.parts(scope, e.parts);
      case 'Lambda': {
        for (const p of e.params) if (p.default) this.expr(scope, p.default);
        const inner = newScope('function', scope);
        for (const p of e.params) this.add(inner, p.name, DEF_PARAM, p.pos);
        return this.expr(inner, e.body);
      }
      case 'Starred':
        return this.expr(scope, e.value);
    }
  }

  private parts(scope: Scope, parts: readonly FStringPart[]): void {
    for (const p of parts) {
      if (typeof p === 'string') continue;
      this.expr(scope, p.expr);
      if (p.formatSpec) this.parts(scope, p.formatSpec);
    }
  }
}

/** `bound`: names bound in enclosing function scopes (null at module level), as in `analyze_block`. */
function analyze(ctx: ConvertContext, scope: Scope, bound: ReadonlySet<string> | null): void {
  const directives = [...scope.directives].sort(([, a], [, b]) => a.line - b.line || a.col - b.col);
  for (const [name, pos] of directives) {
    const flags = scope.flags.get(name)!;
    if (flags & DEF_NONLOCAL) {
      if (flags & DEF_GLOBAL) ctx.malformedAt(`name '${name}' is nonlocal and global`, pos);
      if (scope.type === 'module') ctx.malformedAt('nonlocal declaration not allowed at module level', pos);
      if (!bound?.has(name)) ctx.malformedAt(`no binding for nonlocal '${name}' found`, pos);
    }
  }
  let childBound: Set<string> | null = bound === null ? null : new Set(bound);
  for (const [name, flags] of scope.flags) if (flags & DEF_GLOBAL) childBound?.delete(name);
  if (scope.type === 'function') {
    childBound ??= new Set();
    for (const [name, flags] of scope.flags)
      if (flags & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT) && !(flags & (DEF_GLOBAL | DEF_NONLOCAL))) childBound.add(name);
  }
  for (const child of scope.children) analyze(ctx, child, childBound);
}
