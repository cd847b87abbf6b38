/**
 * The evaluator: runs compiled code on `model/core`, holding references the way CPython's
 * bytecode does (`Python/ceval.c`): every value on the evaluation stack is an owned
 * reference, names and container slots own theirs, and each is released in the order
 * CPython releases it, because that order decides what the free lists hand out next.
 */
import { RefTable } from './ref-table';
import { compareAddresses, type Address } from '../../core/address';
import type { Heap, WeakrefCallbackHook } from '../../core/heap';
import { intNumber, type DictEntry, type Payload, type Ref } from '../../core/objects';
import { derefWeakref, weakSetMembers } from '../../core/weakrefs';
import { slotsInstanceSize, strLength } from '../../core/sizes';
import { NO_POS, type Expr, type FStringPart, type Parameter, type Pos, type Stmt, type Target } from '../ast';
import { binaryOp, unaryOp } from './arith';
import { compileUnit, type CodeObject, type CompileUnit } from './compile';
import type { EvalConfig } from './config';
import { formatWithSpec } from './format-spec';
import { NO_FAST_LOCALS, NORMAL, type Completion, type Frame, type LoopIterator } from './frame';
import { messagesFor, type Messages } from './messages';
import { BUILTIN_NAMES, STDLIB_MODULE_NAMES } from './name-lists';
import { hasSuggestion } from './suggestions';
import { MODULE_FUNCTIONS } from './modules';
import { KeyedLookup, type KeyClass, type KeyRules, type KeySite } from './keyed';
import { refuseSetAsSetKey } from './set-methods';
import { LazyRefs } from './lazy-refs';
import { declaresSlots, delAttr, hasSlot, getAttr, hasDict, instanceAttr, lookupClassAttr, newInstancePayload, setAttr, BUILTIN_TYPE_ATTRS } from './attributes';
import { builtinId, callBuiltin, callBuiltinMethod, checkGcTiming, construct } from './builtins';
import { listInplaceRepeat } from './list-methods';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { PendingStdout } from './stdout-buffer';
import { knownSetOrder, pyRepr } from './repr';
import { bytesContains } from './bytes-contains';
import { setupModuleAnnotations } from './module-annotations';
import { identifierObject } from './identifiers';
import { callListOrderMethod, takesKeywords } from './list-order-methods';
import { derivesFromStr, newStrSubclassInstance, refuseStrSubclass } from './str-subclass';
import { entersInit } from './init-specialization';
import { classBodyCells, evalSuper, expectSuperCall, isSuperCall, noteParameters, releaseClassCell, setClassCell, superMethod, superRepr } from './super-calls';
import { snapshot, type HeapSnapshot } from './trace';
import { evalComprehension } from './comprehensions';
import { evalFunctionAnnotations, execAnnAssign } from './annotations';
import { applyDecorators, decoratorKinds } from './decorators';
import { ATTRIBUTE_BUILTINS } from './attribute-builtins';
import { checkSsize } from './ssize';
import { builtinExceptionType, checkExceptionClass, exceptionStrObject, isExceptionClass, newException } from './exception-objects';
import { keyError, execAssert, execRaise, execTry, exceptionText, keepFrameAlive } from './exceptions';
import { isGeneratorBody, makeGeneratorFunctionCall } from './generator-functions';
import { callFunctionWithKeywords, kwargsDict, type KeywordArg } from './calls';
import { callWithUnpacking, hasCallUnpacking } from './call-unpacking';
import { evalStarredDisplay, hasStarredItem } from './starred-displays';
import { dictUnion } from './dict-union';
import { bindSignature, checkArguments, hasSignatureExtras, packDefaults } from './signatures';
import { MODELLED_SPECIAL_NAMES, userRepr, userReprObject, userStr, userTextObject } from './special-methods';
import { NUMBER_BUILTINS } from './number-builtins';
import { TRUTH_BUILTINS } from './truth-builtins';
import { HASH_BUILTINS } from './hash-builtin';
import { ORDER_BUILTINS, ORDER_BUILTIN_NAMES } from './order-builtins';
import { execImportFrom, isTypingObject, typingSubscript } from './typing-module';
import { callWithGenerator } from './generator-consumers';
import { callSetMethod } from './set-methods';
import { BorrowLedger } from './borrow-ledger';
import type { LoadStatus } from './borrowed-loads';
import { makeLambda } from './lambdas';
import { clearFrame, deleteDeref, enterCells, isDeref, loadDeref, makeClosure, storeDeref, withClosure } from './cells';
import { execWith } from './with-statement';
import type { RunSlot } from './run-state';
import { LAZY_ITERATOR_TYPES, iteratorContains, loopOverIterator, unpackIterator } from './iterators';
import { OBJECT_BUILTINS } from './plain-object';
import { REVERSED_TYPE_NAMES } from './reversed';
import { DICT_VIEW_TYPE_NAMES, dictLoopIterator, dictViewContains, dictViewRepr, refuseDictViewOperand, refuseDictViewOperation } from './dict-views';
import { comparesInPython, hashKey, isTrue, markOpaque, pyEquals, pyOrder, rangeIteratesWithCLongs, rangeLength, typeName } from './values';
import { addSetItem, completeEqualityNamespace, KeyInsertion, knownBuiltinHash, pythonHashKind, sequenceContains, storedKeyEquals, userCompareResult, userEqualityHook, userKeyClass } from './user-equality';

const MAX_DEPTH = 100;
/** Statements one run may execute: a loop that may never end is refused, not run until killed. */
export const MAX_STATEMENTS = 200_000;
/** A code object's facts that every call of it used to find again (`Interpreter.codeFacts`). */
interface CodeFacts {
  /** `*args`, `**kwargs`, keyword-only or positional-only parameters (signatures.ts binds them). */
  readonly extended: boolean;
  /** A generator function's body (the call returns a generator). */
  readonly generator: boolean;
  /** Cells or free variables: the frame gets its cells (cells.ts). */
  readonly hasCells: boolean;
  readonly paramNames: readonly string[];
  /** Run once already (3.8-3.10 keep a zombie frame per code object). */
  called: boolean;
}

/** An `id()` value's entry in `addressInts`, which is also its class as a dict key or set item. */
interface AddressKey {
  readonly kind: 'address';
  readonly address: Address;
  readonly owner: Ref;
}
type PlainKey = Extract<KeyClass, { kind: 'plain' }>;
/** The class of every key the model cannot know (shared: it holds nothing of the key). */
const UNKNOWN_KEY: KeyClass = Object.freeze({ kind: 'unknown' });
/** The entries built before a display's first (shared: never pushed to). */
const NO_ENTRIES: readonly { key: Ref; value: Ref }[] = Object.freeze([]);
/** `heapTypes` and `unknownInts` of a run that has none (shared: read-only views, never written). */
const NO_REFS: ReadonlySet<Ref> = new Set();
const NO_REFS_WHY: ReadonlyMap<Ref, string> = new Map();
/**
 * Subscripting a sequence with an int: the TypeError's name for the indices, the IndexError, and
 * whether the int is taken as a `Py_ssize_t` (`PyNumber_AsSsize_t(item, PyExc_IndexError)` in
 * `list_subscript`, `list_ass_subscript`, `tuplesubscript`, `unicode_subscript`, `bytes_subscript`;
 * `range_subscript` takes any int). Measured on 3.8-3.14.
 */
const SUBSCRIPTS = {
  list: { indices: 'list', outOfRange: 'list index out of range', ssize: true },
  'list assignment': { indices: 'list', outOfRange: 'list assignment index out of range', ssize: true },
  tuple: { indices: 'tuple', outOfRange: 'tuple index out of range', ssize: true },
  str: { indices: 'string', outOfRange: 'string index out of range', ssize: true },
  bytes: { indices: 'byte', outOfRange: 'index out of range', ssize: true },
  range: { indices: 'range', outOfRange: 'range object index out of range', ssize: false },
} as const;
type SubscriptKind = keyof typeof SUBSCRIPTS;
/** The keywords of a call without any (shared: never pushed to). */
const NO_KEYWORDS: { name: string; value: Ref }[] = Object.freeze([]) as unknown as { name: string; value: Ref }[];

/** Names every `__main__` module has (`PyModule_New`, `run_file`): candidates for suggestions. */
const MODULE_DUNDERS = ['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__annotations__', '__builtins__', '__file__', '__cached__'];

/** The builtin functions the model implements, by the name they are looked up with. */
const BUILTIN_FUNCTIONS = ['print', 'id', 'len', 'repr', 'chr', 'ord', 'isinstance', 'format', 'hex', 'oct', 'bin', 'hasattr', 'compile', 'exec', ...ATTRIBUTE_BUILTINS, ...NUMBER_BUILTINS, ...TRUTH_BUILTINS, ...HASH_BUILTINS, ...ORDER_BUILTINS, ...OBJECT_BUILTINS, 'iter', 'next'] as const;
/** Builtin types callable as constructors. */
const BUILTIN_TYPES = ['int', 'float', 'str', 'bytes', 'bool', 'tuple', 'list', 'dict', 'set', 'frozenset', 'range', 'type', 'object', ...LAZY_ITERATOR_TYPES] as const;
/** Builtin types `type()` can return without being callable by name here. */
const OTHER_TYPES = ['NoneType', 'ellipsis', 'NotImplementedType', 'builtin_function_or_method', 'function', 'method', 'module', 'code', ...DICT_VIEW_TYPE_NAMES, ...REVERSED_TYPE_NAMES] as const;
const BUILTIN_TYPE_NAMES: ReadonlySet<string> = new Set(BUILTIN_TYPES);
const TYPE_NAMES_KNOWN: ReadonlySet<string> = new Set([...BUILTIN_TYPES, ...OTHER_TYPES]);
const BUILTIN_FUNCTION_NAMES: ReadonlySet<string> = new Set(BUILTIN_FUNCTIONS);
/**
 * Each module's functions: the name in the module and the function's own (`sys.intern`), made
 * once (a name built per run is a new string in every run).
 */
const MODULE_FUNCTION_NAMES: ReadonlyMap<string, readonly (readonly [name: string, qualified: string])[]> = new Map(
  Object.entries(MODULE_FUNCTIONS).map(([mod, fns]) => [mod, fns.map((fn) => [fn, `${mod}.${fn}`] as const)]),
);


/** The messages of a config (immutable, shared by its runs: made once, not per run). */
const messagesByConfig = new WeakMap<EvalConfig, Messages>();
function messagesOf(cfg: EvalConfig): Messages {
  let msgs = messagesByConfig.get(cfg);
  if (msgs === undefined) {
    msgs = messagesFor(cfg);
    messagesByConfig.set(cfg, msgs);
  }
  return msgs;
}

export interface InterpreterOptions {
  readonly mode: 'module' | 'repl';
  readonly trace: boolean;
  readonly filename: string;
  /** Print id() values (the model's own numbers, not CPython's) instead of refusing: for tests that mask addresses. */
  readonly printAddresses?: boolean;
}

export class Interpreter {
  readonly msgs: Messages;
  /** The text printed so far: appended piece by piece (a rope in V8), made flat by `printedText` inside `runModel`. */
  private printed = '';
  /** The last character code of `printed` when `printedText` flattened it (kept: a read whose result were unused could be dropped by the JIT). */
  private printedLastCode = 0;
  readonly stdout = new PendingStdout(this);
  readonly globals = new Map<string, Ref>();
  /** Stores and deletions of names outside fast locals (`storeName`, `deleteName`), and name loads not found in the globals: see `stillBound`. */
  private globalStores = 0;
  private globalMisses = 0;
  readonly snapshots: HeapSnapshot[] = [];
  /** ints made by `id()`: their value is the address of `owner` (see address.ts); each entry is also the int's key class (keyed.ts). */
  readonly addressInts = new RefTable<AddressKey>();
  /** ints whose value CPython decides from state the model does not know (made at the first: most runs have none). */
  private unknownIntMap: Map<Ref, string> | null = null;
  get unknownInts(): ReadonlyMap<Ref, string> {
    return this.unknownIntMap ?? NO_REFS_WHY;
  }

  /** Registers an id() value, `owner`'s address (`address`), also for the comparisons values.ts makes (`Heap.opaqueInts`). */
  noteAddressInt(ref: Ref, owner: Ref, address: Address): void {
    this.addressInts.set(ref, { kind: 'address', address, owner });
    markOpaque(this.heap, ref, "the model's addresses are not CPython's");
  }

  /** Registers an int the model cannot know, also for the comparisons values.ts makes. */
  noteUnknownInt(ref: Ref, why: string): void {
    (this.unknownIntMap ??= new Map()).set(ref, why);
    markOpaque(this.heap, ref, why);
  }
  private readonly builtins: LazyRefs<Interpreter>;
  readonly builtinTypes: LazyRefs<Interpreter>;
  private readonly modules: LazyRefs<Interpreter>;
  /** Whether the run made a weakref with a callback (`checkShutdown` looks for the pending ones). */
  weakrefCallbacksMade = false;
  /** `gc.disable()` / `gc.enable()`: with automatic collection off, cyclic garbage stays until gc.collect(). */
  gcEnabled = true;
  /** REPL: `builtins._`, set by `sys.displayhook`. */
  private underscore: Ref | null = null;
  /**
   * The `ns` of every function frame: empty, never written (only a class body's frame stores
   * names in its `ns`; a module's is its globals), so one map serves the run's calls. Made at
   * the first call (as the tables below: a run that calls no function makes none of them).
   */
  private functionNames: Map<string, Ref> | null = null;
  /** The evaluator modules' state for this run (run-state.ts; made at the first). */
  runStates: Map<RunSlot<unknown>, unknown> | null = null;
  /** `classFacts` of the classes called so far (this run's classes: made at the first call of one). */
  private factsOfClass: Map<Ref, ClassFacts> | null = null;
  /** `codeFacts` of the code objects called so far (this run's code objects: nothing outlives the run). */
  private factsOfCode: Map<CodeObject, CodeFacts> | null = null;
  private depth = 0;
  /** How many Python frames run (0 in the module body). */
  get callDepth(): number {
    return this.depth;
  }
  private statementsRun = 0;
  /** The frame of the statement being run (for `exec`). */
  frame: Frame | null = null;
  /** The module code of each unit run (qualified-names.ts finds functions' `__qualname__` from them). */
  readonly codeRoots: CodeObject[] = [];
  /** 3.14: references CPython holds borrowed where the model counts them (`LOAD_FAST_BORROW`); null before. */
  readonly borrows: BorrowLedger | null;
  pos: Pos = NO_POS;

  constructor(
    readonly heap: Heap,
    readonly cfg: EvalConfig,
    readonly options: InterpreterOptions,
  ) {
    this.msgs = messagesOf(cfg);
    this.borrows = cfg.getrefcountBorrowsFastLocals ? new BorrowLedger() : null;
    // Each LazyRefs makes its objects once per run and keeps them: nothing else asks the heap for
    // these objects, so they need no `Heap.preexisting` key (no other caller makes a `type:` of these
    // names, nor any builtin function or module).
    this.builtinTypes = new LazyRefs<Interpreter>(this, makeBuiltinType, true);
    this.builtins = new LazyRefs<Interpreter>(this, makeBuiltin);
    this.modules = new LazyRefs<Interpreter>(this, makeModule);
    heap.weakrefCallbackHook = weakrefCallbackRunner(this);
  }

