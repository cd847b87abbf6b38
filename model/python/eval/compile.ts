/**
 * The compile step, per compilation unit (a file, a `compile()` string, one REPL statement),
 * mirroring what decides object identity in CPython's front end:
 * 1. the parser makes one object per literal (`Parser/pegen.c`, via the caches for small
 *    ints, 1-char strings, b'' ...), held by the AST arena (`_PyArena_AddPyObject`);
 * 2. `Python/ast_opt.c` folds constant expressions (`fold_binop`, `fold_unaryop`,
 *    `fold_tuple`, `fold_iter`, `fold_compare`, `fold_subscr`) within `safe_*` size limits;
 *    each folded value is a new object, also held by the arena (`make_const`);
 * 3. `Python/compile.c` `merge_consts_recursive` keeps one object per `_PyCode_ConstantKey`
 *    for the whole unit (`c_const_cache`), the first met in compile order; each code object's
 *    `co_consts` holds one reference to each distinct constant it loads;
 * 4. `Objects/codeobject.c` `intern_string_constants` interns constants made only of
 *    `all_name_chars`, recursing into tuples and frozensets.
 * It also finds each function's locals (`Python/symtable.c`) in `co_varnames` order.
 */
import { internedIdentifier } from './identifiers';
import type { Heap } from '../../core/heap';
import type { Ref } from '../../core/objects';
import { allNameChars } from '../../core/caches';
import type { Payload } from '../../core/objects';
import { NO_POS, type BinaryOperator, type Pos, type UnaryOperator, type ConstValue, type Expr, type Module, type Stmt, type Target } from '../ast';
import { binaryOp, unaryOp } from './arith';
import { isTrue } from './values';
import { messagesFor } from './messages';
import { PyException } from './py-exception';
import type { EvalConfig } from './config';
import { constantKey } from './constant-key';
import { constantsExact, ConstTable, replaceConstRef, type ConstOf } from './const-table';
import { Refusal } from './refusal';
import { analyzeScopes, NO_CELLS, type ScopeFacts } from './scopes';
import { scanUnit, type FoldItem, type PlanItem } from './unit-scan';

/** The empty tables of a unit that has merged no int, str or float yet: never written, replaced. */
const NO_VALUES: (bigint | string | number)[] = [];
const NO_SCOPES: ReadonlyMap<readonly Stmt[], ScopeFacts> = new Map();
/** The empty `iterAsTuple` of units without a list display to iterate as a tuple: never written. */
const NO_EXPRS: Set<Expr> = new Set();

export interface CodeObject {
  readonly kind: 'module' | 'function' | 'class';
  readonly name: string;
  readonly body: readonly Stmt[];
  /** `co_consts`: one owned reference per distinct constant. */
  readonly consts: Ref[];
  /** The constant an expression node loads (after folding), borrowed from `consts` (a shared empty table until one). */
  readonly constOf: ConstOf;
  /** Whether `constOf` holds a node other than a Const (a folded one): otherwise only Const nodes need a lookup. */
  readonly folds: boolean;
  /**
   * The unit has an annotated assignment somewhere (unit-scan.ts meets every statement): without
   * one a module's or class body's `SETUP_ANNOTATIONS` check (`find_ann`) need not walk its body.
   */
  readonly annotated: boolean;
  /**
   * The unit has a starred item or argument or a `**` argument somewhere (unit-scan.ts meets every
   * expression): without one no display or call of its code looks for them.
   */
  readonly unpacks: boolean;
  /** The unit has a generator expression somewhere: without one no call of its code looks for one as its argument. */
  readonly generatorExps: boolean;
  /** List displays compiled as `BUILD_LIST 0` + `LIST_EXTEND` of this constant tuple (3.9+). */
  readonly listExtendConst: Map<Expr, Ref>;
  /** Set displays compiled as `BUILD_SET 0` + `SET_UPDATE` of this constant frozenset (3.9+). */
  readonly setUpdateConst: Map<Expr, Ref>;
  /** `for` over a list display runs over a tuple (`fold_iter` rewrites List to Tuple). */
  readonly iterAsTuple: Set<Expr>;
  /** Function locals in `co_varnames` order (parameters first); empty for module and class code. */
  readonly locals: readonly string[];
  readonly globals: ReadonlySet<string>;
  readonly children: Map<Stmt, CodeObject>;
  /** Hidden functions of comprehensions and generator expressions (`comprehensions.ts`). */
  readonly comprehensions: Map<Expr, CodeObject>;
  /** Code objects of the `lambda` expressions this code makes (`lambdas.ts`). */
  readonly lambdas: Map<Expr, CodeObject>;
  /** `co_freevars` (scopes.ts): the enclosing functions' cells this code uses, in closure order. */
  readonly freeVars: readonly string[];
  /** `co_cellvars` (sorted, scopes.ts): this code's locals that inner code uses (cells.ts). */
  readonly cellVars: readonly string[];
  /** The code object on the heap; it owns `consts` (nested code objects included). */
  ref: Ref;
}

export interface CompileUnit {
  readonly module: CodeObject;
  /** References the AST arena holds until the unit is done (`_PyArena_Free`). */
  readonly arena: Ref[];
}


/**
 * The shared map of a code object's table that has no entry yet (most code has no lambda,
 * comprehension, nested def or constant display): never written, `record` replaces it.
 */
const NO_ENTRIES: Map<never, never> = new Map<never, never>();
/** The shared `constOf` of a code object without constants: never written, `setConstOf` replaces it. */
const NO_CONSTS = new ConstTable(null);

type LazyTables = 'listExtendConst' | 'setUpdateConst' | 'children' | 'comprehensions' | 'lambdas';

/** A def's parameter names (a loop: `map` with an arrow would make a closure per def). */
function paramNames(params: readonly { readonly name: string }[]): string[] {
  const out = new Array<string>(params.length);
  for (let i = 0; i < params.length; i++) out[i] = (params[i] as { readonly name: string }).name;
  return out;
}

/**
 * Sets the constant a node loads (`constOf` is the shared empty table until the first). `exact`:
 * in the Map, where the last set of a node wins (a node may load another ref than it does elsewhere).
 */
function setConstOf(code: CodeObject, e: Expr, ref: Ref, exact = false): void {
  const c = code as { constOf: ConstOf; folds: boolean };
  if (c.constOf === NO_CONSTS) c.constOf = exact ? new Map() : new ConstTable(c);
  if (exact) constantsExact(c).set(e, ref);
  else c.constOf.set(e, ref);
  // Per code object, not per unit: code without a folded node of its own looks up only Const nodes.
  if (e.kind !== 'Const') c.folds = true;
}

/** Sets `key` in one of the code object's lazily made tables. */
function record<K extends LazyTables>(code: CodeObject, table: K, key: Parameters<CodeObject[K]['set']>[0], value: Parameters<CodeObject[K]['set']>[1]): void {
  const tables = code as { -readonly [T in LazyTables]: Map<unknown, unknown> };
  if (tables[table] === NO_ENTRIES) tables[table] = new Map();
  tables[table].set(key, value);
}

/** What the code generation of one code object has gathered so far (one per code object, no closures). */
interface CodeState {
  readonly unit: UnitCompiler;
  readonly code: CodeObject;
  /** 3.14: folded values, added to co_consts after the code is generated (null until one). */
  foldedLater: Expr[] | null;
  /** A constant was loaded already (3.14: the docstring slot is taken). */
  constantEmitted: boolean;
  /** `co_consts` so far as a set, once it has many (code objects included: they never match). */
  constSet: Set<Ref> | null;
}

function visitIn(x: Expr, st: CodeState): void {
  st.unit.visitExpr(st, x);
}

function mergeLiteralsIn(x: Expr, st: CodeState): void {
  st.unit.mergeLiterals(st, x);
}

class UnitCompiler {
  /** The parser's objects (`parseLiterals` makes it, sized, before anything else is pushed). */
  arena: Ref[] = [];
  /** Made by the first lambda or comprehension (most units have none). */
  private bodies_: SyntheticBodies | null = null;
  get bodies(): SyntheticBodies {
    return (this.bodies_ ??= new SyntheticBodies());
  }
  /** Folded values only the compiler holds (3.14: folded in the CFG), released once the code exists. */
  compilerHeld: Ref[] | null = null;
  /**
   * `c_const_cache`, by `_PyCode_ConstantKey`: ints, strs and floats by value (`mergeScalar`: the
   * same partition as the key strings of constant-key.ts, without building them), and the rest
   * (tuples, frozensets, bytes) by key string here.
   */
  private cache: Map<string, Ref> | null = null;
  /** Ints, strs and floats by value (`mergeScalar`); -0.0 apart (it equals 0.0 in both). */
  /** Value, ref, value, ref... (`mergeScalar`), until there are many. */
  private scalars: (bigint | string | number)[] = NO_VALUES;
  private scalarMap: Map<bigint | string | number, Ref> | null = null;
  private negativeZero: Ref | null = null;
  /** None, Ellipsis, False, True. */
  private noneConst: Ref | null = null;
  private ellipsisConst: Ref | null = null;
  private falseConst: Ref | null = null;
  private trueConst: Ref | null = null;
  /** The unit's literal nodes in source order (unit-scan.ts): the parser's object of the i-th is `arena[i]`. */
  private literals: readonly Expr[] = [];
  /** Each literal's index, once the unit has many (a look through a few is cheaper than making a map). */
  private literalIndex: Map<Expr, number> | null = null;
  /** The folded value of each node that folds (none until something folds). */
  private foldedOf: Map<Expr, Ref> | null = null;

