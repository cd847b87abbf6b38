/**
 * The shape of a spec entry, validated with zod so that a bad entry fails with its file,
 * its id and the field, instead of producing a wrong page or a check that cannot fail.
 */
import { z } from 'zod';

/** A CPython version as written in the catalogue: `3.12` or `3.12.7`. */
export const versionSchema = z.string().regex(/^3\.\d{1,2}(\.\d{1,2})?$/, 'a CPython version such as 3.12 or 3.12.7');

export const guaranteeSchema = z.enum(['language', 'cpython']);

export const platformSchema = z.enum(['x86_64', 'wasm32']);

/** Where an invariant holds: a half-open version range and the platforms. */
export const holdsSchema = z.object({
  since: versionSchema,
  until: versionSchema.nullable(),
  platforms: z.array(platformSchema).min(1),
  /** How the behaviour differs on the other side of the range, when it changes. */
  otherwise: z.string().min(1).optional(),
});

/** A CPython source reference: file and symbol, linked at the tag of the version it is cited for. */
/**
 * Where an invariant's behaviour changes between versions, each side is a regime: a named
 * behaviour with the ranges it holds on. Properties ask which regime a target is in
 * (`regimeOn`), so that version facts live in the catalogue and not in property code.
 */
export const regimeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'a short kebab-case name such as mortal'),
  description: z.string().min(10),
  ranges: z.array(holdsSchema).min(1),
});

export const sourceRefSchema = z.object({
  file: z.string().regex(/^(Objects|Python|Include|Modules|Lib|Parser)\//, 'a path inside the CPython repository'),
  symbol: z.string().min(1),
  tag: z.string().regex(/^v3\.\d+\.\d+$/, 'a CPython tag such as v3.12.7'),
});

export const exampleSchema = z.object({
  title: z.string().min(1),
  /** Python source, run for real on every target at build time; outputs are never typed here. */
  source: z.string().min(1),
});

/**
 * What another implementation does with an invariant, as measured by running the entry's property
 * on it (properties/ runs layer 2 on every PyPy found):
 * - `holds`: the invariant holds there as stated; every generated program must satisfy it;
 * - `differs`: it does not; `behaviour` says what the implementation does instead, and the runs
 *   must show at least one program where the CPython rule fails (the evidence the site shows).
 * Programs using an API the implementation lacks (`sys.getrefcount` on PyPy) are not applicable.
 */
export const implementationExpectationSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('holds') }).strict(),
  z.object({ status: z.literal('differs'), behaviour: z.string().min(20) }).strict(),
]);

/** Implementations other than CPython that the project runs; one key per implementation. */
export const implementationsSchema = z.object({ pypy: implementationExpectationSchema.optional() }).strict();

export const specEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-.]+$/, 'a stable id such as int-cache.bounds'),
  family: z.string().min(1),
  title: z.string().min(1),
  statement: z.string().min(20),
  guarantee: guaranteeSchema,
  holds: z.array(holdsSchema).min(1),
  regimes: z.array(regimeSchema).min(2).optional(),
  sources: z.array(sourceRefSchema),
  examples: z.array(exampleSchema).min(1),
  /**
   * Per implementation besides CPython. A `language` entry must hold on every implementation, so it
   * may only say `holds` (or nothing); a `cpython` entry says what the implementation does instead,
   * where that is known. Absent: not yet measured (the runs are then reported, not judged).
   */
  implementations: implementationsSchema.optional(),
}).superRefine((entry, context) => {
  if (entry.guarantee !== 'language') return;
  for (const [implementation, expectation] of Object.entries(entry.implementations ?? {})) {
    if (expectation?.status === 'differs') {
      context.addIssue({
        code: 'custom',
        path: ['implementations', implementation, 'status'],
        message: `a language guarantee must hold on every implementation: ${implementation} cannot be 'differs' (make the entry a cpython detail, or fix it)`,
      });
    }
  }
});

export type SpecEntry = z.infer<typeof specEntrySchema>;
export type Guarantee = z.infer<typeof guaranteeSchema>;
export type Platform = z.infer<typeof platformSchema>;
export type Regime = z.infer<typeof regimeSchema>;
export type ImplementationExpectation = z.infer<typeof implementationExpectationSchema>;
/** The implementations an entry can state expectations for (CPython is the entry itself). */
export type OtherImplementation = keyof z.infer<typeof implementationsSchema>;