  /**
   * The run is over (its result made): the interpreter and its heap let go of the run's objects
   * (`Heap.release`), so that whatever still holds the interpreter holds little. The output and
   * trace stay. After this the interpreter is unusable.
   */
  release(): void {
    this.heap.release();
    // Not `globals`: it holds refs (numbers) by the program's names, nothing of the heap (and
    // clearing it cost a tenth of running `pass`).
    this.addressInts.clear();
    this.unknownIntMap = null;
    this.plainKeys.clear();
    this.runStates = null;
    this.factsOfClass = null;
    this.frame = null;
  }

  // ---- running units --------------------------------------------------------------------

  /** Runs a whole module (`python FILE.py`): the arena lives until the body is done. */
  runModule(unit: CompileUnit): void {
    this.codeRoots.push(unit.module);
    const frame: Frame = { code: unit.module, kind: 'module', fast: NO_FAST_LOCALS, ns: this.globals, globals: this.globals };
    if (unit.module.annotated) setupModuleAnnotations(this, unit.module.body, frame);
    this.execBody(unit.module.body, frame, true);
  }

  /** Runs one REPL statement unit, then frees its arena and code (`PyRun_InteractiveOneObject`). */
  runReplStatement(unit: CompileUnit, stmt: Stmt): void {
    this.codeRoots.push(unit.module);
    const frame: Frame = { code: unit.module, kind: 'module', fast: NO_FAST_LOCALS, ns: this.globals, globals: this.globals };
    if (unit.module.annotated) setupModuleAnnotations(this, [stmt], frame);
    if (stmt.kind === 'Expr') {
      this.pos = stmt.pos;
      const v = this.evalExpr(stmt.value, frame);
      this.displayhook(v);
    } else {
      const c = this.execStmt(stmt, frame);
      if (c.kind !== 'normal') throw new Refusal(`'${c.kind}' outside a loop or function`);
    }
    this.recordTrace(stmt);
  }

  /** `sys.displayhook`: `_` is set to None first, the repr printed, then `_` bound to the value. */
  private displayhook(v: Ref): void {
    if (this.heap.get(v).payload.kind === 'NoneType') {
      this.heap.decref(v);
      return;
    }
    this.setUnderscore(this.heap.none());
    // `sys_displayhook` (Python/sysmodule.c): `PyFile_WriteObject(o, stdout, 0)` writes the repr, then "\n".
    const text = this.reprObject(v);
    this.writeStr(text);
    this.heap.decref(text);
    const newline = this.heap.str('\n');
    this.writeStr(newline);
    this.heap.decref(newline);
    this.setUnderscore(v);
  }

  private setUnderscore(v: Ref): void {
    const old = this.underscore;
    this.underscore = v;
    if (old !== null) this.heap.decref(old);
  }

  private recordTrace(stmt: Stmt): void {
    if (!this.options.trace) return;
    const names = new Map(this.globals);
    this.snapshots.push(snapshot(this.heap, stmt.pos.line, names));
  }

  /** `PyFile_WriteObject(str, sys.stdout)`: the text is output, the object kept by stdout (stdout-buffer.ts). */
  writeStr(text: Ref): void {
    // The kind read here, not through `Heap.payload`: inlined, that load keeps `payload`'s own
    // feedback, which has seen every kind (a megamorphic load); here it sees only str payloads.
    const p = this.heap.get(text).payload;
    if (p.kind !== 'str') throw new Error(`model bug: #${text} is ${p.kind}, not str`);
    const value = p.value;
    this.stdout.write(text, value);
    // `+=`, not an array joined at the end: measured 2x faster for a run's few dozen pieces.
    this.printed += value;
  }

  /**
   * Everything printed, as one flat string made now: `charCodeAt` flattens a rope (V8's
   * `Runtime_StringCharCodeAt` -> `String::Flatten`), so the bench times the whole result
   * (left a rope, it would be copied at its first read, after `runModel` returned).
   */
  printedText(): string {
    const text = this.printed;
    if (text.length > 0) this.printedLastCode = text.charCodeAt(text.length - 1);
    return text;
  }

  // ---- statements ---------------------------------------------------------------------------

  execBody(body: readonly Stmt[], frame: Frame, topLevel = false): Completion {
    for (const s of body) {
      const c = this.execStmt(s, frame);
      if (topLevel) this.recordTrace(s);
      if (c.kind !== 'normal') return c;
    }
    return NORMAL;
  }

  private execStmt(s: Stmt, frame: Frame): Completion {
    this.pos = s.pos;
    this.frame = frame;
    this.borrows?.statementStarts(frame);
    if (++this.statementsRun > MAX_STATEMENTS) throw new Refusal(`more than ${MAX_STATEMENTS} statements run (a loop that may not end)`);
    checkGcTiming(this);
    switch (s.kind) {
      case 'Expr': {
        const v = this.evalExpr(s.value, frame);
        this.heap.decref(v);
        return NORMAL;
      }
      case 'Assign': {
        const targets = s.targets;
        const v = this.evalAssignedValue(s.value, targets, frame);
        if (v === null) return NORMAL;
        // `a = b = v`: DUP_TOP for every target but the last, stored left to right.
        const last = targets.length - 1;
        for (let i = 0; i < last; i++) this.assign(targets[i] as Target, this.heap.incref(v), frame);
        this.assign(targets[last] as Target, v, frame);
        return NORMAL;
      }
      case 'AugAssign':
        this.augAssign(s, frame);
        return NORMAL;
      case 'Delete':
        for (const t of s.targets) this.deleteTarget(t, frame);
        return NORMAL;
      case 'If': {
        const test = this.evalExpr(s.test, frame);
        const truth = this.truth(test);
        this.heap.decref(test);
        return this.execBody(truth ? s.body : s.orelse, frame);
      }
      case 'While': {
        for (;;) {
          this.pos = s.pos;
          const test = this.evalExpr(s.test, frame);
          const truth = this.truth(test);
          this.heap.decref(test);
          if (!truth) return this.execBody(s.orelse, frame);
          const c = this.execBody(s.body, frame);
          if (c.kind === 'break') return NORMAL;
          if (c.kind === 'return') return c;
        }
      }
      case 'For':
        return this.execFor(s, frame);
      case 'Break':
        return { kind: 'break' };
      case 'Continue':
        return { kind: 'continue' };
      case 'Pass':
        return NORMAL;
      case 'Return': {
        const v = s.value ? this.evalExpr(s.value, frame) : this.heap.none();
        return { kind: 'return', value: v };
      }
      case 'Global':
        return NORMAL;
      case 'Nonlocal':
        return NORMAL;
      case 'Yield':
        throw new Refusal('yield inside this statement', 'a generator suspends only at yields directly in its body, if, while and for');
      case 'FunctionDef':
        this.defineFunction(s, frame);
        return NORMAL;
      case 'ClassDef':
        this.defineClass(s, frame);
        return NORMAL;
      case 'Import':
        for (const alias of s.names) {
          const mod = this.modules.get(alias.name);
          if (mod === undefined) throw new Refusal(`import ${alias.name}`, 'only sys, gc, weakref and copy are modelled');
          // `sys` is always in sys.modules; importing the others runs the import machinery,
          // whose allocations the model does not follow.
          if (alias.name !== 'sys') this.heap.loseFreeListOrder();
          this.storeName(alias.asname ?? alias.name, this.heap.incref(mod), frame);
        }
        return NORMAL;
      case 'AnnAssign':
        return execAnnAssign(this, s, frame);
      case 'Raise':
        return execRaise(this, s, frame);
      case 'Try':
        return execTry(this, s, frame);
      case 'Assert':
        return execAssert(this, s, frame);
      case 'ImportFrom':
        return execImportFrom(this, s, frame);
      case 'With':
        return execWith(this, s, frame);
    }
  }

  /**
   * The value of an assignment, or null when the statement was compiled without building
   * it: `a, b = x, y` with 2 or 3 names swaps on the stack (`ROT_TWO` / `SWAP`), no tuple.
   */
  private evalAssignedValue(value: Expr, targets: readonly Target[], frame: Frame): Ref | null {
    const t = targets[0];
    if (
      targets.length === 1 &&
      t !== undefined &&
      (t.kind === 'Tuple' || t.kind === 'List') &&
      value.kind === 'Tuple' &&
      !frame.code.constOf.has(value) &&
      value.elts.length === t.elts.length &&
      value.elts.length >= 2 &&
      value.elts.length <= 3
    ) {
      // Loops, not closures, in this function: V8 would make their context at every assignment.
      const items = new Array<Ref>(value.elts.length);
      for (let i = 0; i < items.length; i++) items[i] = this.evalExpr(value.elts[i] as Expr, frame);
      for (let i = 0; i < items.length; i++) this.assign(t.elts[i] as Target, items[i] as Ref, frame);
      return null;
    }
    return this.evalExpr(value, frame);
  }

  private execFor(s: Extract<Stmt, { kind: 'For' }>, frame: Frame): Completion {
    const iterable = this.evalExpr(s.iter, frame);
    const it = this.getIter(iterable);
    this.heap.decref(iterable);
    try {
      for (;;) {
        const item = this.iterNext(it);
        if (item === null) break;
        this.pos = s.pos;
        this.assign(s.target, item, frame);
        const c = this.execBody(s.body, frame);
        if (c.kind === 'break') {
          this.releaseIter(it);
          return NORMAL;
        }
        if (c.kind === 'return') {
          this.releaseIter(it);
          return c;
        }
      }
    } catch (err) {
      // The exception unwinds the value stack: the iterator is popped before any handler runs.
      this.releaseIter(it);
      throw err;
    }
    this.releaseIter(it);
    return this.execBody(s.orelse, frame);
  }

  // ---- iteration ----------------------------------------------------------------------------

  /** `GET_ITER`: the iterator object and what it holds. */
  getIter(iterable: Ref): LoopIterator {
    const h = this.heap;
    const p = h.get(iterable).payload;
    const alloc = (bytes: number): Address => h.allocator.allocate(bytes);
    switch (p.kind) {
      case 'list':
        return { block: alloc(this.cfg.iteratorBytes.list), seq: h.incref(iterable), index: 0, next: (i) => (i < p.items.length ? h.incref(p.items[i] as Ref) : null) };
      case 'tuple':
        return { block: alloc(this.cfg.iteratorBytes.tuple), seq: h.incref(iterable), index: 0, next: (i) => (i < p.items.length ? h.incref(p.items[i] as Ref) : null) };
      case 'str': {
        const chars = [...p.value];
        return { block: alloc(this.cfg.iteratorBytes.str), seq: h.incref(iterable), index: 0, next: (i) => (i < chars.length ? h.str(chars[i] as string) : null) };
      }
      case 'range': {
        // `range_iter` -> `fast_range_iter`: the iterator keeps start/step/len, not the range.
        if (!rangeIteratesWithCLongs(p, this.cfg.core.pointerSize)) throw new Refusal('iterating a range beyond a C long', 'a longrange_iterator of int objects, not modelled');
        const len = rangeLength(p);
        return { block: alloc(this.cfg.iteratorBytes.range), seq: null, index: 0, next: rangeItems(h, p.start, p.step, len) };
      }
      case 'dict':
        return dictLoopIterator(this, iterable) as LoopIterator;
      case 'bytes':
        // `Objects/bytesobject.c` `striter_next`: each byte as an int (all cached small ints).
        return { block: alloc(this.cfg.iteratorBytes.bytes), seq: h.incref(iterable), index: 0, next: (i) => (i < p.value.length ? h.int(BigInt(p.value[i] as number)) : null) };
      case 'set':
      case 'frozenset': {
        const order = knownSetOrder(h, p.items);
        if (order === null) throw new Refusal(`iterating a ${p.kind}`, 'its order depends on hashes the model does not reproduce');
        const size = p.items.length;
        // `Objects/setobject.c` `setiter_iternext`: a size change is an error; a same-size change moves the position.
        const next = (i: number): Ref | null => {
          if (p.items.length !== size) throw new PyException('RuntimeError', 'Set changed size during iteration');
          if (order.some((r) => !p.items.includes(r))) throw new Refusal('a set changed during its iteration');
          return i < order.length ? h.incref(order[i] as Ref) : null;
        };
        return { block: alloc(this.cfg.iteratorBytes.set), seq: h.incref(iterable), index: 0, next };
      }
      case 'iterator':
        return dictLoopIterator(this, iterable) ?? loopOverIterator(this, iterable);
      case 'WeakSet':
        throw new Refusal('iterating a WeakSet', 'its order follows the hashes of the set it wraps');
      default:
        refuseStrSubclass(h, iterable, 'iterating');
        throw new PyException('TypeError', `'${typeName(h, iterable)}' object is not iterable`);
    }
  }

  /** `FOR_ITER`: the next item (new reference), or null; exhaustion drops the sequence. */
  iterNext(it: LoopIterator): Ref | null {
    const item = it.next(it.index);
    if (item === null) {
      if (it.seq !== null) {
        const seq = it.seq;
        it.seq = null;
        this.heap.decref(seq);
      }
      return null;
    }
    it.index++;
    return item;
  }

  /** The iterator leaves the stack: `listiter_dealloc` drops the sequence, then the block. */
  releaseIter(it: LoopIterator): void {
    if (it.seq !== null) {
      const seq = it.seq;
      it.seq = null;
      this.heap.decref(seq);
    }
    if (it.block) this.heap.allocator.free(it.block);
  }

  /** All items of an iterable as new references (for constructors and unpacking). */
  iterate(iterable: Ref): Ref[] {
    const h = this.heap;
    const p = h.get(iterable).payload;
    if (p.kind === 'list' || p.kind === 'tuple') {
      // `getIter` + `iterNext` + `releaseIter`'s steps for a list or tuple, in their order,
      // without the iterator record and its closure: the block, the iterator's reference to
      // the sequence, each item, then the sequence released at exhaustion and the block freed.
      const block = h.allocator.allocate(p.kind === 'list' ? this.cfg.iteratorBytes.list : this.cfg.iteratorBytes.tuple);
      h.incref(iterable);
      const items = h.increfAll(p.items);
      h.decref(iterable);
      if (block) h.allocator.free(block);
      return items;
    }
    const it = this.getIter(iterable);
    const items: Ref[] = [];
    for (let item = this.iterNext(it); item !== null; item = this.iterNext(it)) items.push(item);
    this.releaseIter(it);
    return items;
  }

  // ---- names -----------------------------------------------------------------------------------

  isFastLocal(name: string, frame: Frame): boolean {
    if (frame.outer && !frame.fast.has(name)) return this.isFastLocal(name, frame.outer);
    return frame.kind === 'function' && frame.fast.has(name) && !frame.code.globals.has(name);
  }

