/**
 * `__qualname__` of the code objects a run compiled (`Python/compile.c` `compiler_set_qualname`):
 * a module-level name alone, a class member `Class.name`, a name inside a function (or a hidden
 * comprehension function) `outer.<locals>.name`; a name the enclosing function declares `global`
 * is a module-level name. Found from the roots the interpreter ran (`runModule`, REPL units);
 * code of other units (`exec`) is unknown here: null.
 */
import type { CodeObject } from './compile';

export function qualifiedName(roots: readonly CodeObject[], target: CodeObject): string | null {
  const walk = (code: CodeObject, prefix: string): string | null => {
    const inner = [...code.children.values(), ...code.lambdas.values(), ...code.comprehensions.values()];
    for (const child of inner) {
      const qual = prefix === '' || (code.kind === 'function' && code.globals.has(child.name)) ? child.name : prefix + child.name;
      if (child === target) return qual;
      const found = walk(child, child.kind === 'class' ? `${qual}.` : `${qual}.<locals>.`);
      if (found !== null) return found;
    }
    return null;
  };
  for (const root of roots) {
    const found = walk(root, '');
    if (found !== null) return found;
  }
  return null;
}
