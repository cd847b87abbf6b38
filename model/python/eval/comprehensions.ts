/**
 * List, set and dict comprehensions and generator expressions, with CPython's scopes and
 * reference handling per version:
 * - before 3.12 each comprehension is a hidden function (`Python/compile.c`
 *   `compiler_comprehension`): `MAKE_FUNCTION` of its own code object (whose `co_consts` hold
 *   the constants it loads, see `compile.ts`), the outermost iterable evaluated and `GET_ITER`
 *   in the enclosing scope, the iterator passed as the argument `.0`; the frame's locals are
 *   `.0` then the targets (`co_varnames`), cleared in that order when it returns, then the
 *   function object is released;
 * - from 3.12 (PEP 709, `push_inlined_comprehension_state` / `pop_inlined_comprehension_state`)
 *   list, set and dict comprehensions run inline: `GET_ITER`, `LOAD_FAST_AND_CLEAR` of each
 *   target (hidden fast locals, also at module and class level), `BUILD_LIST 0`, the loop; at
 *   `END_FOR` the iterator is released, then the targets are restored (`STORE_FAST`) in
 *   reverse order of their first binding, releasing their last values;
 * - generator expressions stay hidden functions in every version: the model runs one only as
 *   the sole argument of a builtin that consumes it at once (`tuple`, `any`, `all`), where the
 *   generator object and its frame live exactly as long as that call.
 * A hidden function that reads a local of an enclosing function gets a closure (cells.ts):
 * before 3.12 that local is a cell of the function, from 3.12 only for generator expressions.
 */
import type { Ref } from '../../core/objects';
import type { Comprehension, Expr, Target } from '../ast';
import type { CodeObject } from './compile';
import type { Frame, LoopIterator } from './frame';
import type { Interpreter } from './interpreter';
import { keepFrameAlive } from './exceptions';
import { Refusal } from './refusal';
import { RunSlot, runState } from './run-state';
import { setAdd } from './set-methods';
import { makeGenerator } from './generators';
import { enterCells, makeClosure, releaseCells, withClosure } from './cells';

type ComprehensionExpr = Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp' }>;
type GeneratorExpr = Extract<Expr, { kind: 'GeneratorExp' }>;

/** Code objects run once already (3.8-3.10 keep a zombie frame per code object: its first call allocates it). */
const CALLED_ONCE = new RunSlot(() => new Set<CodeObject>());

/** Names a target binds, in order of first binding. */
function targetNames(t: Target, out: string[]): void {
  if (t.kind === 'Name') {
    if (!out.includes(t.id)) out.push(t.id);
  } else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach((x) => targetNames(x, out));
  else throw new Refusal('a comprehension target that is not a name', undefined, t.pos);
}

/** The names a comprehension's `for` clauses bind (its hidden fast locals), in order. */
export function boundNames(generators: readonly Comprehension[]): string[] {
  const out: string[] = [];
  for (const g of generators) targetNames(g.target, out);
  return out;
}

/** The hidden function's code. */
function hiddenCode(e: ComprehensionExpr, frame: Frame): CodeObject {
  const code = frame.code.comprehensions.get(e);
  if (!code) throw new Error('model bug: no code object for a comprehension');
  return code;
}

/** `MAKE_FUNCTION` of a hidden function (with its closure, cells.ts): a function object the model gives no known size. */
function makeHiddenFunction(interp: Interpreter, code: CodeObject, frame: Frame): Ref {
  const h = interp.heap;
  const closure = makeClosure(interp, code, frame);
  return h.object({ kind: 'function', name: code.name, codeObject: h.incref(code.ref), defaults: [], ...withClosure({ code, params: [] }, closure, []) });
}

/** The outermost iterable, evaluated in the enclosing scope, then `GET_ITER`. */
function outermostIterator(interp: Interpreter, e: ComprehensionExpr, frame: Frame): LoopIterator {
  const iterable = interp.evalExpr(e.generators[0]!.iter, frame);
  try {
    return interp.getIter(iterable);
  } finally {
    interp.heap.decref(iterable);
  }
}

/** 3.8-3.10: the first call of a code object allocates its frame (kept as `co_zombieframe`). */
function noteCall(interp: Interpreter, code: CodeObject): void {
  const seen = runState(interp, CALLED_ONCE);
  if (interp.cfg.callerHoldsArgumentReference && !seen.has(code)) interp.heap.allocator.untrackedAtLeast(300);
  seen.add(code);
}

