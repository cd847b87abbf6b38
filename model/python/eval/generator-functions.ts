/**
 * Generator functions (`Objects/genobject.c`, `Python/ceval.c`): a `def` whose body has a
 * `yield` is compiled with `CO_GENERATOR` (`Python/symtable.c` `ste_generator`); calling it
 * binds the arguments in a new frame and returns a generator object without running the
 * body (`_PyEval_Vector` -> `make_gen` / `RETURN_GENERATOR` from 3.11). Each `next()` runs the
 * body to the next `yield` (`YIELD_VALUE`, the yielded value is the caller's reference); the
 * suspended frame keeps its locals and its loops' iterators. `return` ends it
 * (StopIteration); the finished frame is cleared in `co_varnames` order. Dropped or closed
 * while suspended, `gen_close` (via `_PyGen_Finalize` after the weakrefs) unwinds the loops,
 * innermost first, then clears the locals. `yield from x` (`GET_YIELD_FROM_ITER`, `SEND`)
 * iterates x's iterator and yields each item.
 * Shares the generator object and its resumption with generator expressions (generators.ts).
 * Supported places of `yield`: statements directly in the body or in `if`/`while`/`for`
 * bodies. `x = yield v`, yields in `try`/`with`, and `return value` (a StopIteration value)
 * are refused.
 */
import type { Ref } from '../../core/objects';
import type { Expr, Stmt } from '../ast';
import type { Completion, Frame } from './frame';
import { NORMAL } from './frame';
import { closeGenerator, type GeneratorState } from './generators';
import type { Interpreter } from './interpreter';
import { clearFrame } from './cells';
import { Refusal } from './refusal';
import { RunSlot, runState } from './run-state';

/** Steps of loops a generator may run between two statements the interpreter counts. */
const MAX_LOOP_STEPS = 100_000;

/** `hasYield`'s answers in this run (statements asked again at every run of a generator's loops). */
const YIELDS = new RunSlot(() => new Map<Stmt, boolean>());

/** Generators of generator functions whose body has not started running. */
const unstarted = new WeakSet<GeneratorState>();
/** Generators made by calling generator functions (not generator expressions). */
const ofFunctions = new WeakSet<GeneratorState>();

/** Whether the statement has a `yield` of its own scope (not of a nested def or class). */
function hasYield(interp: Interpreter, s: Stmt): boolean {
  const known = runState(interp, YIELDS);
  let found = known.get(s);
  if (found === undefined) {
    found = statementYields(s);
    known.set(s, found);
  }
  return found;
}

function statementYields(s: Stmt): boolean {
  switch (s.kind) {
    case 'Yield':
      return true;
    case 'If':
    case 'While':
    case 'For':
      return anyYields(s.body) || anyYields(s.orelse);
    case 'Try':
      if (anyYields(s.body) || anyYields(s.orelse) || anyYields(s.finalbody)) return true;
      for (let i = 0; i < s.handlers.length; i++) if (anyYields((s.handlers[i] as { body: readonly Stmt[] }).body)) return true;
      return false;
    case 'With':
      return anyYields(s.body);
    default:
      return false;
  }
}

/** A loop, not `some` with a callback: asked of every function's body at its first call in a run. */
function anyYields(body: readonly Stmt[]): boolean {
  for (let i = 0; i < body.length; i++) if (statementYields(body[i] as Stmt)) return true;
  return false;
}

/** `CO_GENERATOR`: the function body has a `yield` (`Python/symtable.c`, `ste_generator`). */
export function isGeneratorBody(body: readonly Stmt[]): boolean {
  return anyYields(body);
}

/**
 * The call of a generator function: `frame` has its arguments bound; the generator object
 * takes the frame over (a new reference). 3.11+ the frame holds the function (`f_funcobj`)
 * until it is cleared; 3.8-3.10 it does not.
 */
export function makeGeneratorFunctionCall(interp: Interpreter, fn: Ref, frame: Frame): Ref {
  const h = interp.heap;
  const holdsFunction = !interp.cfg.callerHoldsArgumentReference;
  if (holdsFunction) h.incref(fn);
  const release = (): void => {
    // `_PyFrame_ClearLocals` / `frame_dealloc`: locals in `co_varnames` order, then the function.
    clearFrame(interp, frame);
    if (holdsFunction) h.decref(fn);
  };
  const steps = { count: 0 };
  const state: GeneratorState = { tag: 'generator', run: null, release };
  state.run = runFunctionBody(interp, frame, steps, state);
  unstarted.add(state);
  ofFunctions.add(state);
  return h.object({ kind: 'iterator', type: 'generator', bytes: null, gc: true, held: [], state, finalize: () => closeGenerator(interp, state) });
}

/** The whole body; a returned value other than None would be StopIteration's value: refused. */
function* runFunctionBody(interp: Interpreter, frame: Frame, steps: { count: number }, state: GeneratorState): Generator<Ref, void, void> {
  unstarted.delete(state);
  const c = yield* runBlock(interp, frame.code.body, frame, steps);
  if (c.kind === 'return') {
    const isNone = c.value === interp.heap.none();
    interp.heap.decref(c.value);
    if (!isNone) throw new Refusal('return with a value in a generator', "StopIteration's value is not modelled");
  }
}

function* runBlock(interp: Interpreter, body: readonly Stmt[], frame: Frame, steps: { count: number }): Generator<Ref, Completion, void> {
  for (const s of body) {
    const c = hasYield(interp, s) ? yield* runSuspending(interp, s, frame, steps) : interp.execBody([s], frame);
    if (c.kind !== 'normal') return c;
  }
  return NORMAL;
}

