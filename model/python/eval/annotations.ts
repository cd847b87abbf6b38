/**
 * Annotations (PEP 3107, PEP 526) with their evaluation rules per version:
 * - a function's parameter and return annotations: 3.8-3.13 evaluate them when `def` runs,
 *   after the defaults (`Python/compile.c` `compiler_visit_annotations`), in parameter order
 *   then `return`; 3.8-3.9 pack them in a dict (`BUILD_CONST_KEY_MAP`), 3.10-3.13 in a tuple
 *   of name/value pairs (`MAKE_FUNCTION` flag 0x04 takes a tuple; `func_get_annotations` makes
 *   the dict only when `__annotations__` is read); the function object owns that container.
 *   3.14 (PEP 649) compiles them into an `__annotate__` function that nobody calls here: the
 *   expressions are not evaluated, only that function object is made.
 * - `x: T = v` in a function body: the annotation is never evaluated (`compiler_annassign`:
 *   "Annotations are only evaluated in a module or class"); the value is assigned; an
 *   attribute or subscript target without value still evaluates its object (`check_ann_expr`).
 *   At module and class level see module-annotations.ts.
 */
import type { Ref } from '../../core/objects';
import type { Expr, Stmt } from '../ast';
import { NORMAL, type Completion, type Frame } from './frame';
import type { Interpreter } from './interpreter';
import { storeModuleAnnotation } from './module-annotations';
import { Refusal } from './refusal';

type FunctionDef = Extract<Stmt, { kind: 'FunctionDef' }>;

/** What the function object keeps for its annotations (new references), evaluated now. */
export function evalFunctionAnnotations(interp: Interpreter, s: FunctionDef, frame: Frame): Ref[] {
  const pairs: { name: string; expr: Expr }[] = [];
  for (const p of s.params) if (p.annotation) pairs.push({ name: p.name, expr: p.annotation });
  if (s.returns) pairs.push({ name: 'return', expr: s.returns });
  if (pairs.length === 0) return [];
  const h = interp.heap;
  if (interp.cfg.annotations === 'annotate') {
    // 3.14: `MAKE_FUNCTION` of the `__annotate__` code (a constant of the enclosing code, which
    // the model does not make: the enclosing code object stands for it), set on the function.
    return [h.object({ kind: 'function', name: '__annotate__', code: null, codeObject: h.incref(frame.code.ref), defaults: [] })];
  }
  const values: Ref[] = [];
  try {
    for (const { expr } of pairs) values.push(interp.evalExpr(expr, frame));
  } catch (err) {
    for (const v of values.reverse()) h.decref(v);
    throw err;
  }
  const names = pairs.map(({ name }) => interp.nameStr(name));
  if (interp.cfg.annotations === 'dict') return [interp.makeDict(names.map((key, i) => ({ key, value: values[i]! })))];
  return [h.tuple(names.flatMap((n, i) => [n, values[i]!]))];
}

/** `target: annotation [= value]`. */
export function execAnnAssign(interp: Interpreter, s: Extract<Stmt, { kind: 'AnnAssign' }>, frame: Frame): Completion {
  const h = interp.heap;
  if (frame.kind === 'module' || frame.kind === 'class') {
    if (!s.simple || s.target.kind !== 'Name') throw new Refusal('an annotation of a target other than a plain name at module level', undefined, s.pos);
    if (s.value) interp.assign(s.target, interp.evalExpr(s.value, frame), frame);
    storeModuleAnnotation(interp, s, s.target.id, frame);
    return NORMAL;
  }
  if (s.value) {
    interp.assign(s.target, interp.evalExpr(s.value, frame), frame);
    return NORMAL;
  }
  if (s.target.kind === 'Attribute' || s.target.kind === 'Subscript') {
    h.decref(interp.evalExpr(s.target.value, frame));
    if (s.target.kind === 'Subscript') h.decref(interp.evalExpr(s.target.index, frame));
  }
  return NORMAL;
}
