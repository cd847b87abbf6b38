/**
 * Attributes of instances, classes and modules (`PyObject_GenericGetAttr`,
 * `PyObject_GenericSetAttr`, `type_getattro`): `__slots__` members first (data descriptors),
 * then the instance's values (`__dict__` on 3.8-3.10, inline values from 3.11), then the class
 * and its bases; functions found on the class become bound method objects.
 */
import type { Payload, Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { MODULE_FUNCTIONS } from './modules';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { hasSuggestion } from './suggestions';
import { typeName } from './values';

export function lookupClassAttr(vm: Interpreter, cls: Ref, name: string): Ref | null {
  let c: Ref | null = cls;
  while (c !== null) {
    const t: Extract<Payload, { kind: 'type' }> = vm.heap.payload(c, 'type');
    const v = t.attrs.get(name);
    if (v !== undefined) return v;
    c = t.base;
  }
  return null;
}

export function allSlots(vm: Interpreter, cls: Ref): string[] {
  const out: string[] = [];
  let c: Ref | null = cls;
  while (c !== null) {
    const t: Extract<Payload, { kind: 'type' }> = vm.heap.payload(c, 'type');
    if (t.slots) out.unshift(...t.slots.filter((s) => s !== '__weakref__'));
    c = t.base;
  }
  return out;
}

export function hasDict(vm: Interpreter, cls: Ref): boolean {
  let c: Ref | null = cls;
  while (c !== null) {
    const t: Extract<Payload, { kind: 'type' }> = vm.heap.payload(c, 'type');
    if (t.slots === null) return true;
    c = t.base;
  }
  return false;
}

export function getAttr(vm: Interpreter, obj: Ref, name: string): Ref {
  const h = vm.heap;
  const p = h.get(obj).payload;
  if (name.startsWith('__') && name.endsWith('__')) throw new Refusal(`the attribute ${name}`);
  switch (p.kind) {
    case 'module': {
      const v = p.attrs.get(name);
      if (v === undefined) {
        const modFns = MODULE_FUNCTIONS[p.name] ?? [];
        if (!modFns.includes(name)) throw new Refusal(`${p.name}.${name}`, 'not modelled');
        throw new PyException('AttributeError', `module '${p.name}' has no attribute '${name}'`);
      }
      return h.incref(v);
    }
    case 'instance': {
      const cls = p.cls;
      if (allSlots(vm, cls).includes(name)) {
        const v = p.slots.get(name);
        if (v === undefined) throw new PyException('AttributeError', vm.msgs.unsetSlot(typeName(h, obj), name));
        return h.incref(v);
      }
      const own = instanceAttr(vm, obj, name);
      if (own !== null) return h.incref(own);
      const classAttr = lookupClassAttr(vm, cls, name);
      if (classAttr !== null) {
        if (h.get(classAttr).payload.kind === 'function') {
          // A bound method object (`func_descr_get` -> `PyMethod_New`).
          h.allocator.untracked('unknown');
          return h.object({ kind: 'method', self: h.incref(obj), func: h.incref(classAttr) });
        }
        return h.incref(classAttr);
      }
      attributeSuggestion(vm, name, [...p.values.keys(), ...classAttrNames(vm, cls), ...allSlots(vm, cls)]);
      throw new PyException('AttributeError', `'${typeName(h, obj)}' object has no attribute '${name}'`);
    }
    case 'type': {
      const v = lookupClassAttr(vm, obj, name);
      if (v !== null) return h.incref(v);
      attributeSuggestion(vm, name, classAttrNames(vm, obj));
      throw new PyException('AttributeError', `type object '${p.name}' has no attribute '${name}'`);
    }
    default:
      throw new Refusal(`the attribute ${name} of a ${p.kind}`);
  }
}


/** Refuses when CPython's AttributeError line would carry a suggestion (`PyObject_Dir(obj)`). */
export function attributeSuggestion(vm: Interpreter, name: string, names: string[]): void {
  if (!vm.cfg.errorSuggestions || vm.suppressSuggestions) return;
  // dir() also lists object's dunder names, all starting with '_'.
  if (name.startsWith('_') || hasSuggestion(name, names)) {
    throw new Refusal(`AttributeError for '${name}'`, 'CPython adds a "Did you mean" suggestion');
  }
}

export function classAttrNames(vm: Interpreter, cls: Ref): string[] {
  const out: string[] = [];
  let c: Ref | null = cls;
  while (c !== null) {
    const t: Extract<Payload, { kind: 'type' }> = vm.heap.payload(c, 'type');
    out.push(...t.attrs.keys());
    c = t.base;
  }
  return out;
}

export function instanceAttr(vm: Interpreter, obj: Ref, name: string): Ref | null {
  const h = vm.heap;
  const p = h.payload(obj, 'instance');
  if (p.dict !== null) {
    const e = h.payload(p.dict, 'dict').entries.find((x) => (h.get(x.key).payload as { value?: string }).value === name);
    return e ? e.value : null;
  }
  return p.values.get(name) ?? null;
}

export function setAttr(vm: Interpreter, obj: Ref, name: string, value: Ref): void {
  const h = vm.heap;
  const p = h.get(obj).payload;
  if (name.startsWith('__') && name.endsWith('__')) throw new Refusal(`setting the attribute ${name}`);
  if (p.kind === 'instance') {
    if (allSlots(vm, p.cls).includes(name)) {
      const old = p.slots.get(name);
      p.slots.set(name, value);
      if (old !== undefined) h.decref(old);
      return;
    }
    if (!hasDict(vm, p.cls)) {
      h.decref(value);
      throw new PyException('AttributeError', vm.msgs.noNewAttribute(typeName(h, obj), name));
    }
    if (vm.cfg.version[1] >= 11) {
      // Managed dict: the value goes to the inline values array (no dict object).
      const old = p.values.get(name);
      if (old === undefined) h.allocator.untracked('unknown');
      p.values.set(name, value);
      if (old !== undefined) h.decref(old);
      return;
    }
    // 3.8-3.10: `_PyObjectDict_SetItem` makes the `__dict__` (split table) at the first store.
    if (p.dict === null) {
      p.dict = h.dict([]);
      h.allocator.untracked('unknown');
    }
    const d = h.payload(p.dict, 'dict');
    const e = d.entries.find((x) => (h.get(x.key).payload as { value?: string }).value === name);
    if (e) {
      const old = e.value;
      e.value = value;
      h.decref(old);
    } else {
      h.allocator.untracked('unknown');
      d.entries.push({ key: vm.nameStr(name), value });
    }
    return;
  }
  if (p.kind === 'type') {
    const old = p.attrs.get(name);
    p.attrs.set(name, value);
    if (old !== undefined) h.decref(old);
    return;
  }
  h.decref(value);
  if (p.kind === 'module') throw new Refusal(`setting ${p.name}.${name}`);
  throw new PyException('AttributeError', vm.msgs.noNewAttribute(typeName(h, obj), name));
}

export function delAttr(vm: Interpreter, obj: Ref, name: string): void {
  const h = vm.heap;
  const p = h.get(obj).payload;
  if (p.kind !== 'instance') throw new Refusal(`del of an attribute of a ${p.kind}`);
  if (allSlots(vm, p.cls).includes(name)) {
    const old = p.slots.get(name);
    if (old === undefined) throw new PyException('AttributeError', vm.msgs.unsetSlot(typeName(h, obj), name));
    p.slots.delete(name);
    h.decref(old);
    return;
  }
  if (p.dict !== null) {
    const d = h.payload(p.dict, 'dict');
    const i = d.entries.findIndex((x) => (h.get(x.key).payload as { value?: string }).value === name);
    if (i >= 0) {
      const [e] = d.entries.splice(i, 1);
      if (e) {
        h.decref(e.key);
        h.decref(e.value);
      }
      return;
    }
  } else {
    const old = p.values.get(name);
    if (old !== undefined) {
      p.values.delete(name);
      h.decref(old);
      return;
    }
  }
  throw new Refusal(`AttributeError from del`, 'the wording changed across versions');
}
