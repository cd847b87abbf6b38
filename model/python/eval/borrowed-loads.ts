/**
 * Which loads of a function's fast locals CPython 3.14 compiles to `LOAD_FAST_BORROW`: a
 * reference pushed without `Py_INCREF`, so `sys.getrefcount` does not count it while it is on
 * the stack (Python/flowgraph.c `optimize_load_fast`). A load is borrowed when, within its basic
 * block, the value is consumed before its local is overwritten (`SUPPORT_KILLED`), is not stored
 * into a local (`STORED_AS_LOCAL`) and is not left on the stack when the block ends
 * (`REF_UNCONSUMED`), and the local is surely bound there (else the load is `LOAD_FAST_CHECK`,
 * never borrowed: `add_checks_for_loads_of_unknown_variables`).
 *
 * The model has no bytecode, so this walks the AST the way Python/codegen.c emits it, keeping an
 * abstract stack per statement (statements start and end with an empty stack). Loads in
 * constructs whose code is not followed here are `unknown`, and the evaluator refuses to report
 * a reference count that depends on one.
 */
import { NO_POS, type Expr, type FStringPart, type ImportAlias, type Stmt, type Target } from '../ast';

export type LoadStatus = 'borrowed' | 'unknown';
type NameExpr = Extract<Expr, { kind: 'Name' }>;

/** What the analysis needs to know of the code object. */
export interface FunctionFacts {
  readonly body: readonly Stmt[];
  /** `co_varnames`: parameters first. */
  readonly locals: readonly string[];
  readonly params: readonly string[];
  /** Fast locals (`co_varnames`, not cells or globals). */
  isFast(name: string): boolean;
  /** A constant-folded expression (one `LOAD_CONST`, no loads). */
  isConstant(e: Expr): boolean;
}

/** `optimize_load_fast`'s limit: past 64 locals the unbound-local scan works per block only. */
const MAX_TRACKED_LOCALS = 64;

interface AbstractRef {
  readonly load: NameExpr | null;
  readonly local: string | null;
}
const OTHER: AbstractRef = { load: null, local: null };

/** Pass A: the consumption rules of `optimize_load_fast`, one statement at a time. */
class StackSimulation {
  private stack: AbstractRef[] = [];
  readonly candidates: NameExpr[] = [];
  readonly spoiled = new Set<NameExpr>();
  unknown = false;
  /** Block boundaries met in the statement (jumps and their targets). */
  blockEnds = 0;
  /**
   * `insert_superinstructions` runs first: two adjacent `LOAD_FAST`s on one line become one
   * `LOAD_FAST_LOAD_FAST` that is borrowed only if both are; a `LOAD_FAST` right after a
   * `STORE_FAST` on its line becomes `STORE_FAST_LOAD_FAST`, never borrowed.
   */
  private previous: { kind: 'load'; load: NameExpr } | { kind: 'store'; line: number } | null = null;
  private readonly pairs: [NameExpr, NameExpr][] = [];

  constructor(
    private readonly facts: FunctionFacts,
    /** Loads that may find their local unbound: `LOAD_FAST_CHECK`, never borrowed nor paired. */
    private readonly checked: (e: NameExpr) => boolean,
  ) {}

  private push(ref: AbstractRef): void {
    this.stack.push(ref);
    this.previous = null;
  }

  private pop(n = 1): AbstractRef {
    let last = OTHER;
    for (let i = 0; i < n; i++) last = this.stack.pop() ?? OTHER;
    this.previous = null;
    return last;
  }

  private load(e: NameExpr): void {
    const before = this.previous;
    this.candidates.push(e);
    this.push({ load: e, local: e.id });
    if (before?.kind === 'load' && before.load.pos.line === e.pos.line) this.pairs.push([before.load, e]);
    if (before?.kind === 'store' && before.line === e.pos.line) this.spoiled.add(e);
    this.previous = before?.kind === 'load' && before.load.pos.line === e.pos.line ? null : { kind: 'load', load: e };
  }

  /** The flags of a superinstruction's two loads are one. */
  finish(): void {
    for (const [first, second] of this.pairs) {
      if (this.spoiled.has(first) || this.spoiled.has(second)) {
        this.spoiled.add(first);
        this.spoiled.add(second);
      }
    }
  }

  /** A block ends (a jump or a jump target): what is still on the stack was not consumed in it. */
  private endBlock(): void {
    this.blockEnds++;
    this.previous = null; // superinstructions pair instructions of one block only
    for (const r of this.stack) if (r.load) this.spoiled.add(r.load);
    this.stack = this.stack.map(() => OTHER);
  }

  /** `kill_local`: a reference still on the stack loses the local that supported it. */
  private kill(local: string): void {
    for (const r of this.stack) if (r.local === local && r.load) this.spoiled.add(r.load);
  }

  private storeTo(target: Target): void {
    switch (target.kind) {
      case 'Name': {
        const r = this.pop();
        if (this.facts.isFast(target.id)) {
          this.kill(target.id);
          if (r.load) this.spoiled.add(r.load);
          this.previous = { kind: 'store', line: target.pos.line };
        }
        return;
      }
      case 'Attribute':
        this.value(target.value);
        this.pop(2); // STORE_ATTR
        return;
      case 'Subscript':
        this.value(target.value);
        this.value(target.index);
        this.pop(3); // STORE_SUBSCR
        return;
      case 'Tuple':
      case 'List':
        this.pop(); // UNPACK_SEQUENCE
        for (let i = 0; i < target.elts.length; i++) this.push(OTHER);
        for (const elt of target.elts) this.storeTo(elt);
        return;
    }
  }

