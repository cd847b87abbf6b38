/**
 * Binding a call's arguments to a signature with `*args`, `**kwargs`, keyword-only or
 * positional-only parameters (`Python/ceval.c` `_PyEval_EvalCodeWithName` 3.8, `_PyEval_EvalCode`
 * 3.9, `_PyEval_MakeFrameVector` 3.10, `initialize_locals` 3.11+; the same steps in all):
 * - the `**kwargs` dict is made first (`PyDict_New`, a new empty dict even when no keyword goes
 *   there), then the positional arguments fill the positional parameters, then the rest go to
 *   the `*args` tuple (`_PyTuple_FromArray`, 3.11+ `_PyTuple_FromArraySteal`: the empty tuple
 *   singleton when none), then each keyword goes to its parameter (positional-only names are
 *   not searched) or into the dict (`PyDict_SetItem`, call order), then defaults
 *   (`__defaults__` for the positional ones, `__kwdefaults__` for the keyword-only ones).
 * - References: 3.8-3.10 (`callerHoldsArgumentReference`) the frame, tuple and dict INCREF what
 *   they get and the caller releases its own after the call; 3.11+ they take the stack's
 *   references (measured: `x` passed into `def h(*a)` counts 4 on 3.8-3.10, 3 on 3.11-3.13;
 *   `def k(**kw)` called `k(a=x)`: 4 / 3).
 * A call that does not fit raises CPython's TypeError (`checkArguments`).
 * The function object's defaults (`fp.defaults`): the positional ones, then the `__kwdefaults__`
 * dict if any keyword-only parameter has a default (`packDefaults`).
 */
import type { Ref } from '../../core/objects';
import type { Parameter } from '../ast';
import type { KeywordArg } from './calls';
import type { Interpreter } from './interpreter';
import { argumentError } from './argument-errors';
import type { CodeObject } from './compile';
import { PyException } from './py-exception';
import { qualifiedName } from './qualified-names';
import { Refusal } from './refusal';

/** Whether a signature needs this module (any parameter that is not positional-or-keyword). */
export function hasSignatureExtras(params: readonly Parameter[]): boolean {
  return params.some((p) => p.kind !== undefined);
}

/** The parameters `bindSignature` binds one argument each to (not `*args`, `**kwargs`). */
export function namedParameters(params: readonly Parameter[]): Parameter[] {
  return params.filter((p) => p.kind !== 'vararg' && p.kind !== 'kwarg');
}

/**
 * Raises the call's TypeError if `args` and `kw` do not fit `fn`'s signature (argument-errors.ts).
 * Before the check CPython made the `**kwargs` dict and the `*args` tuple; the failed frame frees
 * them in `f_localsplus` order (tuple, then dict) and, 3.11+ (`steal`), releases the arguments it
 * took: the model refuses when that would free several arguments, or one beside the tuple and
 * dict (the release order is not followed), or when 3.14 loaded one borrowed.
 */
export function checkArguments(interp: Interpreter, fn: Ref, params: readonly Parameter[], args: readonly Ref[], kw: readonly KeywordArg[], steal: boolean): void {
  const h = interp.heap;
  const fp = h.payload(fn, 'function');
  const positionalDefaults = params.filter((p) => (p.kind === undefined || p.kind === 'posonly') && p.default !== null).length;
  const kwDefaults = new Set(params.filter((p) => p.kind === 'kwonly' && p.default !== null).map((p) => p.name));
  const suggestKeyword = interp.cfg.suggestions.unexpectedKeyword;
  const message = argumentError('{fn}', { params, positionalDefaults, kwDefaults, nargs: args.length, keywords: kw.map((k) => k.name), suggestKeyword });
  if (message === null) return;
  if (suggestKeyword && message.includes('unexpected keyword') && params.some((p) => p.kind === undefined || p.kind === 'kwonly')) {
    // The candidates' list (`PyList_New`, freed at once) and `_Py_CalculateSuggestions`'s buffer
    // (`PyMem_Malloc(MAX_STRING_SIZE * sizeof(size_t))`, 40 words, freed at once).
    const names = params.filter((p) => p.kind === undefined || p.kind === 'kwonly').map((p) => interp.nameStr(p.name));
    h.decref(h.list(names));
    h.allocator.untracked(40 * interp.cfg.core.pointerSize);
  }
  const code = (fp.code as { code: CodeObject }).code;
  const name = interp.msgs.callArgumentsName(code.name, () => qualifiedName(interp.codeRoots, code) ?? refuseQualname());
  const passed = [...args, ...kw.map((k) => k.value)];
  const freed = (r: Ref): boolean => !h.get(r).immortal && h.get(r).refcnt <= passed.filter((q) => q === r).length;
  const dying = new Set(passed.filter(freed));
  // One argument freed alone is freed in any order; several, or beside the tuple and dict, are not followed.
  if (steal && (dying.size > 1 || (dying.size === 1 && params.some((p) => p.kind === 'vararg' || p.kind === 'kwarg')))) throw new Refusal("an argument freed by a call's TypeError", 'the release order is not followed');
  if (interp.borrows !== null && passed.some((r) => interp.borrows?.borrowedCount(r) !== 0)) throw new Refusal("a borrowed local passed to a call that raises a TypeError");
  const kwdict = params.some((p) => p.kind === 'kwarg') ? h.dict([]) : null;
  const positional = params.filter((p) => p.kind === undefined || p.kind === 'posonly').length;
  if (params.some((p) => p.kind === 'vararg')) h.decref(h.tuple(h.increfAll(args.slice(positional))));
  if (kwdict !== null) h.decref(kwdict);
  if (steal) for (const r of passed) h.decref(r);
  throw new PyException('TypeError', message.replace('{fn}', name));
}

