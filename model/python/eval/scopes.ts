/**
 * Which names of each function are cells and free variables (`Python/symtable.c`):
 * `symtable_visit_*` records each name's uses and bindings per block, then `analyze_block` /
 * `analyze_name` decide each name's scope: declared `global` (GLOBAL_EXPLICIT), declared
 * `nonlocal` (FREE), bound here (LOCAL), bound in an enclosing function (FREE), else an
 * implicit global. `analyze_cells` makes a LOCAL that a child block uses FREE into a CELL;
 * `update_symbols` makes a child's free name that this block does not bind FREE here too,
 * when an enclosing function binds it. A class block passes its enclosing functions' bindings
 * to its children, not its own.
 * `co_cellvars` and `co_freevars` are sorted by name (`Python/compile.c` `dictbytype`); 3.11+
 * puts the cells of arguments first (see cells.ts).
 * Comprehensions are blocks of their own (`symtable_handle_comprehension`: `.0`, then the
 * targets; the outermost iterable belongs to the enclosing block); from 3.12 a list, set or
 * dict comprehension is inlined (PEP 709, `inline_comprehension`): its free names are the
 * enclosing block's own names unless one of its own children needs them as cells.
 * The implicit `__class__` cell (`symtable_visit_expr`: a function-like block that loads `super`
 * uses `__class__`; `analyze_block` adds `__class__` to what a class block's children may find,
 * `drop_class_free` turns a child's free `__class__` into the class block's cell,
 * `ste_needs_class_closure`): measured `co_freevars` ('__class__',) for a method using `super()`
 * on 3.8-3.14.
 * Refused here: a class inside a function that uses the function's locals (class cells,
 * `LOAD_CLASSDEREF`), a cell inside an inlined comprehension, `__class__` bound anywhere or used
 * outside a method (a global name then).
 */
import type { Expr, FStringPart, Pos, Stmt, Target } from '../ast';
import { Refusal } from './refusal';

/** The names of one code object that live in cells. */
export interface ScopeFacts {
  /** `co_cellvars` as sorted by `dictbytype`: this code's locals that inner code uses. */
  readonly cells: readonly string[];
  /** `co_freevars` (sorted): the enclosing functions' cells this code uses, in closure order. */
  readonly frees: readonly string[];
}

export const NO_CELLS: ScopeFacts = { cells: [], frees: [] };

interface Block {
  readonly kind: 'module' | 'function' | 'class';
  /** A 3.12+ inlined list, set or dict comprehension. */
  readonly inlined: boolean;
  /** The body its code object runs (the key compile.ts asks with); null for inlined comprehensions. */
  readonly key: readonly Stmt[] | null;
  readonly pos: Pos;
  readonly bound: Set<string>;
  /** Each used name's first use. */
  readonly uses: Map<string, Pos>;
  readonly globals: Set<string>;
  readonly nonlocals: Set<string>;
  /** Names used in annotations of nested defs (3.14: evaluated by `__annotate__`, a block of its own). */
  readonly annotationUses: Map<string, Pos>;
  readonly children: Block[];
  /** The first explicit load of `__class__` here (refused unless it is a free variable). */
  classUse?: Pos;
}

export interface ScopeOptions {
  /** PEP 709 (3.12+): list, set and dict comprehensions are inlined. */
  readonly comprehensionsInlined: boolean;
  /** PEP 649 (3.14): annotations are compiled into `__annotate__`, a function block. */
  readonly annotationsDeferred: boolean;
  /** The body compile.ts runs for a lambda / a hidden comprehension (the analysis' keys). */
  readonly lambdaBody: (e: Extract<Expr, { kind: 'Lambda' }>) => readonly Stmt[];
  readonly comprehensionBody: (e: ComprehensionExpr) => readonly Stmt[];
}

type ComprehensionExpr = Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'GeneratorExp' | 'DictComp' }>;

/**
 * The cells and free variables of every code object of a unit, by the body it runs. compile.ts
 * runs it only for a unit that may have some (unit-scan.ts `needsScopes`); for any other unit it
 * would find none and refuse nothing.
 */