  /** Pushes the value of `e` (one stack entry). */
  value(e: Expr): void {
    if (this.facts.isConstant(e)) return this.push(OTHER);
    switch (e.kind) {
      case 'Const':
        return this.push(OTHER);
      case 'Name':
        if (!this.facts.isFast(e.id) || this.checked(e)) return this.push(OTHER);
        return this.load(e);
      case 'Tuple':
      case 'List':
      case 'Set':
        return this.consumeAll(e.elts);
      case 'Dict':
        e.keys.forEach((k, i) => {
          this.value(k);
          this.value(e.values[i] as Expr);
        });
        this.pop(e.keys.length * 2);
        return this.push(OTHER);
      case 'BinOp':
        return this.consumeAll([e.left, e.right]);
      case 'UnaryOp': // `not` in a value: TO_BOOL + UNARY_NOT, no jump
        return this.consumeAll([e.operand]);
      case 'Attribute':
        return this.consumeAll([e.value]);
      case 'Subscript':
        return this.consumeAll([e.value, e.index]);
      case 'Slice':
        return this.consumeAll([e.lower, e.upper, e.step].filter((x): x is Expr => x !== null));
      case 'Compare':
        return this.compare(e);
      case 'BoolOp':
        // A value that crosses a merge of jumps: the merge block may be copied into each branch
        // (`inline_small_or_no_lineno_blocks`, when it ends the function) and then the values on
        // the stack are consumed inside each branch (measured on 3.14.2). Not followed here.
        this.unknown = true;
        // Python/codegen.c `codegen_boolop`: COPY 1, TO_BOOL, POP_JUMP_IF_x end, POP_TOP, next...
        e.values.forEach((v, i) => {
          this.value(v);
          if (i < e.values.length - 1) {
            this.endBlock();
            this.pop();
          }
        });
        this.endBlock(); // `end:` is a jump target
        return;
      case 'IfExp':
        this.unknown = true; // a merge of jumps, as for BoolOp
        this.test(e.test);
        this.value(e.body);
        this.endBlock(); // JUMP end
        this.pop();
        this.value(e.orelse);
        this.endBlock(); // `end:`
        return;
      case 'Call':
        return this.call(e);
      case 'FString':
        return this.fstring(e.parts);
      default:
        // Comprehensions, generator expressions and anything newer: their code is not followed here.
        this.unknown = true;
        return this.push(OTHER);
    }
  }

  private consumeAll(parts: readonly Expr[]): void {
    for (const p of parts) this.value(p);
    this.pop(parts.length);
    this.push(OTHER);
  }

  private fstring(parts: readonly FStringPart[]): void {
    let pushed = 0;
    for (const part of parts) {
      if (typeof part === 'string') {
        this.push(OTHER);
      } else {
        this.value(part.expr);
        if (part.formatSpec) this.fstring(part.formatSpec);
        this.pop(part.formatSpec ? 2 : 1); // CONVERT_VALUE / FORMAT_SIMPLE / FORMAT_WITH_SPEC
        this.push(OTHER);
      }
      pushed++;
    }
    this.pop(pushed); // BUILD_STRING
    this.push(OTHER);
  }

  private compare(e: Extract<Expr, { kind: 'Compare' }>): void {
    this.value(e.left);
    const last = e.comparators.length - 1;
    e.comparators.forEach((c, i) => {
      this.value(c);
      if (i < last) {
        // `codegen_compare`: SWAP 2, COPY 2, COMPARE_OP, COPY 1, TO_BOOL, POP_JUMP_IF_FALSE cleanup, POP_TOP
        const right = this.pop();
        const left = this.pop();
        this.push(right);
        this.push(left);
        this.push(right);
        this.pop(2);
        this.push(OTHER);
        this.endBlock();
        this.pop();
      } else {
        this.pop(2);
        this.push(OTHER);
      }
    });
    if (last > 0) {
      this.unknown = true; // a merge of jumps, as for BoolOp
      this.endBlock(); // JUMP end / `cleanup:` / `end:`
    }
  }

  private call(e: Extract<Expr, { kind: 'Call' }>): void {
    let pushed = 2;
    if (e.func.kind === 'Attribute' && !this.facts.isConstant(e.func)) {
      // LOAD_ATTR in its method form keeps `self` on the stack until CALL.
      this.value(e.func.value);
      const self = this.pop();
      this.push(OTHER);
      this.push(self);
    } else {
      this.value(e.func);
      this.push(OTHER); // PUSH_NULL
    }
    for (const a of e.args) this.value(a);
    for (const k of e.keywords) this.value(k.value);
    pushed += e.args.length + e.keywords.length;
    if (e.keywords.length > 0) {
      this.push(OTHER); // the names tuple of CALL_KW
      pushed++;
    }
    this.pop(pushed);
    this.push(OTHER);
  }