  /** `STORE_NAME` / `STORE_FAST` / `STORE_GLOBAL`: the new value is bound, then the old one released. */
  storeName(name: string, value: Ref, frame: Frame): void {
    // A frame without cells that is no inlined comprehension (most): its kind decides, without `isDeref` and `isFastLocal`.
    const plain = frame.cells === undefined && frame.outer === undefined;
    if (!plain && isDeref(frame, name)) return storeDeref(this, frame, name, value);
    if (plain ? frame.kind === 'function' && frame.fast.has(name) && !frame.code.globals.has(name) : this.isFastLocal(name, frame)) {
      const old = frame.fast.get(name) ?? null;
      this.borrows?.forgetLocal(frame, name);
      frame.fast.set(name, value);
      if (old !== null) this.heap.decref(old);
      return;
    }
    const ns = frame.kind === 'class' && !frame.code.globals.has(name) ? frame.ns : frame.globals;
    this.globalStores++;
    const old = ns.get(name);
    if (old === undefined && ns === this.globals) {
      // A new key in the module's dict may resize its keys table (never a small block).
      this.heap.dictKeysChanged();
    }
    ns.set(name, value);
    if (old !== undefined) this.heap.decref(old);
  }

  loadName(name: string, frame: Frame): Ref {
    if (frame.cells === undefined && frame.outer === undefined) {
      // The common frame (see `storeName`): one lookup for a fast local.
      if (frame.kind === 'function') {
        const v = frame.fast.get(name);
        if (v !== undefined && !frame.code.globals.has(name)) {
          if (v === null) throw new PyException('UnboundLocalError', this.msgs.unboundLocal(name));
          return this.heap.incref(v);
        }
      } else if (frame.kind === 'class') {
        const v = frame.ns.get(name);
        if (v !== undefined) return this.heap.incref(v);
      }
      return this.loadGlobal(name, frame);
    }
    // Not a plain module frame's load from the globals (see `stillBound`).
    this.globalMisses++;
    if (isDeref(frame, name)) return loadDeref(this, frame, name);
    // An inlined comprehension (3.12+) sees the enclosing function's locals.
    if (frame.outer && !frame.fast.has(name)) return this.loadName(name, frame.outer);
    if (this.isFastLocal(name, frame)) {
      const v = frame.fast.get(name) ?? null;
      if (v === null) throw new PyException('UnboundLocalError', this.msgs.unboundLocal(name));
      return this.heap.incref(v);
    }
    if (frame.kind === 'class') {
      const v = frame.ns.get(name);
      if (v !== undefined) return this.heap.incref(v);
    }
    return this.loadGlobal(name, frame);
  }

  /** `LOAD_GLOBAL` / the end of `LOAD_NAME`: the globals, then the builtins. */
  private loadGlobal(name: string, frame: Frame): Ref {
    const g = frame.globals.get(name);
    if (g !== undefined) return this.heap.incref(g);
    this.globalMisses++;
    const b = this.builtins.get(name);
    if (b !== undefined) return this.heap.incref(b);
    if (name === '_' && this.underscore !== null) return this.heap.incref(this.underscore);
    if (name === 'Ellipsis') return this.heap.ellipsis();
    if (name === 'NotImplemented') return this.heap.notImplemented();
    if (BUILTIN_NAMES.has(name)) throw new Refusal(`the builtin '${name}'`, 'not modelled');
    throw this.nameError(name, frame);
  }

  deleteName(name: string, frame: Frame): void {
    if (isDeref(frame, name)) return deleteDeref(this, frame, name);
    if (this.isFastLocal(name, frame)) {
      const v = frame.fast.get(name) ?? null;
      if (v === null) throw new PyException('UnboundLocalError', this.msgs.unboundLocal(name));
      this.borrows?.forgetLocal(frame, name);
      frame.fast.set(name, null);
      this.heap.decref(v);
      return;
    }
    const ns = frame.kind === 'class' && !frame.code.globals.has(name) ? frame.ns : frame.globals;
    this.globalStores++;
    const v = ns.get(name);
    if (v === undefined) throw this.nameError(name, frame);
    ns.delete(name);
    this.heap.decref(v);
  }

  /**
   * NameError, unless the line CPython prints may carry a suggestion (3.10+
   * `Python/suggestions.c`: a close name in scope or builtins; 3.12+: a stdlib module name).
   */
  private nameError(name: string, frame: Frame): PyException {
    if (this.cfg.errorSuggestions) {
      const lists = [[...frame.fast.keys()], [...frame.ns.keys()], [...frame.globals.keys(), ...MODULE_DUNDERS], [...BUILTIN_NAMES]];
      if (lists.some((l) => hasSuggestion(name, l)) || STDLIB_MODULE_NAMES.has(name) || frame.fast.has('self')) {
        throw new Refusal(`NameError for '${name}'`, 'CPython adds a "Did you mean" suggestion');
      }
    }
    return new PyException('NameError', `name '${name}' is not defined`);
  }

  // ---- assignment targets -------------------------------------------------------------------

  /** Stores `value` (an owned reference, consumed) into the target. */
  assign(t: Target, value: Ref, frame: Frame): void {
    switch (t.kind) {
      case 'Name':
        this.storeName(t.id, value, frame);
        return;
      case 'Attribute': {
        const obj = this.evalHolding(value, t.value, frame);
        try {
          setAttr(this, obj, t.attr, value);
        } finally {
          this.heap.decref(obj);
        }
        return;
      }
      case 'Subscript': {
        // `STORE_SUBSCR`: the value is pushed first; if the container or key raises, it is released.
        const misses = this.globalMisses;
        const obj = this.evalHolding(value, t.value, frame);
        const mark = this.globalMisses === misses ? this.globalStores : -1;
        let key: Ref;
        try {
          key = this.evalExpr(t.index, frame);
        } catch (err) {
          this.unwind([value, obj]);
          throw err;
        }
        try {
          this.setItem(obj, key, value);
        } finally {
          this.heap.decref(key);
          this.releaseLoaded(obj, t.value, frame, mark);
        }
        return;
      }
      case 'Tuple':
      case 'List': {
        // `UNPACK_SEQUENCE`: items pushed (new references), the sequence released, then stored.
        const items = this.unpack(value, t.elts.length);
        this.heap.decref(value);
        // A loop, not a closure: V8 would make its context at every assignment.
        for (let i = 0; i < t.elts.length; i++) this.assign(t.elts[i] as Target, items[i] as Ref, frame);
        return;
      }
    }
  }

  /**
   * Releases `obj`, the value of `e`: when `e` is a name that still binds it in the module's
   * globals, the object stays reachable from outside the tracked
   * objects and the decref cannot make cyclic garbage (`Heap.decrefReachable`): `held.append(x)`
   * and `d[k] = v` in a loop then leave no scan for the end of the program.
   */
  private releaseLoaded(obj: Ref, e: Expr, frame: Frame, mark: number): void {
    if (this.keptReachable(obj, e, frame, mark)) this.heap.decrefReachable(obj);
    else this.heap.decref(obj);
  }

  /** Whether `releaseLoaded` may release `obj` as reachable (and what it holds: `held.append`'s item). */
  private keptReachable(obj: Ref, e: Expr, frame: Frame, mark: number): boolean {
    // Once garbage may exist, nothing is gained: the plain decref.
    return !this.heap.garbagePossible && e.kind === 'Name' && this.stillBound(e.id, obj, frame, mark);
  }

  /**
   * `mark`: `globalStores` after `e` was evaluated if no name load missed the globals meanwhile
   * (a name of a module frame was then found in them), else -1.
   */
  private stillBound(name: string, obj: Ref, frame: Frame, mark: number): boolean {
    // Only the module's globals, a map the interpreter itself owns: an exec() namespace may be a
    // dict object, and a generator's locals belong to the generator, both collectable.
    if (frame.kind !== 'module' || frame.ns !== this.globals) return false;
    // Loaded from the globals, and no global stored or deleted since: the name binds it still.
    return mark === this.globalStores || this.globals.get(name) === obj;
  }

  private unpack(value: Ref, n: number): Ref[] {
    const p = this.heap.get(value).payload;
    if (p.kind === 'tuple' || p.kind === 'list') {
      if (p.items.length === n) return this.heap.increfAll(p.items);
      throw new Refusal('unpacking a sequence of the wrong length', 'the error wording changed across versions');
    }
    if (p.kind === 'str' || p.kind === 'range' || p.kind === 'dict' || p.kind === 'bytes' || p.kind === 'set' || p.kind === 'frozenset' || p.kind === 'WeakSet') {
      throw new Refusal(`unpacking a ${p.kind}`);
    }
    if (p.kind === 'iterator') return unpackIterator(this, value, n);
    throw new PyException('TypeError', `cannot unpack non-iterable ${typeName(this.heap, value)} object`);
  }

  private augAssign(s: Extract<Stmt, { kind: 'AugAssign' }>, frame: Frame): void {
    const t = s.target;
    if (t.kind === 'Tuple' || t.kind === 'List') throw new Refusal('augmented assignment to a tuple');
    // What the statement has pushed so far; an exception releases it from the top down.
    const pushed: Ref[] = [];
    let result: Ref;
    try {
      if (t.kind === 'Name') {
        const old = this.loadName(t.id, frame);
        pushed.push(old);
        this.noteLoad(t, old, frame);
        const rhs = this.evalExpr(s.value, frame);
        pushed.push(rhs);
        result = this.inplaceOp(s.op, old, rhs, t.id, frame);
      } else {
        pushed.push(this.evalExpr(t.value, frame));
        if (t.kind === 'Subscript') pushed.push(this.evalExpr(t.index, frame));
        const [obj, key] = pushed as [Ref, Ref | undefined];
        const old = t.kind === 'Attribute' ? getAttr(this, obj, t.attr) : this.getItem(obj, key as Ref);
        pushed.push(old);
        const rhs = this.evalExpr(s.value, frame);
        pushed.push(rhs);
        result = this.inplaceOp(s.op, old, rhs, null, frame);
      }
    } catch (err) {
      this.unwind(pushed);
      throw err;
    }
    // The operands leave the stack; the result is stored.
    const rhs = pushed.pop() as Ref;
    const old = pushed.pop() as Ref;
    this.heap.decref(rhs);
    this.heap.decref(old);
    if (t.kind === 'Name') {
      this.storeName(t.id, result, frame);
      return;
    }
    const [obj, key] = pushed as [Ref, Ref | undefined];
    try {
      if (t.kind === 'Attribute') setAttr(this, obj, t.attr, result);
      else this.setItem(obj, key as Ref, result);
    } finally {
      this.unwind(pushed);
    }
  }

  /** `PyNumber_InPlace*`: lists extend in place; str `+=` may resize in place (`unicode_concatenate`). */
  private inplaceOp(op: Extract<Stmt, { kind: 'AugAssign' }>['op'], left: Ref, right: Ref, name: string | null, frame: Frame): Ref {
    const h = this.heap;
    const lp = h.get(left).payload;
    if (lp.kind === 'list' && op === '+') {
      const rp = h.get(right).payload;
      if (rp.kind !== 'list' && rp.kind !== 'tuple') throw new Refusal('list += of a non-sequence');
      this.listExtend(left, rp.items);
      return h.incref(left);
    }
    if (lp.kind === 'list' && op === '*') {
      const rp = h.get(right).payload;
      if (rp.kind === 'int' || rp.kind === 'bool') return listInplaceRepeat(this, left, rp.kind === 'int' ? rp.value : rp.value ? 1n : 0n);
    }
    const union = op === '|' ? dictUnion(this, left, right, true) : null;
    if (union !== null) return union;
    this.guardArith(left, right);
    const result = binaryOp(h, this.msgs, op, left, right);
    if (lp.kind === 'str' && op === '+' && name !== null && result !== left) {
      // `unicode_concatenate`: when only the name and the stack hold the left str, CPython
      // resizes it in place; `PyObject_Realloc` may keep or move the block.
      void frame;
      h.widenAddress(result, h.get(left).address);
    }
    return result;
  }

  private deleteTarget(t: Target, frame: Frame): void {
    switch (t.kind) {
      case 'Name':
        this.deleteName(t.id, frame);
        return;
      case 'Tuple':
      case 'List':
        t.elts.forEach((x) => this.deleteTarget(x, frame));
        return;
      case 'Attribute': {
        const obj = this.evalExpr(t.value, frame);
        try {
          delAttr(this, obj, t.attr);
        } finally {
          this.heap.decref(obj);
        }
        return;
      }
      case 'Subscript': {
        const obj = this.evalExpr(t.value, frame);
        const key = this.evalHolding(obj, t.index, frame);
        try {
          this.delItem(obj, key);
        } finally {
          this.heap.decref(key);
          this.heap.decref(obj);
        }
        return;
      }
    }
  }

  // ---- functions and classes ------------------------------------------------------------------

  private defineFunction(s: Extract<Stmt, { kind: 'FunctionDef' }>, frame: Frame): void {
    const decorators = decoratorKinds(s, frame);
    const code = frame.code.children.get(s);
    if (!code) throw new Error('model bug: no code object for a def');
    // Defaults are evaluated (and packed in a tuple, `BUILD_TUPLE`) when `def` runs.
    const defaults = packDefaults(this, s.params, s.params.filter((p) => p.default !== null).map((p) => this.evalExpr(p.default as Expr, frame)));
    const extras = evalFunctionAnnotations(this, s, frame);
    const closure = makeClosure(this, code, frame);
    noteParameters(this, code, s.params);
    // The function object: a GC object whose size the model leaves unknown.
    const fn = this.heap.object({ kind: 'function', name: s.name, codeObject: this.heap.incref(code.ref), defaults, ...withClosure({ code, params: s.params }, closure, extras) });
    this.storeName(s.name, applyDecorators(this, decorators, fn), frame);
  }

