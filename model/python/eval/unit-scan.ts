/**
 * One walk over a compilation unit before anything is made (compile.ts): the literal nodes in
 * the order the parser makes their objects, what folding and code generation will meet, and what
 * tells the later passes whether they have any work, so that a unit is walked once.
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
 * - `folds`: where folding has work, in the order its walk (compile.ts `foldStatements`) meets
 *   them: each largest expression made only of literals by operators, subscripts and tuples, and
 *   each iterated list (or set tested with `in`). `foldsInOrder` false: the walk meets them in
 *   another order than this one (a dict's keys before its values, a `for` target before its
 *   iterable, an annotated assignment) or goes where these are not gathered (comprehensions).
 * - `hasGlobal`: a `global` statement (the code objects' `globals`).
 * - `plan`: what code generation meets in the module's code, in compile order (compile.ts
 *   follows it instead of walking the AST again): each literal it loads, each nested def and
 *   class (with its own plan), and, as themselves, the expressions, statements and blocks whose
 *   code depends on more than their literals (a folded expression, a lambda or comprehension, a
 *   constant test or short-circuit operand, a display of constants, an annotated assignment, a
 *   block with a statement after one that may end the flow, unreachable on 3.10+), which
 *   compile.ts walks as before; and where a constant is loaded that is not a literal (a keyword
 *   call's names, an import, a bare return), which 3.14's folding takes into account.
 * No closure per node: this walk meets every node of the unit.
 */
import type { Expr, FStringPart, Stmt, Target } from '../ast';

/** A nested def or class in a plan: its code object is made there, from its own plan. */
export interface PlannedCode {
  readonly kind: 'code';
  readonly stmt: Extract<Stmt, { kind: 'FunctionDef' | 'ClassDef' }>;
  readonly plan: readonly PlanItem[];
}

/** A statement (`kind: 'statement'`) or block (`'block'`) code generation compiles as it is. */
export interface PlannedStatements {
  readonly kind: 'statement' | 'block';
  readonly body: readonly Stmt[];
}

/** Code generation loads a constant that is not a literal here. */
export interface PlannedEmit {
  readonly kind: 'emit';
}

/**
 * A literal (a `Const` node) the code loads, any other expression it compiles as it is, a nested
 * code object it makes, statements it compiles as they are.
 */
export type PlanItem = Expr | PlannedCode | PlannedStatements | PlannedEmit;

/** Folding's work: an expression it folds, or a display it folds as an iterable (`fold_iter`). */
export type FoldItem = Expr | { readonly kind: 'iterable'; readonly node: Expr; readonly use: 'for' | 'compare' };

export interface UnitScan {
  readonly literals: readonly Expr[];
  readonly needsScopes: boolean;
  readonly mayFold: boolean;
  readonly folds: readonly FoldItem[];
  readonly foldsInOrder: boolean;
  readonly hasGlobal: boolean;
  /** An annotated assignment anywhere in the unit (without one, no block needs `find_ann`'s walk). */
  readonly hasAnnotated: boolean;
  /** A starred item or argument, or a `**` argument, anywhere in the unit (`CodeObject.unpacks`). */
  readonly hasUnpacking: boolean;
  /** A generator expression anywhere in the unit (`CodeObject.generatorExps`). */
  readonly hasGeneratorExp: boolean;
  readonly plan: readonly PlanItem[];
}

const EMIT: PlannedEmit = { kind: 'emit' };
/** The folds of a unit without any: never written (`foldItems` makes the unit's own). */
const NO_FOLDS: FoldItem[] = [];

/** `annotationsCompiled`: a def's annotations are compiled in the code that runs the def (before 3.14). */
export function scanUnit(body: readonly Stmt[], annotationsCompiled: boolean): UnitScan {
  const s = new UnitScanner(annotationsCompiled);
  s.block(body);
  return s;
}

class UnitScanner implements UnitScan {
  readonly literals: Expr[] = [];
  needsScopes = false;
  mayFold = false;
  /** Shared and empty until folding has work (most units have none). */
  folds: FoldItem[] = NO_FOLDS;
  foldsInOrder = true;
  hasGlobal = false;
  hasAnnotated = false;
  hasUnpacking = false;
  hasGeneratorExp = false;
  readonly plan: PlanItem[] = [];
  /** Function-like blocks and annotations around the node: a block met inside one may make cells. */
  private depth = 0;
  /** False in variable annotations: their literals are not collected (nor constants for folding). */
  private collect = true;
  /** The plan of the code the walk is in; null where code generation does not go (decorators). */
  private current: PlanItem[] | null = this.plan;
  /** The list or set display just walked had only constant items. */
  private displayOfConstants = false;

  constructor(private readonly annotationsCompiled: boolean) {}