/**
 * The start of a hidden function's run: `MAKE_FUNCTION`, the outermost iterable and `GET_ITER`
 * in the enclosing scope, then the function's frame (`.0` is kept as the loop iterator).
 */
export function enterHidden(interp: Interpreter, e: ComprehensionExpr, frame: Frame) {
  const code = hiddenCode(e, frame);
  const fn = makeHiddenFunction(interp, code, frame);
  let it: LoopIterator;
  try {
    it = outermostIterator(interp, e, frame);
  } catch (err) {
    interp.heap.decref(fn);
    throw err;
  }
  noteCall(interp, code);
  const fast = new Map<string, Ref | null>(code.locals.map((n) => [n, null]));
  const inner: Frame = { code, kind: 'function', fast, ns: new Map(), globals: frame.globals, ...enterCells(interp, code, fn, fast, ['.0']) };
  return { code, fn, it, fast, inner };
}

/** Releases a frame's locals in the given order. */
export function clearLocals(interp: Interpreter, fast: Map<string, Ref | null>, order: readonly string[]): void {
  for (const name of order) {
    const v = fast.get(name) ?? null;
    if (v !== null) {
      fast.set(name, null);
      interp.heap.decref(v);
    }
  }
}

/**
 * Runs the clauses from `index`: each item bound to the target, the conditions tested, then
 * the next clause or `emit` (with the comprehension's frame). `first` iterates clause 0.
 */
/** One clause's item: bound to its target, then its conditions tested (all true: kept). */
export function bindAndTest(interp: Interpreter, g: Comprehension, item: Ref, frame: Frame): boolean {
  interp.pos = g.pos;
  interp.assign(g.target, item, frame);
  for (const cond of g.ifs) {
    // The test's value is consumed by its jump (3.14: a borrowed load ends there too).
    const mark = interp.borrows?.mark();
    const v = interp.evalExpr(cond, frame);
    const pass = interp.truth(v);
    interp.heap.decref(v);
    if (mark !== undefined) interp.borrows?.release(mark);
    if (!pass) return false;
  }
  return true;
}

function runClauses(interp: Interpreter, e: ComprehensionExpr, frame: Frame, first: LoopIterator, emit: () => boolean): boolean {
  const clause = (index: number, it: LoopIterator): boolean => {
    const g = e.generators[index]!;
    for (;;) {
      const item = interp.iterNext(it);
      if (item === null) return true;
      if (!bindAndTest(interp, g, item, frame)) continue;
      const next = e.generators[index + 1];
      if (next === undefined) {
        if (!emit()) return false;
        continue;
      }
      const inner = outermostOf(interp, next, frame);
      try {
        if (!clause(index + 1, inner)) return false;
      } finally {
        interp.releaseIter(inner);
      }
    }
  };
  return clause(0, first);
}

export function outermostOf(interp: Interpreter, g: Comprehension, frame: Frame): LoopIterator {
  const iterable = interp.evalExpr(g.iter, frame);
  try {
    return interp.getIter(iterable);
  } finally {
    interp.heap.decref(iterable);
  }
}

/** `BUILD_LIST 0` / `BUILD_SET 0` / `BUILD_MAP 0`, and the matching `LIST_APPEND` / `SET_ADD` / `MAP_ADD`. */
function collector(interp: Interpreter, e: Exclude<ComprehensionExpr, GeneratorExpr>, frame: Frame): { result: Ref; add: () => boolean } {
  const h = interp.heap;
  switch (e.kind) {
    case 'ListComp': {
      const result = h.list([], 0);
      return {
        result,
        add: () => {
          const v = interp.evalExpr(e.elt, frame);
          interp.listExtend(result, [v]);
          h.decref(v);
          return true;
        },
      };
    }
    case 'SetComp': {
      const result = h.set('set', []);
      return {
        result,
        add: () => {
          setAdd(interp, result, interp.evalExpr(e.elt, frame));
          return true;
        },
      };
    }
    case 'DictComp': {
      const result = h.dict([]);
      return {
        result,
        add: () => {
          // `MAP_ADD` (3.8+): the key is evaluated first, then the value.
          const key = interp.evalExpr(e.key, frame);
          let value: Ref;
          try {
            value = interp.evalExpr(e.value, frame);
          } catch (err) {
            h.decref(key);
            throw err;
          }
          try {
            interp.setItem(result, key, value);
          } finally {
            h.decref(key);
          }
          return true;
        },
      };
    }
  }
}