export function analyzeScopes(body: readonly Stmt[], pos: Pos, options: ScopeOptions): Map<readonly Stmt[], ScopeFacts> {
  const top = newBlock('module', false, body, pos, null);
  new BlockBuilder(options).stmts(top, body);
  const out = new Map<readonly Stmt[], ScopeFacts>();
  analyze(top, null, out, options);
  return out;
}

function newBlock(kind: Block['kind'], inlined: boolean, key: readonly Stmt[] | null, pos: Pos, parent: Block | null): Block {
  const b: Block = { kind, inlined, key, pos, bound: new Set(), uses: new Map(), globals: new Set(), nonlocals: new Set(), annotationUses: new Map(), children: [] };
  parent?.children.push(b);
  return b;
}

function use(b: Block, name: string, pos: Pos): void {
  if (name === '__class__') {
    if (b.kind !== 'function') throw new Refusal("the name '__class__' outside a function", 'a global name there, not modelled', pos);
    b.classUse ??= pos;
  }
  // `symtable_visit_expr`: loading `super` in a function-like block uses `__class__`.
  if (name === 'super' && b.kind === 'function' && !b.uses.has('__class__')) b.uses.set('__class__', pos);
  if (!b.uses.has(name)) b.uses.set(name, pos);
}

class BlockBuilder {
  constructor(private readonly options: ScopeOptions) {}

  stmts(b: Block, body: readonly Stmt[]): void {
    for (const s of body) this.stmt(b, s);
  }

  private stmt(b: Block, s: Stmt): void {
    switch (s.kind) {
      case 'Expr':
        return this.expr(b, s.value);
      case 'Assign':
        this.expr(b, s.value);
        for (const t of s.targets) this.target(b, t);
        return;
      case 'AugAssign':
        this.target(b, s.target);
        if (s.target.kind === 'Name') use(b, s.target.id, s.target.pos);
        return this.expr(b, s.value);
      case 'AnnAssign':
        if (s.value) this.expr(b, s.value);
        if (s.simple || s.value || s.target.kind !== 'Name') this.target(b, s.target);
        // 3.14 (PEP 649): a function's variable annotations are never compiled, so their names
        // are no uses (measured on 3.14.2: `y: x = 2` in `g` leaves `x` of `f` a plain local;
        // on 3.8-3.13 it is a cell); module and class ones go to `__annotate__`.
        if (!this.options.annotationsDeferred) return this.expr(b, s.annotation);
        if (b.kind !== 'function') this.annotation(b, s.annotation);
        return;
      case 'Delete':
        for (const t of s.targets) this.target(b, t);
        return;
      case 'If':
      case 'While':
        this.expr(b, s.test);
        this.stmts(b, s.body);
        return this.stmts(b, s.orelse);
      case 'For':
        this.expr(b, s.iter);
        this.target(b, s.target);
        this.stmts(b, s.body);
        return this.stmts(b, s.orelse);
      case 'Return':
      case 'Yield':
        if (s.value) this.expr(b, s.value);
        return;
      case 'Assert':
        this.expr(b, s.test);
        if (s.msg) this.expr(b, s.msg);
        return;
      case 'Raise':
        if (s.exc) this.expr(b, s.exc);
        if (s.cause) this.expr(b, s.cause);
        return;
      case 'Try':
        this.stmts(b, s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(b, h.type);
          if (h.name !== null) b.bound.add(h.name);
          this.stmts(b, h.body);
        }
        this.stmts(b, s.orelse);
        return this.stmts(b, s.finalbody);
      case 'With':
        for (const item of s.items) {
          this.expr(b, item.context);
          if (item.target) this.target(b, item.target);
        }
        return this.stmts(b, s.body);
      case 'Global':
        for (const n of s.names) b.globals.add(n);
        return;
      case 'Nonlocal':
        for (const n of s.names) b.nonlocals.add(n);
        return;
      case 'Import':
        for (const a of s.names) b.bound.add(a.asname ?? a.name.split('.')[0] ?? a.name);
        return;
      case 'ImportFrom':
        for (const a of s.names) b.bound.add(a.asname ?? a.name);
        return;
      case 'FunctionDef': {
        for (const d of s.decorators) this.expr(b, d);
        for (const p of s.params) if (p.default) this.expr(b, p.default);
        const annotations = [...s.params.map((p) => p.annotation ?? null), s.returns ?? null].filter((a): a is Expr => a !== null);
        // Loops, not closures, in this function: V8 would make their context at every statement.
        for (const a of annotations) {
          if (this.options.annotationsDeferred) this.annotation(b, a);
          else this.expr(b, a);
        }
        b.bound.add(s.name);
        const inner = newBlock('function', false, s.body, s.pos, b);
        for (const p of s.params) inner.bound.add(p.name);
        return this.stmts(inner, s.body);
      }
      case 'ClassDef': {
        for (const d of s.decorators) this.expr(b, d);
        for (const x of s.bases) this.expr(b, x);
        b.bound.add(s.name);
        return this.stmts(newBlock('class', false, s.body, s.pos, b), s.body);
      }
      default:
        return;
    }
  }

