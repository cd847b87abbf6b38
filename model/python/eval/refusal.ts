/**
 * Thrown where the model cannot predict what CPython prints; `runModel` turns it into an
 * `UnsupportedError` naming the place (its own `pos`, else the statement being run):
 * exit code 2, `unsupported: ...`.
 */
import type { Pos } from '../ast';

/**
 * Containers nested deeper than this inside one comparison, repr or `copy.deepcopy` are refused:
 * CPython counts each level against its recursion limit (`Py_EnterRecursiveCall` in
 * `PyObject_RichCompare`, `PyObject_Repr`: 1000 with the Python frames until 3.11, other C limits
 * from 3.12; `deepcopy` recurses in Python) and raises RecursionError at a depth the model does
 * not follow (measured for 2000 nested lists: `x == y` and `str(x)` raise on 3.8.18-3.12.1,
 * succeed on 3.13.0; `deepcopy` of 600 raises on 3.8.18-3.13.0, of 400 does not).
 */
export const MAX_NESTING = 200;

/** The refusal of containers nested beyond `MAX_NESTING` (or beyond JavaScript's stack). */
export function deepNesting(): Refusal {
  return new Refusal('containers nested too deep', `more than ${MAX_NESTING} levels in a comparison, repr or deepcopy, or deeper than JavaScript's stack: CPython's recursion limits there are not modelled`);
}

export class Refusal extends Error {
  constructor(
    readonly construct: string,
    readonly detail?: string,
    readonly pos?: Pos,
  ) {
    // Caught by `runModel` and reported as `unsupported:`: no JavaScript stack trace needed.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(detail ? `${construct} (${detail})` : construct);
    Error.stackTraceLimit = limit;
  }
}
