/** What an entry expects of an implementation other than CPython. */
import type { ImplementationExpectation, OtherImplementation, SpecEntry } from './schema';

/**
 * A `language` entry holds on every implementation, whatever it states; a `cpython` entry says
 * what it expects, or nothing (null: not yet measured there).
 */
export function expectationOn(entry: SpecEntry, implementation: OtherImplementation): ImplementationExpectation | null {
  const stated = entry.implementations?.[implementation];
  if (stated) return stated;
  return entry.guarantee === 'language' ? { status: 'holds' } : null;
}
