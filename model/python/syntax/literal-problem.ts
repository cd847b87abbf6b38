/**
 * Thrown by the literal decoders, which know only the token's text: the converter turns it into
 * a `MalformedSourceError` or `UnsupportedError` at the token's place plus `offset`.
 */
export class LiteralProblem extends Error {
  constructor(
    readonly kind: 'malformed' | 'unsupported',
    readonly detail: string,
    /** UTF-16 offset inside the token where the problem starts. */
    readonly offset = 0,
  ) {
    super(detail);
  }
}
