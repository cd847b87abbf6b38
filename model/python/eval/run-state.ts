/**
 * State an evaluator module keeps for one run, held by the interpreter (`Interpreter.runStates`)
 * and dropped with it. Not a WeakMap keyed by the interpreter: an ephemeron per run made the
 * model slower (model/README.md). Not a cache keyed by AST nodes across runs either: the bench
 * runs the same program many times, and each run must find everything again (issue #4).
 */
export class RunSlot<T> {
  constructor(readonly make: () => T) {}
}

/** What holds the run's states (the interpreter): null until the first (most runs need none). */
export interface RunStates {
  runStates: Map<RunSlot<unknown>, unknown> | null;
}

/** The run's state of `slot`, made at its first use in the run. */
export function runState<T>(holder: RunStates, slot: RunSlot<T>): T {
  const states = (holder.runStates ??= new Map());
  let s = states.get(slot) as T | undefined;
  if (s === undefined) {
    s = slot.make();
    states.set(slot, s);
  }
  return s;
}

/** Whether the run has made its state of `slot` yet. */
export function hasRunState(holder: RunStates, slot: RunSlot<unknown>): boolean {
  return holder.runStates !== null && holder.runStates.has(slot);
}