  private defineClass(s: Extract<Stmt, { kind: 'ClassDef' }>, frame: Frame): void {
    if (s.decorators.length > 0) throw new Refusal('class decorators');
    const code = frame.code.children.get(s);
    if (!code) throw new Error('model bug: no code object for a class');
    if (s.bases.length > 1) throw new Refusal('multiple inheritance');
    let base: Ref | null = null;
    if (s.bases.length === 1) {
      base = this.evalExpr(s.bases[0] as Expr, frame);
      const bp = this.heap.get(base).payload;
      const fromStr = bp.kind === 'type' && this.builtinTypes.get('str') === base; // see str-subclass.ts
      if ((bp.kind !== 'type' || this.builtinTypes.get(bp.name) === base) && !fromStr) {
        this.heap.decref(base);
        if (bp.kind === 'type' && bp.name === 'object') base = null;
        else throw new Refusal('a class deriving from a builtin type');
      }
    }
    // `__build_class__` runs the body in a fresh namespace, then `type_new` copies it.
    const ns = new Map<string, Ref>();
    const body: Frame = { code, kind: 'class', fast: NO_FAST_LOCALS, ns, globals: frame.globals, ...classBodyCells(this, code) };
    if (code.annotated) setupModuleAnnotations(this, code.body, body);
    this.depth++;
    try {
      const c = this.execBody(code.body, body);
      if (c.kind !== 'normal') throw new Refusal(`'${c.kind}' in a class body`);
    } catch (err) {
      releaseClassCell(this, body);
      throw err;
    } finally {
      this.depth--;
    }
    // An empty body (`class Node: pass`, common) has no names to check: none of the lookups below.
    const slots = ns.size === 0 ? null : this.readSlots(ns);
    if (base !== null && derivesFromStr(this, base) && (slots !== null || ns.has('__init__'))) throw new Refusal('__slots__ or __init__ in a str subclass');
    for (const [name, v] of ns) {
      const p = this.heap.get(v).payload;
      if (name.startsWith('__') && name.endsWith('__') && !MODELLED_SPECIAL_NAMES.has(name) && name !== '__annotations__') {
        throw new Refusal(`the special method or attribute ${name}`);
      }
      if (p.kind === 'function' && !MODELLED_SPECIAL_NAMES.has(name) && /^__.*__$/.test(name)) throw new Refusal(`the special method ${name}`);
    }
    if (base !== null && isExceptionClass(this, base)) checkExceptionClass(this, s, base, ns, frame);
    if (ns.size > 0) completeEqualityNamespace(this, ns);
    this.pos = s.pos;
    // The class object, its MRO tuple, its dict: allocations and free-list traffic the model
    // does not follow; and the class is referenced from places the model does not count.
    this.heap.loseFreeListOrder();
    const cls = this.heap.object({ kind: 'type', name: s.name, attrs: ns, slots, base }, null, { refcntKnown: false });
    this.noteHeapType(cls);
    setClassCell(this, body, cls);
    this.storeName(s.name, cls, frame);
  }

  private readSlots(ns: Map<string, Ref>): string[] | null {
    const v = ns.get('__slots__');
    if (v === undefined) return null;
    const h = this.heap;
    const p = h.get(v).payload;
    // (loops, no closures: a slotted class is common in the bench's programs)
    let out: string[] | null = null;
    if (p.kind === 'str') out = [p.value];
    else if (p.kind === 'tuple' || p.kind === 'list') {
      out = new Array<string>(p.items.length);
      for (let i = 0; i < p.items.length; i++) {
        const item = h.get(p.items[i] as Ref).payload;
        if (item.kind !== 'str') {
          out = null;
          break;
        }
        out[i] = item.value;
      }
    }
    if (out === null) throw new Refusal('__slots__ that is not a str, tuple or list of str');
    if (out.includes('__dict__')) throw new Refusal("'__dict__' in __slots__");
    return out;
  }

  /**
   * Calls a Python function. `args` are the caller's stack references: with
   * `callerHoldsArgumentReference` (3.8-3.10) the frame INCREFs its own, and the caller
   * releases its references after the call; otherwise (3.11+, an inlined call) the frame
   * takes them over (`steal`), and the caller does not release them.
   */
  callFunction(fn: Ref, args: Ref[], steal: boolean, kw: readonly KeywordArg[] = [], framePushed?: () => void): Ref {
    const h = this.heap;
    const fp = h.payload(fn, 'function');
    const { code, params } = fp.code as { code: CodeObject; params: Extract<Stmt, { kind: 'FunctionDef' }>['params'] };
    const nDefaults = fp.defaults.length;
    const facts = this.codeFacts(code, params);
    const extended = facts.extended;
    if (this.depth >= MAX_DEPTH) throw new Refusal('recursion deeper than 100 calls');
    if (this.cfg.callerHoldsArgumentReference && !facts.called) {
      // 3.8-3.10: the first call allocates the frame object (kept as `co_zombieframe`).
      h.allocator.untrackedAtLeast(300);
    }
    facts.called = true;
    // Arguments that do not fit: the TypeError (`kw` here only for a simple signature that does not fit).
    if (!extended && (kw.length > 0 || args.length > params.length || args.length < params.length - nDefaults)) checkArguments(this, fn, params, args, kw, steal);
    const fast = new Map<string, Ref | null>();
    for (const name of code.locals) fast.set(name, null);
    // `*args`, `**kwargs`, keyword-only, positional-only: signatures.ts (`named`: the values of the
    // parameters before `*args`/`**kwargs`, which come last in `params`).
    const named = extended ? bindSignature(this, fn, params, args, kw, steal, fast) : null;
    // Loops, not closures, in this function: V8 would make their context at every call.
    if (!extended) for (let i = 0; i < params.length; i++) {
      const a = args[i];
      const name = (params[i] as { name: string }).name;
      if (a !== undefined) fast.set(name, steal ? a : h.incref(a));
      else fast.set(name, h.incref(fp.defaults[i - (params.length - nDefaults)] as Ref));
    }
    const ns = (this.functionNames ??= new Map<string, Ref>());
    const frame: Frame = facts.hasCells ? { code, kind: 'function', fast, ns, globals: this.globals, ...enterCells(this, code, fn, fast, facts.paramNames) } : { code, kind: 'function', fast, ns, globals: this.globals };
    // `_PyEvalFramePushAndInit_Ex` (call-unpacking.ts): the argument tuple goes before the body runs.
    framePushed?.();
    if (facts.generator) return makeGeneratorFunctionCall(this, fn, frame);
    this.borrows?.enterFrame(frame, params, fn, named ?? args, steal);
    this.depth++;
    let result: Ref;
    try {
      const c = this.execBody(code.body, frame);
      result = c.kind === 'return' ? c.value : h.none();
    } catch (err) {
      // Left by an exception: its traceback keeps the frame, and the locals, alive.
      keepFrameAlive(err, frameClearing(this, frame));
      throw err;
    } finally {
      this.depth--;
      this.borrows?.exitFrame(frame);
    }
    // The frame ends: locals released in `co_varnames` order.
    clearFrame(this, frame);
    return result;
  }

  /** What every call of a code object needs to know about it, found at its first call in this run. */
  private codeFacts(code: CodeObject, params: readonly Parameter[]): CodeFacts {
    const factsOfCode = (this.factsOfCode ??= new Map<CodeObject, CodeFacts>());
    let facts = factsOfCode.get(code);
    if (facts === undefined) {
      facts = {
        extended: hasSignatureExtras(params),
        generator: isGeneratorBody(code.body),
        hasCells: code.cellVars.length > 0 || code.freeVars.length > 0,
        paramNames: params.map((p) => p.name),
        called: false,
      };
      factsOfCode.set(code, facts);
    }
    return facts;
  }

  /** Instantiation (`type_call` -> `object_new`, then `__init__` through `slot_tp_init`); `facts`: the class's `classFacts`. */
  private instantiate(cls: Ref, facts: ClassFacts, args: Ref[], kw: KeywordArg[], stolen: boolean): Ref {
    const h = this.heap;
    // `_PyObject_MakeTpCall`: the positional arguments are packed in a tuple for `tp_call`.
    const argTuple = args.length > 0 && !stolen ? h.tuple(h.increfAll(args)) : null;
    const kwDict = kw.length > 0 ? kwargsDict(this, kw) : null;
    h.incref(cls);
    const obj = h.instance(newInstancePayload(cls, facts.slotted), facts.size);
    facts.instances++;
    if (facts.withDict && this.cfg.managedDict) {
      // 3.11+: the managed dict's values array (`_PyObject_InitInlineValues`), size unknown.
      h.allocator.untracked('unknown');
    }
    try {
      const init = lookupClassAttr(this, cls, '__init__');
      if (init !== null) {
        const ret = kw.length > 0 ? this.initWithKeywords(init, obj, args, kw) : stolen ? this.callFunction(init, [h.incref(obj), ...args], true) : this.callFunction(init, [obj, ...args], false);
        const isNone = h.get(ret).payload.kind === 'NoneType';
        h.decref(ret);
        if (!isNone) throw new PyException('TypeError', `__init__() should return None, not '${typeName(h, ret)}'`);
      } else if (args.length > 0 || kw.length > 0) {
        throw new PyException('TypeError', `${h.payload(cls, 'type').name}() takes no arguments`);
      }
    } finally {
      // `_PyObject_MakeTpCall`: the argument tuple is released, then the keyword dict.
      if (argTuple !== null) h.decref(argTuple);
      if (kwDict !== null) h.decref(kwDict);
    }
    return obj;
  }

  /** Instances `cls` has made in the run (`instantiate`; instance-dict.ts sizes `__dict__` by it). */
  instancesMade(cls: Ref): number {
    return this.factsOfClass?.get(cls)?.instances ?? 0;
  }

  /** The facts of `cls` (a class) for this run, found at its first call. */
  private classFacts(cls: Ref): ClassFacts {
    const known = this.factsOfClass?.get(cls);
    if (known !== undefined) return known;
    const tp = this.heap.payload(cls, 'type');
    let size: number | null = null;
    if (this.cfg.core.instanceAllocationKnown && tp.base === null) {
      size = tp.slots === null ? this.cfg.core.sizes.instance : slotsInstanceSize(tp.slots, this.cfg.core);
    }
    const facts = new ClassFacts(hasDict(this, cls), declaresSlots(this, cls), size);
    (this.factsOfClass ??= new Map()).set(cls, facts);
    return facts;
  }

  /**
   * What calling `cls` does (a `CLASS_CALL_*`): asked at its first call in the run, and the same
   * at every later one (a class's name and bases do not change; the lookups below make the
   * builtin types they name at the first call, in this order, and only find them later).
   */
  private classCallKind(cls: Ref, facts: ClassFacts): number {
    if (facts.callKind !== CLASS_CALL_UNKNOWN) return facts.callKind;
    const p = this.heap.payload(cls, 'type');
    const builtin = this.builtinTypes.get(p.name) === cls;
    const fromStr = !builtin && derivesFromStr(this, cls);
    const kind = isExceptionClass(this, cls) ? CLASS_CALL_EXCEPTION : builtin ? CLASS_CALL_BUILTIN : fromStr ? CLASS_CALL_STR_SUBCLASS : CLASS_CALL_INSTANCE;
    facts.callKind = kind;
    // Keywords are taken by classes made by the program, not deriving from str (`userCallable`).
    facts.takesKeywords = !builtin && !fromStr;
    return kind;
  }

  /**
   * `slot_tp_init` with keywords: `_PyObject_Call_Prepend` -> `_PyObject_FastCallDictTstate` ->
   * `_PyStack_UnpackDict` copies self, the positional arguments and the keyword values into a new
   * array (a reference each) and the names into a new tuple, freed after the call
   * (`_PyStack_UnpackDict_Free`). Measured: `C(a=x)` counts x and self one more inside `__init__`
   * than `C(x)` on 3.8-3.14. The array (`PyMem_Malloc`) is not followed.
   */
  private initWithKeywords(init: Ref, obj: Ref, args: readonly Ref[], kw: KeywordArg[]): Ref {
    const h = this.heap;
    const held = [obj, ...args, ...kw.map((k) => k.value)];
    const arrayBytes = (held.length + 1) * this.cfg.core.pointerSize;
    h.allocator.untracked(arrayBytes);
    for (const r of held) h.incref(r);
    const kwnames = h.tuple(kw.map((k) => this.nameStr(k.name)));
    try {
      return callFunctionWithKeywords(this, init, [obj, ...args], kw, false);
    } finally {
      for (const r of held) h.decref(r);
      h.allocator.untracked(arrayBytes);
      h.decref(kwnames);
    }
  }

  // ---- attributes ---------------------------------------------------------------------------------

  /** While `hasattr` runs, the AttributeError is swallowed: its suggestion does not matter. */
  suppressSuggestions = false;

  /** The `builtins` module (a new reference), as `exec` puts it in a globals dict. */
  builtinsModule(): Ref {
    return this.heap.preexisting('module:builtins', () => ({ kind: 'module', name: 'builtins', attrs: new Map() }), false);
  }

  /** An interned attribute name as a heap str (`co_names` entries are interned). */
  nameStr(name: string): Ref {
    return identifierObject(this.heap, this.cfg.codeNamesImmortal, name);
  }

  // ---- subscripts ------------------------------------------------------------------------------------

  /** A subscript's int as an index into a sequence of `seqLen` items (`SUBSCRIPTS`: the messages and the int's range). */
  private index(seqLen: number, key: Ref, kind: SubscriptKind): number {
    const kp = this.heap.get(key).payload;
    const n = kp.kind === 'int' ? kp.value : kp.kind === 'bool' ? (kp.value ? 1n : 0n) : null;
    const s = SUBSCRIPTS[kind];
    if (n === null) {
      const tn = typeName(this.heap, key);
      throw new PyException('TypeError', s.indices === 'string' ? this.msgs.strIndexType(tn) : `${s.indices} indices must be integers or slices, not ${tn}`);
    }
    if (s.ssize) checkSsize(this.heap, n, 'IndexError');
    const i = n < 0n ? n + BigInt(seqLen) : n;
    if (i < 0n || i >= BigInt(seqLen)) throw new PyException('IndexError', s.outOfRange);
    return Number(i);
  }

  getItem(obj: Ref, key: Ref): Ref {
    const h = this.heap;
    if (isTypingObject(this, obj)) return typingSubscript(this, obj, key);
    const p = h.get(obj).payload;
    if (h.get(key).payload.kind === 'NoneType' || this.isSliceKey(key)) throw new Refusal('slicing');
    switch (p.kind) {
      case 'list':
      case 'tuple':
        return h.incref(p.items[this.index(p.items.length, key, p.kind)] as Ref);
      case 'str': {
        const chars = codePoints(p.value);
        return h.str(chars[this.index(chars.length, key, 'str')] as string);
      }
      case 'bytes':
        return h.intOfSafe(p.value[this.index(p.value.length, key, 'bytes')] as number);
      case 'range': {
        const len = rangeLength(p);
        const kp = h.get(key).payload;
        if (len > BigInt(Number.MAX_SAFE_INTEGER) && kp.kind === 'int') {
          // `compute_range_item` on ints: exact for any length.
          const at = kp.value < 0n ? kp.value + len : kp.value;
          if (at < 0n || at >= len) throw new PyException('IndexError', SUBSCRIPTS.range.outOfRange);
          return h.int(p.start + at * p.step);
        }
        const i = this.index(Number(len), key, 'range');
        return h.int(p.start + BigInt(i) * p.step);
      }
      case 'dict': {
        const e = this.keyed.findEntry(p.entries, key);
        if (!e) throw keyError(this, key);
        return h.incref(e.value);
      }
      default:
        refuseStrSubclass(h, obj, 'subscripting');
        throw new PyException('TypeError', `'${typeName(h, obj)}' object is not subscriptable`);
    }
  }

  private isSliceKey(_key: Ref): boolean {
    return false;
  }