  /** A condition that jumps (`codegen_jump_if`): consumed by the jump, which ends the block. */
  test(e: Expr): void {
    if (e.kind === 'BoolOp' && !this.facts.isConstant(e)) {
      for (const v of e.values) this.test(v);
      return;
    }
    if (e.kind === 'UnaryOp' && e.op === 'not' && !this.facts.isConstant(e)) return this.test(e.operand);
    if (e.kind === 'IfExp' && !this.facts.isConstant(e)) {
      this.test(e.test);
      this.test(e.body);
      this.test(e.orelse);
      return;
    }
    this.value(e);
    this.pop();
    this.endBlock();
  }

  /** The statement's own evaluation (nested bodies are separate statements). */
  statement(s: Stmt): void {
    switch (s.kind) {
      case 'Expr':
      case 'Return':
        if (s.kind === 'Return' && s.value === null) return;
        this.value(s.kind === 'Expr' ? s.value : (s.value as Expr));
        this.pop();
        return;
      case 'Assign':
        return this.assign(s.targets, s.value);
      case 'AnnAssign':
        if (!s.simple || s.target.kind !== 'Name') {
          this.unknown = true;
          return;
        }
        if (s.value !== null) this.assign([s.target], s.value);
        return;
      case 'AugAssign':
        if (s.target.kind !== 'Name') {
          this.unknown = true;
          return;
        }
        this.value(s.target);
        this.value(s.value);
        this.pop(2);
        this.push(OTHER);
        return this.storeTo(s.target);
      case 'Delete':
        for (const t of s.targets) {
          if (t.kind === 'Attribute') this.consumeAll([t.value]);
          else if (t.kind === 'Subscript') this.consumeAll([t.value, t.index]);
          else if (t.kind !== 'Name') this.unknown = true;
          if (t.kind === 'Attribute' || t.kind === 'Subscript') this.pop();
        }
        return;
      case 'If':
      case 'While':
        return this.test(s.test);
      case 'For':
        this.value(s.iter);
        this.pop(); // GET_ITER
        this.push(OTHER);
        this.push(OTHER); // FOR_ITER
        this.storeTo(s.target);
        this.endBlock();
        return;
      case 'Raise':
        if (s.exc) this.value(s.exc);
        if (s.cause) this.value(s.cause);
        this.endBlock();
        return;
      case 'Assert':
        this.test(s.test);
        if (s.msg) this.value(s.msg);
        this.endBlock();
        return;
      case 'Try':
        for (const h of s.handlers) if (h.type) this.test(h.type); // CHECK_EXC_MATCH + POP_JUMP
        return;
      case 'With':
        s.items.forEach((item, i) => this.withItem(item.context, item.target, s.body, i === s.items.length - 1));
        return;
      case 'Import':
      case 'ImportFrom':
        for (const alias of s.names) {
          const bound = importedName(s.kind, alias);
          if (this.facts.isFast(bound)) this.kill(bound);
        }
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
      case 'Global':
      case 'Nonlocal':
        return;
      default:
        // Nested def/class (decorators, defaults, closures) and newer statements.
        this.unknown = true;
    }
  }

  /**
   * `codegen_with` (3.14): the manager, `COPY 1`, `LOAD_SPECIAL __exit__`, `SWAP 2`, `SWAP 3`,
   * `LOAD_SPECIAL __enter__`, `CALL 0`, then the result stored or popped. `LOAD_SPECIAL` pushes
   * the reference it consumed back as `self`, so the manager's load stays on the stack until
   * `__exit__`'s `CALL 3`: consumed only if everything up to that call is one basic block (the
   * protected region does not start a block, a label or a jump does) and the manager's local is
   * not stored meanwhile (`kill_local`). An inner item's statement has a label after it, so an
   * outer item's manager is consumed in the block only when the body leaves by `return`,
   * `break` or `continue`, which call every `__exit__` first. Measured with `dis` on 3.14.2: a
   * body of calls and assignments borrows it; an `if`, loop, `try`, `or`, `assert`, nested
   * `with` or a final `raise` does not.
   */
  private withItem(context: Expr, target: Target | null, body: readonly Stmt[], innermost: boolean): void {
    this.value(context);
    const manager = this.pop();
    this.push(OTHER); // __exit__, then the manager as its self (and a copy consumed by __enter__)
    this.push(manager);
    this.push(OTHER); // __enter__'s result
    if (target === null) this.pop();
    else this.storeTo(target);
    const path = manager.local === null ? null : straightLine(body, this.facts, manager.local);
    const consumed = path !== null && (innermost || path === 'unwinds');
    if (!consumed && manager.load) this.spoiled.add(manager.load);
    this.stack = this.stack.map(() => OTHER);
  }