  /**
   * A block's statements; the block as it is in the plan if one before the last may make the rest
   * unreachable. Whether one of them may end the flow (compile.ts `endsBlock`, conservatively).
   */
  block(body: readonly Stmt[]): boolean {
    const mark = this.current === null ? 0 : this.current.length;
    const last = body.length - 1;
    let ends = false;
    let unreachable = false;
    for (let i = 0; i <= last; i++) {
      if (!this.statement(body[i] as Stmt)) continue;
      ends = true;
      if (i < last) unreachable = true;
    }
    if (unreachable) this.planAs(mark, { kind: 'block', body });
    return ends;
  }

  /** Replaces the plan's items from `mark` on with `item`: code generation compiles it as it is. */
  private planAs(mark: number, item: PlanItem): void {
    const plan = this.current;
    if (plan === null) return;
    while (plan.length > mark) plan.pop();
    plan.push(item);
  }

  private mark(): number {
    return this.current === null ? 0 : this.current.length;
  }

  /**
   * One statement. Whether no path may go on after it (compile.ts `endsFlow`, with any test that
   * may be a constant taken as possibly true): the statements after it may be unreachable.
   */
  private statement(s: Stmt): boolean {
    switch (s.kind) {
      case 'Expr':
        this.expr(s.value);
        break;
      case 'Assign': {
        this.expr(s.value);
        const targets = s.targets;
        for (let i = 0; i < targets.length; i++) this.target(targets[i] as Target);
        break;
      }
      case 'AugAssign':
        this.target(s.target);
        this.expr(s.value);
        break;
      case 'Delete':
        for (const t of s.targets) this.target(t);
        break;
      case 'If':
      case 'While': {
        const mark = this.mark();
        // A constant test: the dead branch leaves no constants (compile.ts `enterStatement`).
        const constant = this.expr(s.test);
        const body = this.block(s.body);
        const orelse = this.block(s.orelse);
        if (constant) this.planAs(mark, { kind: 'statement', body: [s] });
        return constant || (s.kind === 'If' && body && orelse);
      }
      case 'For': {
        this.iterable(s.iter, 'for');
        const folds = this.folds.length;
        this.target(s.target);
        // `astfold_stmt` folds the target before the iterable.
        if (this.folds.length !== folds) this.foldsInOrder = false;
        this.block(s.body);
        this.block(s.orelse);
        break;
      }
      case 'Return':
        if (s.value) this.expr(s.value);
        else this.current?.push(EMIT);
        return true;
      case 'Yield':
        if (s.value) this.expr(s.value);
        break;
      case 'With':
        for (const item of s.items) {
          this.expr(item.context);
          if (item.target) this.target(item.target);
        }
        this.block(s.body);
        break;
      case 'AnnAssign': {
        this.hasAnnotated = true;
        const mark = this.mark();
        this.foldsInOrder = false;
        if (s.value) this.expr(s.value);
        this.target(s.target);
        this.annotation(s.annotation, false);
        this.planAs(mark, { kind: 'statement', body: [s] });
        break;
      }
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        return true;
      case 'Break':
      case 'Continue':
        return true;
      case 'Assert': {
        const mark = this.mark();
        const constant = this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        if (constant) this.planAs(mark, { kind: 'statement', body: [s] });
        break;
      }
      case 'Try': {
        const body = this.block(s.body);
        let handlers = true;
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (!this.block(h.body)) handlers = false;
        }
        const orelse = this.block(s.orelse);
        return this.block(s.finalbody) || ((body || orelse) && handlers);
      }
      case 'FunctionDef': {
        if (this.depth > 0) this.needsScopes = true;
        const outer = this.current;
        // Decorators are made by the parser, not loaded as constants by code generation.
        this.current = null;
        for (const d of s.decorators) this.expr(d);
        this.current = outer;
        for (const p of s.params) if (p.default) this.expr(p.default);
        // A def's annotations: parameters', then the return annotation (their literals are made).
        if (!this.annotationsCompiled) this.current = null;
        for (const p of s.params) if (p.annotation) this.annotation(p.annotation, true);
        if (s.returns) this.annotation(s.returns, true);
        this.current = this.enterCode(outer, s);
        this.depth++;
        this.block(s.body);
        this.depth--;
        this.current = outer;
        break;
      }
      case 'ClassDef': {
        if (this.depth > 0) this.needsScopes = true;
        const outer = this.current;
        this.current = null;
        for (const d of s.decorators) this.expr(d);
        this.current = outer;
        for (const b of s.bases) this.expr(b);
        this.current = this.enterCode(outer, s);
        this.block(s.body);
        this.current = outer;
        break;
      }
      case 'Import':
      case 'ImportFrom':
        this.current?.push(EMIT);
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
    return false;
  }