  constructor(
    private readonly heap: Heap,
    private readonly config: EvalConfig,
  ) {
    this.dropsUnreachable = config.deadCodeConstants !== 'statements';
  }

  /** Each code object's cells and free variables, by the body it runs (scopes.ts); none without nested scopes. */
  scopes: ReadonlyMap<readonly Stmt[], ScopeFacts> = NO_SCOPES;
  /** The unit has a `global` statement (else no code object declares a global). */
  hasGlobal = false;
  /** The unit has an annotated assignment (`CodeObject.annotated`). */
  hasAnnotated = false;
  /** The unit has a starred item or argument or a `**` argument (`CodeObject.unpacks`). */
  hasUnpacking = false;
  /** The unit has a generator expression (`CodeObject.generatorExps`). */
  hasGeneratorExp = false;
  /** 3.10+ (fact `deadCodeConstants`): unreachable code leaves no constants. */
  private readonly dropsUnreachable: boolean;

  private scopeOf(body: readonly Stmt[]): ScopeFacts {
    // Most units have no nested scopes: no lookup (it would give the body array an identity hash).
    const scopes = this.scopes;
    return scopes === NO_SCOPES ? NO_CELLS : (scopes.get(body) ?? NO_CELLS);
  }

  // ---- 1. parser objects ------------------------------------------------------------

  /** The parser's objects of the unit's literal nodes, in source order (unit-scan.ts), first in the arena. */
  parseLiterals(literals: readonly Expr[]): void {
    this.literals = literals;
    // Sized once (README "Speed"): the literals come first; folded values are pushed after them.
    const n = literals.length;
    const arena = n === 0 ? this.arena : (this.arena = new Array<Ref>(n));
    for (let i = 0; i < n; i++) {
      const e = literals[i] as Extract<Expr, { kind: 'Const' }>;
      arena[i] = this.makeConst(e.value, e);
    }
  }

  /** The constant a node is: a literal's object or a folded value. */
  private constantOf(e: Expr): Ref | undefined {
    if (e.kind !== 'Const') return this.foldedOf === null ? undefined : this.foldedOf.get(e);
    return this.literalObject(e);
  }

  /** The parser's object of a literal node (undefined: one not collected, in a variable annotation). */
  private literalObject(e: Expr): Ref | undefined {
    const literals = this.literals;
    // A node met twice (generated programs share nodes) has the object made last.
    // A loop, not `lastIndexOf` (a builtin call per literal cost more than the few compares).
    if (literals.length <= 32) {
      for (let i = literals.length - 1; i >= 0; i--) if (literals[i] === e) return this.arena[i];
      return undefined;
    }
    if (this.literalIndex === null) {
      this.literalIndex = new Map();
      for (let i = 0; i < literals.length; i++) this.literalIndex.set(literals[i] as Expr, i);
    }
    const i = this.literalIndex.get(e);
    return i === undefined ? undefined : this.arena[i];
  }

  private setFolded(e: Expr, ref: Ref): void {
    (this.foldedOf ??= new Map()).set(e, ref);
  }

  private makeConst(v: ConstValue, e: Expr): Ref {
    const h = this.heap;
    switch (v.type) {
      case 'int':
        return h.int(v.value);
      case 'float':
        return h.float(v.value);
      case 'str':
        // 3.11-3.12.6: some 1-char literals are not the cached latin-1 object (profile fact).
        // Those resolve to a statically allocated str already in the interned table: a count CPython
        // sets (999999999 and up on 3.11, measured 1000000059 for 'x'), immortal from 3.12.
        if (v.value.length === 1 && this.config.oneCharLiteralNotSingleton !== '' && this.config.oneCharLiteralNotSingleton.includes(v.value)) return this.staticStr(v.value);
        return h.str(v.value);
      case 'bytes':
        return h.bytes(v.value);
      case 'bool':
        return h.bool(v.value);
      case 'None':
        return h.none();
      case 'Ellipsis':
        return h.ellipsis();
      case 'complex':
        throw new Refusal('complex numbers', undefined, e.pos);
    }
  }

  /**
   * A statically allocated 1-char str (`makeConst`). Its own method: the arrow here captures
   * `value`, and a captured parameter makes V8 allocate a context at every call of its function.
   */
  private staticStr(value: string): Ref {
    return this.heap.preexisting(`static-str:${value}`, () => ({ kind: 'str', value }), this.config.core.immortalRefcount !== null);
  }

  // ---- 2. folding ---------------------------------------------------------------------

  /** Who keeps a folded value's reference until the unit is done: the AST arena, or only the compiler. */
  private holdFolded(ref: Ref): void {
    (this.config.foldedConstantsInArena ? this.arena : (this.compilerHeld ??= [])).push(ref);
  }

  /** Post-order folding of one expression; records folded nodes. Its constant (a literal or folded), else null. */
  fold(e: Expr): Ref | null {
    const { kind } = e;
    // A name never folds (and has no children): the most common node, skipped without lookups.
    if (kind === 'Name') return null;
    if (kind === 'Const') return this.constantOf(e) ?? null;
    const done = this.foldedOf === null ? undefined : this.foldedOf.get(e);
    if (done !== undefined) return done;
    const result = this.foldNode(e);
    if (result !== null) {
      this.setFolded(e, result);
      this.holdFolded(result);
    }
    return result;
  }

  private foldNode(e: Expr): Ref | null {
    const h = this.heap;
    switch (e.kind) {
      case 'Tuple': {
        // Loops, not closures, in this function: V8 would make their context at every node.
        const items = new Array<Ref>(e.elts.length);
        let all = true;
        for (let i = 0; i < items.length; i++) {
          const x = this.fold(e.elts[i] as Expr);
          if (x === null) all = false;
          else items[i] = x;
        }
        if (!all) return null;
        for (const r of items) h.incref(r);
        return h.tuple(items);
      }
      case 'UnaryOp': {
        const v = this.fold(e.operand);
        return v !== null ? foldUnary(h, e.op, v) : null;
      }
      case 'BinOp': {
        const l = this.fold(e.left);
        const r = this.fold(e.right);
        return l !== null && r !== null ? foldBinary(h, this.config, e.op, l, r, e.pos) : null;
      }
      case 'Subscript': {
        const v = this.fold(e.value);
        const i = this.fold(e.index);
        return v !== null && i !== null ? foldSubscript(h, v, i) : null;
      }
      default:
        this.foldChildren(e);
        return null;
    }
  }

  private foldChildren(e: Expr): void {
    switch (e.kind) {
      case 'List':
      case 'Set':
        for (const x of e.elts) this.fold(x);
        break;
      case 'Dict':
        for (const x of e.keys) this.fold(x);
        for (const x of e.values) this.fold(x);
        break;
      case 'BoolOp':
        for (const x of e.values) this.fold(x);
        break;
      case 'Compare':
        this.fold(e.left);
        for (let i = 0; i < e.comparators.length; i++) {
          const x = e.comparators[i] as Expr;
          const op = e.ops[i];
          // fold_compare -> fold_iter: `x in [consts]` / `x in {consts}` become constants.
          if ((op === 'in' || op === 'not in') && i === e.comparators.length - 1) this.foldIterable(x, 'compare');
          else this.fold(x);
        }
        break;
      case 'Call':
        this.fold(e.func);
        for (const x of e.args) this.fold(x);
        for (const k of e.keywords) this.fold(k.value);
        break;
      case 'Attribute':
        this.fold(e.value);
        break;
      case 'IfExp':
        this.fold(e.test);
        this.fold(e.body);
        this.fold(e.orelse);
        break;
      case 'Lambda':
        for (const p of e.params) if (p.default) this.fold(p.default);
        this.fold(e.body);
        break;
      case 'Starred':
        this.fold(e.value);
        break;
      case 'Slice':
        if (e.lower) this.fold(e.lower);
        if (e.upper) this.fold(e.upper);
        if (e.step) this.fold(e.step);
        break;
      case 'FString':
        for (const part of e.parts) {
          if (typeof part === 'string') continue;
          this.fold(part.expr);
          for (const s of part.formatSpec ?? []) if (typeof s !== 'string') this.fold(s.expr);
        }
        break;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp':
        // `astfold_comprehension`: the element(s), then each clause's target, `fold_iter(iter)`, ifs.
        if (e.kind === 'DictComp') {
          this.fold(e.key);
          this.fold(e.value);
        } else this.fold(e.elt);
        for (const g of e.generators) {
          this.foldTarget(g.target);
          this.foldIterable(g.iter, 'for');
          for (const c of g.ifs) this.fold(c);
        }
        break;
      default:
        break;
    }
  }

