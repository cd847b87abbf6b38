/**
 * State an evaluator module keeps for one run, held by the interpreter (`Interpreter.runStates`)
 * and dropped with it. Not a WeakMap keyed by the interpreter: an ephemeron per run made the
 * model slower (model/README.md). Not a cache keyed by AST nodes across runs either: the bench
 * runs the same program many times, and each run must find everything again (issue #4).
 */
export class RunSlot<T> {
  constructor(readonly make: () => T) {}
}

/** What holds the run's states (the interpreter). */
export interface RunStates {
  readonly runStates: Map<RunSlot<unknown>, unknown>;
}

/** The run's state of `slot`, made at its first use in the run. */
export function runState<T>(holder: RunStates, slot: RunSlot<T>): T {
  let s = holder.runStates.get(slot) as T | undefined;
  if (s === undefined) {
    s = slot.make();
    holder.runStates.set(slot, s);
  }
  return s;
}
