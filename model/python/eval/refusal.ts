/**
 * Thrown where the model cannot predict what CPython prints; `runModel` turns it into an
 * `UnsupportedError` naming the place (its own `pos`, else the statement being run):
 * exit code 2, `unsupported: ...`.
 */
import type { Pos } from '../ast';

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