  /** Each item folded, in order (every one, as `fold_iter` walks them); null if one is not a constant. */
  private foldEach(elts: readonly Expr[]): Ref[] | null {
    const items = new Array<Ref>(elts.length);
    let all = true;
    for (let i = 0; i < elts.length; i++) {
      const x = this.fold(elts[i] as Expr);
      if (x === null) all = false;
      else items[i] = x;
    }
    return all ? items : null;
  }

  /** `fold_iter`: a list display iterated (for, in) is a tuple; of constants, a constant tuple / frozenset. */
  foldIterable(e: Expr, use: 'for' | 'compare'): void {
    if (e.kind === 'List') {
      // Loops, not arrows capturing `this` (a context per call).
      const items = this.foldEach(e.elts);
      if (items !== null) {
        const t = this.heap.tupleTaking(this.heap.increfAll(items));
        this.setFolded(e, t);
        this.holdFolded(t);
      } else {
        (this.iterAsTuple === NO_EXPRS ? (this.iterAsTuple = new Set()) : this.iterAsTuple).add(e);
      }
      return;
    }
    if (e.kind === 'Set' && use === 'compare') {
      const items = this.foldEach(e.elts);
      if (items !== null) {
        const fs = this.heap.set('frozenset', dedupe(this.heap, items));
        this.setFolded(e, fs);
        this.holdFolded(fs);
      }
      return;
    }
    this.fold(e);
  }

  /** Shared by the unit's code objects (the evaluator's `iterAsTuple`); made by the first such list. */
  iterAsTuple: Set<Expr> = NO_EXPRS;

  /** Folding's work as unit-scan.ts found it, in the order `foldStatements` would meet it. */
  foldAll(folds: readonly FoldItem[]): void {
    for (const x of folds) {
      if (x.kind === 'iterable') this.foldIterable(x.node, x.use);
      else this.fold(x);
    }
  }

  foldStatements(body: readonly Stmt[]): void {
    for (const s of body) {
      switch (s.kind) {
        case 'For':
          this.foldTarget(s.target);
          this.foldIterable(s.iter, 'for');
          this.foldStatements(s.body);
          this.foldStatements(s.orelse);
          break;
        case 'If':
        case 'While':
          this.fold(s.test);
          this.foldStatements(s.body);
          this.foldStatements(s.orelse);
          break;
        case 'FunctionDef':
          for (const d of s.decorators) this.fold(d);
          for (const p of s.params) if (p.default) this.fold(p.default);
          for (const a of annotationsOf(s)) this.fold(a);
          this.foldStatements(s.body);
          break;
        case 'AnnAssign':
          this.foldTarget(s.target);
          this.fold(s.annotation);
          if (s.value) this.fold(s.value);
          break;
        case 'Raise':
          if (s.exc) this.fold(s.exc);
          if (s.cause) this.fold(s.cause);
          break;
        case 'Assert':
          this.fold(s.test);
          if (s.msg) this.fold(s.msg);
          break;
        case 'Try':
          this.foldStatements(s.body);
          for (const h of s.handlers) {
            if (h.type) this.fold(h.type);
            this.foldStatements(h.body);
          }
          this.foldStatements(s.orelse);
          this.foldStatements(s.finalbody);
          break;
        case 'ClassDef':
          for (const d of s.decorators) this.fold(d);
          for (const b of s.bases) this.fold(b);
          this.foldStatements(s.body);
          break;
        case 'Expr':
          this.fold(s.value);
          break;
        case 'With':
          for (const item of s.items) {
            this.fold(item.context);
            if (item.target) this.foldTarget(item.target);
          }
          this.foldStatements(s.body);
          break;
        case 'Assign':
          this.fold(s.value);
          for (const t of s.targets) this.foldTarget(t);
          break;
        case 'AugAssign':
          this.foldTarget(s.target);
          this.fold(s.value);
          break;
        case 'Delete':
          for (const t of s.targets) this.foldTarget(t);
          break;
        case 'Return':
        case 'Yield':
          if (s.value) this.fold(s.value);
          break;
        default:
          break;
      }
    }
  }

  private foldTarget(t: Target): void {
    if (t.kind === 'Attribute') this.fold(t.value);
    else if (t.kind === 'Subscript') {
      this.fold(t.value);
      this.fold(t.index);
    } else if (t.kind === 'Tuple' || t.kind === 'List') for (const x of t.elts) this.foldTarget(x);
  }

  // ---- 3. code objects and merged constants --------------------------------------------

  /**
   * 3.10+: a `BoolOp` whose first operand is a constant keeps it only if it decides the result
   * (then the other operands are unreachable), else drops it; a conditional expression with a
   * constant test drops the else of a true test, and (3.12+) the body of a false one.
   */
  private visitShortCircuit(st: CodeState, e: Extract<Expr, { kind: 'BoolOp' | 'IfExp' }>): void {
    if (e.kind === 'IfExp') {
      const truth = this.literalTruth(e.test);
      if (truth === null) {
        forEachChildExpr(e, visitIn, st);
        return;
      }
      refuseCodeObjectsInExpr(truth ? e.orelse : e.body);
      this.loadOnly(st, e.test);
      if (truth) this.visitExpr(st, e.body);
      else if (this.config.deadCodeConstants === 'conditionals') this.visitExpr(st, e.orelse);
      else {
        this.visitExpr(st, e.body);
        this.visitExpr(st, e.orelse);
      }
      return;
    }
    for (let i = 0; i < e.values.length; i++) {
      const v = e.values[i] as Expr;
      const truth = this.literalTruth(v);
      if (truth === null) {
        if (e.values.slice(i + 1).some((x) => this.constantTruth(x) !== null && x !== e.values[e.values.length - 1])) {
          throw new Refusal('a constant among the operands of and/or', 'which of its jumps the optimizer removes is not modelled', e.pos);
        }
        for (let j = i; j < e.values.length; j++) this.visitExpr(st, e.values[j] as Expr);
        return;
      }
      if (truth === (e.op === 'or')) {
        // It decides the result: the operands after it are unreachable.
        for (const rest of e.values.slice(i + 1)) refuseCodeObjectsInExpr(rest);
        this.visitExpr(st, v);
        return;
      }
      // Its value is discarded: `LOAD_CONST` + a jump never taken are removed, the constant too.
      if (i === e.values.length - 1) this.visitExpr(st, v);
      else this.loadOnly(st, v);
    }
  }

  /**
   * The truth of a short-circuit operand that is a constant. 3.14 folds in the CFG after these
   * jumps are laid out: only literal operands count there (measured: `not 1 and x` keeps x's
   * constant on 3.14.2, drops it on 3.10-3.13).
   */
  private literalTruth(x: Expr): boolean | null {
    return this.config.foldedConstantsInArena || x.kind === 'Const' ? this.constantTruth(x) : null;
  }

  /**
   * 3.10+: whether no path goes on after `s`, so that the statements after it in its block are
   * unreachable and dropped with their constants: a return, raise, break or continue, an if whose
   * live branches all end so, a `while <true>` without break, a try whose body (or else) and
   * every handler end so.
   */
  private endsFlow(s: Stmt): boolean {
    switch (s.kind) {
      case 'Return':
      case 'Raise':
      case 'Break':
      case 'Continue':
        return true;
      case 'If': {
        const truth = this.constantTruth(s.test);
        if (truth === true) return this.endsBlock(s.body);
        if (truth === false) return this.endsBlock(s.orelse);
        return this.endsBlock(s.body) && this.endsBlock(s.orelse);
      }
      case 'While':
        return this.constantTruth(s.test) === true && !hasBreak(s.body);
      case 'Try':
        return this.endsBlock(s.finalbody) || ((this.endsBlock(s.body) || this.endsBlock(s.orelse)) && this.handlersEnd(s.handlers));
      default:
        return false;
    }
  }

  /** Whether every handler's body ends the flow (a loop: an arrow capturing `this` would make `endsFlow` allocate a context per statement). */
  private handlersEnd(handlers: readonly { readonly body: readonly Stmt[] }[]): boolean {
    for (const h of handlers) if (!this.endsBlock(h.body)) return false;
    return true;
  }

  private endsBlock(stmts: readonly Stmt[]): boolean {
    for (const s of stmts) if (this.endsFlow(s)) return true;
    return false;
  }

  /** The truth of a test that is a constant once folded (`expr_constant`), else null. */
  private constantTruth(test: Expr): boolean | null {
    const c = this.constantOf(test);
    return c === undefined ? null : isTrue(this.heap, c);
  }

  /** `merge_consts_recursive`: the unit's canonical object for this constant (borrowed). */
  private merge(ref: Ref): Ref {
    const p = this.heap.get(ref).payload;
    switch (p.kind) {
      case 'int':
        // A small int is the one object of its value (`get_small_int`): its own canonical object,
        // found without making its bigint or looking through the table.
        if (this.heap.isSmallIntObject(ref, p)) return ref;
        return this.mergeScalar(p.value, ref);
      case 'str':
        return this.mergeScalar(p.value, ref);
      case 'float':
        if (Object.is(p.value, -0)) return (this.negativeZero ??= ref);
        return this.mergeScalar(p.value, ref);
      case 'bool':
        return p.value ? (this.trueConst ??= ref) : (this.falseConst ??= ref);
      case 'NoneType':
        return (this.noneConst ??= ref);
      case 'ellipsis':
        return (this.ellipsisConst ??= ref);
      default:
        break;
    }
    const key = constantKey(this.heap, ref);
    this.cache ??= new Map();
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (p.kind === 'tuple' || p.kind === 'frozenset') {
      // Items are merged too, and replaced in place (`PyTuple_SET_ITEM`).
      for (let i = 0; i < p.items.length; i++) {
        const item = p.items[i] as Ref;
        const canon = this.merge(item);
        if (canon !== item) {
          p.items[i] = this.heap.incref(canon);
          this.heap.decref(item);
        }
      }
    }
    this.cache.set(key, ref);
    return ref;
  }

