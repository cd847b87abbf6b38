/**
 * `getattr`, `setattr`, `delattr` (`Python/bltinmodule.c` `builtin_getattr`, `builtin_setattr`,
 * `builtin_delattr`): the attribute protocol of `attributes.ts` with a name given as a str.
 * `getattr(obj, name, default)` swallows the AttributeError (`_PyObject_LookupAttr`), so its
 * "Did you mean" trailer never matters there. A non-str name is CPython's TypeError, whose
 * wording changed across versions: refused.
 */
import type { Ref } from '../../core/objects';
import { delAttr, getAttr, setAttr } from './attributes';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';

export const ATTRIBUTE_BUILTINS = ['getattr', 'setattr', 'delattr'] as const;

function attributeName(interp: Interpreter, ref: Ref, fn: string): string {
  const p = interp.heap.get(ref).payload;
  if (p.kind !== 'str') throw new Refusal(`${fn}() with a name that is not a str`, 'the TypeError wording changed across versions');
  return p.value;
}

/** One of `ATTRIBUTE_BUILTINS` with borrowed arguments (a new reference), or null for other names. */
export function callAttributeBuiltin(interp: Interpreter, name: string, args: readonly Ref[]): Ref | null {
  const h = interp.heap;
  switch (name) {
    case 'getattr': {
      if (args.length < 2 || args.length > 3) throw new Refusal(`getattr() with ${args.length} arguments`);
      const attr = attributeName(interp, args[1]!, name);
      if (args[2] === undefined) return getAttr(interp, args[0]!, attr);
      interp.suppressSuggestions = true;
      try {
        return getAttr(interp, args[0]!, attr);
      } catch (err) {
        if (err instanceof PyException && err.pyType === 'AttributeError') return h.incref(args[2]);
        throw err;
      } finally {
        interp.suppressSuggestions = false;
      }
    }
    case 'setattr':
      if (args.length !== 3) throw new Refusal(`setattr() with ${args.length} arguments`);
      setAttr(interp, args[0]!, attributeName(interp, args[1]!, name), h.incref(args[2]!));
      return h.none();
    case 'delattr':
      if (args.length !== 2) throw new Refusal(`delattr() with ${args.length} arguments`);
      delAttr(interp, args[0]!, attributeName(interp, args[1]!, name));
      return h.none();
    default:
      return null;
  }
}
