import { utf8Bytes } from '../../core/sizes';

function utf8Length(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return utf8Bytes(text).length;
  return text.length;
}
/**
 * The "Did you mean" trailer CPython adds to an uncaught NameError or AttributeError line
 * (3.10+). `python FILE.py` prints through `Python/pythonrun.c` `print_exception`, which on
 * 3.10-3.12 calls `Python/suggestions.c` `_Py_Offer_Suggestions`; 3.13 prints through
 * `Lib/traceback.py` `TracebackException`, whose `_compute_suggestion_error` filters the
 * candidates and then calls the same C code (`_suggestions._generate_suggestions`).
 * Measured (native 3.10.13, 3.11.7, 3.12.1, 3.13.0): with `__slots__ = ('aa',)`, `b.a` ends
 * "Did you mean: 'aa'?" on all four, a global `aa` and `a` too ("Did you mean: 'aa'?"): the
 * C rule (the Python fallback in traceback.py would not suggest 'aa' for 'a').
 */
import type { FactValue } from '../../profiles';

const MOVE_COST = 2;
const CASE_COST = 1;
/** `Python/suggestions.c` `MAX_CANDIDATE_ITEMS`, `MAX_STRING_SIZE`. */
const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** `levenshtein_distance`, on UTF-8 bytes as CPython computes it. */
export function levenshtein(aText: string, bText: string, maxCost: number): number {
  let a = utf8Bytes(aText);
  let b = utf8Bytes(bText);
  while (a.length && b.length && a[0] === b[0]) {
    a = a.slice(1);
    b = b.slice(1);
  }
  while (a.length && b.length && a[a.length - 1] === b[b.length - 1]) {
    a = a.slice(0, -1);
    b = b.slice(0, -1);
  }
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer = a.map((_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi] as number;
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(code, a[i] as number);
      distance = buffer[i] as number;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/**
 * `calculate_suggestions(dir, name)`: the first candidate (in list order) with the smallest
 * distance, within a third of the characters involved; none from a list of 750 or more.
 */
export function calculateSuggestion(name: string, candidates: readonly string[]): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameSize = utf8Length(name);
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const item of candidates) {
    if (item === name) continue;
    const itemSize = utf8Length(item);
    const maxDistance = Math.min(Math.floor(((nameSize + itemSize + 3) * MOVE_COST) / 6), bestDistance - 1);
    const distance = levenshtein(name, item, maxDistance);
    if (distance > maxDistance) continue;
    if (best === null || distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

/** Whether any candidate is close enough to be suggested (for the cases still refused). */
export function hasSuggestion(name: string, candidates: Iterable<string>): boolean {
  return calculateSuggestion(name, [...candidates]) !== null;
}

/**
 * Which errors get a trailer, from the fact table (`errorSuggestions`, measured by the
 * `error-messages` probe): `attributeSet`: `PyObject_GenericSetAttr` sets the AttributeError's
 * `name` and `obj` (3.13+), so an assignment gets a suggestion too; `hidesUnderscored`: 3.13+
 * `Lib/traceback.py` `_compute_suggestion_error` drops names starting with '_' from `dir(obj)`
 * unless the wrong name starts with '_' or the failing frame's `self` is the object.
 */
export type SuggestionFacts = FactValue<'errorSuggestions'>;

/** Whether an uncaught AttributeError (raised by a lookup, or by an assignment: `onSet`) may get a trailer. */
export function attributeErrorsSuggest(facts: SuggestionFacts, onSet: boolean): boolean {
  return onSet ? facts.attributeSet : facts.attributeGet;
}

/**
 * The suggestion for an AttributeError on `obj.name`, given `dir(obj)` (sorted), or null.
 * `selfIsObj`: the frame where the error happened has a local `self` that is the object.
 */
export function attributeErrorSuggestion(facts: SuggestionFacts, name: string, dir: readonly string[], opts: { readonly onSet: boolean; readonly selfIsObj: boolean }): string | null {
  if (!attributeErrorsSuggest(facts, opts.onSet)) return null;
  let candidates = dir;
  if (facts.hidesUnderscored && !name.startsWith('_') && !opts.selfIsObj) candidates = dir.filter((n) => !n.startsWith('_'));
  return calculateSuggestion(name, candidates);
}

/** The trailer CPython appends (`". Did you mean: %R?"`; names are ASCII here, so %R is '...'). */
export function didYouMean(suggestion: string): string {
  return `. Did you mean: '${suggestion}'?`;
}
