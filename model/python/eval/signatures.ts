/**
 * Binding a call's arguments to a signature with `*args`, `**kwargs`, keyword-only or
 * positional-only parameters (`Python/ceval.c` `_PyEval_EvalCode` 3.8-3.10, `initialize_locals`
 * 3.11+; same steps in both):
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
 * A call CPython rejects with a TypeError is refused here (wordings differ per version).
 * The function object's defaults (`fp.defaults`): the positional ones, then the keyword-only
 * ones in parameter order (`compiler_default_arguments`: the defaults tuple is built before the
 * kwdefaults dict).
 */
import type { Ref } from '../../core/objects';
import type { Parameter } from '../ast';
import type { KeywordArg } from './calls';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';

/** Whether a signature needs this module (any parameter that is not positional-or-keyword). */
export function hasSignatureExtras(params: readonly Parameter[]): boolean {
  return params.some((p) => p.kind !== undefined);
}

/** The parameters `bindSignature` binds one argument each to (not `*args`, `**kwargs`). */
export function namedParameters(params: readonly Parameter[]): Parameter[] {
  return params.filter((p) => p.kind !== 'vararg' && p.kind !== 'kwarg');
}

function refuseCall(why: string): never {
  throw new Refusal(`a call with ${why}`, 'the TypeError wording changed across versions');
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
  // Decide everything first: a refused call must not have taken any reference.
  if (args.length > positional.length && vararg === null) refuseCall('too many positional arguments');
  // Each named parameter's value, and whether the caller passed it (else it is a default).
  const bound = new Map<string, { ref: Ref; passed: boolean }>();
  positional.slice(0, args.length).forEach((p, i) => bound.set(p.name, { ref: args[i] as Ref, passed: true }));
  const toDict: KeywordArg[] = [];
  for (const k of kw) {
    const p = params.find((q) => q.name === k.name && q.kind !== 'posonly' && q.kind !== 'vararg' && q.kind !== 'kwarg');
    if (p === undefined) {
      if (kwarg === null) refuseCall('an unexpected keyword argument');
      toDict.push(k);
    } else if (bound.has(p.name)) refuseCall('multiple values for an argument');
    else bound.set(p.name, { ref: k.value, passed: true });
  }
  const positionalDefaults = positional.filter((p) => p.default !== null).length;
  const firstDefault = positional.length - positionalDefaults;
  positional.forEach((p, i) => {
    if (bound.has(p.name)) return;
    if (i < firstDefault) refuseCall('a missing argument');
    bound.set(p.name, { ref: defaults[i - firstDefault] as Ref, passed: false });
  });
  let kwDefault = positionalDefaults;
  for (const p of kwonly) {
    const d = p.default !== null ? (defaults[kwDefault++] as Ref) : undefined;
    if (bound.has(p.name)) continue;
    if (d === undefined) refuseCall('a missing keyword-only argument');
    bound.set(p.name, { ref: d, passed: false });
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