  private assign(targets: readonly Target[], value: Expr): void {
    const only = targets.length === 1 ? targets[0] : undefined;
    if (
      only !== undefined &&
      (only.kind === 'Tuple' || only.kind === 'List') &&
      (value.kind === 'Tuple' || value.kind === 'List') &&
      !this.facts.isConstant(value) &&
      value.elts.length === only.elts.length &&
      value.elts.length <= 3
    ) {
      // Python/flowgraph.c `optimize_basic_block`: BUILD_TUPLE n + UNPACK_SEQUENCE n becomes
      // SWAP n (n = 2, 3) or nothing (n = 1): the values go straight to the targets.
      const names = only.elts.map((t) => (t.kind === 'Name' ? t.id : null));
      if (only.elts.length === 3 && new Set(names.filter((n) => n !== null)).size < names.filter((n) => n !== null).length) {
        // `apply_static_swaps` may reorder the stores: which one dies is not followed here.
        this.unknown = true;
      }
      for (const v of value.elts) this.value(v);
      if (only.elts.every((t) => t.kind === 'Name' && this.facts.isFast(t.id))) {
        // `apply_static_swaps` drops the SWAP by storing in reverse: the last value to the last
        // target first; a target named again later is a dead store (`POP_TOP`, measured on 3.14.2).
        for (let i = only.elts.length - 1; i >= 0; i--) {
          const t = only.elts[i] as Extract<Target, { kind: 'Name' }>;
          const dead = only.elts.slice(i + 1).some((u) => u.kind === 'Name' && u.id === t.id);
          if (dead) this.pop();
          else this.storeTo(t);
        }
        return;
      }
      const values = value.elts.map(() => this.pop());
      for (const r of values) this.push(r); // popped last-first: the first value ends on top
      this.storeAll(only.elts);
      return;
    }
    this.value(value);
    targets.forEach((_, i) => {
      if (i < targets.length - 1) this.push(this.stack.at(-1) ?? OTHER); // COPY 1
    });
    this.storeAll(targets);
  }

  /**
   * Stores one after another; `STORE_FAST x; STORE_FAST x` on one line loses its first store to
   * a `POP_TOP` (Python/flowgraph.c `optimize_basic_block`), which consumes the value instead.
   */
  private storeAll(targets: readonly Target[]): void {
    targets.forEach((t, i) => {
      const next = targets[i + 1];
      if (t.kind === 'Name' && next?.kind === 'Name' && next.id === t.id && next.pos.line === t.pos.line && this.facts.isFast(t.id)) this.pop();
      else this.storeTo(t);
    });
  }
}

/** Every Name node in a statement's own expressions (not in nested bodies). */
function namesOfStatement(s: Stmt): NameExpr[] {
  const out: NameExpr[] = [];
  for (const [key, child] of Object.entries(s)) {
    // Nested statements are statements of their own (an IfExp's `body` is an expression, not skipped).
    if (key === 'pos' || key === 'body' || key === 'orelse' || key === 'finalbody' || key === 'handlers') continue;
    allNames(child, out);
  }
  if (s.kind === 'Try') for (const h of s.handlers) if (h.type) allNames(h.type, out);
  return out;
}

/**
 * A program point in pass B: the locals that may be unbound there (over every path, exception
 * edges included: `add_checks_for_loads_of_unknown_variables` follows `i_except`), and whether
 * it is reached without an exception. `optimize_load_fast` walks blocks from the entry along
 * jumps and fall-through only, so code reached only through an exception handler keeps plain
 * `LOAD_FAST` (measured on 3.14.2: a handler's loads, and what follows a handler that only an
 * exception reaches, are strong).
 */
interface State {
  /** Locals unbound on some path here. */
  readonly unsafe: Set<string>;
  /** Locals unbound on every path here (a copied block may differ per copy in between). */
  readonly alwaysUnsafe: Set<string>;
  readonly normal: boolean;
  /**
   * Past a `while True:` loop, whose exit is reached by its breaks only: whether 3.14's block walk
   * reaches that code depends on how the jumps were laid out (measured both ways on 3.14.2).
   */
  undecided?: boolean;
}

function join(a: State | null, b: State | null): State | null {
  if (a === null) return b === null ? null : clone(b);
  if (b === null) return clone(a);
  return {
    unsafe: new Set([...a.unsafe, ...b.unsafe]),
    alwaysUnsafe: new Set([...a.alwaysUnsafe].filter((n) => b.alwaysUnsafe.has(n))),
    normal: a.normal || b.normal,
    undecided: a.undecided === true || b.undecided === true,
  };
}

function clone(state: State): State {
  return { ...state, unsafe: new Set(state.unsafe), alwaysUnsafe: new Set(state.alwaysUnsafe) };
}

/** A test the compiler decides (`if 1:`, `while 's':`): its jumps and dead branch are removed. */
function isConstantTest(e: Expr, facts: FunctionFacts): boolean {
  return e.kind === 'Const' || facts.isConstant(e);
}

/**
 * Pass B: `add_checks_for_loads_of_unknown_variables` on the statement tree (the locals that
 * may be unbound at each load), and which loads `optimize_load_fast` visits at all.
 */
class BoundLocals {
  constructor(private readonly facts: FunctionFacts) {}

  /** For each load, whether it may be unbound on some path. */
  readonly maybeUnbound = new Map<NameExpr, boolean>();
  /** For each load, whether it is unbound on every path. */
  readonly alwaysUnbound = new Map<NameExpr, boolean>();
  /** Loads reached without an exception on some path. */
  readonly reachedNormally = new Set<NameExpr>();
  /** Loads that run in several copies (finally bodies): not decided here. */
  readonly undecided = new Set<NameExpr>();
  private recording = true;
  /** Per enclosing `try`: every state its body passed through (its handlers start from their join). */
  private readonly tryObservers: (State | null)[] = [];
  private readonly loops: { breaks: State[]; continues: State[] }[] = [];