  /** `x[a:b:c]`: `BUILD_SLICE` + `BINARY_SUBSCR` (3.12+ `BINARY_SLICE`); the slice object comes from a one-entry cache. */
  private evalSlice(value: Expr, slice: Extract<Expr, { kind: 'Slice' }>, frame: Frame): Ref {
    const h = this.heap;
    const obj = this.evalExpr(value, frame);
    try {
      const lower = this.sliceBound(slice.lower, frame);
      const upper = this.sliceBound(slice.upper, frame);
      const step = this.sliceBound(slice.step, frame);
      return this.slice(obj, lower, upper, step);
    } finally {
      h.decref(obj);
    }
  }

  /**
   * A slice bound as a number (null: None or absent). An int beyond 2**53 becomes a rounded or
   * infinite double: it is beyond every sequence's length either way, so it clamps alike.
   */
  private sliceBound(b: Expr | null, frame: Frame): number | null {
    if (b === null) return null;
    const h = this.heap;
    const r = this.evalExpr(b, frame);
    const p = h.get(r).payload;
    h.decref(r);
    if (p.kind === 'NoneType') return null;
    if (p.kind === 'int') return intNumber(p);
    if (p.kind === 'bool') return p.value ? 1 : 0;
    throw new PyException('TypeError', 'slice indices must be integers or None or have an __index__ method');
  }

