import type { z } from 'zod';
import { specEntrySchema, type SpecEntry } from './schema';
import { holdsOn } from './versions';

/** A spec entry that failed validation: names the file, the entry id (when it has one) and the field. */
export class SpecValidationError extends Error {
  constructor(
    readonly file: string,
    readonly entryId: string | null,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: spec entry ${entryId ?? '(no id)'}: field ${field}: ${detail}`);
    this.name = 'SpecValidationError';
  }
}

function fieldPath(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? '(entry)' : issue.path.map(String).join('.');
}

/** Validates one entry as read from `file`; throws SpecValidationError on the first problem. */
export function validateSpecEntry(file: string, raw: unknown): SpecEntry {
  const parsed = specEntrySchema.safeParse(raw);
  if (parsed.success) {
    checkRegimes(file, parsed.data);
    return parsed.data;
  }
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
  const issue = parsed.error.issues[0];
  if (!issue) throw new SpecValidationError(file, id, '(entry)', 'invalid');
  throw new SpecValidationError(file, id, fieldPath(issue), issue.message);
}

/** Validates a whole catalogue: every entry, and ids unique across files. */
export function validateCatalogue(entries: readonly { file: string; raw: unknown }[]): SpecEntry[] {
  const seen = new Map<string, string>();
  return entries.map(({ file, raw }) => {
    const entry = validateSpecEntry(file, raw);
    const earlier = seen.get(entry.id);
    if (earlier !== undefined) throw new SpecValidationError(file, entry.id, 'id', `duplicate id, already used in ${earlier}`);
    seen.set(entry.id, file);
    return entry;
  });
}

/**
 * Regimes must split the entry's `holds` exactly: at every version where a range starts or ends,
 * on each platform, the entry holds iff exactly one regime applies.
 */
function checkRegimes(file: string, entry: SpecEntry): void {
  if (!entry.regimes) return;
  const ranges = [...entry.holds, ...entry.regimes.flatMap((regime) => regime.ranges)];
  const points = new Set(ranges.flatMap((range) => [range.since, ...(range.until ? [range.until] : [])]));
  for (const version of points) {
    for (const platform of ['x86_64', 'wasm32'] as const) {
      const applying = entry.regimes.filter((regime) => regime.ranges.some((range) => holdsOn({ ...entry, holds: [range] }, version, platform)));
      const holds = holdsOn(entry, version, platform);
      if (holds ? applying.length !== 1 : applying.length !== 0) {
        throw new SpecValidationError(
          file,
          entry.id,
          'regimes',
          `at ${version} on ${platform} ${applying.length} regimes apply (${applying.map((r) => r.id).join(', ') || 'none'}) where the entry ${holds ? 'holds: exactly one must' : 'does not hold: none may'}`,
        );
      }
    }
  }
}
