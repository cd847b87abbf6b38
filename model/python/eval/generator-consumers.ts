/**
 * Builtins called with a generator expression as their sole argument, consuming it at once:
 * `tuple(...)` (`PySequence_Tuple`: a tuple presized from the length hint, 10 for a generator,
 * grown and shrunk by `_PyTuple_Resize`, whose reallocations the model does not follow), and
 * `any(...)` / `all(...)` (`builtin_any_impl`: stop at the first true / false item, the
 * suspended generator is then closed and released). Other callees are refused.
 */
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';
import { consumeGenerator } from './comprehensions';
import { makeGenerator } from './generators';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';

type Call = Extract<Expr, { kind: 'Call' }>;
type GeneratorExpr = Extract<Expr, { kind: 'GeneratorExp' }>;

function shadowed(name: string, frame: Frame): boolean {
  for (let f: Frame | undefined = frame; f; f = f.outer) if (f.fast.has(name) || f.ns.has(name) || f.globals.has(name)) return true;
  return false;
}

export function callWithGenerator(interp: Interpreter, e: Call, gen: GeneratorExpr, frame: Frame): Ref {
  const h = interp.heap;
  // `any` and `all` are only builtins here (the model has no other use for them), when not shadowed.
  const direct = e.func.kind === 'Name' && (e.func.id === 'any' || e.func.id === 'all') && !shadowed(e.func.id, frame) ? e.func.id : null;
  const fn = direct === null ? interp.evalExpr(e.func, frame) : h.none();
  try {
    const p = h.get(fn).payload;
    const which = direct ?? (p.kind === 'type' && interp.builtinTypes.get(p.name) === fn ? p.name : p.kind === 'builtin' && p.self === null ? p.name : null);
    switch (which) {
      case 'tuple': {
        const items: Ref[] = [];
        try {
          consumeGenerator(interp, gen, frame, (item) => {
            items.push(item);
            return true;
          });
        } catch (err) {
          for (const r of items) h.decref(r);
          throw err;
        }
        if (items.length === 0) {
          if (!interp.cfg.tupleResizeToEmptyIsSingleton) throw new Refusal('an empty tuple made from a generator', 'before 3.11 it is a new empty tuple, which the model does not make', gen.pos);
          return h.tuple([]);
        }
        h.loseFreeListOrder();
        return h.tuple(items);
      }
      case 'any':
      case 'all': {
        const want = which === 'any';
        let found = false;
        consumeGenerator(interp, gen, frame, (item) => {
          const t = interp.truth(item);
          h.decref(item);
          if (t === want) found = true;
          return !found;
        });
        return h.bool(want ? found : !found);
      }
      default: {
        // Another builtin (no frame of its own): the generator object is its argument.
        const builtin = p.kind === 'builtin' || (p.kind === 'type' && interp.builtinTypes.get(p.name) === fn);
        if (!builtin || e.args.length !== 1 || e.keywords.length > 0) {
          throw new Refusal('a generator expression passed to this callable', 'only builtins taking it alone are modelled', gen.pos);
        }
        const genObject = makeGenerator(interp, gen, frame);
        try {
          return interp.call(fn, [genObject], []);
        } finally {
          h.decref(genObject);
        }
      }
    }
  } finally {
    h.decref(fn);
  }
}
