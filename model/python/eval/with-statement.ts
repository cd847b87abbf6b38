/**
 * `with ctx [as target], ...: body` over instances of classes that define `__enter__` and
 * `__exit__` in Python (`Python/compile.c` `compiler_with`; several items nest).
 *
 * Entering (3.8-3.10 `SETUP_WITH`, 3.11-3.13 `BEFORE_WITH`, `Python/ceval.c`): `__enter__`
 * then `__exit__` are looked up on the type (`_PyObject_LookupSpecial`), each giving a bound
 * method holding the manager; the stack's reference to the manager is released; `__enter__()`
 * is called and its method released; the result is stored in the target or popped. The
 * `__exit__` method stays on the stack until the statement ends.
 * 3.14 (`LOAD_SPECIAL`, `_PyObject_LookupSpecialMethod`): no method objects; the stack keeps
 * the `__exit__` function and the manager, and `__enter__` gets a copy of the manager, which
 * its frame takes over. Measured: inside `__enter__`, `sys.getrefcount(self)` of a manager
 * bound to one name is 5 on 3.8-3.13 and 3 on 3.14.2 (fact `specialMethodLookupBinds`).
 *
 * Leaving normally, or by `return`/`break`/`continue`: `__exit__(None, None, None)`, its
 * result released. Leaving by an exception (`WITH_EXCEPT_START`): `__exit__(type, exc, tb)`;
 * a true result suppresses the exception (it dies, `POP_EXCEPT`), else it propagates.
 * The traceback object is not modelled: an `__exit__` whose body uses its traceback
 * parameter is refused when an exception reaches it.
 */
import type { Ref } from '../../core/objects';
import type { Stmt, WithItem } from '../ast';
import type { LoadStatus } from './borrowed-loads';
import { lookupClassAttr } from './attributes';
import { exceptionForExit, suppressException } from './exceptions';
import { NORMAL, type Completion, type Frame } from './frame';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';

type WithStmt = Extract<Stmt, { kind: 'With' }>;

export function execWith(interp: Interpreter, s: WithStmt, frame: Frame): Completion {
  return withItem(interp, s, 0, frame);
}

/** What the stack keeps for `__exit__` while the body runs. */
interface ExitHold {
  /** Calls `__exit__` with borrowed `args` as the statement ends (its result: a new reference); the stack's references go. */
  exit(args: Ref[], how: 'normal' | 'exception'): Ref;
  /** The stack's references go without a call. */
  release(): void;
}

function withItem(interp: Interpreter, s: WithStmt, i: number, frame: Frame): Completion {
  const item = s.items[i];
  if (item === undefined) return interp.execBody(s.body, frame);
  interp.pos = item.pos;
  // 3.14 in a function: a local manager may be loaded borrowed (borrowed-loads.ts), and the
  // stack keeps that borrowed reference as `__exit__`'s self while the body runs.
  const ledger = frame.kind === 'function' ? interp.borrows : null;
  const mark = ledger?.mark() ?? 0;
  const mgr = interp.evalExpr(item.context, frame);
  const { enter, exit } = protocol(interp, mgr, item);
  const status = interp.loadStatus(item.context, frame);
  const exitHold = interp.cfg.specialMethodLookupBinds ? enterBound(interp, mgr, enter, exit, item, frame) : enterUnbound(interp, mgr, enter, exit, item, frame, status);
  try {
    return withBody(interp, s, i, frame, exitHold, exit);
  } finally {
    ledger?.release(mark);
  }
}

function withBody(interp: Interpreter, s: WithStmt, i: number, frame: Frame, exitHold: ExitHold, exit: Ref): Completion {
  const h = interp.heap;
  const item = s.items[i] as WithItem;
  const restore = frame.kind === 'function' ? interp.borrows?.keepAcrossStatements(frame) : undefined;
  let completion: Completion;
  try {
    completion = withItem(interp, s, i + 1, frame);
  } catch (err) {
    restore?.();
    if (!(err instanceof PyException)) throw err;
    interp.pos = item.pos;
    const suppressed = exitWithException(interp, err, exitHold, exit, item);
    if (!suppressed) throw err;
    suppressException(interp, err);
    return NORMAL;
  }
  restore?.();
  interp.pos = item.pos;
  const none = h.none();
  try {
    h.decref(exitHold.exit([none, none, none], 'normal'));
  } catch (err) {
    if (completion.kind === 'return') h.decref(completion.value);
    throw err;
  } finally {
    h.decref(none);
  }
  return completion;
}

/** `__enter__` and `__exit__` of the manager's class (borrowed), or a refusal. */
function protocol(interp: Interpreter, mgr: Ref, item: WithItem): { enter: Ref; exit: Ref } {
  const h = interp.heap;
  const p = h.get(mgr).payload;
  const enter = p.kind === 'instance' ? lookupClassAttr(interp, p.cls, '__enter__') : null;
  const exit = p.kind === 'instance' ? lookupClassAttr(interp, p.cls, '__exit__') : null;
  const isFunction = (r: Ref | null): r is Ref => r !== null && h.get(r).payload.kind === 'function';
  if (!isFunction(enter) || !isFunction(exit)) {
    h.decref(mgr);
    throw new Refusal('a with statement over an object without __enter__ and __exit__ defined in Python', 'the error wording changed across versions', item.pos);
  }
  return { enter, exit };
}

