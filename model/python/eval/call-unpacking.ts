/**
 * Calls with `*` or `**` at the call site (`f(*l)`, `f(a, *l, b)`, `f(x=1, **d)`), compiled to `CALL_FUNCTION_EX`
 * (3.8-3.13 `Python/ceval.c`, 3.14 `Python/bytecodes.c`):
 * - The positional arguments become one tuple. A lone `*x` is passed as is (`Python/compile.c`
 *   `compiler_call_helper`: no build op); `CALL_FUNCTION_EX` keeps an exact tuple and converts a
 *   list with `PySequence_Tuple` (`PyList_AsTuple`). Otherwise (fact `callUnpackingOps`) 3.9+
 *   build a list (`starunpack_helper`: `BUILD_LIST` of the arguments before the first `*`,
 *   `LIST_EXTEND` / `LIST_APPEND` for the rest, `LIST_TO_TUPLE`), freed once the tuple is made;
 *   3.8's `BUILD_TUPLE_UNPACK_WITH_CALL` (with constant-folded argument tuples) is refused.
 * - Keywords (3.9+): one new dict (call-kwargs.ts). With keywords, `_PyStack_UnpackDict` copies the
 *   arguments and values into an array of new references and the names into a tuple; 3.8's
 *   `BUILD_MAP_UNPACK_WITH_CALL` and `_PyFunction_FastCallDict` (its 2n-tuple) are refused.
 * - A Python function (fact `callExReleasesArgsAtFramePush`): 3.12+ `_PyEvalFramePushAndInit_Ex`
 *   gives the frame new references to the items and releases the tuple before the body runs;
 *   before, `do_call_core` -> `PyObject_Call` keeps it on the stack for the whole call (the frame
 *   has its own references either way). Bound methods and builtins always see the tuple
 *   (`PyObject_Call` -> `_PyVectorcall_Call`: the tuple's items array, borrowed).
 * - `*x` of something not iterable: `check_args_iterable` (a lone `*x`: "f() argument after *
 *   must be an iterable") or `LIST_EXTEND` ("Value after * must be an iterable"), measured on
 *   3.9-3.14; 3.8's wording (`PyEval_GetFuncName`) is refused.
 * Refused: `*` of an iterable other than a list or tuple, callees other
 * than Python functions, their bound methods and a few builtins (classes and `METH_VARARGS`
 * builtins would see the tuple itself, which the model's constructors do not follow).
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';
import type { CodeObject } from './compile';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { qualifiedName } from './qualified-names';
import { Refusal } from './refusal';
import { typeName } from './values';
import { buildKeywordDict } from './call-kwargs';
import { callFunctionWithKeywords } from './calls';
import { notIterable, unpackToSequence } from './star-unpack';

type CallExpr = Extract<Expr, { kind: 'Call' }>;

/**
 * Builtins whose C function reads its arguments from the array it is given (`METH_O`,
 * `METH_FASTCALL`): called through `PyObject_Call` they see the tuple's items, as the model passes them.
 */
const ARRAY_BUILTINS: ReadonlySet<string> = new Set(['print', 'len', 'id', 'repr', 'sys.getrefcount', 'sys.getsizeof', 'isinstance', 'hasattr']);

/** Whether a call has `*` or `**` arguments (then `callWithUnpacking` runs it). */
export function hasCallUnpacking(e: CallExpr): boolean {
  for (const a of e.args) if (a.kind === 'Starred') return true;
  for (const k of e.keywords) if (k.name === '**') return true;
  return false;
}

/** `f(...*x..., **m)`: a new reference to the result. */
export function callWithUnpacking(interp: Interpreter, e: CallExpr, frame: Frame): Ref {
  const h = interp.heap;
  if (e.keywords.length > 0 && interp.cfg.callUnpackingOps !== 'extendAndMerge') {
    throw new Refusal('keywords in a call with * or ** on this version', 'BUILD_MAP_UNPACK_WITH_CALL and _PyFunction_FastCallDict are not modelled', e.keywords[0]!.pos);
  }
  // `LOAD_ATTR` (no `LOAD_METHOD` for `CALL_FUNCTION_EX`): a bound method object.
  const fn = interp.evalExpr(e.func, frame);
  let args: Ref | null = null;
  let kwargs: Ref | null = null;
  try {
    args = argumentTuple(interp, e, frame, fn);
    if (e.keywords.length > 0) kwargs = buildKeywordDict(interp, e.keywords, frame, () => functionStr(interp, fn));
  } catch (err) {
    if (args !== null) h.decref(args);
    h.decref(fn);
    throw err;
  }
  return callEx(interp, fn, args, kwargs);
}

