/**
 * Generator expressions as objects (`Objects/genobject.c`): `(elt for x in it if c ...)`
 * evaluates the outermost iterable and `GET_ITER` in the enclosing scope, makes the hidden
 * `<genexpr>` function and calls it, which makes the generator object and its frame (`.0` the
 * iterator, then the targets, `co_varnames`); nothing else runs until the first `next()`.
 * Each `next()` resumes the loops until the next element (`YIELD_VALUE`); the suspended frame
 * keeps its locals and the inner loops' iterators. Exhausted, the frame is cleared (`.0`
 * first, then the targets) and the generator holds nothing; dropped while suspended,
 * `gen_dealloc` clears its weakrefs, then closes the frame (`_PyGen_Finalize`: GeneratorExit
 * unwinds the inner iterators, innermost first, then the locals are cleared).
 * An exception leaving the frame finishes the generator; its traceback keeps the frame.
 * The generator's own size is not followed (a block of unknown size).
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';
import { bindAndTest, clearLocals, enterHidden, outermostOf } from './comprehensions';
import { keepFrameAlive } from './exceptions';
import type { Frame, LoopIterator } from './frame';
import type { Interpreter } from './interpreter';
import { releaseCells } from './cells';

type GeneratorExpr = Extract<Expr, { kind: 'GeneratorExp' }>;

/** The generator's state, kept in its payload: the resumable loops, and how to clear the frame. */
export interface GeneratorState {
  readonly tag: 'generator';
  /** Null once the frame is finished (exhausted, closed, or left by an exception). */
  run: Generator<Ref, void, void> | null;
  readonly release: () => void;
}

/** The loops of a generator expression, yielding each element (a new reference). */
function* clauses(interp: Interpreter, e: GeneratorExpr, frame: Frame, first: LoopIterator): Generator<Ref, void, void> {
  function* clause(index: number, it: LoopIterator): Generator<Ref, void, void> {
    const g = e.generators[index]!;
    for (;;) {
      const item = interp.iterNext(it);
      if (item === null) return;
      if (!bindAndTest(interp, g, item, frame)) continue;
      const next = e.generators[index + 1];
      if (next === undefined) {
        yield interp.evalExpr(e.elt, frame);
        continue;
      }
      const inner = outermostOf(interp, next, frame);
      try {
        yield* clause(index + 1, inner);
      } finally {
        interp.releaseIter(inner);
      }
    }
  }
  yield* clause(0, first);
}

/** `(elt for ...)`: a new generator object, suspended before its first item. */
export function makeGenerator(interp: Interpreter, e: GeneratorExpr, frame: Frame): Ref {
  const h = interp.heap;
  const { code, fn, it, fast, inner } = enterHidden(interp, e, frame);
  // 3.8-3.10 the frame does not hold the function: the call's stack drops it now.
  // 3.11+ the frame holds it (`f_funcobj`) until the frame is cleared.
  const holdsFunction = !interp.cfg.callerHoldsArgumentReference;
  const release = (): void => {
    interp.releaseIter(it);
    clearLocals(interp, fast, code.locals.filter((n) => n !== '.0'));
    releaseCells(interp, inner);
    if (holdsFunction) h.decref(fn);
  };
  const state: GeneratorState = { tag: 'generator', run: clauses(interp, e, inner, it), release };
  const gen = h.object({ kind: 'iterator', type: 'generator', bytes: null, gc: true, held: [], state, finalize: () => closeGenerator(interp, state) });
  if (!holdsFunction) h.decref(fn);
  return gen;
}

/** `gen.send(None)` / `next()`: the next element, or null once finished. */
export function resumeGenerator(interp: Interpreter, state: GeneratorState): Ref | null {
  const run = state.run;
  if (run === null) return null;
  const savedPos = interp.pos;
  let step: IteratorResult<Ref, void>;
  try {
    step = run.next();
  } catch (err) {
    state.run = null;
    if (!keepFrameAlive(err, state.release)) state.release();
    throw err;
  } finally {
    interp.pos = savedPos;
  }
  if (step.done === true) {
    state.run = null;
    state.release();
    return null;
  }
  return step.value;
}

/** `gen.close()` of a suspended frame: the inner loops unwind, then the frame is cleared. */
export function closeGenerator(interp: Interpreter, state: GeneratorState): void {
  const run = state.run;
  if (run === null) return;
  state.run = null;
  run.return();
  state.release();
}
