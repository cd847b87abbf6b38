/**
 * Builders the construct properties of values, methods and builtins need beyond
 * `../gen/py.ts`: calls with keyword arguments, method calls, and run-time strings (a str
 * built by `''.join`, so that it is a new object and not a compile-time constant).
 */
import { NO_POS, type Expr } from '../../model/python/ast';
import { attr, call, list, str } from '../gen/py';

/** `func(args..., name=value...)`. */
export function callKw(func: string, args: readonly Expr[], keywords: readonly (readonly [string, Expr])[]): Expr {
  const base = call(func, ...args);
  if (base.kind !== 'Call') throw new Error('call() made no Call');
  return { ...base, keywords: keywords.map(([kwName, value]) => ({ name: kwName, value, pos: NO_POS })) };
}

/** `receiver.method(args...)`. */
export function method(receiver: Expr, methodName: string, ...args: Expr[]): Expr {
  return call(attr(receiver, methodName), ...args);
}

/** `''.join([part, ...])`: a str made at run time from the given pieces. */
export function runtimeStr(...parts: string[]): Expr {
  return method(str(''), 'join', list(...parts.map((p) => str(p))));
}