  /**
   * The canonical int, str or float of its value: the first merged. One table for the three
   * (a bigint, a string and a number are never the same key); a look through a few values is
   * cheaper than making and hashing into maps, which take over once there are many.
   */
  private mergeScalar(value: bigint | string | number, ref: Ref): Ref {
    const map = this.scalarMap;
    if (map !== null) {
      const hit = map.get(value);
      if (hit !== undefined) return hit;
      map.set(value, ref);
      return ref;
    }
    // Values and their refs alternate in one array (one allocation, not two).
    const scalars = this.scalars;
    const n = scalars.length;
    // NaN is one key, as in a Map (SameValueZero); -0.0 never comes here.
    if (value === value) {
      for (let i = 0; i < n; i += 2) if (scalars[i] === value) return scalars[i + 1] as Ref;
    } else {
      for (let i = 0; i < n; i += 2) if (scalars[i] !== scalars[i]) return scalars[i + 1] as Ref;
    }
    if (n === 0) this.scalars = [value, ref];
    else if (n < 32) scalars.push(value, ref);
    else {
      const m = (this.scalarMap = new Map<bigint | string | number, Ref>());
      for (let i = 0; i < n; i += 2) m.set(scalars[i] as bigint | string | number, scalars[i + 1] as Ref);
      m.set(value, ref);
    }
    return ref;
  }

  /** A constant the code loads: the unit's canonical object, added once to `co_consts`. */
  private addConst(st: CodeState, ref: Ref): Ref {
    const canon = this.merge(ref);
    // One canonical object per key in the unit: the same key is the same object. Few constants
    // per code object: a scan, and a set once there are many.
    const consts = st.code.consts;
    if (st.constSet === null && consts.length < 32) {
      // A loop, not `includes` (a builtin call per constant).
      for (let i = 0; i < consts.length; i++) if (consts[i] === canon) return canon;
      consts.push(this.heap.incref(canon));
      return canon;
    }
    st.constSet ??= new Set(consts);
    if (!st.constSet.has(canon)) {
      st.constSet.add(canon);
      consts.push(this.heap.incref(canon));
    }
    return canon;
  }

  /**
   * A constant CPython compiles away (a constant test, a discarded operand) that the evaluator
   * still evaluates: its object, not in co_consts (a folded one kept alive by the arena here).
   */
  private loadOnly(st: CodeState, e: Expr): void {
    const c = this.constantOf(e);
    if (c === undefined) return;
    // Not merged: it may differ from the ref the node loads elsewhere in this code (the last set wins).
    setConstOf(st.code, e, c, true);
    if (!this.config.foldedConstantsInArena && e.kind !== 'Const') this.arena.push(this.heap.incref(c));
  }

  /** 3.14: the literals of a value folded later join the cache; the first one takes the docstring slot. */
  mergeLiterals(st: CodeState, x: Expr): void {
    if (x.kind !== 'Const') forEachChildExpr(x, mergeLiteralsIn, st);
    else if (st.constantEmitted) this.merge(this.constantOf(x) as Ref);
    else {
      this.addConst(st, this.constantOf(x) as Ref);
      st.constantEmitted = true;
    }
  }

  /** Whether each item of a display is a constant (a literal, or folded). */
  private allConstant(elts: readonly Expr[]): boolean {
    for (const x of elts) if (x.kind !== 'Const' && this.constantOf(x) === undefined) return false;
    return true;
  }

  /**
   * One expression in compile order: the constants it loads, the code objects it makes. Every
   * node comes here: its kind is read once (each read is a megamorphic load) and its children
   * are visited without a call between.
   */
  visitExpr(st: CodeState, e: Expr): void {
    const { kind } = e;
    // A name is never a constant and has no children: the most common node, skipped without lookups.
    if (kind === 'Name') return;
    if (kind === 'Const') {
      const c = this.constantOf(e);
      if (c !== undefined) {
        setConstOf(st.code, e, this.addConst(st, c));
        st.constantEmitted = true;
      }
      return;
    }
    if (this.dropsUnreachable && (kind === 'BoolOp' || kind === 'IfExp')) {
      this.visitShortCircuit(st, e);
      return;
    }
    if (this.foldedOf !== null) {
      const c = this.foldedOf.get(e);
      if (c !== undefined) {
        if (!this.config.foldedConstantsInArena) {
          forEachChildExpr(e, mergeLiteralsIn, st);
          (st.foldedLater ??= []).push(e);
          return;
        }
        setConstOf(st.code, e, this.addConst(st, c));
        st.constantEmitted = true;
        return;
      }
    }
    switch (kind) {
      case 'Call':
        this.visitExpr(st, e.func);
        for (const x of e.args) this.visitExpr(st, x);
        for (const k of e.keywords) this.visitExpr(st, k.value);
        // A call with keywords loads its names tuple (`CALL_KW`) after its arguments.
        if (e.keywords.length > 0) st.constantEmitted = true;
        return;
      case 'Attribute':
      case 'Starred':
        this.visitExpr(st, e.value);
        return;
      case 'Tuple':
        for (const x of e.elts) this.visitExpr(st, x);
        return;
      case 'List':
      case 'Set':
        // `starunpack_helper` (3.9+): 3+ constant items become one constant.
        if (this.config.listLiteralOfConstants !== 'exact' && e.elts.length >= 3 && this.allConstant(e.elts)) {
          // Loops, not `map` with arrows (V8 would make their context at every node visited).
          const elts = e.elts;
          const refs = new Array<Ref>(elts.length);
          for (let i = 0; i < elts.length; i++) refs[i] = this.merge(this.constantOf(elts[i] as Expr) as Ref);
          const made = kind === 'List' ? this.heap.tuple(this.heap.increfAll(refs)) : this.heap.set('frozenset', dedupe(this.heap, refs));
          const canon = this.addConst(st, made);
          this.heap.decref(made);
          record(st.code, kind === 'List' ? 'listExtendConst' : 'setUpdateConst', e, canon);
          return;
        }
        for (const x of e.elts) this.visitExpr(st, x);
        return;
      case 'BinOp':
        this.visitExpr(st, e.left);
        this.visitExpr(st, e.right);
        return;
      case 'Subscript':
        this.visitExpr(st, e.value);
        this.visitExpr(st, e.index);
        return;
      case 'Compare':
        this.visitExpr(st, e.left);
        for (const x of e.comparators) this.visitExpr(st, x);
        return;
      case 'UnaryOp':
        this.visitExpr(st, e.operand);
        return;
      case 'Lambda': {
        // `compiler_lambda`: the defaults, then the body's own code object, a constant here.
        for (const p of e.params) if (p.default) this.visitExpr(st, p.default);
        const child = this.code('function', '<lambda>', this.bodies.lambdaBody(e), e.params.map((p) => p.name));
        record(st.code, 'lambdas', e, child);
        st.code.consts.push(child.ref);
        st.constantEmitted = true;
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        // Hidden function (before 3.12; generator expressions always) or inlined (PEP 709).
        if (kind === 'GeneratorExp' || !this.config.comprehensionsInlined) {
          const child = this.code('function', COMPREHENSION_NAMES[kind], this.bodies.hiddenComprehensionBody(e), ['.0']);
          record(st.code, 'comprehensions', e, child);
          st.code.consts.push(child.ref);
          st.constantEmitted = true;
          this.visitExpr(st, e.generators[0]!.iter);
        } else {
          this.statements(st, comprehensionBody(e, false));
        }
        return;
      default:
        forEachChildExpr(e, visitIn, st);
    }
  }

  private targetExprs(st: CodeState, t: Target): void {
    if (t.kind === 'Attribute') this.visitExpr(st, t.value);
    else if (t.kind === 'Subscript') {
      this.visitExpr(st, t.value);
      this.visitExpr(st, t.index);
    } else if (t.kind === 'Tuple' || t.kind === 'List') for (const x of t.elts) this.targetExprs(st, x);
  }

  /**
   * A block's statements in compile order. 3.10+ (fact `deadCodeConstants`): the statements after
   * one that ends the flow are unreachable and leave no constants.
   */
  private statements(st: CodeState, body: readonly Stmt[]): void {
    let ended = false;
    for (const s of body) {
      if (ended) {
        refuseCodeObjectsIn([s]);
        // 3.14.2 was measured keeping the constants after a raise or break, dropping those after a return.
        if (!this.config.foldedConstantsInArena && containsConstant(s)) throw new Refusal('a constant in unreachable code', 'which unreachable blocks 3.14 drops is not modelled', s.pos);
        continue;
      }
      this.statement(st, s);
      if (this.dropsUnreachable && this.endsFlow(s)) ended = true;
    }
  }

  /** A statement's constants and code objects in compile order (the rarer kinds through `enterStatement` first). */
  private statement(st: CodeState, s: Stmt): void {
    switch (s.kind) {
      case 'Import':
      case 'ImportFrom':
      case 'FunctionDef':
      case 'ClassDef':
        this.enterStatement(st, s);
        break;
      case 'Expr':
        this.visitExpr(st, s.value);
        break;
      case 'Assign':
        this.visitExpr(st, s.value);
        for (const t of s.targets) this.targetExprs(st, t);
        break;
      case 'AugAssign':
        this.targetExprs(st, s.target);
        this.visitExpr(st, s.value);
        break;
      case 'Delete':
        for (const t of s.targets) this.targetExprs(st, t);
        break;
      case 'If':
      case 'While':
        if (!this.enterStatement(st, s)) break;
        this.visitExpr(st, s.test);
        this.statements(st, s.body);
        this.statements(st, s.orelse);
        break;
      case 'For':
        this.visitExpr(st, s.iter);
        this.targetExprs(st, s.target);
        this.statements(st, s.body);
        this.statements(st, s.orelse);
        break;
      case 'Return':
        if (s.value) this.visitExpr(st, s.value);
        else st.constantEmitted = true;
        break;
      case 'Yield':
        if (s.value) this.visitExpr(st, s.value);
        break;
      case 'With':
        // `compiler_with`: each item's context expression, then its target; the body innermost.
        for (const item of s.items) {
          this.visitExpr(st, item.context);
          if (item.target) this.targetExprs(st, item.target);
        }
        this.statements(st, s.body);
        break;
      case 'AnnAssign':
        // `compiler_annassign`: the value, then the target; annotations are compiled only at
        // module and class level (which the evaluator refuses), never in a function.
        if (!this.enterStatement(st, s)) break;
        if (s.value) this.visitExpr(st, s.value);
        this.targetExprs(st, s.target);
        break;
      case 'Raise':
        if (s.exc) this.visitExpr(st, s.exc);
        if (s.cause) this.visitExpr(st, s.cause);
        break;
      case 'Assert':
        if (!this.enterStatement(st, s)) break;
        this.visitExpr(st, s.test);
        if (s.msg) this.visitExpr(st, s.msg);
        break;
      case 'Try':
        // `compiler_try_except`: the body, each handler's type then body, `else`; `finally` last.
        this.statements(st, s.body);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(st, h.type);
          this.statements(st, h.body);
        }
        this.statements(st, s.orelse);
        this.statements(st, s.finalbody);
        break;
      default:
        break;
    }
  }

