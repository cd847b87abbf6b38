/** Input the oracle refuses (unknown target, bad option). The CLI prints the message, exit 2. */
export class OracleInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'OracleInputError';
  }
}
