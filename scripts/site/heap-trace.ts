/**
 * The model's heap trace as results/examples.json records it (model runs on the embedded targets'
 * mirrors carry `trace`: one snapshot after each top-level statement), and the choice of the run a
 * page draws: the newest profile whose run was not refused, else the newest partial trace.
 */
import { z } from 'zod';
import type { HeapSnapshot } from '../../model';
import type { CacheKind } from '../../model/python/eval/trace';
import { compareVersions } from '../../spec/versions';

const ref = z.number().int().nonnegative();

/** `CacheKind` of model/python/eval/trace.ts (the `satisfies` keeps the two lists in step). */
const CACHE_KINDS = ['small-int', 'empty-str', 'latin1-char', 'empty-bytes', 'single-byte', 'empty-tuple', 'empty-frozenset', 'None', 'bool', 'Ellipsis', 'NotImplemented', 'startup-string', 'builtin-type', 'builtin-function', 'module', 'other-preexisting'] as const satisfies readonly CacheKind[];
const everyCacheKind = (kind: CacheKind): (typeof CACHE_KINDS)[number] => kind;
void everyCacheKind;

/** Mirrors `HeapSnapshot` of model/python/eval/trace.ts (checked at compile time below). */
export const heapSnapshotSchema = z.object({
  line: z.number().int().positive(),
  names: z.record(z.string(), ref),
  objects: z.array(
    z.object({
      ref,
      type: z.string(),
      value: z.string().nullable(),
      refcount: z.number().int().nullable(),
      immortal: z.boolean(),
      id: z.number().int(),
      // Fields added later default for traces recorded before them: nothing known.
      idKnown: z.boolean().default(false),
      cache: z.enum(CACHE_KINDS).nullable().default(null),
      references: z.array(ref),
      referenceLabels: z.array(z.string().nullable()).default([]),
      weakReferences: z.array(ref),
    }),
  ),
  interned: z.array(ref),
});

// A compile error here means the model's trace format changed and this schema must follow it.
export type TraceSnapshot = z.infer<typeof heapSnapshotSchema>;
const readsAsModelSnapshot = (snapshot: TraceSnapshot): HeapSnapshot => snapshot;
void readsAsModelSnapshot;

/** The model declines programs with exit code 2 and `unsupported:` (model/errors.ts); its trace then stops early. */
export const REFUSED_EXIT = 2;

export interface TracedRun {
  readonly target: string;
  readonly kind: 'real' | 'model';
  readonly version: string;
  readonly platform: string;
  readonly outcome: { readonly stdout: string; readonly stderr: string; readonly exitCode: number };
  readonly trace?: readonly TraceSnapshot[];
}

export interface ChosenTrace {
  readonly run: TracedRun & { readonly trace: readonly TraceSnapshot[] };
  /** False when the model refused part-way: the snapshots stop before the statement it refused. */
  readonly complete: boolean;
  /** The refusal's first line when not complete. */
  readonly refusal: string | null;
}

function traced(run: TracedRun): run is TracedRun & { readonly trace: readonly TraceSnapshot[] } {
  return run.kind === 'model' && run.trace !== undefined && run.trace.length > 0;
}

/** The newest complete trace, else the newest partial one, else null. */
export function chooseTrace(runs: readonly TracedRun[]): ChosenTrace | null {
  const candidates = runs.filter(traced).sort((a, b) => compareVersions(b.version, a.version));
  const complete = candidates.find((run) => run.outcome.exitCode !== REFUSED_EXIT);
  if (complete) return { run: complete, complete: true, refusal: null };
  const partial = candidates[0];
  if (!partial) return null;
  return { run: partial, complete: false, refusal: partial.outcome.stderr.split('\n')[0]?.trim() || 'refused' };
}