  /**
   * What loads a constant before the statement's expressions (an import's level and fromlist, a
   * code object) and the statements compiled otherwise; false when the statement is done.
   */
  private enterStatement(st: CodeState, s: Stmt): boolean {
    const kind = st.code.kind;
    switch (s.kind) {
      case 'Assert':
        if (this.dropsUnreachable && this.constantTruth(s.test) === true) {
          this.loadOnly(st, s.test);
          return false;
        }
        return true;
      case 'Import':
      case 'ImportFrom':
        st.constantEmitted = true;
        return true;
      case 'If':
      case 'While': {
        // `compiler_if` / `compiler_while` with a constant test (`expr_constant`; 3.8's
        // `c_do_not_emit_bytecode`, later the unreachable blocks dropped with their constants): the
        // dead branch adds nothing to co_consts, nor does the test (measured on 3.8.18-3.13.0:
        // `if False: return 1000.5` leaves one reference less to an equal constant elsewhere).
        const truth = this.constantTruth(s.test);
        if (truth === null || (s.kind === 'While' && truth)) return true;
        const [live, dead] = truth ? [s.body, s.orelse] : [s.orelse, s.body];
        refuseCodeObjectsIn(dead);
        // 3.10-3.11 were measured keeping them in some functions and not in others.
        if (this.config.deadCodeConstants === 'unreachable' && dead.some(containsConstant)) throw new Refusal('a constant under a constant if/while test', 'whether 3.10-3.11 keep it in co_consts is not modelled', s.pos);
        this.loadOnly(st, s.test);
        this.statements(st, live);
        return false;
      }
      case 'AnnAssign': {
        if (!((kind === 'module' || kind === 'class') && this.config.annotations !== 'annotate' && s.simple && s.target.kind === 'Name')) return true;
        // `compiler_annassign` at module or class level (3.8-3.13): the value, the annotation, then the
        // name as a constant (`ADDOP_LOAD_CONST_NEW(mangled)`, the parser's interned identifier).
        // The parser's objects for constants inside annotations are not made (unit-scan.ts skips them).
        const constant = firstConstant(s.annotation);
        if (constant !== null) throw new Refusal('a constant in a module-level annotation', "the parser's objects for annotations are not modelled", constant.pos);
        if (s.value) this.visitExpr(st, s.value);
        this.visitExpr(st, s.annotation);
        const name = internedIdentifier(this.heap, this.config.codeNamesImmortal, s.target.id);
        this.addConst(st, name);
        this.heap.decref(name);
        return false;
      }
      case 'FunctionDef': {
        for (const p of s.params) if (p.default) this.visitExpr(st, p.default);
        if (this.config.annotations !== 'annotate') {
          for (const p of s.params) if (p.annotation) this.visitExpr(st, p.annotation);
          if (s.returns) this.visitExpr(st, s.returns);
        }
        const child = this.code('function', s.name, s.body, paramNames(s.params));
        record(st.code, 'children', s, child);
        st.code.consts.push(child.ref);
        st.constantEmitted = true;
        return false;
      }
      case 'ClassDef': {
        for (const b of s.bases) this.visitExpr(st, b);
        const child = this.code('class', s.name, s.body, []);
        record(st.code, 'children', s, child);
        st.code.consts.push(child.ref);
        st.constantEmitted = true;
        return false;
      }
      default:
        return true;
    }
  }

  /** `plan`: what generating this code meets (unit-scan.ts), followed instead of walking `body`. */
  code(kind: CodeObject['kind'], name: string, body: readonly Stmt[], params: readonly string[], plan: readonly PlanItem[] | null = null): CodeObject {
    const scope = this.scopeOf(body);
    // Most units have no `global` statement (unit-scan.ts): their code objects share the empty set.
    const globals = this.hasGlobal ? declaredGlobals(body) : NO_GLOBALS;
    const code: CodeObject = {
      kind,
      name,
      body,
      consts: [],
      // Made by the first constant (a class body often has none).
      constOf: NO_CONSTS,
      // Set by the first folded node this code loads (`setConstOf`, `loadOnly`).
      folds: false,
      annotated: this.hasAnnotated,
      unpacks: this.hasUnpacking,
      generatorExps: this.hasGeneratorExp,
      listExtendConst: NO_ENTRIES,
      setUpdateConst: NO_ENTRIES,
      iterAsTuple: this.iterAsTuple,
      locals: kind === 'function' ? withoutCells(functionLocals(body, params, globals), params, scope) : NO_NAMES,
      globals,
      children: NO_ENTRIES,
      comprehensions: NO_ENTRIES,
      lambdas: NO_ENTRIES,
      freeVars: scope.frees,
      cellVars: scope.cells,
      ref: 0,
    };
    // 3.14 folds in the CFG optimizer, once the unit's code is generated: its literals (the
    // operands too) are in the compiler's constant cache first (`_PyCompile_ConstCacheMergeOne`),
    // so a folded value equal to one of them is that literal's object (`a = 300 + 0`: the
    // parser's 300, held by the arena; measured 4 references on 3.14.2, not 3). The operands
    // leave co_consts (`remove_unused_consts`) except the unit's first constant, kept as the
    // docstring slot: `def f(): return -300` has co_consts (300, -300) on 3.14.2.
    const st: CodeState = { unit: this, code, foldedLater: null, constantEmitted: false, constSet: null };
    if (plan === null) this.statements(st, body);
    else this.replay(st, plan);
    if (st.foldedLater !== null) for (const e of st.foldedLater) setConstOf(code, e, this.addConst(st, this.constantOf(e) as Ref));
    // intern_string_constants: identifier-like strings, also inside constant tuples.
    for (let i = 0; i < code.consts.length; i++) code.consts[i] = this.internDeep(code.consts[i] as Ref, code);
    code.ref = this.heap.object({ kind: 'code', code, constants: [this.constsTuple(kind, code.consts)] });
    return code;
  }

  /**
   * Code generation from the unit's plan (unit-scan.ts): each literal as `visitExpr` loads it,
   * each def or class as `enterStatement` makes it, the rest walked as before.
   */
  private replay(st: CodeState, plan: readonly PlanItem[]): void {
    const code = st.code;
    for (const x of plan) {
      switch (x.kind) {
        case 'Const': {
          const c = this.literalObject(x);
          if (c !== undefined) {
            setConstOf(code, x, this.addConst(st, c));
            st.constantEmitted = true;
          }
          break;
        }
        case 'code': {
          const s = x.stmt;
          const child = s.kind === 'FunctionDef' ? this.code('function', s.name, s.body, paramNames(s.params), x.plan) : this.code('class', s.name, s.body, NO_NAMES, x.plan);
          record(code, 'children', s, child);
          code.consts.push(child.ref);
          st.constantEmitted = true;
          break;
        }
        case 'statement':
        case 'block':
          this.statements(st, x.body);
          break;
        case 'emit':
          st.constantEmitted = true;
          break;
        default:
          this.visitExpr(st, x);
      }
    }
  }

