/**
 * A Python exception raised by the running program (not an error about the model's input).
 * Uncaught, it ends the program: CPython's last traceback line goes to stderr, exit code 1.
 */
export class PyException extends Error {
  constructor(
    readonly pyType: string,
    readonly pyMessage: string,
  ) {
    super(pyMessage === '' ? pyType : `${pyType}: ${pyMessage}`);
  }

  /** The last line of CPython's traceback (`traceback.format_exception_only`). */
  get lastLine(): string {
    return this.pyMessage === '' ? this.pyType : `${this.pyType}: ${this.pyMessage}`;
  }
}