/**
 * `CALL_FUNCTION_EX` of `fn` with the tuple `args` and the dict `kwargs` (the stack's
 * references, released here as `do_call_core`'s caller does: the callable, the tuple, the dict).
 */
function callEx(interp: Interpreter, fn: Ref, args: Ref, kwargs: Ref | null): Ref {
  const h = interp.heap;
  const fp = h.get(fn).payload;
  const items = h.payload(args, 'tuple').items;
  const entries = kwargs === null ? [] : h.payload(kwargs, 'dict').entries;
  const isMethod = fp.kind === 'method' && h.get(fp.func).payload.kind === 'function';
  const isBuiltin = fp.kind === 'builtin' && fp.self === null && ARRAY_BUILTINS.has(fp.name);
  let pending: Ref[] = kwargs === null ? [fn, args] : [fn, args, kwargs];
  const releaseStack = (): void => {
    const refs = pending;
    pending = [];
    for (const r of refs) h.decref(r);
  };
  try {
    if (fp.kind !== 'function' && !isMethod && !isBuiltin) throw new Refusal(`calling a ${typeName(h, fn)} with * or ** arguments`);
    if (entries.length > 0 && isBuiltin && fp.name !== 'print') throw new Refusal(`keyword arguments to ${fp.name}() through **`);
    if (fp.kind === 'function' && interp.cfg.callExReleasesArgsAtFramePush) {
      // `_PyEvalFramePushAndInit_Ex`: the frame steals new references to the items (through
      // `_PyStack_UnpackDict`'s array when there are keywords); the array, the names tuple, the
      // argument tuple and the dict go once the frame exists; the function stays with the frame.
      const unpacked = entries.length > 0 ? unpackDict(interp, items, entries) : null;
      const passed = unpacked === null ? h.increfAll(items) : unpacked.args;
      const kw = unpacked === null ? [] : unpacked.kw;
      pending = kwargs === null ? [args] : [args, kwargs];
      let pushed = false;
      const framePushed = (): void => {
        if (pushed) return;
        pushed = true;
        if (unpacked !== null) unpacked.free();
        releaseStack();
      };
      try {
        return kw.length > 0 ? callFunctionWithKeywords(interp, fn, passed, kw, true, framePushed) : interp.callFunction(fn, passed, true, [], framePushed);
      } finally {
        framePushed();
        h.decref(fn);
      }
    }
    // `PyObject_Call` -> `_PyVectorcall_Call`: the tuple's items, and with keywords
    // `_PyStack_UnpackDict`'s array of new references, freed after the call.
    if (entries.length === 0) {
      // `method_vectorcall` (3.13+ `_PyObject_VectorcallPrepend`), called without
      // `PY_VECTORCALL_ARGUMENTS_OFFSET`, copies self and the arguments into a `PyMem_Malloc`
      // array when they do not fit its `_PY_FASTCALL_SMALL_STACK` (5) slots.
      const copy = isMethod && items.length + 1 > 5 ? h.allocator.allocate((items.length + 1) * interp.cfg.core.pointerSize) : null;
      try {
        return interp.call(fn, [...items], []);
      } finally {
        if (copy !== null) h.allocator.free(copy);
      }
    }
    const unpacked = unpackDict(interp, items, entries);
    try {
      return interp.call(fn, unpacked.args, unpacked.kw);
    } finally {
      for (const r of [...unpacked.args, ...unpacked.kw.map((k) => k.value)]) h.decref(r);
      unpacked.free();
    }
  } finally {
    releaseStack();
  }
}

