/**
 * An exception whose uncaught traceback line carries CPython's "Did you mean" trailer
 * (see suggestions.ts). `str(e)` does not include it: only the printed last line does.
 */
import { PyException } from './py-exception';

export class SuggestedException extends PyException {
  constructor(
    pyType: string,
    pyMessage: string,
    readonly trailer: string,
  ) {
    super(pyType, pyMessage);
  }

  override get lastLine(): string {
    return `${super.lastLine}${this.trailer}`;
  }
}
