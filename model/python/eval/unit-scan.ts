/**
 * One walk over a compilation unit before anything is made (compile.ts): the literal nodes in
 * the order the parser makes their objects, and what tells the later passes whether they have
 * any work, so that a small unit is walked once more for code generation and not five times.
 * - `literals`: each `Const` node in source order, nested defs and classes included, not those
 *   of variable annotations (the parser's objects for those are not modelled: compile.ts refuses
 *   them where they are compiled).
 * - `needsScopes`: some code object may have cells or free variables, or a name scopes.ts
 *   refuses: a block (def, class, lambda, comprehension) inside a function-like block or an
 *   annotation, `nonlocal`, or the names `__class__` and `super` anywhere. Without these every
 *   block's names are local or global (`analyze_block` finds no free name: a function directly in
 *   the module or in a class only sees module-level names, and a class's `__class__` only through
 *   `super` or `__class__`), so scopes.ts would find no cell.
 * - `mayFold`: `ast_opt.c` may fold something: an operator, subscript or tuple whose operands
 *   are all literals or such, a list display iterated by `for` or tested with `in` (`fold_iter`),
 *   a set display tested with `in`, or a comprehension (its iterables).
 * - `hasGlobal`: a `global` statement (the code objects' `globals`).
 * No closure per node: this walk meets every node of the unit.
 */
import type { Expr, FStringPart, Stmt, Target } from '../ast';

export interface UnitScan {
  readonly literals: readonly Expr[];
  readonly needsScopes: boolean;
  readonly mayFold: boolean;
  readonly hasGlobal: boolean;
}

export function scanUnit(body: readonly Stmt[]): UnitScan {
  const s = new UnitScanner();
  s.statements(body);
  return s;
}

class UnitScanner implements UnitScan {
  readonly literals: Expr[] = [];
  needsScopes = false;
  mayFold = false;
  hasGlobal = false;
  /** Function-like blocks and annotations around the node: a block met inside one may make cells. */
  private depth = 0;
  /** False in variable annotations: their literals are not collected (nor constants for folding). */
  private collect = true;

  statements(body: readonly Stmt[]): void {
    for (const s of body) this.statement(s);
  }

  private statement(s: Stmt): void {
    switch (s.kind) {
      case 'Expr':
        this.expr(s.value);
        break;
      case 'Assign':
        this.expr(s.value);
        for (const t of s.targets) this.target(t);
        break;
      case 'AugAssign':
        this.target(s.target);
        this.expr(s.value);
        break;
      case 'Delete':
        for (const t of s.targets) this.target(t);
        break;
      case 'If':
      case 'While':
        this.expr(s.test);
        this.statements(s.body);
        this.statements(s.orelse);
        break;
      case 'For':
        if (s.iter.kind === 'List') this.mayFold = true;
        this.expr(s.iter);
        this.target(s.target);
        this.statements(s.body);
        this.statements(s.orelse);
        break;
      case 'Return':
      case 'Yield':
        if (s.value) this.expr(s.value);
        break;
      case 'With':
        for (const item of s.items) {
          this.expr(item.context);
          if (item.target) this.target(item.target);
        }
        this.statements(s.body);
        break;
      case 'AnnAssign':
        if (s.value) this.expr(s.value);
        this.target(s.target);
        this.annotation(s.annotation, false);
        break;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        break;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        break;
      case 'Try':
        this.statements(s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          this.statements(h.body);
        }
        this.statements(s.orelse);
        this.statements(s.finalbody);
        break;
      case 'FunctionDef':
        if (this.depth > 0) this.needsScopes = true;
        for (const d of s.decorators) this.expr(d);
        for (const p of s.params) if (p.default) this.expr(p.default);
        // A def's annotations: parameters', then the return annotation (their literals are made).
        for (const p of s.params) if (p.annotation) this.annotation(p.annotation, true);
        if (s.returns) this.annotation(s.returns, true);
        this.depth++;
        this.statements(s.body);
        this.depth--;
        break;
      case 'ClassDef':
        if (this.depth > 0) this.needsScopes = true;
        for (const d of s.decorators) this.expr(d);
        for (const b of s.bases) this.expr(b);
        this.statements(s.body);
        break;
      case 'Global':
        this.hasGlobal = true;
        break;
      case 'Nonlocal':
        this.needsScopes = true;
        break;
      default:
        break;
    }
  }

