/**
 * `raise` (`Python/ceval.c` `do_raise`). Exceptions are not heap objects in the model: a
 * raised exception ends the program (nothing catches it: `try` is refused), so what matters
 * is CPython's last traceback line (`traceback.format_exception_only`: `Type: str(exc)`,
 * the bare type name when `str(exc)` is empty). The exception's arguments are evaluated
 * (the call `E(args)` runs) and `str(exc)` follows `BaseException_str`: '' for no argument,
 * `str(arg)` for one, `repr(args)` for several; `KeyError_str` uses `repr(arg)` for one.
 * Only builtin exception classes named directly (not shadowed) are modelled; `raise` with no
 * active exception is CPython's RuntimeError.
 */
import type { Ref } from '../../core/objects';
import type { Expr, Stmt } from '../ast';
import type { Completion, Frame } from './frame';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';

/** Builtin exception classes a program may raise here (measured: each prints `Name: message`). */
const RAISABLE = new Set([
  'Exception', 'ValueError', 'TypeError', 'RuntimeError', 'KeyError', 'IndexError', 'ZeroDivisionError',
  'NotImplementedError', 'AssertionError', 'LookupError', 'ArithmeticError', 'OverflowError', 'MemoryError',
]);

function exceptionClass(e: Expr, frame: Frame): string | null {
  const name = e.kind === 'Name' ? e.id : null;
  if (name === null || !RAISABLE.has(name)) return null;
  if (frame.fast.has(name) || frame.ns.has(name) || frame.globals.has(name)) return null;
  return name;
}

/** `str(exc)` from the evaluated arguments (new references, released here). */
function message(interp: Interpreter, type: string, args: Ref[]): string {
  try {
    if (args.length === 0) return '';
    if (args.length === 1) return type === 'KeyError' ? interp.reprOf(args[0]!) : interp.strOf(args[0]!);
    const t = interp.heap.tuple(args.map((a) => interp.heap.incref(a)));
    try {
      return interp.reprOf(t);
    } finally {
      interp.heap.decref(t);
    }
  } finally {
    for (const a of [...args].reverse()) interp.heap.decref(a);
  }
}

export function execRaise(interp: Interpreter, s: Extract<Stmt, { kind: 'Raise' }>, frame: Frame): Completion {
  if (s.exc === null) throw new PyException('RuntimeError', 'No active exception to reraise');
  const exc = s.exc;
  const call = exc.kind === 'Call' ? exc : null;
  const type = exceptionClass(call ? call.func : exc, frame);
  if (type === null) throw new Refusal('raising this exception', 'only builtin exception classes named directly are modelled', exc.pos);
  if (call && call.keywords.length > 0) throw new Refusal('an exception with keyword arguments', undefined, exc.pos);
  const args = call ? call.args.map((a) => interp.evalExpr(a, frame)) : [];
  const text = message(interp, type, args);
  if (s.cause !== null) {
    const cause = s.cause;
    const ok = (cause.kind === 'Const' && cause.value.type === 'None') || exceptionClass(cause.kind === 'Call' ? cause.func : cause, frame) !== null;
    if (!ok) throw new Refusal('this exception cause', undefined, cause.pos);
    if (cause.kind === 'Call') for (const a of cause.args) interp.heap.decref(interp.evalExpr(a, frame));
  }
  throw new PyException(type, text);
}
