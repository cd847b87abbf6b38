/**
 * Calls of Python functions with keyword arguments (`Python/ceval.c` `_PyEval_EvalCode`
 * 3.8-3.10, `initialize_locals` 3.11+): positional arguments fill the first parameters, each
 * keyword the parameter of its name, defaults the rest. A call that does not fit raises
 * CPython's TypeError (signatures.ts `checkArguments`; wordings measured per version).
 * A class called with keywords gets them in a dict (`_PyObject_MakeTpCall` ->
 * `_PyStack_AsDict`), which `slot_tp_init` passes on to `__init__`: the model makes that dict
 * and releases it after the call; the other buffers of that path are not followed.
 */
import type { Ref } from '../../core/objects';
import type { Parameter } from '../ast';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';
import { hasSignatureExtras } from './signatures';

export interface KeywordArg {
  readonly name: string;
  readonly value: Ref;
}

/**
 * The arguments in parameter order (borrowed references; defaults included) for a function
 * with `params` and `defaults`, called with `args` and `kw`.
 */
export function bindArguments(params: readonly Parameter[], defaults: readonly Ref[], args: readonly Ref[], kw: readonly KeywordArg[]): Ref[] {
  if (args.length > params.length) throw new Refusal('a call with too many arguments', 'the TypeError wording changed across versions');
  const bound: (Ref | undefined)[] = [...args];
  for (const k of kw) {
    const i = params.findIndex((p) => p.name === k.name);
    if (i < 0 || bound[i] !== undefined) throw new Refusal('a call with an unexpected or repeated keyword argument', 'the TypeError wording changed across versions');
    bound[i] = k.value;
  }
  const firstDefault = params.length - defaults.length;
  return params.map((_, i) => {
    const v = bound[i] ?? (i >= firstDefault ? defaults[i - firstDefault] : undefined);
    if (v === undefined) throw new Refusal('a call with a missing argument', 'the TypeError wording changed across versions');
    return v;
  });
}

/** Whether positional `nargs` and keywords `kw` fill a signature of plain parameters exactly once. */
function fitsSimpleSignature(params: readonly Parameter[], nDefaults: number, nargs: number, kw: readonly KeywordArg[]): boolean {
  const filled = new Set(params.slice(0, nargs).map((p) => p.name));
  for (const k of kw) {
    if (!params.some((p) => p.name === k.name) || filled.has(k.name)) return false;
    filled.add(k.name);
  }
  return nargs <= params.length && params.slice(0, params.length - nDefaults).every((p) => filled.has(p.name));
}

/** `fn` (a Python function) called with positional and keyword arguments (borrowed); a new reference. */
export function callFunctionWithKeywords(interp: Interpreter, fn: Ref, args: readonly Ref[], kw: readonly KeywordArg[], steal: boolean, framePushed?: () => void): Ref {
  const h = interp.heap;
  const fp = h.payload(fn, 'function');
  const { params } = fp.code as { params: readonly Parameter[] };
  // Other signatures, and a call that does not fit (its TypeError), go through `callFunction`.
  if (hasSignatureExtras(params) || !fitsSimpleSignature(params, fp.defaults.length, args.length, kw)) return interp.callFunction(fn, [...args], steal, kw, framePushed);
  const bound = bindArguments(params, fp.defaults, args, kw);
  // A stealing call owns what it gets: the defaults it uses are new references.
  const passed = steal ? bound.map((r, i) => (i < args.length || kw.some((k) => k.value === r) ? r : h.incref(r))) : bound;
  return interp.callFunction(fn, passed, steal, [], framePushed);
}

/** The `**kwargs` dict a class call builds for `tp_init` (`_PyStack_AsDict`): a new reference. */
export function kwargsDict(interp: Interpreter, kw: readonly KeywordArg[]): Ref {
  const h = interp.heap;
  h.allocator.untracked('unknown');
  return interp.makeDict(kw.map((k) => ({ key: interp.nameStr(k.name), value: h.incref(k.value) })));
}