  /**
   * The result of slicing, with CPython's identity shortcuts (`unicode_subscript`,
   * `bytes_subscript`, `tuplesubscript`): an empty result is the empty singleton, the whole
   * sequence with step 1 is the object itself, a 1-character str or 1-byte bytes with step 1
   * comes from the cache; lists are always new (`list_slice`, exact capacity).
   */
  private slice(obj: Ref, lower: number | null, upper: number | null, stepArg: number | null): Ref {
    const h = this.heap;
    const p = h.get(obj).payload;
    const items: ArrayLike<unknown> | null =
      p.kind === 'str' ? codePoints(p.value) : p.kind === 'bytes' ? p.value : p.kind === 'tuple' || p.kind === 'list' ? p.items : null;
    if (items === null) throw new Refusal(`slicing a ${typeName(h, obj)}`);
    const step = stepArg ?? 1;
    if (step === 0) throw new PyException('ValueError', 'slice step cannot be zero');
    const len = items.length;
    // `PySlice_Unpack` + `PySlice_AdjustIndices`.
    const start = adjustSliceIndex(lower, step < 0 ? len - 1 : 0, len, step);
    const stop = adjustSliceIndex(upper, step < 0 ? -1 : len, len, step);
    let n = 0;
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) n++;
    const picked = new Array<number>(n);
    n = 0;
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) picked[n++] = i;
    const whole = step === 1 && start === 0 && n === len;
    switch (p.kind) {
      case 'str': {
        if (n === 0) return h.str('');
        if (whole) return h.incref(obj);
        let text = '';
        for (let k = 0; k < n; k++) text += items[picked[k] as number] as string;
        if (n === 1 && step !== 1) throw new Refusal('a 1-character slice with a step');
        return n === 1 ? h.str(text) : this.newStr(text);
      }
      case 'bytes': {
        const vals = new Array<number>(n);
        for (let k = 0; k < n; k++) vals[k] = items[picked[k] as number] as number;
        if (n === 0) return h.bytes([]);
        if (whole) return h.incref(obj);
        // (`vals` is new: taken by the object, not copied by `Heap.bytes`, past the 1-byte cache)
        return step === 1 && n === 1 ? h.bytes(vals) : h.object({ kind: 'bytes', value: vals });
      }
      case 'tuple':
        if (n === 0) return h.tuple([]);
        if (whole) return h.incref(obj);
        return h.tuple(pickedRefs(h, items as readonly Ref[], picked));
      case 'list':
        return h.list(pickedRefs(h, items as readonly Ref[], picked));
      default:
        throw new Refusal(`slicing a ${typeName(h, obj)}`);
    }
  }

  /** `PyObject_SetItem` with the value's reference taken over (released if the store fails). */
  setItem(obj: Ref, key: Ref, value: Ref): void {
    try {
      this.storeItem(obj, key, value);
    } catch (err) {
      // Every failure of `storeItem` comes before the value is stored.
      this.heap.decref(value);
      throw err;
    }
  }

  private storeItem(obj: Ref, key: Ref, value: Ref): void {
    const h = this.heap;
    const p = h.get(obj).payload;
    if (p.kind === 'list') {
      const i = this.index(p.items.length, key, 'list assignment');
      const old = p.items[i] as Ref;
      p.items[i] = value;
      h.decref(old);
      return;
    }
    if (p.kind === 'dict') {
      this.insertion.begin(key, value, true);
      let e: DictEntry | undefined;
      try {
        e = this.keyed.findEntry(p.entries, key);
      } finally {
        this.insertion.end();
      }
      if (e) {
        const old = e.value;
        e.value = value;
        h.decref(old);
      } else {
        h.dictKeysChanged();
        this.keyed.appendEntry(p.entries, { key: h.incref(key), value });
      }
      return;
    }
    throw new PyException('TypeError', `'${typeName(h, obj)}' object does not support item assignment`);
  }

  private delItem(obj: Ref, key: Ref): void {
    const h = this.heap;
    const p = h.get(obj).payload;
    if (p.kind === 'list') {
      const i = this.index(p.items.length, key, 'list assignment');
      const [old] = p.items.splice(i, 1);
      if (old !== undefined) h.decref(old);
      return;
    }
    if (p.kind === 'dict') {
      const e = this.keyed.removeEntry(p.entries, key);
      if (!e) throw keyError(this, key);
      h.decref(e.key);
      h.decref(e.value);
      return;
    }
    throw new PyException('TypeError', `'${typeName(h, obj)}' object does not support item deletion`);
  }

  // ---- lists -------------------------------------------------------------------------------------------

  /** `Objects/listobject.c` `list_resize`: the capacity a list of `size` items grows to. */
  grownCapacity(allocated: number, size: number, newSize: number): number {
    if (allocated >= newSize && newSize >= allocated >> 1) return allocated;
    if (newSize === 0) return 0;
    if (this.cfg.listGrowth === 'py38') return newSize + (newSize >> 3) + (newSize < 9 ? 3 : 6);
    let cap = (newSize + (newSize >> 3) + 6) & ~3;
    if (newSize - size > cap - newSize) cap = (newSize + 3) & ~3;
    return cap;
  }

  /**
   * `list_extend` / `list.append`: items are incref'd into the list, resizing as CPython
   * does: `presize` 'exact' / 'even' when an empty list is filled from a sized sequence
   * (`list_preallocate_exact` rounds up to even from 3.10), else `list_resize`.
   */
  listExtend(list: Ref, items: readonly Ref[], presize: 'exact' | 'even' | 'resize' = 'resize'): void {
    const h = this.heap;
    const p = h.payload(list, 'list');
    const newSize = p.items.length + items.length;
    const cap =
      presize === 'exact' ? newSize : presize === 'even' ? (newSize + 1) & ~1 : this.grownCapacity(p.capacity, p.items.length, newSize);
    if (cap !== p.capacity) h.listResize(list, cap);
    // `list_extend` reads the count before it copies: `l += l` (items is the list's own array) doubles it once.
    const n = items.length;
    for (let i = 0; i < n; i++) p.items.push(h.incref(items[i] as Ref));
  }

  /** `list.append` (`app1`): `listExtend` of one item, without the array. */
  listAppend(list: Ref, item: Ref): void {
    const p = this.heap.get(list).payload;
    if (p.kind !== 'list') throw new Error(`model bug: #${list} is ${p.kind}, not list`);
    this.appendToList(list, p, item);
  }

  /**
   * `listAppend` of the list whose payload `p` the caller has read: its kind tested where it was
   * read, not in `Heap.payload` (inlined, its `kind` load sees the payloads of every caller).
   */
  private appendToList(list: Ref, p: Extract<Payload, { kind: 'list' }>, item: Ref): void {
    const h = this.heap;
    const n = p.items.length;
    const cap = this.grownCapacity(p.capacity, n, n + 1);
    if (cap !== p.capacity) h.listResize(list, cap);
    p.items.push(h.incref(item));
  }

  // ---- expressions ---------------------------------------------------------------------------------

  /** Evaluates an expression to a NEW reference (a value on the evaluation stack). */
  evalExpr(e: Expr, frame: Frame): Ref {
    const ledger = this.borrows;
    if (ledger === null || frame.kind !== 'function') return this.evalNode(e, frame);
    // What this node consumed is released when it is done; a borrowed load lives until its consumer is done.
    const mark = ledger.mark();
    const v = this.evalNode(e, frame);
    ledger.release(mark);
    if (e.kind === 'Name') this.noteLoad(e, v, frame);
    return v;
  }

  /** A fast local's value pushed by `LOAD_FAST_BORROW` (or a load the model cannot decide) goes in the ledger. */
  private noteLoad(e: Extract<Expr, { kind: 'Name' }>, v: Ref, frame: Frame): void {
    const status = this.loadStatus(e, frame);
    if (status !== null) this.borrows?.noteLoad(v, status, frame, e);
  }

  /** The status of `e`'s load when it is a fast local's (null: a strong reference, or not a load). */
  loadStatus(e: Expr | null, frame: Frame): LoadStatus | null {
    const ledger = this.borrows;
    if (ledger === null || e?.kind !== 'Name' || frame.kind !== 'function' || !this.isFastLocal(e.id, frame)) return null;
    return ledger.statusOf(e, frame);
  }

  /** The status of each argument's load, for the frame of the Python function about to be called. */
  private expectCallBorrows(fn: Ref, e: Extract<Expr, { kind: 'Call' }>, frame: Frame, self: Expr | null, selfFirst = false): void {
    // Out before the closure below: V8 makes its context on entry, on every call.
    if (this.borrows !== null) this.expectCallBorrowsOf(this.borrows, fn, e, frame, self, selfFirst);
  }

  private expectCallBorrowsOf(ledger: BorrowLedger, fn: Ref, e: Extract<Expr, { kind: 'Call' }>, frame: Frame, self: Expr | null, selfFirst: boolean): void {
    const status = (x: Expr | null) => this.loadStatus(x, frame);
    const positional = e.args.map(status);
    const keywords = new Map(e.keywords.map((k) => [k.name, status(k.value)]));
    const p = this.heap.get(fn).payload;
    // `obj.meth(...)` without a bound method (LOAD_ATTR's method form): `self` is the first argument.
    if (p.kind === 'function' && selfFirst) ledger.expectCall(fn, [status(self), ...positional], keywords);
    else if (p.kind === 'function') ledger.expectCall(fn, positional, keywords);
    else if (p.kind === 'method' && this.heap.get(p.func).payload.kind === 'function') ledger.expectCall(p.func, [status(self), ...positional], keywords);
    else ledger.noCall();
  }

  private evalNode(e: Expr, frame: Frame): Ref {
    // Read once: nodes of every kind pass here, so each read of `kind` is a megamorphic load.
    const { kind } = e;
    // The most common node, and never a constant (`constOf` holds literals and folded nodes only).
    if (kind === 'Name') return this.loadName(e.id, frame);
    // The next most common, never a constant either (no call folds): found without the switch.
    if (kind === 'Call') return this.evalCall(e, frame);
    const h = this.heap;
    // `constOf` holds Const nodes, and folded ones only when the unit folded any (compile.ts):
    // a unit without folds (the loops that make objects) skips the lookup for other kinds.
    if (kind === 'Const' || frame.code.folds) {
      const c = frame.code.constOf.get(e);
      if (c !== undefined) return h.incref(c);
    }
    switch (kind) {
      case 'Const':
        throw new Error('model bug: a constant without a compiled object');
      case 'Tuple':
        if (frame.code.unpacks && hasStarredItem(e.elts)) return evalStarredDisplay(this, e, frame);
        return h.tupleTaking(this.evalItems(e.elts, frame));
      case 'List': {
        if (frame.code.unpacks && hasStarredItem(e.elts)) return evalStarredDisplay(this, e, frame);
        // Most units have no constant list display and none iterated: no lookups (sizes read first).
        const constTuple = frame.code.listExtendConst.size === 0 ? undefined : frame.code.listExtendConst.get(e);
        if (constTuple !== undefined) {
          // `BUILD_LIST 0; LOAD_CONST tuple; LIST_EXTEND 1` (3.9+).
          const list = h.list([], 0);
          const items = h.payload(constTuple, 'tuple').items;
          this.listExtend(list, items, this.cfg.listLiteralOfConstants === 'even' ? 'even' : 'resize');
          return list;
        }
        const items = this.evalItems(e.elts, frame);
        // `fold_iter`: a list display iterated by `for` or tested by `in` is built as a tuple.
        if (frame.code.iterAsTuple.size !== 0 && frame.code.iterAsTuple.has(e)) return h.tupleTaking(items);
        return h.listTaking(items);
      }
      case 'Set': {
        if (frame.code.unpacks && hasStarredItem(e.elts)) return evalStarredDisplay(this, e, frame);
        const constSet = frame.code.setUpdateConst.get(e);
        // `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1` (3.9+, `starunpack_helper`): `set_merge` copies the items.
        // No closures in this function: V8 would allocate their context on every evaluation of every node.
        const items = constSet !== undefined ? h.increfAll((h.get(constSet).payload as { readonly items: readonly Ref[] }).items) : this.evalItems(e.elts, frame);
        return this.makeSet('set', items);
      }
      case 'Dict':
        return this.makeDict(this.evalDictItems(e.keys, e.values, frame));
      case 'BinOp': {
        const l = this.evalExpr(e.left, frame);
        const r = this.evalHolding(l, e.right, frame);
        try {
          const union = e.op === '|' ? dictUnion(this, l, r, false) : null;
          if (union !== null) return union;
          this.guardArith(l, r);
          return binaryOp(h, this.msgs, e.op, l, r);
        } finally {
          h.decref(l);
          h.decref(r);
        }
      }
      case 'UnaryOp': {
        const v = this.evalExpr(e.operand, frame);
        try {
          if (e.op === 'not') return h.bool(!this.truth(v));
          this.guardArith(v, v);
          return unaryOp(h, e.op, v);
        } finally {
          h.decref(v);
        }
      }
      case 'BoolOp': {
        // `JUMP_IF_FALSE_OR_POP`: the deciding operand itself is the result.
        let v = this.evalExpr(e.values[0] as Expr, frame);
        for (const next of e.values.slice(1)) {
          const t = this.truth(v);
          if ((e.op === 'and' && !t) || (e.op === 'or' && t)) return v;
          h.decref(v);
          v = this.evalExpr(next, frame);
        }
        return v;
      }
      case 'Compare':
        return this.evalCompare(e, frame);
      case 'IfExp': {
        const t = this.evalExpr(e.test, frame);
        const truth = this.truth(t);
        h.decref(t);
        return this.evalExpr(truth ? e.body : e.orelse, frame);
      }
      case 'Attribute': {
        const obj = this.evalExpr(e.value, frame);
        try {
          return getAttr(this, obj, e.attr);
        } finally {
          h.decref(obj);
        }
      }
      case 'Subscript': {
        if (e.index.kind === 'Slice') return this.evalSlice(e.value, e.index, frame);
        const obj = this.evalExpr(e.value, frame);
        const key = this.evalHolding(obj, e.index, frame);
        try {
          return this.getItem(obj, key);
        } finally {
          h.decref(obj);
          h.decref(key);
        }
      }
      case 'Slice':
        throw new Refusal('slicing');
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return evalComprehension(this, e, frame);
      case 'FString':
        // Source never gives one (syntax/literals.ts makes it the constant CPython loads); a built tree might.
        if (e.parts.every((p) => typeof p === 'string')) throw new Refusal('an f-string without fields', "CPython's compiler loads it as a constant", e.pos);
        return this.evalFString(e.parts, frame);
      case 'Lambda':
        return makeLambda(this, e, frame);
      case 'Starred':
        // The parser places `*x` in call arguments only, which `evalCall` unpacks.
        throw new Refusal('a starred expression here', undefined, e.pos);
    }
  }

  makeSet(kind: 'set' | 'frozenset', items: Ref[]): Ref {
    const h = this.heap;
    const unique: Ref[] = [];
    // `BUILD_SET`: every item leaves the stack even after one fails to hash; then the set is freed.
    for (let i = 0; i < items.length; i++) {
      const x = items[i] as Ref;
      try {
        if (!addSetItem(this, unique, x, kind)) h.decref(x);
      } catch (err) {
        h.decref(x);
        for (const rest of items.slice(i + 1)) h.decref(rest);
        for (const u of unique) h.decref(u);
        throw err;
      }
    }
    if (unique.length > 4) h.allocator.untracked('unknown');
    return h.set(kind, unique);
  }

  /** `BUILD_MAP`: later equal keys keep the first key object and the last value. */
  makeDict(entries: { key: Ref; value: Ref }[]): Ref {
    const h = this.heap;
    if (entries.length === 1) {
      // One key: hashed, never compared (the lookup in an empty dict), so no index for an array `h.dict` copies.
      const only = entries[0] as { key: Ref; value: Ref };
      this.insertion.begin(only.key, only.value, true, NO_ENTRIES);
      try {
        this.keyed.classifyDictKey(only.key);
      } finally {
        this.insertion.end();
      }
      return h.dict(entries);
    }
    const out: { key: Ref; value: Ref }[] = [];
    for (const [i, { key, value }] of entries.entries()) {
      this.insertion.begin(key, value, true, entries.slice(0, i));
      let e: DictEntry | undefined;
      try {
        e = this.keyed.findEntry(out, key);
      } finally {
        this.insertion.end();
      }
      if (e) {
        const old = e.value;
        e.value = value;
        h.decref(key);
        h.decref(old);
      } else this.keyed.appendEntry(out, { key, value });
    }
    return h.dict(out);
  }

  /** The class of each plain key hashed so far (hashable objects never change: made once per key object). */
  private readonly plainKeys = new RefTable<PlainKey>();
  /** Runs `__eq__`/`__ne__` written in Python for `pyEquals` (user-equality.ts). */
  readonly userEquals = userEqualityHook(this);
  /** The key a dict or set insertion holds while it hashes and compares (user-equality.ts). */
  readonly insertion = new KeyInsertion();
  /** Classes made by `class` statements (heap types), as opposed to static types (name-attributes.ts). */
  private heapTypeSet: Set<Ref> | null = null;
  get heapTypes(): ReadonlySet<Ref> {
    return this.heapTypeSet ?? NO_REFS;
  }
  /** `heapTypes` gets `cls` (made at the first: most runs define no class). */
  noteHeapType(cls: Ref): void {
    (this.heapTypeSet ??= new Set()).add(cls);
  }
  /** Hashed lookups in dicts and sets: every dict and set method goes through it. */
  readonly keyed = new KeyedLookup(new InterpreterKeyRules(this));

  /** `hash(a) == hash(b) and a == b` for dict keys and set items (hashable objects never change). */
  keyEquals(a: Ref, b: Ref): boolean {
    if (a === b) return true;
    if (comparesInPython(this.heap, a) || comparesInPython(this.heap, b) || this.userHashed(a) || this.userHashed(b)) return storedKeyEquals(this, a, b);
    const aa = this.addressInts.get(a);
    const ba = this.addressInts.get(b);
    if (aa !== undefined && ba !== undefined) return this.sameAddress(aa, ba);
    if (aa !== undefined || ba !== undefined) {
      const other = this.heap.get(aa !== undefined ? b : a).payload;
      if (!mayMatchAddress(other)) return false;
      if (other.kind === 'int') throw new Refusal('comparing an id() value with an int', "the model's addresses are not CPython's");
      return refuseFloatId();
    }
    // Each key in turn, without an array of the two (every equal-hash dict lookup asks).
    const unknown = this.unknownInts;
    const why = unknown.get(a) ?? unknown.get(b);
    if (why !== undefined) throw new Refusal('a value the model cannot know as a dict key or set item', why);
    return this.hashKeyOf(a) === this.hashKeyOf(b);
  }

  /** How `keyEquals` treats a key, for the hashed indexes of dicts and sets (keyed.ts). */
  classifyKey(ref: Ref, site?: KeySite): KeyClass {
    // An id() value first (an int, never an instance): `ids[id(x)] = v` without looking the key up in the heap.
    const address = this.addressInts.get(ref);
    if (address !== undefined) return address;
    if (this.heap.get(ref).payload.kind === 'instance') {
      const user = userKeyClass(this, ref, site);
      if (user !== null) return user;
    }
    if (this.unknownInts.has(ref)) return UNKNOWN_KEY;
    return site === undefined ? this.plainKey(ref) : this.plainKeyAt(ref, site);
  }

  /** `plainKey` for a key the program uses as `site`: an unhashable key's TypeError reworded per version. */
  private plainKeyAt(ref: Ref, site: KeySite): PlainKey {
    const known = this.plainKeys.get(ref);
    if (known !== undefined) return known;
    try {
      return this.plainKey(ref);
    } catch (e) {
      if (!(e instanceof PyException) || e.pyType !== 'TypeError') throw e;
      throw new PyException('TypeError', this.msgs.unhashable(site, typeName(this.heap, ref), e.pyMessage));
    }
  }

  private plainKey(ref: Ref): PlainKey {
    let k = this.plainKeys.get(ref);
    if (k === undefined) {
      k = { kind: 'plain', hash: hashKey(this.heap, ref), mayMatchAddress: mayMatchAddress(this.heap.get(ref).payload) };
      this.plainKeys.set(ref, k);
    }
    return k;
  }

  private hashKeyOf(ref: Ref): string {
    return this.plainKey(ref).hash;
  }

  private userHashed(ref: Ref): boolean {
    return this.heap.get(ref).payload.kind === 'instance' && pythonHashKind(this, ref) === 'python';
  }

  /** For two id() values, whether they are equal (as `sameAddress`); null when either is not one. */
  idValuesEqual(a: Ref, b: Ref): boolean | null {
    const la = this.addressInts.get(a);
    const lb = la === undefined ? undefined : this.addressInts.get(b);
    return la === undefined || lb === undefined ? null : this.sameAddress(la, lb);
  }

  /** Whether two id() values are equal, when the model can tell. */
  private sameAddress(a: { readonly address: Address; readonly owner: Ref }, b: { readonly address: Address; readonly owner: Ref }): boolean {
    if (a.owner === b.owner) return true;
    // Two live objects never share a block; an object with references the model does not know
    // may have been freed when its count reached zero (a deleted class), and its id reused.
    if (this.heap.certainlyAlive(a.owner) && this.heap.certainlyAlive(b.owner)) return false;
    if (this.heap.isAlive(a.owner) && this.heap.isAlive(b.owner)) {
      throw new Refusal('comparing these id() values', 'an object the model cannot count references to may have been freed, and its id reused');
    }
    const c = compareAddresses(a.address, b.address);
    if (!c.known) throw new Refusal('comparing these id() values', c.reason);
    return c.equal;
  }

  guardArith(l: Ref, r: Ref): void {
    // Both operands' dict-view check first, then each one's others (no arrays: every operation asks).
    refuseDictViewOperand(this, l, 'an operator');
    refuseDictViewOperand(this, r, 'an operator');
    this.guardOperand(l);
    this.guardOperand(r);
  }

  private guardOperand(x: Ref): void {
    refuseStrSubclass(this.heap, x, 'an operator');
    // Every id() value and unknown int is marked opaque (`noteAddressInt`, `noteUnknownInt`): the maps only for those.
    if (this.heap.opaqueWhy(x) === undefined) return;
    if (this.addressInts.has(x)) throw new Refusal('arithmetic on an id() value', "the model's addresses are not CPython's");
    const why = this.unknownInts.get(x);
    if (why !== undefined) throw new Refusal('arithmetic on a value the model cannot know', why);
  }

  truth(v: Ref): boolean {
    if (this.addressInts.has(v)) return true;
    const why = this.unknownInts.get(v);
    if (why !== undefined) throw new Refusal('the truth of a value the model cannot know', why);
    return isTrue(this.heap, v);
  }

  private evalCompare(e: Extract<Expr, { kind: 'Compare' }>, frame: Frame): Ref {
    const h = this.heap;
    let left = this.evalExpr(e.left, frame);
    for (let i = 0; i < e.ops.length; i++) {
      const op = e.ops[i] as (typeof e.ops)[number];
      const right = this.evalHolding(left, e.comparators[i] as Expr, frame);
      let result: boolean;
      // `==`/`!=` with a Python `__eq__`/`__ne__`: the result is the object the method returned.
      let obj: Ref | null = null;
      try {
        obj = userCompareResult(this, op, left, right, i < e.ops.length - 1);
        result = obj === null ? this.compare(op, left, right) : i === e.ops.length - 1 || this.truth(obj);
      } catch (err) {
        if (obj !== null) h.decref(obj);
        h.decref(left);
        h.decref(right);
        throw err;
      }
      h.decref(left);
      if (!result || i === e.ops.length - 1) {
        h.decref(right);
        return obj ?? h.bool(result);
      }
      if (obj !== null) h.decref(obj);
      left = right;
    }
    throw new Error('model bug: empty comparison');
  }

  private compare(op: Extract<Expr, { kind: 'Compare' }>['ops'][number], l: Ref, r: Ref): boolean {
    const h = this.heap;
    if (op === 'is' || op === 'is not') {
      // Most runs have no unknown int: no lookups (and no pair array) then.
      const unknown = this.unknownIntMap;
      if (unknown !== null) {
        const why = unknown.get(l) ?? unknown.get(r);
        if (why !== undefined) throw new Refusal('the identity of a value the model cannot know', why);
      }
      return op === 'is' ? l === r : l !== r;
    }
    if (op !== 'in' && op !== 'not in') refuseDictViewOperation(this, [l, r], `'${op}'`);
    const la = this.addressInts.get(l);
    const ra = this.addressInts.get(r);
    if (la !== undefined || ra !== undefined) {
      if ((op === '==' || op === '!=') && la !== undefined && ra !== undefined) {
        const equal = this.sameAddress(la, ra);
        return op === '==' ? equal : !equal;
      }
      // A set or dict compares its items with `keyEquals`, which knows id() values.
      if ((op === 'in' || op === 'not in') && ra === undefined && ['set', 'frozenset', 'dict'].includes(h.get(r).payload.kind)) {
        return this.contains(r, l) === (op === 'in');
      }
      throw new Refusal(`'${op}' with an id() value`, "the model's addresses are not CPython's");
    }
    for (const x of [l, r]) {
      const why = this.unknownInts.get(x);
      if (why !== undefined) throw new Refusal('comparing a value the model cannot know', why);
      refuseStrSubclass(h, x, `'${op}'`);
    }
    switch (op) {
      case '==':
        return pyEquals(h, l, r, this.userEquals);
      case '!=':
        return !pyEquals(h, l, r, this.userEquals);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return pyOrder(h, l, r, op);
      case 'in':
        return this.contains(r, l);
      case 'not in':
        return !this.contains(r, l);
    }
  }

  /** `PySequence_Contains`: identity or equality for sequences, hash lookup for dicts and sets. */
  private contains(container: Ref, item: Ref): boolean {
    const h = this.heap;
    const p = h.get(container).payload;
    switch (p.kind) {
      case 'list':
      case 'tuple':
        return sequenceContains(this, p.items, item, p.kind === 'list');
      case 'set':
      case 'frozenset': {
        refuseSetAsSetKey(h, item);
        return this.keyed.findItem(p.items, item) !== undefined;
      }
      case 'dict': {
        return this.keyed.findEntry(p.entries, item) !== undefined;
      }
      case 'str': {
        const ip = h.get(item).payload;
        if (ip.kind !== 'str') throw new PyException('TypeError', `'in <string>' requires string as left operand, not ${typeName(h, item)}`);
        return p.value.includes(ip.value);
      }
      case 'bytes':
        return bytesContains(h, p.value, item);
      case 'range': {
        const ip = h.get(item).payload;
        if (ip.kind !== 'int') throw new Refusal("'in' on a range with a non-int");
        const len = rangeLength(p);
        if (len === 0n) return false;
        const off = ip.value - p.start;
        return off % p.step === 0n && off / p.step >= 0n && off / p.step < len;
      }
      case 'WeakSet':
        return weakSetMembers(h, container).includes(item);
      case 'iterator':
        return dictViewContains(this, container, item) ?? iteratorContains(this, container, item);
      default:
        refuseStrSubclass(h, container, "'in'");
        throw new PyException('TypeError', this.msgs.notContainer(typeName(h, container)));
    }
  }

  // ---- f-strings ------------------------------------------------------------------------------------

  /**
   * `FORMAT_VALUE` + `BUILD_STRING`: each field is formatted to a str (a str with no
   * conversion and no spec is used as is); the pieces are joined into a NEW str
   * (`_PyUnicode_JoinArray`: measured `f'{a}{e}' is a` False, `f'{e}{e}' is ''` True).
   * A single field with no literal text is the formatted value itself (`f'{s}' is s`).
   */
  private evalFString(parts: readonly FStringPart[], frame: Frame): Ref {
    const h = this.heap;
    const pieces: Ref[] = [];
    try {
      for (const part of parts) {
        if (typeof part === 'string') {
          if (part !== '') pieces.push(h.str(part));
          continue;
        }
        pieces.push(this.formatField(part, frame));
      }
      if (pieces.length === 1 && typeof parts[0] !== 'string' && parts.length === 1) return h.incref(pieces[0] as Ref);
      let text = '';
      for (const r of pieces) text += (h.get(r).payload as { value: string }).value;
      if (text === '') return h.str('');
      return h.object({ kind: 'str', value: text });
    } finally {
      for (const r of pieces) h.decref(r);
    }
  }

  private formatField(part: Exclude<FStringPart, string>, frame: Frame): Ref {
    const h = this.heap;
    const v = this.evalExpr(part.expr, frame);
    try {
      let value = v;
      let converted: Ref | null = null;
      if (part.conversion === 'r' || part.conversion === 's') {
        converted = part.conversion === 'r' ? this.reprObject(v) : h.get(v).payload.kind === 'str' ? h.incref(v) : this.strObject(v);
        value = converted;
      } else if (part.conversion === 'a') {
        throw new Refusal('the !a conversion');
      }
      try {
        return this.formatObject(value, part.formatSpec === null ? '' : this.strOfParts(part.formatSpec, frame));
      } finally {
        if (converted !== null) h.decref(converted);
      }
    } finally {
      h.decref(v);
    }
  }

  /** `PyObject_Format(value, spec)` (new reference): an f-string field's and `format()`'s result. */
  formatObject(value: Ref, spec: string): Ref {
    const h = this.heap;
    if (spec === '') {
      if (h.get(value).payload.kind === 'str') return h.incref(value);
      return this.strObject(value);
    }
    if (!(this.options.printAddresses && this.addressInts.has(value))) this.guardArith(value, value);
    const vp = h.get(value).payload;
    const formatted = formatWithSpec(vp, spec, typeName(h, value), this.cfg.formatSpecRules);
    // `format_string_internal`: a str needing no padding or cut is written whole into the
    // empty writer, which keeps it: the str itself (measured `f'{s:>5}' is s` for len(s) >= 5).
    if (vp.kind === 'str' && formatted === vp.value) return h.incref(value);
    // `_PyUnicodeWriter_Finish` -> `unicode_result`: one latin-1 character comes from the cache
    // (measured `f'{n:d}' is str(n)[0]` True for n = 5 on 3.8-3.14).
    return [...formatted].length === 1 ? h.str(formatted) : this.newStr(formatted);
  }

  private strOfParts(parts: readonly FStringPart[], frame: Frame): string {
    const r = this.evalFString(parts, frame);
    const text = (this.heap.get(r).payload as { value: string }).value;
    this.heap.decref(r);
    return text;
  }

  /** A str made at run time (`PyUnicode_New`): a new object even for one latin-1 character. */
  newStr(text: string): Ref {
    if (text === '') return this.heap.str('');
    return this.heap.newStr(text);
  }

  reprOf(v: Ref): string {
    const custom = textHooked(this.heap, v) ? userRepr(this, v) ?? exceptionText(this, v, 'repr') ?? dictViewRepr(this, v) ?? superRepr(this, v) : null;
    if (custom !== null) return custom;
    const address = this.addressInts.get(v);
    if (address !== undefined && this.options.printAddresses) return pyRepr(this.heap, v);
    if (address !== undefined) throw new Refusal('printing an id() value', "the model's addresses are not CPython's");
    const why = this.unknownInts.get(v);
    if (why !== undefined) throw new Refusal('printing a value the model cannot know', why);
    return pyRepr(this.heap, v);
  }

  /** `PyObject_Repr(v)` as an object (new reference): a Python `__repr__`'s own result, else a new str. */
  reprObject(v: Ref): Ref {
    // `bool_repr`: the str made once (`Heap.boolName`), also for `str()` (`object_str`).
    const p = this.heap.get(v).payload;
    if (p.kind === 'bool') return this.heap.boolName(p.value);
    return userReprObject(this, v) ?? this.newStr(this.reprOf(v));
  }

  /** `PyObject_Str(v)` of a non-str as an object (new reference): `slot_tp_str`, else `object_str` is `PyObject_Repr`. */
  strObject(v: Ref): Ref {
    if (!textHooked(this.heap, v)) return this.reprObject(v);
    // A Python `__str__` (or, without one and outside exceptions, `__repr__`): its very result.
    const custom = userTextObject(this, v, 'str');
    if (custom !== null) return custom;
    const own = exceptionStrObject(this, v);
    if (own !== null) return own;
    const text = exceptionText(this, v, 'str');
    return this.newStr(text ?? this.reprOf(v));
  }

  strOf(v: Ref): string {
    if (this.heap.get(v).payload.kind === 'str') return (this.heap.get(v).payload as { value: string }).value;
    return userStr(this, v) ?? exceptionText(this, v, 'str') ?? this.reprOf(v);
  }

  // ---- calls ------------------------------------------------------------------------------------------

  private evalCall(e: Extract<Expr, { kind: 'Call' }>, frame: Frame): Ref {
    const h = this.heap;
    // Read once: `kind` of the callee's node is a megamorphic load (nodes of every kind).
    const func = e.func;
    const { kind: fk } = func;
    if (frame.code.generatorExps && e.args[0]?.kind === 'GeneratorExp') return callWithGenerator(this, e, e.args[0], frame);
    if (fk === 'Name' && func.id === 'super' && isSuperCall(e, frame)) return evalSuper(this, e, frame);
    // `super().m(...)`: the method found after the class, called as `obj.m(...)` is (super-calls.ts).
    if (fk === 'Attribute' && func.value.kind === 'Call' && isSuperCall(func.value, frame)) {
      if (hasCallUnpacking(e)) throw new Refusal('super().m(...) with * or ** arguments', 'LOAD_SUPER_ATTR with CALL_FUNCTION_EX is not modelled', e.pos);
      const m = superMethod(this, e, frame);
      if (m.kind === 'done') return m.value;
      const args = this.evalArgs(e, frame, m.fn, m.self);
      const kw = this.evalKeywords(e, frame, m.fn, args);
      expectSuperCall(this, m, e, frame);
      return this.finishCall(m.fn, args, true, kw);
    }
    if (frame.code.unpacks && hasCallUnpacking(e)) return callWithUnpacking(this, e, frame);
    // `LOAD_METHOD` / `CALL_METHOD`: `obj.meth(...)` on an instance passes obj without a bound method.
    if (fk === 'Attribute') {
      const misses = this.globalMisses;
      const obj = this.evalOperand(func.value, frame);
      const mark = this.globalMisses === misses ? this.globalStores : -1;
      const op = h.get(obj).payload;
      if (op.kind === 'list' && func.attr === 'append' && e.args.length === 1 && e.keywords.length === 0) {
        // `held.append(x)`, the loops' usual call: `callBuiltinMethod`'s steps for it, without its dispatch.
        const item = this.evalHolding(obj, e.args[0] as Expr, frame);
        try {
          this.appendToList(obj, op, item);
        } catch (err) {
          h.decref(item);
          this.releaseLoaded(obj, func.value, frame, mark);
          throw err;
        }
        const none = h.none();
        // The item is now one of the list's: while a global name binds the list, both stay
        // reachable (see `releaseLoaded`), and neither decref can make garbage.
        if (this.keptReachable(obj, func.value, frame, mark)) {
          h.decrefReachable(item);
          h.decrefReachable(obj);
        } else {
          h.decref(item);
          h.decref(obj);
        }
        return none;
      }
      // `LOAD_METHOD` (no bound method) takes keywords from 3.11 (`CALL` after `KW_NAMES`, the
      // same rework that lets the frame take the stack's references); before, a call with
      // keywords goes through the bound method (below, `CALL_FUNCTION_KW`). Measured with
      // `sys.getrefcount(self)` in a method called as `o.m(x, c=x)`: 4 on 3.8-3.10, 3 on 3.11-3.13.
      const methodCall = e.keywords.length === 0 || !this.cfg.callerHoldsArgumentReference;
      if (methodCall && op.kind === 'instance' && !hasSlot(this, op.cls, func.attr) && instanceAttr(this, obj, func.attr) === null) {
        const meth = lookupClassAttr(this, op.cls, func.attr);
        if (meth !== null && h.get(meth).payload.kind === 'function') {
          h.incref(meth);
          const args = this.evalArgs(e, frame, meth, obj);
          const kw = this.evalKeywords(e, frame, meth, args);
          this.expectCallBorrows(meth, e, frame, func.value, true);
          return this.finishCall(meth, args, true, kw);
        }
      }
      const builtinMethodOwner = op.kind === 'set' || op.kind === 'str' || op.kind === 'list' || op.kind === 'WeakSet' || op.kind === 'dict' || (op.kind === 'iterator' && op.type === 'generator');
      if (builtinMethodOwner && e.keywords.length > 0) {
        if (takesKeywords(op.kind, func.attr)) return this.callListMethodWithKeywords(obj, e, frame);
        const owner = typeName(h, obj);
        h.decref(obj);
        throw new Refusal(`keyword arguments to ${owner}.${func.attr}()`);
      }
      if (op.kind === 'set') {
        const args = this.evalArgs(e, frame, obj);
        try {
          return callSetMethod(this, obj, func.attr, args);
        } finally {
          for (let i = args.length - 1; i >= 0; i--) h.decref(args[i] as Ref);
          this.releaseLoaded(obj, func.value, frame, mark);
        }
      }
      if (op.kind === 'str' || op.kind === 'list' || op.kind === 'WeakSet' || op.kind === 'dict' || (op.kind === 'iterator' && op.type === 'generator')) {
        const args = this.evalArgs(e, frame, obj);
        try {
          return callBuiltinMethod(this, obj, func.attr, args);
        } finally {
          for (let i = args.length - 1; i >= 0; i--) h.decref(args[i] as Ref);
          this.releaseLoaded(obj, func.value, frame, mark);
        }
      }
      let fn: Ref;
      try {
        fn = getAttr(this, obj, func.attr);
      } finally {
        h.decref(obj);
      }
      const args = this.evalArgs(e, frame, fn);
      const kw = this.evalKeywords(e, frame, fn, args);
      if (this.cfg.classCallEntersInit !== 'never' && h.get(fn).payload.kind === 'type' && entersInit(this, fn, e, args.length, kw.length)) return this.enterInit(fn, args, e, frame);
      this.expectCallBorrows(fn, e, frame, func.value);
      return this.finishCall(fn, args, false, kw);
    }
    const fn = this.evalOperand(func, frame);
    // `id(x)`, `len(x)`: a builtin function of one positional argument, run without an arguments array.
    if (e.args.length === 1 && e.keywords.length === 0 && this.borrows === null) {
      const fp = h.get(fn).payload;
      if (fp.kind === 'builtin' && fp.self === null) return this.callBuiltinOfOne(fn, fp.name, e.args[0] as Expr, frame);
    }
    const args = this.evalArgs(e, frame, fn);
    const kw = this.evalKeywords(e, frame, fn, args);
    if (this.cfg.classCallEntersInit !== 'never' && this.heap.get(fn).payload.kind === 'type' && entersInit(this, fn, e, args.length, kw.length)) return this.enterInit(fn, args, e, frame);
    this.expectCallBorrows(fn, e, frame, null);
    return this.finishCall(fn, args, false, kw);
  }

  /**
   * `finishCall` of a builtin function (`fn`, on the stack) with the one argument `arg`: the
   * argument is released, then the callable, whether the call returns or raises.
   */
  private callBuiltinOfOne(fn: Ref, name: string, arg: Expr, frame: Frame): Ref {
    const h = this.heap;
    const misses = this.globalMisses;
    const x = this.evalHolding(fn, arg, frame);
    const mark = this.globalMisses === misses ? this.globalStores : -1;
    let result: Ref;
    try {
      result = name === 'id' ? builtinId(this, x) : callBuiltin(this, name, [x], NO_KEYWORDS);
    } catch (err) {
      h.decref(x);
      h.decref(fn);
      throw err;
    }
    // `id(item)`: a global name that still binds the argument keeps it reachable (`releaseLoaded`).
    this.releaseLoaded(x, arg, frame, mark);
    h.decref(fn);
    return result;
  }

  /** `CALL_ALLOC_AND_ENTER_INIT` (init-specialization.ts): `__init__`'s frame takes the stack's references. */
  private enterInit(cls: Ref, args: Ref[], e: Extract<Expr, { kind: 'Call' }>, frame: Frame): Ref {
    this.borrows?.expectCall(lookupClassAttr(this, cls, '__init__') as Ref, [null, ...e.args.map((a) => this.loadStatus(a, frame))], new Map());
    try {
      return this.instantiate(cls, this.classFacts(cls), args, [], true);
    } finally {
      this.heap.decref(cls);
    }
  }

  /**
   * `list.sort(key=..., reverse=...)`: 3.8-3.10 load a bound method for a call with keywords
   * (`CALL_FUNCTION_KW`: a builtin method object the model does not size), 3.11+ `LOAD_METHOD`.
   */
  private callListMethodWithKeywords(obj: Ref, e: Extract<Expr, { kind: 'Call' }>, frame: Frame): Ref {
    const h = this.heap;
    if (this.cfg.callerHoldsArgumentReference) h.allocator.untracked('unknown');
    const args = this.evalArgs(e, frame, obj);
    const kw = this.evalKeywords(e, frame, obj, args);
    try {
      return callListOrderMethod(this, obj, (e.func as { attr: string }).attr, args, kw) ?? h.none();
    } finally {
      this.unwind([obj, ...args, ...kw.map((k) => k.value)]);
    }
  }

  /**
   * A call's positional arguments, as the stack holds them (its keyword values: `evalKeywords`,
   * next). When one raises, the stack unwinds: what was pushed is released, the last pushed
   * first (the arguments evaluated so far, then `first`, then `held`: the callable, or the
   * object whose method is called). `first` (a method call's `self`, pushed after the method)
   * is the first argument.
   */
  private evalArgs(e: Extract<Expr, { kind: 'Call' }>, frame: Frame, held: Ref, first: Ref | null = null): Ref[] {
    // Sized once (a push to an empty array reserves 17 slots): most calls have one or two arguments.
    const offset = first === null ? 0 : 1;
    const exprs = e.args;
    const args = new Array<Ref>(exprs.length + offset);
    if (first !== null) args[0] = first;
    let n = offset;
    try {
      for (let i = 0; i < exprs.length; i++) {
        args[n] = this.evalExpr(exprs[i] as Expr, frame);
        n++;
      }
    } catch (err) {
      for (let i = n - 1; i >= 0; i--) this.heap.decref(args[i] as Ref);
      this.heap.decref(held);
      throw err;
    }
    return args;
  }

  /** The call's keyword values, after `args` (`evalArgs`); if one raises, the keywords, `args` and `held` are released. */
  private evalKeywords(e: Extract<Expr, { kind: 'Call' }>, frame: Frame, held: Ref, args: readonly Ref[]): { name: string; value: Ref }[] {
    if (e.keywords.length === 0) return NO_KEYWORDS;
    const kw: { name: string; value: Ref }[] = [];
    try {
      for (const k of e.keywords) kw.push({ name: k.name, value: this.evalExpr(k.value, frame) });
    } catch (err) {
      for (let i = kw.length - 1; i >= 0; i--) this.heap.decref((kw[i] as { value: Ref }).value);
      for (let i = args.length - 1; i >= 0; i--) this.heap.decref(args[i] as Ref);
      this.heap.decref(held);
      throw err;
    }
    return kw;
  }

  /** Values left on the stack by an expression that raised, released from the top down. */
  private unwind(pushed: readonly Ref[]): void {
    for (let i = pushed.length - 1; i >= 0; i--) this.heap.decref(pushed[i] as Ref);
  }

  /**
   * `evalExpr` for an operand that is usually a name (`held` in `held.append(x)`, `ids` in
   * `ids[k] = v`): a name is loaded here, without the two calls through `evalNode` (with
   * the borrow ledger, a function's loads are noted by `evalExpr`).
   */
  private evalOperand(e: Expr, frame: Frame): Ref {
    if (e.kind === 'Name' && (this.borrows === null || frame.kind !== 'function')) return this.loadName(e.id, frame);
    return this.evalExpr(e, frame);
  }

  /** `e` evaluated while `held` is on the stack: if `e` raises, `held` is released (the unwinding). */
  private evalHolding(held: Ref, e: Expr, frame: Frame): Ref {
    try {
      return this.evalOperand(e, frame);
    } catch (err) {
      this.heap.decref(held);
      throw err;
    }
  }

  /** A dict display's keys and values, evaluated key, value, key...; if one raises, the ones before are released (`evalItems`). */
  private evalDictItems(keys: readonly Expr[], values: readonly Expr[], frame: Frame): { key: Ref; value: Ref }[] {
    const entries = new Array<{ key: Ref; value: Ref }>(keys.length);
    let n = 0;
    try {
      for (; n < keys.length; n++) {
        const key = this.evalExpr(keys[n] as Expr, frame);
        let value: Ref;
        try {
          value = this.evalExpr(values[n] as Expr, frame);
        } catch (err) {
          this.heap.decref(key);
          throw err;
        }
        entries[n] = { key, value };
      }
    } catch (err) {
      for (let i = n - 1; i >= 0; i--) {
        const entry = entries[i] as { key: Ref; value: Ref };
        this.heap.decref(entry.value);
        this.heap.decref(entry.key);
      }
      throw err;
    }
    return entries;
  }

  /**
   * The items of a display, evaluated in order; if one raises, the ones before are released.
   * A packed array the caller hands to the heap (`Heap.tupleTaking`, `Heap.listTaking`).
   */
  private evalItems(exprs: readonly Expr[], frame: Frame): Ref[] {
    // One or two items (`[i]`, `(0, i)`): an array literal, packed and of its size.
    if (exprs.length === 1) return [this.evalExpr(exprs[0] as Expr, frame)];
    if (exprs.length === 2) {
      const first = this.evalExpr(exprs[0] as Expr, frame);
      let second: Ref;
      try {
        second = this.evalExpr(exprs[1] as Expr, frame);
      } catch (err) {
        this.heap.decref(first);
        throw err;
      }
      return [first, second];
    }
    // Sized once, as the call's arguments are (evalOperands), then copied packed.
    const items = new Array<Ref>(exprs.length);
    let n = 0;
    try {
      for (const x of exprs) {
        items[n] = this.evalExpr(x, frame);
        n++;
      }
    } catch (err) {
      for (let i = n - 1; i >= 0; i--) this.heap.decref(items[i] as Ref);
      throw err;
    }
    return [...items];
  }


  /**
   * The call on the stack `fn, args...` (all owned by the stack): runs it and releases the
   * stack's references as CPython does (the last argument first, then the callable).
   */
  private finishCall(fn: Ref, args: Ref[], isMethod: boolean, kw: { name: string; value: Ref }[] = []): Ref {
    const h = this.heap;
    const fp = h.get(fn).payload;
    // A builtin function without keywords (`id(x)`, `len(x)`): run as `call` runs it, without
    // asking the payload again.
    const builtinName = fp.kind === 'builtin' && fp.self === null && kw.length === 0 ? fp.name : null;
    // 3.11+ a Python function's frame takes the stack's references, keyword values included; a bound
    // method's function too, with a new reference to `self` (Python/bytecodes.c CALL: `PyMethod`
    // unpacked; measured: a parameter bound through `m = obj.meth; m(v)` counts once on 3.11-3.13).
    const unpacked = fp.kind === 'method' && h.get(fp.func).payload.kind === 'function' ? fp : null;
    const inlined = (fp.kind === 'function' || unpacked !== null) && !this.cfg.callerHoldsArgumentReference;
    const callee = unpacked?.func ?? fn;
    if (inlined && unpacked !== null) args = [h.incref(unpacked.self), ...args];
    let result: Ref;
    try {
      if (builtinName !== null) result = callBuiltin(this, builtinName, args, kw);
      else result = inlined ? (kw.length > 0 ? callFunctionWithKeywords(this, callee, args, kw, true) : this.callFunction(callee, args, true)) : this.call(fn, args, kw, isMethod);
    } catch (err) {
      if (!inlined) releaseOperands(h, args, kw);
      h.decref(fn);
      throw err;
    }
    if (!inlined) releaseOperands(h, args, kw);
    h.decref(fn);
    return result;
  }

  /** Calls `fn` with borrowed `args`; returns a new reference. */
  call(fn: Ref, args: Ref[], kw: { name: string; value: Ref }[], _isMethod = false): Ref {
    const h = this.heap;
    const p = h.get(fn).payload;
    if (p.kind === 'type') {
      // Asked of classes even without keywords (`classCallKind`): the lookups make the builtin types they name (their static blocks) in this order.
      const facts = this.classFacts(fn);
      const kind = this.classCallKind(fn, facts);
      if (kw.length > 0 && !facts.takesKeywords) throw new Refusal('keyword arguments');
      if (kind === CLASS_CALL_INSTANCE) return this.instantiate(fn, facts, args, kw, false);
      if (kind === CLASS_CALL_BUILTIN) return construct(this, p.name, args);
      if (kind === CLASS_CALL_EXCEPTION) return newException(this, fn, args, kw);
      return newStrSubclassInstance(this, fn, args);
    }
    const userCallable = kw.length > 0 ? this.userCallable(fn) : false;
    if (kw.length > 0 && !(p.kind === 'builtin' && (p.name === 'print' || ORDER_BUILTIN_NAMES.has(p.name))) && !userCallable) throw new Refusal('keyword arguments');
    switch (p.kind) {
      case 'function':
        return kw.length > 0 ? callFunctionWithKeywords(this, fn, args, kw, false) : this.callFunction(fn, args, false);
      case 'method':
        return kw.length > 0 ? callFunctionWithKeywords(this, p.func, [p.self, ...args], kw, false) : this.callFunction(p.func, [p.self, ...args], false);
      case 'builtin':
        // A bound method of a builtin object (bound-builtin-methods.ts) runs as `self.name(...)`.
        if (p.self !== null) return h.get(p.self).payload.kind === 'set' ? callSetMethod(this, p.self, p.name, args) : callBuiltinMethod(this, p.self, p.name, args);
        return callBuiltin(this, p.name, args, kw);
      case 'weakref':
        if (args.length > 0) throw new Refusal('calling a weakref with arguments');
        return derefWeakref(h, fn);
      default:
        throw new PyException('TypeError', `'${typeName(h, fn)}' object is not callable`);
    }
  }

  /** A function or a bound method of one: callables that take keywords (classes: `ClassFacts.takesKeywords`). */
  private userCallable(fn: Ref): boolean {
    const h = this.heap;
    const p = h.get(fn).payload;
    return p.kind === 'function' || (p.kind === 'method' && h.get(p.func).payload.kind === 'function');
  }

  /** At exit: weakref callbacks could still run during interpreter shutdown, in an order the model does not follow. */
  checkShutdown(): void {
    // Only `weakref.ref(obj, callback)` makes a weakref with a callback: without one, no scan of the heap.
    if (!this.weakrefCallbacksMade) return;
    if (this.heap.someLive((o) => o.payload.kind === 'weakref' && o.payload.callback !== null && o.payload.referent !== null)) {
      throw new Refusal('a weakref callback still pending at exit', 'it may run during interpreter shutdown');
    }
  }
}

