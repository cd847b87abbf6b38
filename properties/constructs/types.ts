/**
 * The shape of a construct property (issue #9): programs that use one second-tier construct
 * (lambda, closures, generators, `with`, `__eq__`/`__hash__`, str methods, ...) and print what it
 * does to identity (`is`, equal ids while both objects live, `sys.getrefcount`, weakref deaths).
 *
 * Unlike an invariant's property (`../harness/types.ts`) there is no rule to check: the runner
 * (`../constructs.test.ts`) generates programs from `arbitrary`, runs each on the model profile of
 * every real interpreter found (every embedded CPython, every native one) and on that interpreter,
 * and requires the model to answer every program (a refusal fails, naming the program) with the
 * same stdout and exit code. Failures are shrunk on the case and printed as Python with the seed.
 *
 * One file per construct: `properties/constructs/<construct>.construct.ts`, exporting `construct`.
 */
import type fc from 'fast-check';
import type { Module } from '../../model/python/ast';

export interface ConstructProperty<Case> {
  /** Kebab-case name, equal to the file name (`lambda` for `lambda.construct.ts`). */
  readonly construct: string;
  /** One sentence: what the programs exercise. */
  readonly description: string;
  readonly arbitrary: fc.Arbitrary<Case>;
  /**
   * The program for a case. `salt` is unique per execution: fold it into strings built at run
   * time, because one real interpreter runs many programs and its intern table outlives each.
   * Print identity facts, never raw `id()` values or addresses.
   */
  program(testCase: Case, salt: string): Module;
  /** Programs per target (default 30), times the run scale. */
  readonly runs?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyConstructProperty = ConstructProperty<any>;

export function defineConstruct<Case>(construct: ConstructProperty<Case>): ConstructProperty<Case> {
  return construct;
}