/**
 * `_PyStack_UnpackDict` (`Objects/call.c`): an array of `1 + nargs + nkwargs` pointers
 * (`PyMem_Malloc`), then a tuple of the keys (`kwnames`); the array holds new references to the
 * positional arguments and the values, the tuple to the keys. `free` releases the array and
 * the tuple (`_PyStack_UnpackDict_FreeNoDecRef`: the references in the array were handed on).
 */
function unpackDict(interp: Interpreter, items: readonly Ref[], entries: readonly { key: Ref; value: Ref }[]) {
  const h = interp.heap;
  const block = h.allocator.allocate((1 + items.length + entries.length) * interp.cfg.core.pointerSize);
  const kwnames = h.tuple(entries.map((e) => h.incref(e.key)));
  const args = h.increfAll(items);
  const kw = entries.map((e) => ({ name: (h.get(e.key).payload as { value: string }).value, value: h.incref(e.value) }));
  return {
    args,
    kw,
    free: (): void => {
      h.allocator.free(block);
      h.decref(kwnames);
    },
  };
}

/** The positional arguments as one tuple (a new reference). */
function argumentTuple(interp: Interpreter, e: CallExpr, frame: Frame, fn: Ref): Ref {
  const h = interp.heap;
  if (!e.args.some((a) => a.kind === 'Starred')) return plainTuple(interp, e.args, frame);
  const only = e.args.length === 1 ? e.args[0]! : null;
  if (only !== null && only.kind === 'Starred') {
    const v = interp.evalExpr(only.value, frame);
    const p = h.get(v).payload;
    if (p.kind === 'tuple') return v;
    try {
      if (p.kind === 'list') return h.tuple(h.increfAll(p.items));
      return notIterable(interp, v, () => `${functionStr(interp, fn)} argument after * must be an iterable, not ${typeName(h, v)}`);
    } finally {
      h.decref(v);
    }
  }
  return unpackToSequence(interp, e.args, frame, true, (v) => `${functionStr(interp, fn)} argument after * must be an iterable, not ${typeName(h, v)}`);
}

/**
 * Positional arguments beside `**` only: `BUILD_TUPLE n` (`()` for none), a constant tuple when
 * more than two are all constants (`starunpack_helper`, refused), as 3.8's peephole folds any.
 */
function plainTuple(interp: Interpreter, args: readonly Expr[], frame: Frame): Ref {
  const h = interp.heap;
  const constant = args.every((a) => a.kind === 'Const' || frame.code.constOf.has(a));
  if (constant && (args.length > 2 || (args.length > 0 && interp.cfg.callUnpackingOps !== 'extendAndMerge'))) {
    throw new Refusal('constant positional arguments beside **', 'the compiler folds them into a constant tuple');
  }
  const items: Ref[] = [];
  try {
    for (const a of args) items.push(interp.evalExpr(a, frame));
  } catch (err) {
    for (let i = items.length - 1; i >= 0; i--) h.decref(items[i]!);
    throw err;
  }
  return h.tuple(items);
}

/**
 * How the TypeErrors name the callee (fact `callExFunctionStr`): 3.9+ `_PyObject_FunctionStr`
 * (`Objects/object.c`: `module.qualname()`, the `builtins` module left out), 3.8
 * `PyEval_GetFuncName` + `PyEval_GetFuncDesc` (the name, a builtin's `ml_name`, then `()`).
 */
function functionStr(interp: Interpreter, fn: Ref): string {
  const h = interp.heap;
  const p = h.get(fn).payload;
  const nameOnly = interp.cfg.callExFunctionStr === '{name}()';
  if (p.kind === 'builtin') return nameOnly ? `${p.name.slice(p.name.lastIndexOf('.') + 1)}()` : `${p.name}()`;
  if (p.kind !== 'function' && p.kind !== 'method') throw new Refusal(`calling a ${typeName(h, fn)} with * arguments`);
  const func = p.kind === 'method' ? p.func : fn;
  const { code } = h.payload(func, 'function').code as { code: CodeObject };
  if (nameOnly) return `${code.name}()`;
  const qualname = qualifiedName(interp.codeRoots, code);
  if (qualname === null) throw new Refusal('the qualified name of this function');
  return `__main__.${qualname}()`;
}
