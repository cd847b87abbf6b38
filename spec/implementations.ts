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

/** PyPy for an entry whose programs read reference counts: they cannot run there. */
export const PYPY_WITHOUT_REFCOUNTS: ImplementationExpectation = {
  status: 'differs',
  behaviour:
    'PyPy has no reference counts and no sys.getrefcount (a moving, tracing garbage collector): the programs of this entry cannot run there (reported not applicable).',
};