/** `Interpreter.classCallKind`: not asked yet; then what a call of the class makes. */
const CLASS_CALL_UNKNOWN = 0;
/** An instance (`instantiate`): a class made by the program, not deriving from str or an exception. */
const CLASS_CALL_INSTANCE = 1;
/** A builtin type's value (`construct`). */
const CLASS_CALL_BUILTIN = 2;
/** An exception (`newException`). */
const CLASS_CALL_EXCEPTION = 3;
/** An instance of a str subclass (`newStrSubclassInstance`). */
const CLASS_CALL_STR_SUBCLASS = 4;

/**
 * What each call of a class in a run needs and cannot change within it (its bases, `__slots__`
 * and name are fixed when it is made): found at its first call (`Interpreter.classFacts`).
 */
class ClassFacts {
  /** A `CLASS_CALL_*`, set by `classCallKind`. */
  callKind = CLASS_CALL_UNKNOWN;
  takesKeywords = false;
  /** Instances made so far (`Interpreter.instancesMade`). */
  instances = 0;
  constructor(
    /** `hasDict`: an instance has a `__dict__`. */
    readonly withDict: boolean,
    /** `declaresSlots`: the class or a base declares `__slots__`. */
    readonly slotted: boolean,
    /** An instance's request size when the model knows it (`instantiate`), else null. */
    readonly size: number | null,
  ) {}
}