  /** 3.14: an annotation's names are used by the `__annotate__` block, not this one. */
  private annotation(b: Block, e: Expr): void {
    const probe = newBlock('function', false, null, e.pos, null);
    this.expr(probe, e);
    for (const [name, pos] of probe.uses) if (!b.annotationUses.has(name)) b.annotationUses.set(name, pos);
    if (probe.children.length > 0) throw new Refusal('a lambda or comprehension in an annotation', undefined, e.pos);
  }

  private target(b: Block, t: Target): void {
    if (t.kind === 'Name' && t.id === '__class__') throw new Refusal("binding the name '__class__'", 'the __class__ cell is not modelled so', t.pos);
    if (t.kind === 'Name') b.bound.add(t.id);
    else if (t.kind === 'Tuple' || t.kind === 'List') for (const x of t.elts) this.target(b, x);
    else if (t.kind === 'Attribute') this.expr(b, t.value);
    else {
      this.expr(b, t.value);
      this.expr(b, t.index);
    }
  }

  private expr(b: Block, e: Expr): void {
    switch (e.kind) {
      case 'Name':
        return use(b, e.id, e.pos);
      case 'Const':
        return;
      case 'Tuple':
      case 'List':
      case 'Set':
        for (const x of e.elts) this.expr(b, x);
        return;
      case 'Dict':
        for (const x of e.keys) this.expr(b, x);
        for (const x of e.values) this.expr(b, x);
        return;
      case 'BinOp':
        this.expr(b, e.left);
        return this.expr(b, e.right);
      case 'UnaryOp':
        return this.expr(b, e.operand);
      case 'BoolOp':
        for (const x of e.values) this.expr(b, x);
        return;
      case 'Compare':
        this.expr(b, e.left);
        for (const x of e.comparators) this.expr(b, x);
        return;
      case 'Call':
        this.expr(b, e.func);
        for (const x of e.args) this.expr(b, x);
        for (const k of e.keywords) this.expr(b, k.value);
        return;
      case 'Attribute':
        return this.expr(b, e.value);
      case 'Subscript':
        this.expr(b, e.value);
        return this.expr(b, e.index);
      case 'Slice':
        for (const x of [e.lower, e.upper, e.step]) if (x) this.expr(b, x);
        return;
      case 'IfExp':
        this.expr(b, e.test);
        this.expr(b, e.body);
        return this.expr(b, e.orelse);
      case 'FString':
        return this.parts(b, e.parts);
      case 'Lambda': {
        for (const p of e.params) if (p.default) this.expr(b, p.default);
        const inner = newBlock('function', false, this.options.lambdaBody(e), e.pos, b);
        for (const p of e.params) inner.bound.add(p.name);
        return this.expr(inner, e.body);
      }
      case 'Starred':
        return this.expr(b, e.value);
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return this.comprehension(b, e);
    }
  }

  /** `symtable_handle_comprehension`: the outermost iterable here, the rest in the comprehension's block. */
  private comprehension(b: Block, e: ComprehensionExpr): void {
    const first = e.generators[0];
    if (first === undefined) return;
    this.expr(b, first.iter);
    const inlined = this.options.comprehensionsInlined && e.kind !== 'GeneratorExp';
    const inner = newBlock('function', inlined, inlined ? null : this.options.comprehensionBody(e), e.pos, b);
    if (!inlined) inner.bound.add('.0');
    e.generators.forEach((g, i) => {
      this.target(inner, g.target);
      if (i > 0) this.expr(inner, g.iter);
      for (const x of g.ifs) this.expr(inner, x);
    });
    if (e.kind === 'DictComp') {
      this.expr(inner, e.key);
      this.expr(inner, e.value);
    } else this.expr(inner, e.elt);
  }