  /**
   * The loads of `e` in evaluation order. A load that did not raise leaves its local bound
   * (`LOAD_FAST_CHECK` clears the local's unsafe bit), on the paths that evaluate it.
   */
  private note(e: Expr | Target | null, state: State): void {
    if (e === null) return;
    const each = (xs: readonly (Expr | null)[]) => {
      for (const x of xs) this.note(x, state);
    };
    switch (e.kind) {
      case 'Name':
        if (this.recording) {
          this.maybeUnbound.set(e, (this.maybeUnbound.get(e) ?? false) || state.unsafe.has(e.id));
          this.alwaysUnbound.set(e, (this.alwaysUnbound.get(e) ?? true) && state.alwaysUnsafe.has(e.id));
          if (state.normal) this.reachedNormally.add(e);
          if (state.undecided === true) this.undecided.add(e);
        }
        state.unsafe.delete(e.id);
        state.alwaysUnsafe.delete(e.id);
        return;
      case 'Const':
        return;
      case 'Tuple':
      case 'List':
      case 'Set':
        return each(e.elts as readonly Expr[]);
      case 'Dict':
        return e.keys.forEach((k, i) => each([k, e.values[i] ?? null]));
      case 'BinOp':
        return each([e.left, e.right]);
      case 'UnaryOp':
        return each([e.operand]);
      case 'Compare':
        // A chain jumps past its later comparisons, as `and` does.
        if (e.comparators.length === 1) return each([e.left, e.comparators[0] ?? null]);
        return this.noteJumps(e, state);
      case 'BoolOp':
      case 'IfExp':
        return this.noteJumps(e, state);
      case 'Call':
        return each([e.func, ...e.args, ...e.keywords.map((k) => k.value)]);
      case 'Attribute':
        return each([e.value]);
      case 'Subscript':
        return each([e.value, e.index]);
      case 'Slice':
        return each([e.lower, e.upper, e.step]);
      case 'FString':
        for (const part of e.parts) if (typeof part !== 'string') this.noteFormatted(part, state);
        return;
      default:
        // Comprehensions and newer expressions: their loads are undecided (pass A); record them only.
        if (this.recording) for (const n of allNames(e)) this.maybeUnbound.set(n, true);
    }
  }

  /** A value with jumps inside: the paths through them meet again after it. */
  private noteJumps(e: Expr, state: State): void {
    const { whenTrue, whenFalse } = this.branch(e, state);
    const merged = join(whenTrue, whenFalse) ?? whenTrue;
    state.unsafe.clear();
    for (const n of merged.unsafe) state.unsafe.add(n);
    state.alwaysUnsafe.clear();
    for (const n of merged.alwaysUnsafe) state.alwaysUnsafe.add(n);
    if (whenTrue.undecided === true || whenFalse.undecided === true) state.undecided = true;
  }

  private noteFormatted(part: Exclude<FStringPart, string>, state: State): void {
    this.note(part.expr, state);
    for (const inner of part.formatSpec ?? []) if (typeof inner !== 'string') this.noteFormatted(inner, state);
  }

  private observe(state: State): void {
    for (let i = 0; i < this.tryObservers.length; i++) this.tryObservers[i] = join(this.tryObservers[i] ?? null, state);
  }

  private bind(target: Target, state: State): void {
    if (target.kind === 'Name') {
      state.unsafe.delete(target.id);
      state.alwaysUnsafe.delete(target.id);
    }
    else if (target.kind === 'Tuple' || target.kind === 'List') for (const t of target.elts) this.bind(t, state);
    else this.note(target, state);
  }

  /** Walks statements from `entry`; returns the state at the fall-through exit, or null if none. */
  walk(stmts: readonly Stmt[], entry: State): State | null {
    let state: State | null = clone(entry);
    for (const s of stmts) {
      if (state === null) return null; // unreachable code: CPython removes it
      this.observe(state);
      state = this.statement(s, state);
    }
    if (state !== null) this.observe(state);
    return state;
  }

  private statement(s: Stmt, state: State): State | null {
    switch (s.kind) {
      case 'Expr':
        this.note(s.value, state);
        return state;
      case 'Assign':
        this.note(s.value, state);
        for (const t of s.targets) this.bind(t, state);
        return state;
      case 'AugAssign':
        this.note(s.target, state);
        this.note(s.value, state);
        this.bind(s.target, state);
        return state;
      case 'AnnAssign':
        this.note(s.value, state);
        if (s.value !== null) this.bind(s.target, state);
        return state;
      case 'Delete':
        for (const t of s.targets) {
          if (t.kind === 'Name') {
            state.unsafe.add(t.id);
            state.alwaysUnsafe.add(t.id);
          }
          else this.note(t, state);
        }
        return state;
      case 'Return':
        this.note(s.value, state);
        return null;
      case 'Raise':
        this.note(s.exc, state);
        this.note(s.cause, state);
        return null;
      case 'Assert':
        this.note(s.test, state);
        this.note(s.msg, state);
        return state;
      case 'If': {
        // A constant test leaves blocks that 3.14's walk may not reach (measured on 3.14.2): undecided.
        const from: State = isConstantTest(s.test, this.facts) ? { ...state, undecided: true } : state;
        const { whenTrue, whenFalse } = this.branch(s.test, from);
        return join(this.walk(s.body, whenTrue), this.walk(s.orelse, whenFalse));
      }
      case 'While':
      case 'For':
        return this.loop(s, state);
      case 'Break':
      case 'Continue': {
        const loop = this.loops.at(-1);
        (s.kind === 'Break' ? loop?.breaks : loop?.continues)?.push(clone(state));
        return null;
      }
      case 'Try':
        return this.tryStatement(s, state);
      case 'With':
        return this.withItems(s, 0, state);
      case 'Import':
      case 'ImportFrom':
        for (const alias of s.names) {
          const bound = importedName(s.kind, alias);
          state.unsafe.delete(bound);
          state.alwaysUnsafe.delete(bound);
        }
        return state;
      case 'FunctionDef':
      case 'ClassDef':
        state.unsafe.delete(s.name);
        state.alwaysUnsafe.delete(s.name);
        return state;
      default:
        return state;
    }
  }

