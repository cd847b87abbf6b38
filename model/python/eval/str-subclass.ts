/**
 * Instances of a class deriving from `str` (`class Text(str): pass`; `Text('ab')`), modelled
 * only as far as their identity goes: each call makes a new object (`Objects/unicodeobject.c`
 * `unicode_subtype_new`: never a cached or interned one; measured `Text('ab') is Text('ab')`
 * False and `hasattr(Text('ab'), '__dict__')` True on 3.8.18-3.13.0 native, 3.11.3 and 3.14.2
 * Pyodide), `is`, `id`, `type`, `isinstance` and `sys.intern` (a TypeError). Every use of its
 * str value (printing, comparing, hashing, methods, operators, iteration) is refused.
 *
 * The instance is an `instance` payload whose class chain reaches the builtin `str` type; its
 * text is kept beside the heap (the core has no payload for it).
 */
import type { Heap } from '../../core/heap';
import type { Payload, Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';

/** The text of each str-subclass instance, by its payload object. */
const TEXTS = new WeakMap<Payload, string>();
/** The str-subclass instances each heap has made (to know whether one has been freed). */
const MADE = new WeakMap<Heap, Ref[]>();

/** Whether the class (a `type` ref) derives from the builtin `str`. */
export function derivesFromStr(vm: Interpreter, cls: Ref): boolean {
  const str = vm.builtinTypes.get('str');
  for (let c: Ref | null = cls; c !== null; c = vm.heap.payload(c, 'type').base) if (c === str) return true;
  return false;
}

/** Whether `ref` is an instance of a str subclass made by `newStrSubclassInstance`. */
export function isStrSubclassInstance(heap: Heap, ref: Ref): boolean {
  // Only `instance` payloads are in TEXTS: other kinds (every operand of an operator) skip the WeakMap.
  const p = heap.get(ref).payload;
  return p.kind === 'instance' && TEXTS.has(p);
}

/** Refuses `what` on an instance of a str subclass: its str behaviour is not modelled. */
export function refuseStrSubclass(heap: Heap, ref: Ref, what: string): void {
  if (isStrSubclassInstance(heap, ref)) throw new Refusal(`${what} of an instance of a str subclass`, 'only its identity is modelled');
}

/** Whether a str-subclass instance of this heap has been freed (see `newStrSubclassInstance`). */
export function strSubclassInstanceFreed(heap: Heap): boolean {
  // A loop, not a closure: asked at every id() call.
  const made = MADE.get(heap);
  if (made !== undefined) for (const ref of made) if (!heap.isAlive(ref)) return true;
  return false;
}

/**
 * `type_call` -> `unicode_new` (`unicode_new_impl`: `PyObject_Str(x)` returns an exact str
 * argument itself) -> `unicode_subtype_new`: a new object (`tp_alloc`, GC-tracked, of a size
 * the model does not know) and a separate buffer for the characters (`PyObject_Malloc`),
 * freed by `unicode_dealloc` when the instance dies. The model does not follow that buffer:
 * `id()` refuses once such an instance has been freed. Whatever else `tp_alloc` sets up (the
 * `__dict__` machinery differs by version) is covered by the same unknown allocation.
 * `object_init` accepts the argument because `tp_new` is overridden.
 */
export function newStrSubclassInstance(vm: Interpreter, cls: Ref, args: readonly Ref[]): Ref {
  const h = vm.heap;
  if (args.length > 1) throw new Refusal('a str subclass called with more than one argument');
  const arg = args[0];
  let text = '';
  if (arg !== undefined) {
    const p = h.get(arg).payload;
    if (p.kind !== 'str') throw new Refusal('a str subclass called with something other than an exact str');
    text = p.value;
  }
  h.incref(cls);
  const payload: Payload = { kind: 'instance', cls, dict: null, values: new Map(), slots: new Map() };
  const obj = h.object(payload, null);
  TEXTS.set(payload, text);
  h.allocator.untracked('unknown'); // the character buffer (and any dict values)
  const made = MADE.get(h) ?? [];
  made.push(obj);
  MADE.set(h, made);
  return obj;
}