  private parts(b: Block, parts: readonly FStringPart[]): void {
    for (const p of parts) {
      if (typeof p === 'string') continue;
      this.expr(b, p.expr);
      if (p.formatSpec) this.parts(b, p.formatSpec);
    }
  }
}

interface Analysis {
  /** Names this block needs from enclosing functions (its free variables). */
  readonly free: Set<string>;
  /** Of those, the ones a child block of this one needs (for inlining: they stay cells). */
  readonly freeInChildren: Set<string>;
}

/**
 * `analyze_block`: `bound` holds the names bound in enclosing function blocks (null at module
 * level). Records each code object's facts in `out`; returns what the block needs from outside.
 */
function analyze(b: Block, bound: ReadonlySet<string> | null, out: Map<readonly Stmt[], ScopeFacts>, options: ScopeOptions): Analysis {
  const isFunction = b.kind === 'function';
  const local = new Set<string>();
  const free = new Set<string>();
  if (isFunction) for (const n of b.bound) if (!b.globals.has(n) && !b.nonlocals.has(n)) local.add(n);
  // `analyze_name` for the names used or declared here.
  for (const n of b.nonlocals) free.add(n);
  for (const n of b.uses.keys()) {
    if (b.globals.has(n) || local.has(n) || b.nonlocals.has(n)) continue;
    if (b.kind === 'class' && b.bound.has(n)) continue;
    if (bound?.has(n)) free.add(n);
  }
  // The names children may find here: a class passes its enclosing functions' bindings only.
  let childBound: Set<string> | null = bound === null ? null : new Set(bound);
  if (isFunction) {
    childBound ??= new Set();
    for (const n of local) childBound.add(n);
  }
  // `analyze_block`: a class block's children may find `__class__` (its implicit cell).
  if (b.kind === 'class') (childBound ??= new Set()).add('__class__');
  for (const n of b.globals) childBound?.delete(n);
  // 3.14 `__annotate__` blocks: an enclosing local used in an annotation would be a cell.
  for (const [n, pos] of b.annotationUses) {
    if (childBound?.has(n) && !b.globals.has(n)) throw new Refusal(`an annotation using the local '${n}' of a function`, 'its __annotate__ function would need a cell', pos);
  }
  const cells = new Set<string>();
  const freeInChildren = new Set<string>();
  for (const child of b.children) {
    const r = analyze(child, childBound, out, options);
    for (const n of r.free) {
      // `inline_comprehension`: an inlined comprehension's own uses are this block's uses (a
      // name bound here stays a plain local); only what its children need is a child's need.
      const ofChild = !child.inlined || r.freeInChildren.has(n);
      if (!ofChild && local.has(n)) continue;
      if (ofChild) freeInChildren.add(n);
      if (local.has(n)) cells.add(n);
      else if (b.globals.has(n)) continue;
      else if (b.kind === 'class' && b.bound.has(n)) continue; // DEF_FREE_CLASS: refused below anyway
      else if (childBound?.has(n) || bound?.has(n)) free.add(n);
    }
  }
  // `drop_class_free`: a child's free `__class__` is the class block's cell.
  if (b.kind === 'class' && free.delete('__class__')) cells.add('__class__');
  if (b.classUse !== undefined && !free.has('__class__')) throw new Refusal("the name '__class__' outside a method", 'a global name there, not modelled', b.classUse);
  if (b.kind === 'class' && free.size > 0) {
    const name = [...free][0]!;
    throw new Refusal(`a class using '${name}', a local of its enclosing function`, 'class cells are not modelled', b.uses.get(name) ?? b.pos);
  }
  if (b.inlined && cells.size > 0) {
    const name = [...cells][0]!;
    throw new Refusal(`a closure over '${name}', a variable of an inlined comprehension`, 'cells inside inlined comprehensions are not modelled', b.pos);
  }
  if (b.key !== null) out.set(b.key, { cells: [...cells].sort(byCodePoint), frees: [...free].sort(byCodePoint) });
  return { free, freeInChildren };
}

/** `PyList_Sort` of str: by code point. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
