/**
 * A method of a builtin object taken as a value (`m = l.append`, `getattr(s, 'upper')`):
 * `method_get` makes a `builtin_function_or_method` holding its self (`PyCMethod_New`,
 * `Objects/methodobject.c`; `sys.getsizeof` is fact `sizeofBuiltinFunction`), a new object at
 * each lookup (`l.append is l.append` False, `==` compares self by identity: values.ts). Calling
 * it runs the method the model has for `self.name(...)` (`Interpreter.call`). A call written `l.append(x)` makes no
 * such object (`LOAD_METHOD`): the interpreter calls the method directly.
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';

/**
 * The instance methods of each builtin type the model can call, on every version 3.8-3.14
 * (`list_methods`, `mapp_methods`, `set_methods`, `unicode_methods`). Class and static methods
 * (`dict.fromkeys`, `str.maketrans`) bind to something else and stay refused.
 */
const METHODS: Readonly<Record<string, ReadonlySet<string>>> = {
  list: new Set(['append', 'clear', 'copy', 'count', 'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort']),
  dict: new Set(['clear', 'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values']),
  set: new Set(['add', 'clear', 'copy', 'difference', 'difference_update', 'discard', 'intersection', 'intersection_update', 'isdisjoint', 'issubset', 'issuperset', 'pop', 'remove', 'symmetric_difference', 'symmetric_difference_update', 'union', 'update']),
  str: new Set([
    'capitalize', 'casefold', 'center', 'count', 'encode', 'endswith', 'expandtabs', 'find', 'format', 'format_map', 'index', 'isalnum', 'isalpha', 'isascii',
    'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper', 'join', 'ljust', 'lower', 'lstrip',
    'partition', 'replace', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'swapcase', 'title',
    'translate', 'upper', 'zfill',
  ]),
};

/** `obj.name` as a bound builtin method (a new reference), or null when the model has no such method to bind. */
export function boundBuiltinMethod(vm: Interpreter, obj: Ref, name: string): Ref | null {
  const h = vm.heap;
  const kind = h.get(obj).payload.kind;
  if (!METHODS[kind]?.has(name)) return null;
  // `PyCMethod_New` allocates through `PyObject_GC_New` (a free list on 3.8): not followed.
  h.allocator.untracked('unknown');
  return h.object({ kind: 'builtin', name, self: h.incref(obj) });
}