  /**
   * `co_consts` as a tuple (functions start with None, the docstring slot: measured
   * `(None, 1000)` for `def f(): return 1000` on 3.8-3.13). `makecode` merges the tuple itself
   * (`merge_const_one`), so functions with equal constants share one tuple: measured,
   * `def f(): return 123456789` and the same `g` add one reference, not two.
   * Takes over the references in `consts`; returns a new reference.
   */
  private constsTuple(kind: CodeObject['kind'], consts: readonly Ref[]): Ref {
    const h = this.heap;
    // `h.tuple` copies its items: module and class code pass theirs as they are.
    if (kind !== 'function') return h.tuple(consts as Ref[]);
    const items: Ref[] = [h.none()];
    for (const c of consts) {
      if (h.get(c).payload.kind === 'NoneType') h.decref(c);
      else items.push(c);
    }
    // Each item is the unit's one object of its constant key (merged, or interned from it, or a
    // code object): equal tuples have the same items.
    const key = items.join(',');
    const shared = this.constsTuples?.get(key);
    if (shared !== undefined) {
      for (const r of items) h.decref(r);
      return h.incref(shared);
    }
    const t = h.tuple(items);
    (this.constsTuples ??= new Map()).set(key, t);
    return t;
  }

  private constsTuples: Map<string, Ref> | null = null;

  private internDeep(ref: Ref, code: CodeObject): Ref {
    const p = this.heap.get(ref).payload;
    if (p.kind === 'str' && allNameChars(p.value)) {
      const interned = this.heap.intern(ref, true);
      if (interned !== ref) {
        replaceConstRef(code.constOf, ref, interned);
      }
      this.heap.decref(ref);
      return interned;
    }
    if (p.kind === 'tuple' || p.kind === 'frozenset') {
      for (let i = 0; i < p.items.length; i++) p.items[i] = this.internDeep(p.items[i] as Ref, code);
    }
    return ref;
  }
}


function dedupe(heap: Heap, refs: Ref[]): Ref[] {
  const out: Ref[] = [];
  const keys = new Set<string>();
  for (const r of refs) {
    const k = constantKey(heap, r);
    if (keys.has(k)) continue;
    keys.add(k);
    out.push(heap.incref(r));
  }
  return out;
}

/** `fold_unaryop`: `-`, `+`, `~`, `not` of a constant (errors mean no fold). */
function foldUnary(heap: Heap, op: UnaryOperator, ref: Ref): Ref | null {
  if (op === 'not') return heap.bool(!isTrue(heap, ref));
  try {
    return unaryOp(heap, op, ref);
  } catch (err) {
    if (err instanceof PyException) return null;
    throw err;
  }
}

function bitLength(v: bigint): number {
  return (v < 0n ? -v : v).toString(2).length - (v === 0n ? 1 : 0);
}

/**
 * `fold_binop`: the operation itself (`PyNumber_*`, errors mean "no fold"), guarded by
 * `safe_multiply`, `safe_power`, `safe_lshift` and `safe_mod` (`MAX_INT_SIZE`,
 * `MAX_COLLECTION_SIZE`, `MAX_STR_SIZE`; measured: `2**127` not folded, `10**20` and
 * `'a'*4096` folded, `'a'*4097` not, on 3.8 and 3.13).
 */
function foldBinary(heap: Heap, config: EvalConfig, op: BinaryOperator, l: Ref, r: Ref, pos: Pos): Ref | null {
  const a = heap.get(l).payload;
  const b = heap.get(r).payload;
  const lim = config.foldLimits;
  const intOf = (p: Payload): bigint | null => (p.kind === 'int' ? p.value : p.kind === 'bool' ? (p.value ? 1n : 0n) : null);
  const x = intOf(a);
  const y = intOf(b);
  if (op === '*') {
    if (x !== null && y !== null && x !== 0n && y !== 0n) {
      const vb = bitLength(x);
      const wb = bitLength(y);
      if (vb > lim.intMaxBits || wb > lim.intMaxBits || vb + wb > lim.intMaxBits) return null;
    }
    const [n, seq] = x !== null ? [x, b] : y !== null ? [y, a] : [null, null];
    if (n !== null && seq !== null) {
      const size = seq.kind === 'tuple' || seq.kind === 'frozenset' ? seq.items.length : seq.kind === 'str' ? [...seq.value].length : seq.kind === 'bytes' ? seq.value.length : 0;
      const max = seq.kind === 'str' || seq.kind === 'bytes' ? lim.strRepeatMaxLength : lim.collectionRepeatMaxItems;
      if (size && (n < 0n || n > BigInt(Math.floor(max / size)))) return null;
    }
  }
  if (op === '**' && x !== null && y !== null && x !== 0n && y > 0n) {
    if (BigInt(bitLength(x)) > BigInt(lim.intMaxBits) / y) return null;
  }
  if (op === '<<' && x !== null && y !== null && x !== 0n && y !== 0n) {
    if (y < 0n || y > BigInt(lim.intMaxBits) || BigInt(bitLength(x)) > BigInt(lim.intMaxBits) - y) return null;
  }
  if (op === '%' && (a.kind === 'str' || a.kind === 'bytes')) return null;
  if (op === '@') return null;
  try {
    return binaryOp(heap, messagesFor(config), op, l, r);
  } catch (err) {
    if (err instanceof PyException) return null;
    // Folding runs before any statement: the refusal names the operation's place itself.
    if (err instanceof Refusal && err.pos === undefined) throw new Refusal(err.construct, err.detail, pos);
    throw err;
  }
}

function foldSubscript(heap: Heap, v: Ref, i: Ref): Ref | null {
  const a = heap.get(v).payload;
  const b = heap.get(i).payload;
  if (b.kind !== 'int') return null;
  if (a.kind === 'tuple') {
    const n = a.items.length;
    const k = Number(b.value < 0n ? b.value + BigInt(n) : b.value);
    return k >= 0 && k < n ? heap.incref(a.items[k] as Ref) : null;
  }
  if (a.kind === 'str') {
    const chars = [...a.value];
    const k = Number(b.value < 0n ? b.value + BigInt(chars.length) : b.value);
    return k >= 0 && k < chars.length ? heap.str(chars[k] as string) : null;
  }
  return null;
}


// ---- walking the AST -----------------------------------------------------------------------

/** Calls `f(child, context)` on each child expression of `e` (a module-level `f` with a context makes no closure). */
function forEachChildExpr<C>(e: Expr, f: (x: Expr, context: C) => void, context: C): void;
function forEachChildExpr(e: Expr, f: (x: Expr) => void): void;
function forEachChildExpr(e: Expr, f: (x: Expr, context: unknown) => void, context?: unknown): void {
  // Two thirds of the nodes are leaves: out before the switch's string comparisons.
  if (e.kind === 'Name' || e.kind === 'Const') return;
  switch (e.kind) {
    case 'Tuple':
    case 'List':
    case 'Set':
      for (const x of e.elts) f(x, context);
      break;
    case 'Dict':
      for (let i = 0; i < e.keys.length; i++) {
        f(e.keys[i] as Expr, context);
        f(e.values[i] as Expr, context);
      }
      break;
    case 'BinOp':
      f(e.left, context);
      f(e.right, context);
      break;
    case 'UnaryOp':
      f(e.operand, context);
      break;
    case 'BoolOp':
      for (const x of e.values) f(x, context);
      break;
    case 'Compare':
      f(e.left, context);
      for (const x of e.comparators) f(x, context);
      break;
    case 'Call':
      f(e.func, context);
      for (const x of e.args) f(x, context);
      for (const k of e.keywords) f(k.value, context);
      break;
    case 'Attribute':
      f(e.value, context);
      break;
    case 'Subscript':
      f(e.value, context);
      f(e.index, context);
      break;
    case 'Slice':
      if (e.lower) f(e.lower, context);
      if (e.upper) f(e.upper, context);
      if (e.step) f(e.step, context);
      break;
    case 'IfExp':
      f(e.test, context);
      f(e.body, context);
      f(e.orelse, context);
      break;
    case 'Lambda':
      // Loops, not closures, in this function: V8 would make their context at every call.
      for (const p of e.params) if (p.default) f(p.default, context);
      f(e.body, context);
      break;
    case 'Starred':
      f(e.value, context);
      break;
    case 'FString':
      for (const part of e.parts) {
        if (typeof part === 'string') continue;
        f(part.expr, context);
        for (const s of part.formatSpec ?? []) if (typeof s !== 'string') f(s.expr, context);
      }
      break;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
    case 'DictComp':
      // Source order: the element(s), then each clause's target, iterable and conditions.
      if (e.kind === 'DictComp') {
        f(e.key, context);
        f(e.value, context);
      } else f(e.elt, context);
      for (const g of e.generators) {
        f(g.target, context);
        f(g.iter, context);
        for (const x of g.ifs) f(x, context);
      }
      break;
    default:
      break;
  }
}