function refuseQualname(): never {
  throw new Refusal("the __qualname__ of a function compiled by exec() or compile()");
}

/**
 * Fills `fast` (the frame's locals) for `params` from `args` and `kw`. With `steal` the
 * references of `args` and of the keyword values are taken over, else new ones are made; the
 * defaults used get new references. Returns the values of `namedParameters(params)`, in order.
 */
export function bindSignature(
  interp: Interpreter,
  fn: Ref,
  params: readonly Parameter[],
  args: readonly Ref[],
  kw: readonly KeywordArg[],
  steal: boolean,
  fast: Map<string, Ref | null>,
): Ref[] {
  const h = interp.heap;
  const defaults = h.payload(fn, 'function').defaults;
  const positional = params.filter((p) => p.kind === undefined || p.kind === 'posonly');
  const kwonly = params.filter((p) => p.kind === 'kwonly');
  const vararg = params.find((p) => p.kind === 'vararg') ?? null;
  const kwarg = params.find((p) => p.kind === 'kwarg') ?? null;
  checkArguments(interp, fn, params, args, kw, steal);
  // Each named parameter's value, and whether the caller passed it (else it is a default).
  const bound = new Map<string, { ref: Ref; passed: boolean }>();
  positional.slice(0, args.length).forEach((p, i) => bound.set(p.name, { ref: args[i] as Ref, passed: true }));
  const toDict: KeywordArg[] = [];
  for (const k of kw) {
    const p = params.find((q) => q.name === k.name && q.kind !== 'posonly' && q.kind !== 'vararg' && q.kind !== 'kwarg');
    if (p === undefined) {
      toDict.push(k);
    } else bound.set(p.name, { ref: k.value, passed: true });
  }
  const positionalDefaults = positional.filter((p) => p.default !== null).length;
  const firstDefault = positional.length - positionalDefaults;
  positional.forEach((p, i) => {
    if (bound.has(p.name)) return;
    bound.set(p.name, { ref: defaults[i - firstDefault] as Ref, passed: false });
  });
  const kwdefaults = kwonly.some((p) => p.default !== null) ? h.payload(defaults[positionalDefaults] as Ref, 'dict').entries : [];
  for (const p of kwonly) {
    const d = kwdefaults.find((e) => h.payload(e.key, 'str').value === p.name)?.value;
    if (bound.has(p.name)) continue;
    bound.set(p.name, { ref: d as Ref, passed: false });
  }
  const extra = args.slice(positional.length);
  // Now the references, in CPython's order: the dict, the named parameters, the tuple, the keywords.
  const own = (r: Ref): Ref => (steal ? r : h.incref(r));
  const kwdict = kwarg !== null ? h.dict([]) : null;
  if (kwarg !== null && kwdict !== null) fast.set(kwarg.name, kwdict);
  const named = namedParameters(params);
  for (const p of named) {
    const v = bound.get(p.name) as { ref: Ref; passed: boolean };
    fast.set(p.name, v.passed ? own(v.ref) : h.incref(v.ref));
  }
  if (vararg !== null) fast.set(vararg.name, h.tuple(extra.map(own)));
  if (kwdict !== null) for (const k of toDict) interp.setItem(kwdict, interp.nameStr(k.name), own(k.value));
  return named.map((p) => (bound.get(p.name) as { ref: Ref }).ref);
}

/**
 * What a function object holds for its defaults, from the default values evaluated in parameter
 * order: the positional ones (the `__defaults__` tuple's items; the tuple itself is not followed),
 * then the `__kwdefaults__` dict of the keyword-only ones, built after them (`Python/compile.c`
 * `compiler_default_arguments`: `compiler_visit_kwonlydefaults` pushes name, value pairs, then
 * `BUILD_MAP`), released after the positional ones (`func_clear`).
 */
export function packDefaults(interp: Interpreter, params: readonly Parameter[], values: Ref[]): Ref[] {
  const positional = params.filter((p) => (p.kind === undefined || p.kind === 'posonly') && p.default !== null).length;
  const kwonly = params.filter((p) => p.kind === 'kwonly' && p.default !== null);
  if (kwonly.length === 0) return values;
  const dict = interp.makeDict(kwonly.map((p, i) => ({ key: interp.nameStr(p.name), value: values[positional + i] as Ref })));
  return [...values.slice(0, positional), dict];
}
