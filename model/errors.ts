/**
 * Errors the model raises about its *input* (not Python exceptions of the running program,
 * which the evaluator reports as CPython would). Each names the place: file, line, column.
 * The CLI prints `err.message` and exits with `err.exitCode`; never a JavaScript stack.
 */

export interface Place {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export function formatPlace(place: Place): string {
  return `${place.file}:${place.line}:${place.col}`;
}

/** Base class: bad or unsupported input. Exit code 2, as for refused input. */
export class ModelInputError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly place: Place | null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * `UnsupportedError`'s message, for callers that only print it (`runModel`'s refusals: an Error
 * captures a JavaScript stack at construction, which cost more than some refused runs).
 */
export function unsupportedMessage(construct: string, place: Place | null, detail?: string): string {
  return `unsupported: ${construct}${place ? ` at ${formatPlace(place)}` : ''}${detail ? ` (${detail})` : ''}`;
}

/** A construct outside the supported subset: refused before anything runs. */
export class UnsupportedError extends ModelInputError {
  constructor(
    readonly construct: string,
    place: Place | null,
    detail?: string,
  ) {
    super(unsupportedMessage(construct, place, detail), place);
  }
}

/** Source that is not valid Python at all. */
export class MalformedSourceError extends ModelInputError {
  constructor(detail: string, place: Place) {
    super(`syntax error: ${detail} at ${formatPlace(place)}`, place);
  }
}

/** A target name (`model:<version>-<platform>`) that names no profile. */
export class UnknownTargetError extends ModelInputError {
  constructor(message: string) {
    super(message, null);
  }
}
