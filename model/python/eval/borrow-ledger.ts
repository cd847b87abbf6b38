/**
 * The references CPython 3.14 holds without counting them, while the model counts every one:
 * values pushed by `LOAD_FAST_BORROW` (see borrowed-loads.ts) until the instruction that consumes
 * them ends, and a Python function's parameters bound from such values (Python/ceval.c
 * `_PyEvalFramePushAndInit` moves the caller's stack references into the new frame as they are;
 * a call through C, such as a class's `__init__`, makes new strong ones: `_PyEval_Vector`).
 * The model keeps its own counts (loads `Py_INCREF`); `sys.getrefcount` subtracts what this
 * ledger holds for the object, and refuses when a load's status is not decided.
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';
import { analyseBorrowedLoads, type LoadStatus } from './borrowed-loads';
import { boundNames } from './comprehensions';
import type { CodeObject } from './compile';
import type { Frame } from './frame';

interface Entry {
  readonly ref: Ref;
  readonly status: LoadStatus;
  /** Loaded in code the analysis does not cover (comprehensions, generator expressions). */
  readonly unanalysed?: boolean;
  /** In an inlined comprehension: what the rules of comprehension-loads below decide, or null. */
  readonly comprehensionLoad?: 'strong' | 'borrowed' | null;
  /** A parameter's binding (until the callee rebinds it); null for a value on the stack. */
  frame: Frame | null;
  name: string | null;
}

/** The call about to be made: the function called and the status of each argument's load. */
interface PendingCall {
  readonly fn: Ref;
  /** Positional arguments, in order (a bound method's `self` first). */
  readonly positional: readonly (LoadStatus | null)[];
  /** Keyword arguments by parameter name. */
  readonly keywords: ReadonlyMap<string, LoadStatus | null>;
}

type Params = readonly { readonly name: string; readonly kind?: string }[];

export class BorrowLedger {
  private readonly entries: Entry[] = [];
  private readonly analyses = new WeakMap<CodeObject, ReadonlyMap<Expr, LoadStatus>>();
  private readonly frameBases = new WeakMap<Frame, number>();
  /** Where a frame's entries start (its parameters' bindings): all go when it returns. */
  private readonly frameStarts = new WeakMap<Frame, number>();
  private pending: PendingCall | null = null;
  /** `comprehensionLoad` per load node: a comprehension's loads repeat on every iteration. */
  private readonly comprehensionLoads = new WeakMap<Expr, 'strong' | 'borrowed' | null>();

  /** The status of a fast local's load in `frame` (null: a strong reference). */
  statusOf(e: Expr, frame: Frame): LoadStatus | null {
    const analysis = this.analysed(frame) ? this.analyses.get(frame.code) : undefined;
    if (analysis === undefined) return 'unknown'; // a frame whose code is not analysed (comprehensions)
    return analysis.get(e) ?? null;
  }

  /** An inlined comprehension (3.12+, `outer`) runs on its function's code but is not analysed. */
  private analysed(frame: Frame): boolean {
    return frame.outer === undefined && this.analyses.has(frame.code);
  }

  mark(): number {
    return this.entries.length;
  }

  /** The node that consumed the values above `mark` has finished. */
  release(mark: number): void {
    if (this.entries.length > mark) this.entries.length = mark;
  }

  noteLoad(ref: Ref, status: LoadStatus, frame: Frame, node?: Expr): void {
    const decided = node !== undefined && frame.comprehension !== undefined ? this.comprehensionLoadOf(frame.comprehension, node) : null;
    this.entries.push({ ref, status, frame: null, name: null, unanalysed: !this.analysed(frame), comprehensionLoad: decided });
  }

  private comprehensionLoadOf(comprehension: Expr, node: Expr): 'strong' | 'borrowed' | null {
    let decided = this.comprehensionLoads.get(node);
    if (decided === undefined) {
      decided = comprehensionLoad(comprehension, node);
      this.comprehensionLoads.set(node, decided);
    }
    return decided;
  }

  /** A statement starts with an empty stack: drop what an exception left behind in this frame. */
  statementStarts(frame: Frame): void {
    const base = this.frameBases.get(frame);
    if (base === undefined) this.frameBases.set(frame, this.entries.length); // a frame made elsewhere: its first statement
    else this.release(base);
  }

