/**
 * Generating cases exactly as fast-check's runner does, so that the i-th case of a batch can be
 * replayed (and shrunk) by `fc.check(..., { seed, path: String(i) })`.
 */
import fc from 'fast-check';

export function recordCases<Case>(arbitrary: fc.Arbitrary<Case>, seed: number, numRuns: number): Case[] {
  const cases: Case[] = [];
  fc.check(
    fc.property(arbitrary, (testCase) => {
      cases.push(testCase);
      return true;
    }),
    { seed, numRuns },
  );
  return cases;
}

let saltCounter = 0;

/**
 * A string unique to this execution of a program in this process (see InvariantProperty.program):
 * an underscore, the prefix and six base-36 digits, so it is identifier-like and unlike any name
 * an interpreter interns at startup.
 */
export function nextSalt(prefix: string): string {
  saltCounter += 1;
  return `_${prefix}${saltCounter.toString(36).padStart(6, '0')}`;
}

/** The salt of model-layer runs: the model starts from a fresh interpreter every time. */
export const MODEL_SALT = '_m000000';
