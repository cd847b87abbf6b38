/**
 * `lambda params: body` (`Python/compile.c` `compiler_lambda`): the defaults are evaluated
 * when the lambda expression runs (`compiler_default_arguments`, held by `__defaults__`),
 * then `MAKE_FUNCTION` wraps the lambda's own code object, named `<lambda>`, whose
 * constants were merged with the unit's (`merge_consts_recursive`, see compile.ts). The body
 * runs as `return body`. Measured on 3.8-3.14: `(lambda: 1000)() is (lambda: 1000)()` is
 * True in one unit, `co_consts` of `lambda: 1000` is `(None, 1000)` on 3.8-3.13 like a `def`,
 * a default held by `__defaults__` counts one reference.
 * A lambda that uses a local of an enclosing function gets a closure (cells.ts).
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { makeClosure, withClosure } from './cells';
import { packDefaults } from './signatures';

type LambdaExpr = Extract<Expr, { kind: 'Lambda' }>;

/** The function object a lambda expression makes (a new reference). */
export function makeLambda(interp: Interpreter, e: LambdaExpr, frame: Frame): Ref {
  const h = interp.heap;
  const code = frame.code.lambdas.get(e);
  if (!code) throw new Error('model bug: no code object for a lambda');
  const defaults: Ref[] = [];
  try {
    for (const p of e.params) if (p.default !== null) defaults.push(interp.evalExpr(p.default, frame));
  } catch (err) {
    for (const d of defaults.reverse()) h.decref(d);
    throw err;
  }
  const packed = packDefaults(interp, e.params, defaults);
  const closure = makeClosure(interp, code, frame);
  // The function object: a GC object whose size the model leaves unknown (as for `def`).
  return h.object({ kind: 'function', name: code.name, codeObject: h.incref(code.ref), defaults: packed, ...withClosure({ code, params: e.params }, closure, []) });
}