  /** The plan of a def's or class's code, made at this point of the enclosing code's plan. */
  private enterCode(outer: PlanItem[] | null, stmt: PlannedCode['stmt']): PlanItem[] | null {
    if (outer === null) return null;
    const code: PlannedCode = { kind: 'code', stmt, plan: [] };
    outer.push(code);
    return code.plan as PlanItem[];
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

  /** `fold_iter`: a list display iterated by `for` or tested with `in` (and a set, tested), folded as a whole. */
  private iterable(e: Expr, use: 'for' | 'compare'): void {
    if (!(e.kind === 'List' || (e.kind === 'Set' && use === 'compare'))) {
      this.expr(e);
      return;
    }
    this.mayFold = true;
    const mark = this.mark();
    const folds = this.folds.length;
    this.expr(e);
    // Folded as a whole when every item is a constant: code generation meets the display whole.
    if (this.displayOfConstants) this.planAs(mark, e);
    while (this.folds.length > folds) this.folds.pop();
    this.foldItems().push({ kind: 'iterable', node: e, use });
  }

  private foldItems(): FoldItem[] {
    return this.folds === NO_FOLDS ? (this.folds = []) : this.folds;
  }

  /** A largest expression of literals so far: folding starts there (and code generation sees it whole). */
  private foldable(e: Expr, mark: number, folds: number): true {
    this.mayFold = true;
    while (this.folds.length > folds) this.folds.pop();
    this.foldItems().push(e);
    this.planAs(mark, e);
    return true;
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
        this.current?.push(e);
        return true;
      case 'Tuple': {
        const mark = this.mark();
        const folds = this.folds.length;
        let all = true;
        const elts = e.elts;
        for (let i = 0; i < elts.length; i++) if (!this.expr(elts[i] as Expr)) all = false;
        return all && this.foldable(e, mark, folds);
      }
      case 'List':
      case 'Set': {
        const mark = this.mark();
        let all = true;
        const elts = e.elts;
        for (let i = 0; i < elts.length; i++) if (!this.expr(elts[i] as Expr)) all = false;
        // 3+ constant items: loaded as one constant (`starunpack_helper`); see also `iterable`.
        this.displayOfConstants = all;
        if (all && elts.length >= 3) this.planAs(mark, e);
        return false;
      }
      case 'Dict': {
        const folds = this.folds.length;
        for (let i = 0; i < e.keys.length; i++) {
          this.expr(e.keys[i] as Expr);
          this.expr(e.values[i] as Expr);
        }
        // `astfold_expr` folds the keys, then the values.
        if (this.folds.length !== folds && e.keys.length > 1) this.foldsInOrder = false;
        return false;
      }
      case 'BinOp': {
        const mark = this.mark();
        const folds = this.folds.length;
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        return l && r && this.foldable(e, mark, folds);
      }
      case 'UnaryOp': {
        const mark = this.mark();
        const folds = this.folds.length;
        return this.expr(e.operand) && this.foldable(e, mark, folds);
      }
      case 'Subscript': {
        const mark = this.mark();
        const folds = this.folds.length;
        const v = this.expr(e.value);
        const i = this.expr(e.index);
        return v && i && this.foldable(e, mark, folds);
      }
      case 'BoolOp': {
        const mark = this.mark();
        // A constant operand may leave its constant out (compile.ts `visitShortCircuit`).
        let constant = false;
        for (const x of e.values) if (this.expr(x)) constant = true;
        if (constant) this.planAs(mark, e);
        return false;
      }
      case 'Compare': {
        this.expr(e.left);
        const last = e.comparators.length - 1;
        for (let i = 0; i <= last; i++) {
          const x = e.comparators[i] as Expr;
          const op = e.ops[i];
          if (i === last && (op === 'in' || op === 'not in')) this.iterable(x, 'compare');
          else this.expr(x);
        }
        return false;
      }
      case 'Call': {
        this.expr(e.func);
        // Indexed loops (this walk is the AST's first touch: no iterator per call).
        const args = e.args;
        for (let i = 0; i < args.length; i++) this.expr(args[i] as Expr);
        const keywords = e.keywords;
        if (keywords.length === 0) return false;
        for (let i = 0; i < keywords.length; i++) {
          const k = keywords[i] as (typeof keywords)[number];
          if (k.name === '**') this.hasUnpacking = true;
          this.expr(k.value);
        }
        // A call with keywords loads its names tuple (`CALL_KW`) after its arguments.
        this.current?.push(EMIT);
        return false;
      }
      case 'Attribute':
        this.expr(e.value);
        return false;
      case 'Slice':
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        return false;
      case 'IfExp': {
        const mark = this.mark();
        const constant = this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        if (constant) this.planAs(mark, e);
        return false;
      }
      case 'Starred':
        this.hasUnpacking = true;
        this.expr(e.value);
        return false;
      case 'FString':
        this.parts(e.parts);
        return false;
      case 'Lambda': {
        const mark = this.mark();
        if (this.depth > 0) this.needsScopes = true;
        this.depth++;
        for (const p of e.params) if (p.default) this.expr(p.default);
        this.expr(e.body);
        this.depth--;
        this.planAs(mark, e);
        return false;
      }
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp': {
        const mark = this.mark();
        if (e.kind === 'GeneratorExp') this.hasGeneratorExp = true;
        if (this.depth > 0) this.needsScopes = true;
        this.mayFold = true;
        this.foldsInOrder = false;
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
        this.planAs(mark, e);
        return false;
      }
    }
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