/**
 * An expression of a suspending statement, evaluated in the generator's frame. On 3.14 the
 * borrow ledger keeps loads of frames it does not analyse until their statement ends; a
 * suspended statement does not end, so what the expression's consuming instruction has
 * popped is released here (else a later `sys.getrefcount` in the caller's statement
 * subtracted it: measured 3 for 4 with `print(next(top), sys.getrefcount(sub))`).
 */
function evalConsumed(interp: Interpreter, e: Expr, frame: Frame): Ref {
  const mark = interp.borrows?.mark();
  const v = interp.evalExpr(e, frame);
  if (mark !== undefined) interp.borrows?.release(mark);
  return v;
}

function countStep(steps: { count: number }): void {
  if (++steps.count > MAX_LOOP_STEPS) throw new Refusal(`a generator loop run more than ${MAX_LOOP_STEPS} times (a loop that may not end)`);
}

/** A statement that contains a yield, run so that it can suspend. */
function* runSuspending(interp: Interpreter, s: Stmt, frame: Frame, steps: { count: number }): Generator<Ref, Completion, void> {
  const h = interp.heap;
  interp.pos = s.pos;
  switch (s.kind) {
    case 'Yield': {
      if (s.from) {
        yield* yieldFrom(interp, s, frame, steps);
        return NORMAL;
      }
      // `YIELD_VALUE` hands the value to the caller; `next()` sends None, which `POP_TOP` drops.
      yield s.value ? evalConsumed(interp, s.value, frame) : h.none();
      return NORMAL;
    }
    case 'If': {
      const test = evalConsumed(interp, s.test, frame);
      const truth = interp.truth(test);
      h.decref(test);
      return yield* runBlock(interp, truth ? s.body : s.orelse, frame, steps);
    }
    case 'While':
      for (;;) {
        countStep(steps);
        interp.pos = s.pos;
        const test = evalConsumed(interp, s.test, frame);
        const truth = interp.truth(test);
        h.decref(test);
        if (!truth) return yield* runBlock(interp, s.orelse, frame, steps);
        const c = yield* runBlock(interp, s.body, frame, steps);
        if (c.kind === 'break') return NORMAL;
        if (c.kind === 'return') return c;
      }
    case 'For': {
      const iterable = evalConsumed(interp, s.iter, frame);
      const it = interp.getIter(iterable);
      h.decref(iterable);
      // The iterator stays on the suspended frame's stack; closing the generator pops it.
      let released = false;
      try {
        for (;;) {
          countStep(steps);
          const item = interp.iterNext(it);
          if (item === null) break;
          interp.pos = s.pos;
          interp.assign(s.target, item, frame);
          const c = yield* runBlock(interp, s.body, frame, steps);
          if (c.kind === 'break') return NORMAL;
          if (c.kind === 'return') return c;
        }
        released = true;
        interp.releaseIter(it);
      } finally {
        if (!released) interp.releaseIter(it);
      }
      return yield* runBlock(interp, s.orelse, frame, steps);
    }
    default:
      throw new Refusal(`yield inside ${s.kind === 'Try' ? 'try' : s.kind === 'With' ? 'with' : 'this statement'}`, 'a generator suspends only at yields directly in its body, if, while and for');
  }
}

/** `yield from x`: x's iterator (a generator is its own) stays on the stack while it yields. */
function* yieldFrom(interp: Interpreter, s: Extract<Stmt, { kind: 'Yield' }>, frame: Frame, steps: { count: number }): Generator<Ref, void, void> {
  const h = interp.heap;
  const iterable = evalConsumed(interp, s.value as Expr, frame);
  const payload = h.get(iterable).payload;
  const kind = payload.kind;
  const isGenerator = kind === 'iterator' && payload.type === 'generator';
  if (kind !== 'list' && kind !== 'tuple' && kind !== 'range' && !isGenerator) {
    h.decref(iterable);
    throw new Refusal(`yield from a ${kind}`, 'modelled over lists, tuples, ranges and generators');
  }
  const it = interp.getIter(iterable);
  // A generator is its own iterator (`GET_YIELD_FROM_ITER`): `it` keeps it alive.
  h.decref(iterable);
  let finished = false;
  try {
    for (;;) {
      countStep(steps);
      const item = interp.iterNext(it);
      if (item === null) {
        finished = true;
        return;
      }
      yield item;
    }
  } finally {
    // Closed while delegating: `gen_close` closes a delegated generator first
    // (`gen_close_iter`), even if someone else still holds it.
    if (!finished && isGenerator) closeGenerator(interp, (payload as { state: unknown }).state as GeneratorState);
    interp.releaseIter(it);
  }
}

/**
 * `gen.close()` (`Objects/genobject.c` `gen_close`): a suspended frame gets GeneratorExit at
 * its yield (the loops unwind, then the locals are cleared); a finished one is left as is.
 * Closing a generator that never ran: 3.8-3.11 clear its frame now, 3.12+ only mark it
 * completed (`gen_close`: `FRAME_CREATED` -> `FRAME_COMPLETED`, no `gen_clear_frame`; the
 * locals live until the generator is deallocated; measured on 3.11.7 vs
 * 3.12.1): refused, as is `close()` of a generator expression (not tracked).
 * Null when `name` is not a generator method the model has.
 */
export function callGeneratorMethod(interp: Interpreter, gen: Ref, name: string, args: readonly Ref[]): Ref | null {
  const p = interp.heap.get(gen).payload;
  if (p.kind !== 'iterator' || p.type !== 'generator' || name !== 'close' || args.length !== 0) return null;
  const state = p.state as GeneratorState;
  if (state.run !== null && unstarted.has(state)) throw new Refusal('close() of a generator that has not started', 'its frame is cleared at once before 3.12, at deallocation since');
  if (state.run !== null && !ofFunctions.has(state)) throw new Refusal('close() of a generator expression');
  closeGenerator(interp, state);
  return interp.heap.none();
}
