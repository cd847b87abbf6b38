/**
 * `@property`, `@staticmethod`, `@classmethod` on methods (`Objects/descrobject.c`
 * `property_descr_get`, `Objects/funcobject.c` `sm_descr_get` / `cm_descr_get`). The
 * decorator names are evaluated before the function is made (`compiler_decorators`), then
 * called innermost first. A descriptor object is an instance of a builtin type here (its size
 * is not modelled) holding the function in `__func__` (`fget` for a property).
 * Other decorators, a shadowed decorator name, and setting or deleting a property are refused.
 */
import type { Ref } from '../../core/objects';
import type { Stmt } from '../ast';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';
import { hasRunState, RunSlot, runState } from './run-state';

const DESCRIPTORS = ['property', 'staticmethod', 'classmethod'] as const;
type DescriptorKind = (typeof DESCRIPTORS)[number];

const TYPES = new RunSlot(() => new Map<DescriptorKind, Ref>());

/** The builtin type (borrowed: the builtins module holds it). */
function descriptorType(interp: Interpreter, kind: DescriptorKind): Ref {
  const byKind = runState(interp, TYPES);
  let t = byKind.get(kind);
  if (t === undefined) {
    const immortal = interp.cfg.core.immortalRefcount !== null;
    t = interp.heap.preexisting(`type:${kind}`, () => ({ kind: 'type', name: kind, attrs: new Map(), slots: [], base: null }), immortal);
    byKind.set(kind, t);
  }
  return t;
}

/** The decorators of a `def`, outermost first, checked before anything runs. */
export function decoratorKinds(s: Extract<Stmt, { kind: 'FunctionDef' }>, frame: Frame): DescriptorKind[] {
  return s.decorators.map((d) => {
    const name = d.kind === 'Name' ? d.id : null;
    const kind = DESCRIPTORS.find((k) => k === name);
    if (!kind) throw new Refusal('a decorator other than @property, @staticmethod or @classmethod', undefined, d.pos);
    if (frame.fast.has(kind) || frame.ns.has(kind) || frame.globals.has(kind)) throw new Refusal(`a decorator named ${kind} that is not the builtin`, undefined, d.pos);
    return kind;
  });
}

/** Wraps `fn` (consumed) in the descriptors, innermost first; returns a new reference. */
export function applyDecorators(interp: Interpreter, kinds: readonly DescriptorKind[], fn: Ref): Ref {
  const h = interp.heap;
  let value = fn;
  for (const kind of [...kinds].reverse()) {
    if (h.get(value).payload.kind !== 'function') throw new Refusal(`@${kind} over another decorator`);
    const cls = h.incref(descriptorType(interp, kind));
    value = h.object({ kind: 'instance', cls, dict: null, values: new Map(), slots: new Map([['__func__', value]]) });
  }
  return value;
}

/** Which descriptor `v` is, with its function, or null. */
export function descriptorOf(interp: Interpreter, v: Ref): { kind: DescriptorKind; func: Ref } | null {
  const p = interp.heap.get(v).payload;
  if (p.kind !== 'instance') return null;
  const byKind = hasRunState(interp, TYPES) ? runState(interp, TYPES) : undefined;
  const kind = DESCRIPTORS.find((k) => byKind?.get(k) === p.cls);
  const func = p.slots.get('__func__');
  return kind && func !== undefined ? { kind, func } : null;
}

/**
 * `obj.name` / `cls.name` found on the class as a descriptor: a property calls its getter,
 * a staticmethod gives its function, a classmethod a method bound to the class. Null if
 * `found` is no descriptor. Returns a new reference.
 */
export function descriptorGet(interp: Interpreter, found: Ref, obj: Ref | null, cls: Ref): Ref | null {
  const d = descriptorOf(interp, found);
  if (d === null) return null;
  const h = interp.heap;
  switch (d.kind) {
    case 'property':
      return obj === null ? h.incref(found) : interp.call(d.func, [obj], []);
    case 'staticmethod':
      return h.incref(d.func);
    case 'classmethod':
      h.allocator.untracked('unknown');
      return h.object({ kind: 'method', self: h.incref(cls), func: h.incref(d.func) });
  }
}

/** Setting or deleting an attribute that a property of the class defines. */
export function refuseSetProperty(interp: Interpreter, cls: Ref, found: Ref | null, name: string): void {
  void cls;
  if (found !== null && descriptorOf(interp, found)?.kind === 'property') throw new Refusal(`setting or deleting the property ${name}`, 'property setters are not modelled');
}