type ComprehensionExpr = Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'GeneratorExp' | 'DictComp' }>;

export function isComprehension(e: Expr): e is ComprehensionExpr {
  return e.kind === 'ListComp' || e.kind === 'SetComp' || e.kind === 'GeneratorExp' || e.kind === 'DictComp';
}

/** `co_name` of the hidden function (`Python/compile.c` `compiler_listcomp` ...). */
const COMPREHENSION_NAMES: Readonly<Record<ComprehensionExpr['kind'], string>> = {
  ListComp: '<listcomp>',
  SetComp: '<setcomp>',
  GeneratorExp: '<genexpr>',
  DictComp: '<dictcomp>',
};

/**
 * The bodies the compiler makes for lambdas and hidden comprehension functions, one per node
 * within one compilation unit: scope analysis keys its results by body, so the scan and code
 * generation must see the same array. Per unit, never across runs (no cache keyed by AST node).
 */
export class SyntheticBodies {
  private readonly lambdas = new Map<Expr, Stmt[]>();
  private readonly comprehensions = new Map<Expr, Stmt[]>();

  readonly lambdaBody = (e: Extract<Expr, { kind: 'Lambda' }>): Stmt[] => {
    let body = this.lambdas.get(e);
    if (body === undefined) this.lambdas.set(e, (body = lambdaBody(e)));
    return body;
  };

  /** The hidden function's body (an inlined comprehension's loops are made anew: `comprehensionBody`). */
  readonly hiddenComprehensionBody = (e: ComprehensionExpr): Stmt[] => {
    let body = this.comprehensions.get(e);
    if (body === undefined) this.comprehensions.set(e, (body = comprehensionBody(e, true)));
    return body;
  };
}

/**
 * The loops a comprehension compiles to, as statements, in compile order
 * (`compiler_sync_comprehension_generator`): each clause's iterable (the first one is the
 * hidden function's argument `.0`), target, conditions, then the next clause or the element.
 * Gives the hidden function its `co_varnames` (`.0`, then the targets) and constant order.
 * A new array per call: `SyntheticBodies` keeps one per node for a unit.
 */
export function comprehensionBody(e: ComprehensionExpr, hidden: boolean): Stmt[] {
  const innermost: Stmt[] =
    e.kind === 'DictComp'
      ? [
          { kind: 'Expr', value: e.key, pos: e.key.pos },
          { kind: 'Expr', value: e.value, pos: e.value.pos },
        ]
      : [{ kind: 'Expr', value: e.elt, pos: e.elt.pos }];
  let body = innermost;
  for (let i = e.generators.length - 1; i >= 0; i--) {
    const g = e.generators[i]!;
    for (let j = g.ifs.length - 1; j >= 0; j--) body = [{ kind: 'If', test: g.ifs[j]!, body, orelse: [], pos: g.ifs[j]!.pos }];
    const iter: Expr = i === 0 && hidden ? { kind: 'Name', id: '.0', pos: g.pos } : g.iter;
    body = [{ kind: 'For', target: g.target, iter, body, orelse: [], pos: g.pos }];
  }
  return body;
}

/** The expressions a target evaluates (an attribute's object, a subscript's object and index), in order; `context` goes to `f` (no closure needed). */
function targetExprs<C>(t: Target, f: (e: Expr, context: C) => void, context: C): void;
function targetExprs(t: Target, f: (e: Expr) => void): void;
function targetExprs(t: Target, f: (e: Expr, context: unknown) => void, context?: unknown): void {
  if (t.kind === 'Attribute') f(t.value, context);
  else if (t.kind === 'Subscript') {
    f(t.value, context);
    f(t.index, context);
  } else if (t.kind === 'Tuple' || t.kind === 'List') for (const x of t.elts) targetExprs(x, f, context);
}

/** Visit expressions of statements in compile order; `enter` decides whether to descend into a statement. */
/**
 * Dead code under a constant test still makes its nested code objects on some versions (3.8
 * compiles them without emitting them) and their constants join the compilation's cache: refused.
 */
function refuseCodeObjectsIn(dead: readonly Stmt[]): void {
  const refuse = (pos: Stmt['pos']): never => {
    throw new Refusal('a function, class, lambda or comprehension under a constant test', 'whether its code object is compiled depends on the version', pos);
  };
  const inExpr = (e: Expr): void => {
    if (e.kind === 'Lambda' || isComprehension(e)) refuse(e.pos);
    forEachChildExpr(e, inExpr);
  };
  visitStatements(dead, inExpr, (s) => {
    if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') refuse(s.pos);
    return true;
  });
}

/** Whether a loop body has a `break` of that loop (not one of a nested loop). */
function hasBreak(stmts: readonly Stmt[]): boolean {
  for (const s of stmts) {
    if (s.kind === 'Break') return true;
    if (s.kind === 'If' && (hasBreak(s.body) || hasBreak(s.orelse))) return true;
    if (s.kind === 'Try' && (hasBreak(s.body) || hasBreak(s.orelse) || s.handlers.some((h) => hasBreak(h.body)) || hasBreak(s.finalbody))) return true;
    if (s.kind === 'With' && hasBreak(s.body)) return true;
  }
  return false;
}

/** The first literal in an expression, in source order. */
function firstConstant(e: Expr): Expr | null {
  if (e.kind === 'Const') return e;
  let found: Expr | null = null;
  forEachChildExpr(e, (x) => {
    found ??= firstConstant(x);
  });
  return found;
}

function containsConstant(s: Stmt): boolean {
  let found = false;
  const look = (e: Expr): void => {
    if (e.kind === 'Const') found = true;
    else forEachChildExpr(e, look);
  };
  visitStatements([s], look, () => !found);
  return found;
}

function refuseCodeObjectsInExpr(e: Expr): void {
  refuseCodeObjectsIn([{ kind: 'Expr', value: e, pos: e.pos }]);
}

function visitStatements(body: readonly Stmt[], f: (e: Expr) => void, enter: (s: Stmt) => boolean): void {
  for (const s of body) {
    if (!enter(s)) continue;
    switch (s.kind) {
      case 'Expr':
        f(s.value);
        break;
      case 'Assign':
        f(s.value);
        for (const t of s.targets) targetExprs(t, f);
        break;
      case 'AugAssign':
        targetExprs(s.target, f);
        f(s.value);
        break;
      case 'Delete':
        for (const t of s.targets) targetExprs(t, f);
        break;
      case 'If':
      case 'While':
        f(s.test);
        visitStatements(s.body, f, enter);
        visitStatements(s.orelse, f, enter);
        break;
      case 'For':
        f(s.iter);
        targetExprs(s.target, f);
        visitStatements(s.body, f, enter);
        visitStatements(s.orelse, f, enter);
        break;
      case 'Return':
      case 'Yield':
        if (s.value) f(s.value);
        break;
      case 'With':
        // `compiler_with`: each item's context expression, then its target; the body innermost.
        for (const item of s.items) {
          f(item.context);
          if (item.target) targetExprs(item.target, f);
        }
        visitStatements(s.body, f, enter);
        break;
      case 'AnnAssign':
        // `compiler_annassign`: the value, then the target; annotations are compiled only at
        // module and class level (which the evaluator refuses), never in a function.
        if (s.value) f(s.value);
        targetExprs(s.target, f);
        break;
      case 'Raise':
        if (s.exc) f(s.exc);
        if (s.cause) f(s.cause);
        break;
      case 'Assert':
        f(s.test);
        if (s.msg) f(s.msg);
        break;
      case 'Try':
        // `compiler_try_except`: the body, each handler's type then body, `else`; `finally` last.
        visitStatements(s.body, f, enter);
        for (const h of s.handlers) {
          if (h.type) f(h.type);
          visitStatements(h.body, f, enter);
        }
        visitStatements(s.orelse, f, enter);
        visitStatements(s.finalbody, f, enter);
        break;
      default:
        break;
    }
  }
}

/** A def's annotations in compile order: the parameters', then the return annotation. */
function annotationsOf(s: Extract<Stmt, { kind: 'FunctionDef' }>): Expr[] {
  const out: Expr[] = [];
  for (const p of s.params) if (p.annotation) out.push(p.annotation);
  if (s.returns) out.push(s.returns);
  return out;
}

/** The names a `global` statement declares (a shared empty set for the common code without one). */
function declaredGlobals(body: readonly Stmt[]): ReadonlySet<string> {
  return globalsIn(body, null) ?? NO_GLOBALS;
}

/** `declaredGlobals`' walk: a function, not a closure (one per code object of a unit with `global`). */
function globalsIn(b: readonly Stmt[], found: Set<string> | null): Set<string> | null {
  let out = found;
  for (const s of b) {
    if (s.kind === 'Global') for (const n of s.names) (out ??= new Set<string>()).add(n);
    if (s.kind === 'If' || s.kind === 'While' || s.kind === 'For') {
      out = globalsIn(s.body, out);
      out = globalsIn(s.orelse, out);
    }
    if (s.kind === 'Try') {
      out = globalsIn(s.body, out);
      for (const h of s.handlers) out = globalsIn(h.body, out);
      out = globalsIn(s.orelse, out);
      out = globalsIn(s.finalbody, out);
    }
    if (s.kind === 'With') out = globalsIn(s.body, out);
  }
  return out;
}