/**
 * Whether a value may equal an `id()` value: a heap address is above 2**20 on every platform
 * the model knows; an int below that, or a non-number, cannot equal it.
 */
function mayMatchAddress(p: Payload): boolean {
  if (p.kind === 'int') return p.value >= 1n << 20n || p.value <= -(1n << 20n);
  return p.kind === 'float' && Math.abs(p.value) >= 2 ** 20;
}

/**
 * Whether `str`/`repr` of `v` may come from elsewhere than `pyRepr`: a Python `__str__`/`__repr__`,
 * an exception's text (instances), a dict view or a super object (iterators). Other kinds skip those lookups.
 */
function textHooked(h: Heap, v: Ref): boolean {
  const kind = h.get(v).payload.kind;
  return kind === 'instance' || kind === 'iterator';
}

/** New references to the items at `picked` (a slice of a tuple or list). */
function pickedRefs(h: Heap, items: readonly Ref[], picked: readonly number[]): Ref[] {
  const refs = new Array<Ref>(picked.length);
  for (let k = 0; k < picked.length; k++) refs[k] = h.incref(items[picked[k] as number] as Ref);
  return refs;
}

/** `PySlice_AdjustIndices` of one bound (`dflt` when absent), clamped to the sequence. */
function adjustSliceIndex(v: number | null, dflt: number, len: number, step: number): number {
  if (v === null) return dflt;
  if (v < 0) {
    const w = v + len;
    return w < 0 ? (step < 0 ? -1 : 0) : w;
  }
  return v >= len ? (step < 0 ? len - 1 : len) : v;
}

function refuseFloatId(): never {
  throw new Refusal('comparing an id() value with a float');
}

export { compileUnit };

/** New references to each of `items`. */
/**
 * The items of a range iterator by index. Ranges whose items are all safe integers count in
 * doubles (`Heap.intOfSafe`: one bigint per item, for the int object), others in bigints.
 */
function rangeItems(h: Heap, start: bigint, step: bigint, len: bigint): (index: number) => Ref | null {
  const last = start + (len > 0n ? len - 1n : 0n) * step;
  const safe = (v: bigint) => v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER);
  if (safe(start) && safe(last) && safe(last - start) && safe(len) && safe(step)) {
    const n = Number(len);
    const first = Number(start);
    const by = Number(step);
    return (i) => (i < n ? h.intOfSafe(first + i * by) : null);
  }
  return (i) => (BigInt(i) < len ? h.int(start + BigInt(i) * step) : null);
}

/** A finished call's arguments leave the stack: the last positional first, then the keyword values. */
function releaseOperands(h: Heap, args: readonly Ref[], kw: readonly { readonly value: Ref }[]): void {
  for (let i = args.length - 1; i >= 0; i--) h.decref(args[i] as Ref);
  for (let i = 0; i < kw.length; i++) h.decref((kw[i] as { readonly value: Ref }).value);
}

/** The interpreter's rules for keyed lookups: one object a run (an object of four closures was five). */
class InterpreterKeyRules implements KeyRules {
  constructor(private readonly vm: Interpreter) {}
  heap(): Heap {
    return this.vm.heap;
  }
  classify(key: Ref, site?: KeySite): KeyClass {
    return this.vm.classifyKey(key, site);
  }
  equals(stored: Ref, key: Ref): boolean {
    return this.vm.keyEquals(stored, key);
  }
  builtinHash(key: Ref): bigint | null {
    return knownBuiltinHash(this.vm, key);
  }
}

/** A builtin type's object, made at the first use in the run (`Interpreter.builtinTypes`). */
function makeBuiltinType(vm: Interpreter, name: string): Ref | undefined {
  if (!TYPE_NAMES_KNOWN.has(name)) return undefined;
  return vm.heap.preexistingObject({ kind: 'type', name, attrs: BUILTIN_TYPE_ATTRS, slots: null, base: null }, vm.cfg.core.immortalRefcount !== null);
}

/** A builtin function, type or exception type by its name in `builtins` (`Interpreter.builtins`). */
function makeBuiltin(vm: Interpreter, name: string): Ref | undefined {
  if (BUILTIN_FUNCTION_NAMES.has(name)) return vm.heap.preexistingObject({ kind: 'builtin', name, self: null }, false);
  return BUILTIN_TYPE_NAMES.has(name) ? vm.builtinTypes.get(name) : builtinExceptionType(vm, name);
}

/** A module the model knows and its functions (`Interpreter.modules`). */
function makeModule(vm: Interpreter, mod: string): Ref | undefined {
  const functions = MODULE_FUNCTION_NAMES.get(mod);
  if (functions === undefined) return undefined;
  const heap = vm.heap;
  const attrs = new Map<string, Ref>();
  // (an indexed loop: no iterator and no destructuring per function, at every import)
  for (let i = 0; i < functions.length; i++) {
    const f = functions[i] as readonly [name: string, qualified: string];
    attrs.set(f[0], heap.preexistingObject({ kind: 'builtin', name: f[1], self: null }, false));
  }
  return heap.preexistingObject({ kind: 'module', name: mod, attrs }, false);
}

/**
 * A str's characters by index: the text itself when every code point is one UTF-16 unit (no
 * array of 1-character strings made), else its code points.
 */
function codePoints(text: string): ArrayLike<string> {
  return strLength(text) === text.length ? text : [...text];
}

/** Runs a weakref's callback (`handle_callback`): the result is dropped. */
function weakrefCallbackRunner(interp: Interpreter): WeakrefCallbackHook {
  return (callback, weakref) => {
    const result = interp.call(callback, [weakref], [], false);
    interp.heap.decref(result);
  };
}

/** Releases the frame's locals when called (apart: a closure in `callFunction` would make its context at every call). */
function frameClearing(interp: Interpreter, frame: Frame): () => void {
  return () => clearFrame(interp, frame);
}
