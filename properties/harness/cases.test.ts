import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { recordCases } from './cases';

describe('recordCases', () => {
  test('the i-th recorded case is what fc.check replays at path i', () => {
    const arbitrary = fc.record({ n: fc.integer(), s: fc.string(), xs: fc.array(fc.nat(), { maxLength: 5 }) });
    const seed = 4242;
    const cases = recordCases(arbitrary, seed, 50);
    expect(cases).toHaveLength(50);
    for (const index of [0, 1, 17, 49]) {
      let replayed: unknown;
      fc.check(
        fc.property(arbitrary, (testCase) => {
          replayed ??= testCase;
          return false;
        }),
        { seed, numRuns: 50, path: String(index), endOnFailure: true },
      );
      expect(replayed).toEqual(cases[index]);
    }
  });
});