const NO_GLOBALS: ReadonlySet<string> = new Set<string>();
const NO_NAMES: readonly string[] = [];

/**
 * `co_varnames`: parameters, then the other local names in the order the compiler first
 * emits them (`compiler_nameop` adds to `u_varnames`), which is source order.
 */
function functionLocals(body: readonly Stmt[], params: readonly string[], globals: ReadonlySet<string>): string[] {
  const o = new LocalOrder(params, globals);
  o.bindIn(body);
  // Order of first mention in the body (loads included), as the compiler meets them; the walk
  // stops once every local is placed (none: no walk).
  for (const name of o.assigned) if (!globals.has(name) && !o.order.includes(name)) o.unplaced++;
  if (o.unplaced === 0) return o.order;
  o.walkOrder(body);
  return o.order;
}

function mentionIn(e: Expr, o: LocalOrder): void {
  o.mentionExpr(e);
}

/** `functionLocals`' walks, as methods (no closure per function compiled). */
class LocalOrder {
  readonly assigned = new Set<string>();
  readonly order: string[];
  /** Locals not yet in `order`. */
  unplaced = 0;

  constructor(
    params: readonly string[],
    private readonly globals: ReadonlySet<string>,
  ) {
    this.order = params.slice();
  }

  private bindTarget(t: Target): void {
    if (t.kind === 'Name') this.assigned.add(t.id);
    else if (t.kind === 'Tuple' || t.kind === 'List') for (const x of t.elts) this.bindTarget(x);
  }

  /** The names the block binds (not inside nested defs and classes). */
  bindIn(b: readonly Stmt[]): void {
    const assigned = this.assigned;
    for (const s of b) {
      switch (s.kind) {
        case 'Assign':
          for (const t of s.targets) this.bindTarget(t);
          break;
        case 'AugAssign':
          this.bindTarget(s.target);
          break;
        case 'AnnAssign':
          // `symtable_visit_stmt`: an annotated simple name is local, assigned or not.
          if (s.simple || s.value) this.bindTarget(s.target);
          break;
        case 'Delete':
          for (const t of s.targets) this.bindTarget(t);
          break;
        case 'For':
          this.bindTarget(s.target);
          this.bindIn(s.body);
          this.bindIn(s.orelse);
          break;
        case 'With':
          for (const item of s.items) if (item.target) this.bindTarget(item.target);
          this.bindIn(s.body);
          break;
        case 'If':
        case 'While':
          this.bindIn(s.body);
          this.bindIn(s.orelse);
          break;
        case 'Try':
          this.bindIn(s.body);
          for (const h of s.handlers) {
            if (h.name !== null) assigned.add(h.name);
            this.bindIn(h.body);
          }
          this.bindIn(s.orelse);
          this.bindIn(s.finalbody);
          break;
        case 'FunctionDef':
        case 'ClassDef':
          assigned.add(s.name);
          break;
        case 'Import':
          for (const a of s.names) assigned.add(a.asname ?? a.name.split('.')[0] ?? a.name);
          break;
        case 'ImportFrom':
          for (const a of s.names) assigned.add(a.asname ?? a.name);
          break;
        default:
          break;
      }
    }
  }

  private mention(name: string): void {
    if (this.assigned.has(name) && !this.globals.has(name) && !this.order.includes(name)) {
      this.order.push(name);
      this.unplaced--;
    }
  }

  private mentionTarget(t: Target): void {
    if (t.kind === 'Name') this.mention(t.id);
    else if (t.kind === 'Tuple' || t.kind === 'List') for (const x of t.elts) this.mentionTarget(x);
    else targetExprs(t, mentionIn, this);
  }

  mentionExpr(e: Expr): void {
    if (this.unplaced === 0) return;
    if (e.kind === 'Name') this.mention(e.id);
    forEachChildExpr(e, mentionIn, this);
  }

  walkOrder(b: readonly Stmt[]): void {
    for (const s of b) {
      if (this.unplaced === 0) return;
      switch (s.kind) {
        case 'Expr':
          this.mentionExpr(s.value);
          break;
        case 'Assign':
          this.mentionExpr(s.value);
          for (const t of s.targets) this.mentionTarget(t);
          break;
        case 'AugAssign':
          this.mentionTarget(s.target);
          this.mentionExpr(s.value);
          break;
        case 'Delete':
          for (const t of s.targets) this.mentionTarget(t);
          break;
        case 'If':
        case 'While':
          this.mentionExpr(s.test);
          this.walkOrder(s.body);
          this.walkOrder(s.orelse);
          break;
        case 'For':
          this.mentionExpr(s.iter);
          this.mentionTarget(s.target);
          this.walkOrder(s.body);
          this.walkOrder(s.orelse);
          break;
        case 'With':
          for (const item of s.items) {
            this.mentionExpr(item.context);
            if (item.target) this.mentionTarget(item.target);
          }
          this.walkOrder(s.body);
          break;
        case 'Return':
        case 'Yield':
          if (s.value) this.mentionExpr(s.value);
          break;
        case 'AnnAssign':
          if (s.value) this.mentionExpr(s.value);
          this.mentionTarget(s.target);
          break;
        case 'Raise':
          if (s.exc) this.mentionExpr(s.exc);
          if (s.cause) this.mentionExpr(s.cause);
          break;
        case 'Assert':
          this.mentionExpr(s.test);
          if (s.msg) this.mentionExpr(s.msg);
          break;
        case 'Try':
          this.walkOrder(s.body);
          for (const h of s.handlers) {
            if (h.type) this.mentionExpr(h.type);
            if (h.name !== null) this.mention(h.name);
            this.walkOrder(h.body);
          }
          this.walkOrder(s.orelse);
          this.walkOrder(s.finalbody);
          break;
        case 'FunctionDef':
          for (const p of s.params) if (p.default) this.mentionExpr(p.default);
          for (const a of annotationsOf(s)) this.mentionExpr(a);
          this.mention(s.name);
          break;
        case 'ClassDef':
          for (const x of s.bases) this.mentionExpr(x);
          this.mention(s.name);
          break;
        case 'Import':
          for (const a of s.names) this.mention(a.asname ?? a.name.split('.')[0] ?? a.name);
          break;
        case 'ImportFrom':
          for (const a of s.names) this.mention(a.asname ?? a.name);
          break;
        default:
          break;
      }
    }
  }
}

/** `co_varnames` without the names that live in cells (an argument's cell keeps its name there). */
function withoutCells(locals: string[], params: readonly string[], scope: ScopeFacts): string[] {
  if (scope.cells.length === 0 && scope.frees.length === 0) return locals;
  return locals.filter((n) => params.includes(n) || !(scope.cells.includes(n) || scope.frees.includes(n)));
}

/** A lambda's body as its code object runs it: `return body` (a new array per call: `SyntheticBodies`). */
export function lambdaBody(e: Extract<Expr, { kind: 'Lambda' }>): Stmt[] {
  return [{ kind: 'Return', value: e.body, pos: e.body.pos }];
}

/** `_PyArena_Free`: the arena's list of objects is released from the end. */
export function freeArena(heap: Heap, unit: CompileUnit): void {
  const arena = unit.arena;
  for (let i = arena.length - 1; i >= 0; i--) heap.decref(arena[i] as Ref);
}

/** Compile one unit: parser objects, folding, code objects with merged, interned constants. */
export function compileUnit(heap: Heap, config: EvalConfig, module: Module | readonly Stmt[]): CompileUnit {
  const body = 'kind' in module ? module.body : module;
  const c = new UnitCompiler(heap, config);
  // One walk says what the unit has (unit-scan.ts): the passes with nothing to do are skipped.
  const scan = scanUnit(body, config.annotations !== 'annotate');
  c.hasGlobal = scan.hasGlobal;
  c.hasAnnotated = scan.hasAnnotated;
  c.hasUnpacking = scan.hasUnpacking;
  c.hasGeneratorExp = scan.hasGeneratorExp;
  if (scan.needsScopes) c.scopes = analyzeScopes(body, NO_POS, { comprehensionsInlined: config.comprehensionsInlined, annotationsDeferred: config.annotations === 'annotate', lambdaBody: c.bodies.lambdaBody, comprehensionBody: c.bodies.hiddenComprehensionBody });
  c.parseLiterals(scan.literals);
  if (scan.mayFold) {
    if (scan.foldsInOrder) c.foldAll(scan.folds);
    else c.foldStatements(body);
  }
  const module_ = c.code('module', '<module>', body, [], scan.plan);
  // 3.14 `Python/flowgraph.c`: the folded values now live in co_consts only.
  const held = c.compilerHeld;
  if (held !== null) for (let i = held.length - 1; i >= 0; i--) heap.decref(held[i] as Ref);
  return { module: module_, arena: c.arena };
}