  private loop(s: Extract<Stmt, { kind: 'While' | 'For' }>, entry: State): State | null {
    if (s.kind === 'For') this.note(s.iter, entry);
    // The loop head's state joins every way into it: find the fixpoint without recording.
    const recording = this.recording;
    this.recording = false;
    // `while True:` compiles its test away: whether the walk of 3.14 reaches its body depends on
    // whether the header's block kept an instruction (measured both ways on 3.14.2).
    const constantLoop = s.kind === 'While' && isConstantTest(s.test, this.facts);
    let head: State = { ...clone(entry), undecided: entry.undecided === true || constantLoop };
    for (;;) {
      const { end, continues } = this.loopBody(s, head);
      const next = join(join(head, end), continues) ?? head;
      const same = next.unsafe.size === head.unsafe.size && next.alwaysUnsafe.size === head.alwaysUnsafe.size;
      if (same && next.normal === head.normal && next.undecided === head.undecided) break;
      head = next;
    }
    this.recording = recording;
    const { breaks, exhausted } = this.loopBody(s, head);
    // `while True:` has no exit but its breaks (the test is compiled away).
    if (constantLoop) return breaks === null ? null : { ...breaks, undecided: true };
    return join(this.walk(s.orelse, exhausted), breaks);
  }

  private loopBody(
    s: Extract<Stmt, { kind: 'While' | 'For' }>,
    head: State,
  ): { end: State | null; continues: State | null; breaks: State | null; exhausted: State } {
    const frame = { breaks: [] as State[], continues: [] as State[] };
    this.loops.push(frame);
    let start: State = clone(head);
    let exhausted: State = clone(head);
    if (s.kind === 'For') this.bind(s.target, start);
    else ({ whenTrue: start, whenFalse: exhausted } = this.branch(s.test, start));
    const end = this.walk(s.body, start);
    this.loops.pop();
    return { end, continues: frame.continues.reduce<State | null>(join, null), breaks: frame.breaks.reduce<State | null>(join, null), exhausted };
  }

