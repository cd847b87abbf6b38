/**
 * `Python/suggestions.c` (3.10+): the "Did you mean" trailer CPython's traceback printing
 * adds to NameError and AttributeError lines. The model only needs to know whether a
 * suggestion exists (then it refuses, since the wording differs across versions).
 */
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** `levenshtein_distance`, on UTF-8 bytes as CPython computes it. */
export function levenshtein(aText: string, bText: string, maxCost: number): number {
  let a = [...Buffer.from(aText, 'utf8')];
  let b = [...Buffer.from(bText, 'utf8')];
  while (a.length && b.length && a[0] === b[0]) {
    a = a.slice(1);
    b = b.slice(1);
  }
  while (a.length && b.length && a[a.length - 1] === b[b.length - 1]) {
    a = a.slice(0, -1);
    b = b.slice(0, -1);
  }
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > 40 || b.length > 40) return maxCost + 1;
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

/** Whether `calculate_suggestions(candidates, name)` finds anything. */
export function hasSuggestion(name: string, candidates: Iterable<string>): boolean {
  const list = [...candidates];
  if (list.length >= 750) return false;
  const size = Buffer.byteLength(name, 'utf8');
  return list.some((c) => {
    if (c === name) return false;
    const max = Math.floor(((size + Buffer.byteLength(c, 'utf8') + 3) * MOVE_COST) / 6);
    return levenshtein(name, c, max) <= max;
  });
}
