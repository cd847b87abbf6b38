/**
 * Annotated assignments at module level and in class bodies, 3.8-3.13 (`Python/compile.c` `compiler_body`,
 * `compiler_annassign`): a module with an annotated assignment anywhere in its body (also in
 * `if`/`for`/`while`/`with`/`try` blocks, not in `def`/`class`: `find_ann`) starts with
 * `SETUP_ANNOTATIONS`, which binds `__annotations__` to a new dict unless the name exists; each
 * `name: T [= v]` then assigns the value, evaluates T and stores it under the name
 * (`LOAD_NAME __annotations__; LOAD_CONST 'name'; STORE_SUBSCR`, the name an interned constant of
 * the module's code). Measured on 3.8-3.13: `print(__annotations__)` shows the evaluated
 * annotations. 3.14 (PEP 649, `Python/codegen.c`) makes an `__annotate__` function, a cell and a
 * `__conditional_annotations__` set instead (a class body: a `__classdict__` cell and an
 * `__annotate_func__`): refused, as are `compile()`/`exec` units and targets other than a plain
 * name. A class keeps its body's `__annotations__` dict in its namespace (`C.__annotations__`).
 */
import type { Ref } from '../../core/objects';
import type { Stmt } from '../ast';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { internedIdentifier } from './identifiers';
import { Refusal } from './refusal';

type AnnAssign = Extract<Stmt, { kind: 'AnnAssign' }>;

/**
 * `find_ann`: the first annotated assignment in the block, outside nested functions and
 * classes, or null.
 */
export function findAnnotations(body: readonly Stmt[]): AnnAssign | null {
  let found: AnnAssign | null = null;
  for (const s of body) {
    switch (s.kind) {
      case 'AnnAssign':
        found = s;
        break;
      case 'If':
      case 'While':
      case 'For':
        found = findAnnotations(s.body) ?? findAnnotations(s.orelse);
        break;
      case 'With':
        found = findAnnotations(s.body);
        break;
      case 'Try':
        found = findAnnotations(s.body) ?? s.handlers.reduce<AnnAssign | null>((f, h) => f ?? findAnnotations(h.body), null) ?? findAnnotations(s.orelse) ?? findAnnotations(s.finalbody);
        break;
      default:
        break;
    }
    if (found !== null) break;
  }
  return found;
}

/** Module frames whose `SETUP_ANNOTATIONS` ran (their annotated assignments store annotations). */
const setUp = new WeakSet<Frame>();

/** `SETUP_ANNOTATIONS` at the start of a module unit whose body has annotations. */
export function setupModuleAnnotations(interp: Interpreter, body: readonly Stmt[], frame: Frame): void {
  const first = findAnnotations(body);
  if (first === null) return;
  if (interp.cfg.annotations === 'annotate') {
    throw new Refusal('annotated assignments at module or class level on 3.14', 'the __annotate__ function, its cell and the __conditional_annotations__ set are not modelled', first.pos);
  }
  setUp.add(frame);
  // `SETUP_ANNOTATIONS` looks in the frame's locals: the module's globals, a class body's namespace.
  if (frame.ns.has('__annotations__')) return;
  interp.storeName('__annotations__', interp.heap.dict([]), frame);
}

/** The annotation of `s` (whose target is the plain name `name`) stored in `__annotations__`, after the value was assigned. */
export function storeModuleAnnotation(interp: Interpreter, s: AnnAssign, name: string, frame: Frame): void {
  if (!setUp.has(frame)) throw new Refusal('an annotated assignment in this unit', 'only the main module and REPL statements set up __annotations__ here', s.pos);
  const h = interp.heap;
  const annotation = interp.evalExpr(s.annotation, frame);
  let annotations: Ref;
  try {
    annotations = interp.loadName('__annotations__', frame);
  } catch (err) {
    h.decref(annotation);
    throw err;
  }
  const key = internedIdentifier(h, interp.cfg.codeNamesImmortal, name);
  try {
    if (h.get(annotations).payload.kind !== 'dict') {
      h.decref(annotation);
      throw new Refusal('__annotations__ rebound to something other than a dict');
    }
    // Takes the annotation over, also when the store fails.
    interp.setItem(annotations, key, annotation);
  } finally {
    h.decref(annotations);
    h.decref(key);
  }
}
