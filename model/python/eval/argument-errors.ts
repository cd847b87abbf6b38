/**
 * The TypeError of a call whose arguments do not fit the Python function's signature, checked in
 * CPython's order (`Python/ceval.c` `initialize_locals` 3.11+, `_PyEval_MakeFrameVector` 3.10,
 * `_PyEval_EvalCode` 3.9, `_PyEval_EvalCodeWithName` 3.8: the same steps): each keyword in call order (a name not found, positional-only names excluded, is
 * `positional_only_passed_as_keyword` if some positional-only names were passed as keywords,
 * else "unexpected"; one already bound is "multiple values"), then `too_many_positional`, then the
 * missing positional arguments (`missing_arguments`, `format_missing`), then the missing
 * keyword-only ones. Measured on 3.8-3.14: the same wordings everywhere; the function is named
 * by `co_name` on 3.8/3.9 and by `__qualname__` from 3.10 (fact `errorMessages.callArgumentsName`);
 * 3.13+ an unexpected keyword gets ". Did you mean 'x'?" in the message (measured: `f(a0=1)` with
 * `def f(*, k0)` suggests 'k0'; positional-only names are not candidates).
 */
import type { Parameter } from '../ast';
import { calculateSuggestion } from './suggestions';

export interface CallShape {
  readonly params: readonly Parameter[];
  /** How many positional parameters have a default (`__defaults__`). */
  readonly positionalDefaults: number;
  /** Keyword-only parameters with a default (`__kwdefaults__`). */
  readonly kwDefaults: ReadonlySet<string>;
  readonly nargs: number;
  readonly keywords: readonly string[];
  /** Fact `errorSuggestions.unexpectedKeyword` (3.13+). */
  readonly suggestKeyword: boolean;
}

const plural = (n: number, word: string): string => `${word}${n === 1 ? '' : 's'}`;

/** `format_missing`: 'a'; 'a' and 'b'; 'a', 'b', and 'c'. */
function formatMissing(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= 2) return quoted.join(' and ');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)!}`;
}

/** The TypeError message for calling `name` with `shape`, or null if the arguments fit. */
export function argumentError(name: string, shape: CallShape): string | null {
  const { params, nargs, keywords } = shape;
  const positional = params.filter((p) => p.kind === undefined || p.kind === 'posonly');
  const kwonly = params.filter((p) => p.kind === 'kwonly');
  const hasVararg = params.some((p) => p.kind === 'vararg');
  const hasKwarg = params.some((p) => p.kind === 'kwarg');
  const filled = new Set(positional.slice(0, nargs).map((p) => p.name));
  for (const k of keywords) {
    const p = params.find((q) => q.name === k && (q.kind === undefined || q.kind === 'kwonly'));
    if (p === undefined) {
      if (hasKwarg) continue;
      const posonly = params.filter((q) => q.kind === 'posonly' && keywords.includes(q.name)).map((q) => q.name);
      if (posonly.length > 0) return `${name}() got some positional-only arguments passed as keyword arguments: '${posonly.join(', ')}'`;
      // 3.13+: the closest name among the parameters a keyword can name (`_Py_CalculateSuggestions`).
      const candidates = params.filter((q) => q.kind === undefined || q.kind === 'kwonly').map((q) => q.name);
      const suggestion = shape.suggestKeyword && candidates.length > 0 ? calculateSuggestion(k, candidates) : null;
      return `${name}() got an unexpected keyword argument '${k}'${suggestion !== null ? `. Did you mean '${suggestion}'?` : ''}`;
    }
    if (filled.has(p.name)) return `${name}() got multiple values for argument '${k}'`;
    filled.add(p.name);
  }
  if (nargs > positional.length && !hasVararg) {
    const kwonlyGiven = kwonly.filter((p) => filled.has(p.name)).length;
    const defaults = shape.positionalDefaults;
    const sig = defaults > 0 ? `from ${positional.length - defaults} to ${positional.length}` : `${positional.length}`;
    const takes = plural(defaults > 0 ? 2 : positional.length, 'positional argument');
    const given = kwonlyGiven > 0 ? ` ${plural(nargs, 'positional argument')} (and ${kwonlyGiven} ${plural(kwonlyGiven, 'keyword-only argument')})` : '';
    return `${name}() takes ${sig} ${takes} but ${nargs}${given} ${nargs === 1 && kwonlyGiven === 0 ? 'was' : 'were'} given`;
  }
  const missing = positional.slice(0, positional.length - shape.positionalDefaults).filter((p) => !filled.has(p.name)).map((p) => p.name);
  if (missing.length > 0) return `${name}() missing ${missing.length} required ${plural(missing.length, 'positional argument')}: ${formatMissing(missing)}`;
  const missingKw = kwonly.filter((p) => !filled.has(p.name) && !shape.kwDefaults.has(p.name)).map((p) => p.name);
  if (missingKw.length > 0) return `${name}() missing ${missingKw.length} required ${plural(missingKw.length, 'keyword-only argument')}: ${formatMissing(missingKw)}`;
  return null;
}