/** 3.8-3.13: bound methods for `__enter__` then `__exit__` (`func_descr_get` -> `PyMethod_New`). */
function enterBound(interp: Interpreter, mgr: Ref, enter: Ref, exit: Ref, item: WithItem, frame: Frame): ExitHold {
  const h = interp.heap;
  const method = (fn: Ref): Ref => {
    h.allocator.untracked('unknown');
    return h.object({ kind: 'method', self: h.incref(mgr), func: h.incref(fn) });
  };
  const enterMethod = method(enter);
  const exitMethod = method(exit);
  h.decref(mgr);
  const hold: ExitHold = {
    exit: (args) => {
      try {
        return interp.call(exitMethod, args, []);
      } finally {
        h.decref(exitMethod);
      }
    },
    release: () => h.decref(exitMethod),
  };
  return enterAndBind(interp, hold, enterMethod, () => interp.call(enterMethod, [], []), item, frame);
}

/** 3.14 `LOAD_SPECIAL`: the functions and the manager stay on the stack; calls hand the manager's reference to the frame. */
function enterUnbound(interp: Interpreter, mgr: Ref, enter: Ref, exit: Ref, item: WithItem, frame: Frame, status: LoadStatus | null): ExitHold {
  const h = interp.heap;
  const ledger = status === null ? null : interp.borrows;
  const exitFn = h.incref(exit);
  const release = (): void => {
    h.decref(mgr);
    h.decref(exitFn);
  };
  const hold: ExitHold = {
    exit: (args, how) => {
      try {
        // Normal exit, `CALL 3` with self: the frame takes the stack's references (the
        // manager and the three Nones). `WITH_EXCEPT_START` calls through
        // `PyObject_Vectorcall`: the frame makes its own, the manager stays on the stack.
        // A borrowed manager stays borrowed in `__exit__`'s frame on the normal exit only.
        if (how === 'normal') {
          ledger?.expectCall(exitFn, [status, null, null, null], new Map());
          return interp.callFunction(exitFn, [mgr, ...args.map((a) => h.incref(a))], true);
        }
        ledger?.noCall();
        return interp.callFunction(exitFn, [mgr, ...args], false);
      } finally {
        if (how === 'normal') h.decref(exitFn);
        else release();
      }
    },
    release,
  };
  const enterFn = h.incref(enter);
  // `COPY 1`: a second reference to the manager (borrowed if the load was), taken over by `__enter__`'s frame.
  const enterCall = (): Ref => {
    const copy = h.incref(mgr);
    if (ledger !== null && status !== null) {
      ledger.noteLoad(copy, status, frame);
      ledger.expectCall(enterFn, [status], new Map());
    }
    return interp.callFunction(enterFn, [copy], true);
  };
  return enterAndBind(interp, hold, enterFn, enterCall, item, frame);
}

/** Calls `__enter__` (then releases the stack's `callable`) and stores its result. */
function enterAndBind(interp: Interpreter, hold: ExitHold, callable: Ref, call: () => Ref, item: WithItem, frame: Frame): ExitHold {
  let result: Ref;
  try {
    result = call();
  } catch (err) {
    hold.release();
    throw err;
  } finally {
    interp.heap.decref(callable);
  }
  bindResult(interp, result, item, hold, frame);
  return hold;
}

function bindResult(interp: Interpreter, result: Ref, item: WithItem, hold: ExitHold, frame: Frame): void {
  if (item.target === null) {
    interp.heap.decref(result);
    return;
  }
  try {
    interp.assign(item.target, result, frame);
  } catch (err) {
    hold.release();
    throw err;
  }
}

/** `__exit__(type, exc, tb)` for an exception leaving the body: whether it suppressed it. */
function exitWithException(interp: Interpreter, err: PyException, hold: ExitHold, exit: Ref, item: WithItem): boolean {
  const h = interp.heap;
  const fp = h.payload(exit, 'function');
  const params = (fp.code as { params: readonly { name: string }[] } | null)?.params ?? [];
  const tbName = params[3]?.name;
  if (params.length !== 4 || tbName === undefined || mentionsName((fp.code as { code: { body: unknown } }).code.body, tbName)) {
    hold.release();
    throw new Refusal('an exception reaching an __exit__ that uses its traceback argument', 'traceback objects are not modelled', item.pos);
  }
  let type: Ref;
  let value: Ref;
  try {
    ({ type, value } = exceptionForExit(interp, err, item.pos));
  } catch (e) {
    hold.release();
    throw e;
  }
  // The traceback parameter is never read: None stands for it (no reference of it is observable).
  const tb = h.none();
  let suppressed: boolean;
  try {
    const result = hold.exit([type, value, tb], 'exception');
    suppressed = interp.truth(result);
    h.decref(result);
  } finally {
    h.decref(tb);
    h.decref(value);
    h.decref(type);
  }
  return suppressed;
}

/** Whether an AST (plain data) loads, stores or deletes `name` anywhere. */
function mentionsName(node: unknown, name: string): boolean {
  if (Array.isArray(node)) return node.some((n) => mentionsName(n, name));
  if (node === null || typeof node !== 'object') return false;
  const o = node as Record<string, unknown>;
  if (o['kind'] === 'Name' && o['id'] === name) return true;
  if ((o['kind'] === 'Global' || o['kind'] === 'Nonlocal') && Array.isArray(o['names']) && o['names'].includes(name)) return true;
  return Object.entries(o).some(([k, v]) => k !== 'pos' && mentionsName(v, name));
}