  /**
   * Values that stay on the stack while statements run (a `with`'s `__exit__` and manager): the
   * statements of `frame` no longer drop them; the returned function undoes that, dropping what
   * the statements left (an exception unwinds the stack down to the kept values).
   */
  keepAcrossStatements(frame: Frame): () => void {
    const base = this.frameBases.get(frame);
    const kept = this.entries.length;
    this.frameBases.set(frame, kept);
    return () => {
      this.release(kept);
      if (base === undefined) this.frameBases.delete(frame);
      else this.frameBases.set(frame, base);
    };
  }

  /** `STORE_FAST` / `DELETE_FAST`: a borrowed parameter binding ends (closing it is a no-op in CPython). */
  forgetLocal(frame: Frame, name: string): void {
    if (this.entries.length === 0) return;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i] as Entry;
      if (e.frame === frame && e.name === name) this.entries.splice(i, 1);
    }
  }

  /**
   * Set by the call site just before a call of the Python function `fn` (for a bound method: its
   * function, with `self`'s status first).
   */
  expectCall(fn: Ref, positional: readonly (LoadStatus | null)[], keywords: ReadonlyMap<string, LoadStatus | null>): void {
    const any = positional.some((s) => s !== null) || [...keywords.values()].some((s) => s !== null);
    this.pending = any ? { fn, positional, keywords } : null;
  }

  /** Any other call: nothing is pending. */
  noCall(): void {
    this.pending = null;
  }

  /**
   * The frame of the Python function `fn` starts, its parameters bound to `args` (in parameter
   * order, defaults included). `stolen`: the frame took the caller's stack references (3.11+),
   * else it made its own.
   */
  enterFrame(frame: Frame, params: Params, fn: Ref, args: readonly Ref[], stolen: boolean): void {
    const code = frame.code;
    if (!this.analyses.has(code)) {
      this.analyses.set(
        code,
        analyseBorrowedLoads({
          body: code.body,
          locals: code.locals,
          params: params.map((p) => p.name),
          isFast: (name) => code.locals.includes(name) && !code.globals.has(name) && !code.cellVars.includes(name),
          isConstant: (e) => code.constOf.has(e),
        }),
      );
    }
    const pending = this.pending?.fn === fn ? this.pending : null;
    this.pending = null;
    const moved = pending !== null && stolen ? [...pending.positional, ...pending.keywords.values()].filter((s) => s !== null).length : 0;
    // 3.11+: the arguments' entries (the newest ones) now stand for the parameters.
    const movable = this.entries.slice(this.entries.length - moved);
    this.frameStarts.set(frame, this.entries.length - moved);
    if (pending !== null) {
      params.forEach((param, i) => {
        const status = i < pending.positional.length ? pending.positional[i] : pending.keywords.get(param.name);
        const ref = args[i];
        if (status === null || status === undefined || ref === undefined) return;
        const entry = movable.find((e) => e.ref === ref && e.frame === null);
        if (frame.cells?.has(param.name) === true) {
          // `MAKE_CELL`: the cell takes a strong reference, the borrowed one leaves the frame (cells.ts).
          if (entry !== undefined) this.entries.splice(this.entries.indexOf(entry), 1);
          return;
        }
        if (entry !== undefined) {
          entry.frame = frame;
          entry.name = param.name;
        } else {
          this.entries.push({ ref, status, frame, name: param.name });
        }
      });
      // An argument packed into `*args` or `**kwargs` (signatures.ts): the tuple or dict holds it
      // strongly (`PyStackRef_AsPyObjectSteal`; measured on 3.14.2: a borrowed local passed as
      // `h(x)` to `def h(*a)` counts 3 in `h`, as a strong load would).
      if (params.some((p) => p.kind === 'vararg' || p.kind === 'kwarg')) {
        for (const e of movable) if (e.frame === null && this.entries.includes(e)) this.entries.splice(this.entries.indexOf(e), 1);
      }
    }
    this.frameBases.set(frame, this.entries.length);
  }

  /**
   * The frame returned or raised: its borrowed parameters are gone (an exception's traceback
   * makes the frame's references strong: `take_ownership` in Python/frame.c).
   */
  exitFrame(frame: Frame): void {
    const start = this.frameStarts.get(frame);
    if (start !== undefined) this.release(start);
  }

  /** How many of the model's references to `ref` CPython holds borrowed, or null if undecided. */
  borrowedCount(ref: Ref): number | null {
    let n = 0;
    const last = this.entries.length - 1;
    for (let i = 0; i <= last; i++) {
      const e = this.entries[i] as Entry;
      if (e.ref !== ref) continue;
      // `sys.getrefcount(local)` in a comprehension or generator expression (code the analysis does
      // not cover): the argument (the newest entry) is consumed by the call at once, so 3.14 loads it
      // with LOAD_FAST_BORROW (measured: `tuple(sys.getrefcount(v) for v in seq)` counts v's holders).
      // Other pending loads there: see `comprehensionLoad`; what it does not decide is refused
      // (measured on 3.14.2: `{x: (a, sys.getrefcount(a)) for x in items}` borrows the tuple's `a`).
      if (e.unanalysed === true && e.frame === null) {
        if (i === last || e.comprehensionLoad === 'borrowed') n++;
        else if (e.comprehensionLoad !== 'strong') return null;
        continue;
      }
      if (e.status === 'unknown') return null;
      n++;
    }
    return n;
  }
}