  /**
   * A condition in a jump (`codegen_jump_if`): the states where it is found true and false. In
   * `a or b`, b runs only when a was false, so a path on which the whole test is false has
   * loaded both; `and` the other way round.
   */
  private branch(e: Expr, state: State): { whenTrue: State; whenFalse: State } {
    if (e.kind === 'UnaryOp' && e.op === 'not' && !this.facts.isConstant(e)) {
      const inner = this.branch(e.operand, state);
      return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    if (e.kind === 'IfExp' && !this.facts.isConstant(e)) {
      if (isConstantTest(e.test, this.facts)) state.undecided = true;
      const test = this.branch(e.test, state);
      const body = this.branch(e.body, test.whenTrue);
      const orelse = this.branch(e.orelse, test.whenFalse);
      return { whenTrue: join(body.whenTrue, orelse.whenTrue) ?? body.whenTrue, whenFalse: join(body.whenFalse, orelse.whenFalse) ?? body.whenFalse };
    }
    if (e.kind === 'BoolOp' && !this.facts.isConstant(e)) {
      // A constant operand turns a jump into a fixed one or none, leaving blocks the walk may miss.
      if (e.values.some((v) => isConstantTest(v, this.facts))) state.undecided = true;
      let exits: State | null = null;
      let rest = state;
      for (const v of e.values) {
        const r = this.branch(v, rest);
        const [exit, next] = e.op === 'or' ? [r.whenTrue, r.whenFalse] : [r.whenFalse, r.whenTrue];
        exits = join(exits, exit);
        rest = next;
      }
      const shortCircuit = exits ?? clone(rest);
      return e.op === 'or' ? { whenTrue: shortCircuit, whenFalse: rest } : { whenTrue: rest, whenFalse: shortCircuit };
    }
    if (e.kind === 'Compare' && e.comparators.length > 1) {
      // `a < b < c`: true only when every comparison ran; false after any prefix.
      this.note(e.left, state);
      this.note(e.comparators[0] ?? null, state);
      let whenFalse = clone(state);
      for (const c of e.comparators.slice(1)) {
        this.note(c, state);
        whenFalse = join(whenFalse, state) ?? whenFalse;
      }
      return { whenTrue: clone(state), whenFalse };
    }
    this.note(e, state);
    return { whenTrue: clone(state), whenFalse: clone(state) };
  }

  /**
   * One item of a `with` and what it encloses. From the store of `__enter__`'s result on, every
   * instruction's exception edge leads to the item's handler (`WITH_EXCEPT_START`), which may
   * suppress the exception and jump past the statement: so the code after it also joins every
   * state the enclosed code passed through, on a path that only an exception takes.
   */
  private withItems(s: Extract<Stmt, { kind: 'With' }>, i: number, entry: State): State | null {
    const item = s.items[i];
    if (item === undefined) return this.walk(s.body, entry);
    this.note(item.context, entry);
    this.tryObservers.push(clone(entry));
    if (item.target !== null) this.bind(item.target, entry);
    this.observe(entry);
    const end = this.withItems(s, i + 1, entry);
    const seen = this.tryObservers.pop() ?? clone(entry);
    // Reached through the handler only (a body that always leaves): whether 3.14's walk visits
    // what follows depends on the layout (measured borrowed on 3.14.2, unlike after a `try`).
    if (end === null) return { ...clone(seen), normal: false, undecided: true };
    return join(end, { ...clone(seen), normal: false });
  }

  private tryStatement(s: Extract<Stmt, { kind: 'Try' }>, entry: State): State | null {
    this.tryObservers.push(clone(entry));
    const bodyEnd = this.walk(s.body, entry);
    const seen = this.tryObservers.pop() ?? clone(entry);
    // Where the try body ends, its `POP_BLOCK` becomes a NOP and may leave an empty block, which
    // 3.14's walk does not fall through (`basicblock_last_instr` is NULL): whether what follows is
    // visited depends on the layout (measured both ways on 3.14.2). Undecided from here on.
    let exit = bodyEnd === null ? null : this.walk(s.orelse, { ...bodyEnd, undecided: true });
    for (const h of s.handlers) {
      // Reached through the exception table only.
      const start: State = { ...clone(seen), normal: false, undecided: entry.undecided };
      this.note(h.type, start);
      if (h.name !== null) this.bind({ kind: 'Name', id: h.name, pos: h.pos }, start);
      const end = this.walk(h.body, start);
      if (end !== null && h.name !== null) {
        // `e = None; del e`
        end.unsafe.add(h.name);
        end.alwaysUnsafe.add(h.name);
      }
      exit = join(exit, end === null ? null : { ...end, undecided: true });
    }
    if (s.finalbody.length > 0) {
      // Emitted once per way out (normal, exception, each return/break): its loads are not decided here.
      const recording = this.recording;
      this.recording = false;
      exit = exit === null ? null : this.walk(s.finalbody, exit);
      this.recording = recording;
      if (recording) for (const st of s.finalbody) for (const n of allNames(st)) this.undecided.add(n);
    }
    return exit;
  }
}

/** Statements that compile to no jump and no jump target (Python/codegen.c), one basic block. */
const STRAIGHT_KINDS: ReadonlySet<Stmt['kind']> = new Set(['Expr', 'Assign', 'AugAssign', 'AnnAssign', 'Delete', 'Pass', 'Global', 'Nonlocal', 'Import', 'ImportFrom', 'Return', 'Break', 'Continue']);

/**
 * A `with` body that stays in the block its setup started, without storing to or deleting
 * `local`, up to its end ('falls through') or a `return`/`break`/`continue` ('unwinds': what
 * follows is unreachable and removed); null if it does not.
 */
function straightLine(body: readonly Stmt[], facts: FunctionFacts, local: string): 'falls through' | 'unwinds' | null {
  for (const s of body) {
    if (s.kind === 'With') {
      // An inner `with` keeps the block only if its body leaves by unwinding every `__exit__`
      // in place (what follows it is then reached through its handler only, another block).
      const sim = new StackSimulation(facts, () => false);
      sim.statement(s);
      const targets = s.items.flatMap((item) => (item.target === null ? [] : namesOfTarget(item.target)));
      if (sim.unknown || sim.blockEnds > 0 || targets.includes(local)) return null;
      return straightLine(s.body, facts, local) === 'unwinds' ? 'unwinds' : null;
    }
    if (!STRAIGHT_KINDS.has(s.kind)) return null;
    const sim = new StackSimulation(facts, () => false);
    sim.statement(s);
    if (sim.unknown || sim.blockEnds > 0) return null;
    if (boundNames(s).includes(local)) return null;
    if (s.kind === 'Return' || s.kind === 'Break' || s.kind === 'Continue') return 'unwinds';
  }
  return 'falls through';
}

/** The local an import binds: `import a.b` binds `a`, `from m import x` binds `x` (or the `as` name). */
function importedName(kind: 'Import' | 'ImportFrom', alias: ImportAlias): string {
  if (alias.asname !== null) return alias.asname;
  return kind === 'Import' ? (alias.name.split('.')[0] ?? alias.name) : alias.name;
}

/** The names a target stores to (attributes and subscripts store to none). */
function namesOfTarget(t: Target): string[] {
  if (t.kind === 'Name') return [t.id];
  if (t.kind === 'Tuple' || t.kind === 'List') return t.elts.flatMap(namesOfTarget);
  return [];
}

/** The names a simple statement stores to or deletes. */
function boundNames(s: Stmt): string[] {
  const names: string[] = [];
  if (s.kind === 'Assign' || s.kind === 'Delete') for (const t of s.targets) names.push(...namesOfTarget(t));
  else if (s.kind === 'AugAssign' || s.kind === 'AnnAssign') names.push(...namesOfTarget(s.target));
  else if (s.kind === 'Import' || s.kind === 'ImportFrom') {
    for (const alias of s.names) names.push(importedName(s.kind, alias));
  }
  return names;
}

function allNames(node: unknown, out: NameExpr[] = []): NameExpr[] {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const n of node) allNames(n, out);
    return out;
  }
  if ((node as { kind?: string }).kind === 'Name') out.push(node as NameExpr);
  for (const [key, child] of Object.entries(node)) if (key !== 'pos') allNames(child, out);
  return out;
}

