import type { z } from 'zod';
import { specEntrySchema, type SpecEntry } from './schema';

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
  if (parsed.success) return parsed.data;
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
