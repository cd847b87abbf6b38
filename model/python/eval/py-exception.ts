/**
 * A Python exception raised by the running program (not an error about the model's input).
 * Uncaught, it ends the program: CPython's last traceback line goes to stderr, exit code 1.
 */
export class PyException extends Error {
  constructor(
    readonly pyType: string,
    readonly pyMessage: string,
  ) {
    // Control flow of the running program, caught by the evaluator: a JavaScript stack trace
    // would cost more than the statement that raised (captured at every construction).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(pyMessage === '' ? pyType : `${pyType}: ${pyMessage}`);
    Error.stackTraceLimit = limit;
  }

  /** The last line of CPython's traceback (`traceback.format_exception_only`). */
  get lastLine(): string {
    return this.pyMessage === '' ? this.pyType : `${this.pyType}: ${this.pyMessage}`;
  }
}
