/**
 * `__name__` and `__class__` of the objects the model has (measured on 3.8-3.14):
 * - a class made by a `class` statement: `type_name` returns `ht_name`, the str passed to
 *   `__build_class__` (the statement's interned name constant): `C.__name__ is 'C'` is True;
 * - a static builtin type (int, NoneType, ValueError...): `type_name` makes a NEW str from
 *   `tp_name` on every access (`PyUnicode_FromString`): `int.__name__ is int.__name__` is False;
 * - a Python function: `func_get_name` returns `func_name`, the code's interned `co_name`;
 *   a bound method forwards the attribute to its function (`method_getattro`);
 * - a builtin function or method: `meth_get__name__` makes a new str from `ml_name`;
 * - `x.__class__` (`object_get_class`): the type itself, as `type(x)`.
 * `__qualname__` is not modelled (nested definitions have dotted names the model does not keep),
 * nor a module's `__name__` (a str of the module's own dict, measured `sys.__name__ is 'sys'` False).
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { internedIdentifier } from './identifiers';
import { Refusal } from './refusal';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `obj.__name__` / `obj.__class__` as a new reference, or null for other names. */
export function nameAttribute(interp: Interpreter, obj: Ref, name: string): Ref | null {
  // Every attribute lookup passes here: other names leave before any work.
  if (name !== '__name__' && name !== '__class__' && name !== '__annotations__') return null;
  const h = interp.heap;
  const p = h.get(obj).payload;
  // A class's own `__annotations__` (its body's dict, module-annotations.ts), as `type_get_annotations` returns it.
  if (name === '__annotations__' && p.kind === 'type' && interp.heapTypes.has(obj)) {
    const own = p.attrs.get('__annotations__');
    if (own === undefined) throw new Refusal('__annotations__ of a class without annotations', 'an empty dict is made and stored on first access (3.10+) or inherited');
    return h.incref(own);
  }
  if (name !== '__name__' && name !== '__class__') return null;
  if (name === '__class__') return interp.call(interp.builtinTypes.get('type') as Ref, [obj], []);
  switch (p.kind) {
    case 'type':
      if (interp.heapTypes.has(obj)) return internedIdentifier(interp.heap, interp.cfg.codeNamesImmortal, p.name);
      if (!IDENTIFIER.test(p.name)) throw new Refusal(`__name__ of the type ${p.name}`);
      return h.str(p.name);
    case 'function':
      if (!IDENTIFIER.test(p.name)) throw new Refusal(`__name__ of the function ${p.name}`, 'only names of def statements are modelled');
      return internedIdentifier(interp.heap, interp.cfg.codeNamesImmortal, p.name);
    case 'method':
      return nameAttribute(interp, p.func, name);
    case 'builtin':
      return h.str(p.name.slice(p.name.lastIndexOf('.') + 1));
    default:
      throw new Refusal(`the attribute __name__ of a ${p.kind}`);
  }
}
