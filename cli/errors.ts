/** Input the CLI refuses: bad flags, unreadable file, unknown or unavailable target. Exit code 2. */
export class CliInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

/** Exit code and message for anything thrown by a command; null for a real bug (keep the stack). */
export function asRefusal(error: unknown): { exitCode: number; message: string } | null {
  if (error instanceof Error && 'exitCode' in error && typeof error.exitCode === 'number') return { exitCode: error.exitCode, message: error.message };
  return null;
}