function statementsOf(stmts: readonly Stmt[], out: Stmt[] = []): Stmt[] {
  for (const s of stmts) {
    out.push(s);
    if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') continue; // their own code objects
    if (s.kind === 'If' || s.kind === 'While' || s.kind === 'For') {
      statementsOf(s.body, out);
      statementsOf(s.orelse, out);
    } else if (s.kind === 'With') {
      statementsOf(s.body, out);
    } else if (s.kind === 'Try') {
      statementsOf(s.body, out);
      for (const h of s.handlers) statementsOf(h.body, out);
      statementsOf(s.orelse, out);
      statementsOf(s.finalbody, out);
    }
  }
  return out;
}

/**
 * `return value` inside a `try` with `finally`, or inside an `except ... as name:` handler (whose
 * name is cleaned up by a hidden `finally`): the value stays on the stack while the unwinding code
 * runs (Python/codegen.c `codegen_return`, `preserve_tos`), across blocks.
 */
function unwindingReturns(stmts: readonly Stmt[], unwinding = false, out = new Set<Stmt>()): Set<Stmt> {
  for (const s of stmts) {
    if (s.kind === 'Return' && unwinding && s.value !== null) out.add(s);
    if (s.kind === 'If' || s.kind === 'While' || s.kind === 'For') {
      unwindingReturns(s.body, unwinding, out);
      unwindingReturns(s.orelse, unwinding, out);
    } else if (s.kind === 'With') {
      // A return inside calls `__exit__` with the value kept on the stack (`codegen_unwind_fblock`).
      unwindingReturns(s.body, true, out);
    } else if (s.kind === 'Try') {
      const inner = unwinding || s.finalbody.length > 0;
      unwindingReturns(s.body, inner, out);
      unwindingReturns(s.orelse, inner, out);
      for (const h of s.handlers) unwindingReturns(h.body, inner || h.name !== null, out);
      unwindingReturns(s.finalbody, unwinding, out);
    }
  }
  return out;
}

/** The line a statement's own code ends on (a compound statement's header). */
function lastLineOf(s: Stmt): number {
  const names = namesOfStatement(s);
  return Math.max(s.pos.line, ...names.map((n) => n.pos.line));
}

/** The borrowed and undecided loads of one function's body; loads not in the map are strong. */
export function analyseBorrowedLoads(facts: FunctionFacts): ReadonlyMap<NameExpr, LoadStatus> {
  const result = new Map<NameExpr, LoadStatus>();
  const statements = statementsOf(facts.body);
  if (facts.locals.length > MAX_TRACKED_LOCALS) {
    for (const s of statements) for (const n of namesOfStatement(s)) if (facts.isFast(n.id)) result.set(n, 'unknown');
    return result;
  }
  // Parameters are bound on entry; every other local starts unbound.
  const bound = new BoundLocals(facts);
  const unboundAtEntry = facts.locals.filter((name) => !facts.params.includes(name));
  bound.walk(facts.body, { unsafe: new Set(unboundAtEntry), alwaysUnsafe: new Set(unboundAtEntry), normal: true });
  let previousLine = -1;
  const unwinding = unwindingReturns(facts.body);
  for (const s of statements) {
    const sim = new StackSimulation(facts, (n) => bound.maybeUnbound.get(n) !== false);
    sim.statement(s);
    sim.finish();
    if (unwinding.has(s)) sim.unknown = true;
    // Statements sharing a line (`a = b; c`) may pair instructions across them: not followed.
    // (A generated program has no places: the printer puts each statement on a line of its own.)
    if (s.pos.line === previousLine && s.pos.line !== NO_POS.line) sim.unknown = true;
    previousLine = lastLineOf(s);
    for (const n of namesOfStatement(s)) {
      if (!facts.isFast(n.id)) continue;
      // A small block that ends the function (`return x`) is copied into each jump that reaches it
      // (`inline_small_or_no_lineno_blocks`); its copies may differ in whether a local is bound.
      // Bound on some paths only: a copy of its block may check, another borrow.
      const copiedExit = bound.maybeUnbound.get(n) === true && bound.alwaysUnbound.get(n) !== true;
      if (sim.unknown || bound.undecided.has(n) || copiedExit) result.set(n, 'unknown');
      else if (sim.candidates.includes(n) && !sim.spoiled.has(n) && bound.maybeUnbound.get(n) === false && bound.reachedNormally.has(n)) result.set(n, 'borrowed');
    }
  }
  return result;
}
