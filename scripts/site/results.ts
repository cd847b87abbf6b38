/**
 * Reads the results files the checks write (results/invariants.json, examples.json, claims.json,
 * bench.json). A missing file is `null`: the site then says that nothing was produced yet. A file
 * that is present but malformed is an error naming the file and the field, never a silent gap.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { heapSnapshotSchema } from './heap-trace';

const outcomeSchema = z.object({ stdout: z.string(), stderr: z.string(), exitCode: z.number().int() });

const failureSchema = z.object({
  invariantId: z.string(),
  layer: z.enum(['model', 'real', 'agreement']),
  target: z.string(),
  seed: z.number().int(),
  path: z.string(),
  counterexample: z.object({ program: z.string(), outputs: z.record(z.string(), outcomeSchema), violation: z.string() }),
});


const counterexampleSchema = z.object({ program: z.string(), outputs: z.record(z.string(), outcomeSchema), violation: z.string() });

const layerRecordSchema = z.object({
  invariant: z.string(),
  layer: z.enum(['model', 'real', 'agreement']),
  target: z.string(),
  status: z.enum(['pass', 'fail', 'not-applicable']),
  runs: z.number().int().nonnegative(),
  seed: z.number().int(),
  durationMs: z.number().nonnegative(),
  failure: failureSchema.optional(),
  /** PyPy's layer 2 (properties/harness/implementation-layer.ts). */
  implementation: z.literal('pypy').optional(),
  expectation: z.enum(['holds', 'differs', 'unmeasured']).optional(),
  observed: z.enum(['holds', 'differs']).nullable().optional(),
  notApplicable: z.number().int().nonnegative().optional(),
  evidence: counterexampleSchema.optional(),
  reason: z.string().optional(),
});

export const invariantResultsSchema = z.object({
  generatedAt: z.string(),
  seed: z.number().int(),
  scale: z.number().positive(),
  results: z.array(layerRecordSchema),
});

/** One run of a program on one target, as examples.json and claims.json record it. */
const programRunSchema = z.object({
  target: z.string(),
  kind: z.enum(['real', 'model']),
  version: z.string(),
  platform: z.string(),
  /** Set for another implementation than CPython. */
  implementation: z.literal('pypy').optional(),
  outcome: outcomeSchema,
  /** Model runs on the embedded targets' mirrors: the heap after each top-level statement. */
  trace: z.array(heapSnapshotSchema).optional(),
});

export const exampleResultsSchema = z.object({
  generatedAt: z.string(),
  examples: z.array(z.object({ invariant: z.string(), index: z.number().int().nonnegative(), title: z.string(), source: z.string(), runs: z.array(programRunSchema) })),
});

export const claimResultsSchema = z.object({
  generatedAt: z.string(),
  claims: z.array(
    z.object({
      id: z.string(),
      program: z.string(),
      runs: z.array(programRunSchema),
      /** The CPython-only API the evidence uses (not run on PyPy then). */
      cpythonOnlyApi: z.string().nullable().optional(),
    }),
  ),
});

export const benchResultsSchema = z.object({
  date: z.string(),
  commit: z.string().optional(),
  machine: z.record(z.string(), z.union([z.string(), z.number()])),
  reports: z.array(
    z.object({
      name: z.string(),
      figures: z.record(z.string(), z.object({ value: z.number(), unit: z.string(), note: z.string().optional() })),
    }),
  ),
});

export type Outcome = z.infer<typeof outcomeSchema>;
export type LayerRecord = z.infer<typeof layerRecordSchema>;
export type InvariantResults = z.infer<typeof invariantResultsSchema>;
export type ProgramRun = z.infer<typeof programRunSchema>;
export type ExampleResults = z.infer<typeof exampleResultsSchema>;
export type ClaimResults = z.infer<typeof claimResultsSchema>;
export type BenchResults = z.infer<typeof benchResultsSchema>;

export interface AllResults {
  readonly invariants: InvariantResults | null;
  readonly examples: ExampleResults | null;
  readonly claims: ClaimResults | null;
  readonly bench: BenchResults | null;
}

export const RESULTS_FILES = {
  invariants: 'invariants.json',
  examples: 'examples.json',
  claims: 'claims.json',
  bench: 'bench.json',
} as const;

export class ResultsFileError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ResultsFileError';
  }
}

/** Parses one results file; null when it does not exist. */
export function readResultsFile<T>(file: string, schema: z.ZodType<T>): T | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ResultsFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ResultsFileError(file, `field ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function readAllResults(dir: string): AllResults {
  return {
    invariants: readResultsFile(join(dir, RESULTS_FILES.invariants), invariantResultsSchema),
    examples: readResultsFile(join(dir, RESULTS_FILES.examples), exampleResultsSchema),
    claims: readResultsFile(join(dir, RESULTS_FILES.claims), claimResultsSchema),
    bench: readResultsFile(join(dir, RESULTS_FILES.bench), benchResultsSchema),
  };
}

/** This checkout's benchmark run, else the one recorded in bench/recorded.json (committed). */
export function readBench(resultsDir: string, recordedFile: string): { bench: BenchResults; source: 'results' | 'recorded' } | null {
  const own = readResultsFile(join(resultsDir, RESULTS_FILES.bench), benchResultsSchema);
  if (own) return { bench: own, source: 'results' };
  const recorded = readResultsFile(recordedFile, benchResultsSchema);
  return recorded ? { bench: recorded, source: 'recorded' } : null;
}