  /** 3.14 compiles annotations into `__annotate__`, a function-like block of its own. */
  private annotation(e: Expr, collect: boolean): void {
    const outer = this.collect;
    this.collect = collect;
    this.depth++;
    this.expr(e);
    this.depth--;
    this.collect = outer;
  }

  private target(t: Target): void {
    switch (t.kind) {
      case 'Name':
        this.name(t.id);
        break;
      case 'Attribute':
        this.expr(t.value);
        break;
      case 'Subscript':
        this.expr(t.value);
        this.expr(t.index);
        break;
      default:
        for (const x of t.elts) this.target(x);
    }
  }

  private name(id: string): void {
    if (id === '__class__' || id === 'super') this.needsScopes = true;
  }

  /** Whether `e` is a literal or made of literals by operators, subscripts and tuples (it may fold). */
  private expr(e: Expr): boolean {
    switch (e.kind) {
      case 'Name':
        this.name(e.id);
        return false;
      case 'Const':
        if (!this.collect) return false;
        this.literals.push(e);
        return true;
      case 'Tuple': {
        let all = true;
        for (const x of e.elts) if (!this.expr(x)) all = false;
        return this.foldable(all);
      }
      case 'List':
      case 'Set':
        for (const x of e.elts) this.expr(x);
        return false;
      case 'Dict':
        for (let i = 0; i < e.keys.length; i++) {
          this.expr(e.keys[i] as Expr);
          this.expr(e.values[i] as Expr);
        }
        return false;
      case 'BinOp': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        return this.foldable(l && r);
      }
      case 'UnaryOp':
        return this.foldable(this.expr(e.operand));
      case 'Subscript': {
        const v = this.expr(e.value);
        const i = this.expr(e.index);
        return this.foldable(v && i);
      }
      case 'BoolOp':
        for (const x of e.values) this.expr(x);
        return false;
      case 'Compare': {
        this.expr(e.left);
        const last = e.comparators.length - 1;
        for (let i = 0; i <= last; i++) {
          const x = e.comparators[i] as Expr;
          const op = e.ops[i];
          if (i === last && (op === 'in' || op === 'not in') && (x.kind === 'List' || x.kind === 'Set')) this.mayFold = true;
          this.expr(x);
        }
        return false;
      }
      case 'Call':
        this.expr(e.func);
        for (const x of e.args) this.expr(x);
        for (const k of e.keywords) this.expr(k.value);
        return false;
      case 'Attribute':
        this.expr(e.value);
        return false;
      case 'Slice':
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        return false;
      case 'IfExp':
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        return false;
      case 'Starred':
        this.expr(e.value);
        return false;
      case 'FString':
        this.parts(e.parts);
        return false;
      case 'Lambda':
        if (this.depth > 0) this.needsScopes = true;
        this.depth++;
        for (const p of e.params) if (p.default) this.expr(p.default);
        this.expr(e.body);
        this.depth--;
        return false;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp':
        if (this.depth > 0) this.needsScopes = true;
        this.mayFold = true;
        this.depth++;
        // Source order: the element(s), then each clause's target, iterable and conditions.
        if (e.kind === 'DictComp') {
          this.expr(e.key);
          this.expr(e.value);
        } else this.expr(e.elt);
        for (const g of e.generators) {
          this.target(g.target);
          this.expr(g.iter);
          for (const x of g.ifs) this.expr(x);
        }
        this.depth--;
        return false;
    }
  }

  /** A node of constant operands: `ast_opt.c` tries to fold it. */
  private foldable(all: boolean): boolean {
    if (all) this.mayFold = true;
    return all;
  }

  /** An f-string's expressions and those of its format specs (one level, as compile.ts walks them). */
  private parts(parts: readonly FStringPart[]): void {
    for (const part of parts) {
      if (typeof part === 'string') continue;
      this.expr(part.expr);
      for (const s of part.formatSpec ?? []) if (typeof s !== 'string') this.expr(s.expr);
    }
  }
}