type ComprehensionNode = Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'DictComp' }>;

/**
 * A pending load in an inlined comprehension's element (3.14, Python/flowgraph.c): the element is
 * evaluated in the loop body's block and consumed there (`LIST_APPEND`, `SET_ADD`, `MAP_ADD`).
 * The first load right after the target's `STORE_FAST` (no `if` in between, same line) becomes
 * `STORE_FAST_LOAD_FAST`: strong. Other loads of the comprehension's own targets (bound just
 * before, never killed in the element) are borrowed when the element has no jump inside. Loads
 * of the function's locals (which may be unbound: `LOAD_FAST_CHECK`) and the rest: null.
 */
function comprehensionLoad(comprehension: Expr, node: Expr): 'strong' | 'borrowed' | null {
  if (comprehension.kind !== 'ListComp' && comprehension.kind !== 'SetComp' && comprehension.kind !== 'DictComp') return null;
  if (firstLoadAfterStore(comprehension, node)) return 'strong';
  const element = comprehension.kind === 'DictComp' ? [comprehension.key, comprehension.value] : [comprehension.elt];
  if (node.kind !== 'Name' || !element.some((e) => contains(e, node)) || element.some(hasJump)) return null;
  return boundNames(comprehension.generators).includes(node.id) ? 'borrowed' : null;
}

/** Whether `root` contains the node `target` (by identity). */
function contains(root: unknown, target: Expr): boolean {
  if (root === target) return true;
  if (root === null || typeof root !== 'object') return false;
  if (Array.isArray(root)) return root.some((child) => contains(child, target));
  return Object.entries(root).some(([key, child]) => key !== 'pos' && contains(child, target));
}

/** A jump inside an expression (`and`/`or`, conditional, chained comparison, nested scopes). */
function hasJump(root: unknown): boolean {
  if (root === null || typeof root !== 'object') return false;
  if (Array.isArray(root)) return root.some(hasJump);
  const kind = (root as { kind?: string }).kind;
  if (kind === 'BoolOp' || kind === 'IfExp' || kind === 'Lambda' || kind === 'ListComp' || kind === 'SetComp' || kind === 'DictComp' || kind === 'GeneratorExp') return true;
  if (kind === 'Compare' && (root as { comparators: unknown[] }).comparators.length > 1) return true;
  return Object.entries(root).some(([key, child]) => key !== 'pos' && hasJump(child));
}

/**
 * Whether `node` is the first instruction of an inlined comprehension's element (a dict
 * comprehension's key) right after its target's `STORE_FAST` on the same line: the last `for`
 * clause binds one name and has no `if` (whose test would come first).
 */
function firstLoadAfterStore(comprehension: ComprehensionNode, node: Expr): boolean {
  const last = comprehension.generators.at(-1);
  if (last === undefined || last.ifs.length > 0 || last.target.kind !== 'Name' || last.target.pos.line !== node.pos.line) return false;
  return firstLoad(comprehension.kind === 'DictComp' ? comprehension.key : comprehension.elt) === node;
}

/** The Name whose load is the first instruction evaluating `e` (Python/codegen.c order), if any. */
function firstLoad(e: Expr | undefined): Expr | null {
  if (e === undefined) return null;
  switch (e.kind) {
    case 'Name':
      return e;
    case 'Tuple':
    case 'List':
    case 'Set':
      return firstLoad(e.elts[0]);
    case 'BinOp':
      return firstLoad(e.left);
    case 'Compare':
      return firstLoad(e.left);
    case 'Attribute':
    case 'Subscript':
      return firstLoad(e.value);
    case 'Call':
      return firstLoad(e.func);
    default:
      return null;
  }
}