/** A list, set or dict comprehension (a new reference); generator expressions are refused here. */
export function evalComprehension(interp: Interpreter, e: ComprehensionExpr, frame: Frame): Ref {
  if (e.kind === 'GeneratorExp') return makeGenerator(interp, e, frame);
  const h = interp.heap;
  const names = boundNames(e.generators);
  if (interp.cfg.comprehensionsInlined) {
    // PEP 709: GET_ITER, the targets' hidden fast locals, BUILD_*, the loop, then restore.
    const it = outermostIterator(interp, e, frame);
    const fast = new Map<string, Ref | null>(names.map((n) => [n, null]));
    const inner: Frame = { code: frame.code, kind: 'function', fast, ns: new Map(), globals: frame.globals, comprehension: e, ...(frame.kind === 'function' ? { outer: frame } : {}) };
    return collect(interp, e, inner, it, () => {
      interp.releaseIter(it);
      clearLocals(interp, fast, [...names].reverse());
    }, false);
  }
  const { code, fn, it, fast, inner } = enterHidden(interp, e, frame);
  return collect(interp, e, inner, it, () => {
    // The frame ends: `.0` (the iterator) first, then the targets (`co_varnames` order).
    // 3.8-3.10 the caller's stack also holds the iterator (`function_code_fastcall` INCREFs
    // the argument): the frame's `.0` is not the last reference, the caller frees it after.
    if (interp.cfg.callerHoldsArgumentReference) {
      clearLocals(interp, fast, code.locals.filter((n) => n !== '.0'));
      releaseCells(interp, inner);
      interp.releaseIter(it);
    } else {
      interp.releaseIter(it);
      clearLocals(interp, fast, code.locals.filter((n) => n !== '.0'));
      releaseCells(interp, inner);
    }
    h.decref(fn);
  }, true);
}

/**
 * `BUILD_*`, the loop, then `release`. When an exception leaves a hidden function's frame,
 * its traceback keeps the frame (and what `release` would drop) until the exception dies; an
 * inlined comprehension's cleanup handler releases at once. The result is a new reference.
 */
function collect(interp: Interpreter, e: Exclude<ComprehensionExpr, GeneratorExpr>, inner: Frame, it: LoopIterator, release: () => void, hiddenFrame: boolean): Ref {
  let result: Ref | null = null;
  let kept = false;
  try {
    const c = collector(interp, e, inner);
    result = c.result;
    runClauses(interp, e, inner, it, c.add);
    return result;
  } catch (err) {
    if (result !== null) interp.heap.decref(result);
    kept = hiddenFrame && keepFrameAlive(err, release);
    throw err;
  } finally {
    if (!kept) release();
  }
}

/**
 * `f(x for x in it)` where `f` consumes the generator at once: `MAKE_FUNCTION`, the outermost
 * iterable and `GET_ITER`, the generator object (its size unknown to the model), then `each`
 * for every item until it returns false; the generator is then released (`gen_dealloc`
 * closes a suspended frame: `.0` and the targets are released in `co_varnames` order).
 */
export function consumeGenerator(interp: Interpreter, e: GeneratorExpr, frame: Frame, each: (item: Ref) => boolean): void {
  const h = interp.heap;
  const { code, fn, it, fast, inner } = enterHidden(interp, e, frame);
  // The generator object (3.11+ with its frame inside; 3.8-3.10 plus a frame object).
  const gen = h.object({ kind: 'module', name: '<generator>', attrs: new Map() });
  // 3.8-3.10 the frame does not hold the function: the call's stack drops it now.
  // 3.11+ the frame holds it (`f_funcobj`) until the frame is cleared.
  const holdsFunction = !interp.cfg.callerHoldsArgumentReference;
  if (!holdsFunction) h.decref(fn);
  const release = (): void => {
    interp.releaseIter(it);
    clearLocals(interp, fast, code.locals.filter((n) => n !== '.0'));
    releaseCells(interp, inner);
    if (holdsFunction) h.decref(fn);
  };
  let kept = false;
  try {
    runClauses(interp, e, inner, it, () => {
      const v = interp.evalExpr(e.elt, inner);
      return each(v);
    });
  } catch (err) {
    // The generator's frame is in the traceback: it keeps its locals until the exception dies.
    kept = keepFrameAlive(err, release);
    throw err;
  } finally {
    if (!kept) release();
    h.decref(gen);
  }
}
