/**
 * Attributes of instances, classes and modules (`PyObject_GenericGetAttr`,
 * `PyObject_GenericSetAttr`, `type_getattro`): `__slots__` members first (data descriptors),
 * then the instance's values (`__dict__` on 3.8-3.10, inline values from 3.11), then the class
 * and its bases; functions found on the class become bound method objects.
 */
import { cellContents, functionClosure, isCell } from './cells';
import { nameAttribute } from './name-attributes';
import type { DictEntry, Payload, Ref } from '../../core/objects';
import type { Heap } from '../../core/heap';
import type { Interpreter } from './interpreter';
import { MODULE_FUNCTIONS } from './modules';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { derivesFromStr, refuseStrSubclass } from './str-subclass';
import { classDir, instanceDir } from './dir-names';
import { SuggestedException } from './suggested-exception';
import { attributeErrorSuggestion, attributeErrorsSuggest, didYouMean } from './suggestions';
import { typeName } from './values';
import { descriptorGet, refuseSetProperty } from './decorators';
import { instanceDict } from './instance-dict';
import { classEqualityAttr } from './user-equality';
import { isPlainObject, plainObjectDir } from './plain-object';
import { boundBuiltinMethod } from './bound-builtin-methods';
import { superAttribute } from './super-calls';
import { noteClassChanged } from './init-specialization';
import { withAttributeContext } from './exceptions';
import { refuseExceptionMemberChange } from './exception-objects';

type TypePayload = Extract<Payload, { kind: 'type' }>;

/**
 * A class's payload for the walks of its chain below. The kind is read here, not through
 * `Heap.payload`: inlined, that load keeps `payload`'s own feedback, which has seen every kind
 * (a megamorphic load at every step); here it sees only types.
 */
function classPayload(vm: Interpreter, c: Ref): TypePayload {
  const p = vm.heap.get(c).payload;
  if (p.kind !== 'type') throw new Error(`model bug: #${c} is ${p.kind}, not type`);
  return p;
}

export function lookupClassAttr(vm: Interpreter, cls: Ref, name: string): Ref | null {
  let c: Ref | null = cls;
  while (c !== null) {
    const t = classPayload(vm, c);
    const v = t.attrs.get(name);
    if (v !== undefined) return v;
    c = t.base;
  }
  return null;
}

/** Whether `name` is a `__slots__` member of `cls` or a base (`__weakref__` is none): asked at attribute accesses and method calls, without building a list. */
export function hasSlot(vm: Interpreter, cls: Ref, name: string): boolean {
  if (name === '__weakref__') return false;
  for (let c: Ref | null = cls; c !== null; ) {
    const t = classPayload(vm, c);
    if (t.slots !== null && t.slots.includes(name)) return true;
    c = t.base;
  }
  return false;
}

export function hasDict(vm: Interpreter, cls: Ref): boolean {
  let c: Ref | null = cls;
  while (c !== null) {
    const t = classPayload(vm, c);
    if (t.slots === null) return true;
    c = t.base;
  }
  return false;
}

/** A module's attribute (a new reference). */
function moduleAttr(h: Heap, p: Extract<Payload, { kind: 'module' }>, name: string): Ref {
  const v = p.attrs.get(name);
  if (v === undefined) {
    const modFns = MODULE_FUNCTIONS[p.name] ?? [];
    if (!modFns.includes(name)) throw new Refusal(`${p.name}.${name}`, 'not modelled');
    throw new PyException('AttributeError', `module '${p.name}' has no attribute '${name}'`);
  }
  return h.incref(v);
}

export function getAttr(vm: Interpreter, obj: Ref, name: string): Ref {
  const h = vm.heap;
  const p = h.get(obj).payload;
  // `weakref.ref`, `gc.collect`, `sys.intern`: the checks below concern a module only for dunder names.
  if (p.kind === 'module' && !name.startsWith('__')) return moduleAttr(h, p, name);
  refuseStrSubclass(h, obj, `the attribute ${name}`);
  if (p.kind === 'iterator' && p.type === 'super') return superAttribute(vm, obj, name) as Ref;
  if (name === '__dict__' && p.kind === 'instance') return instanceDict(vm, obj);
  if (name === '__closure__' && p.kind === 'function') return functionClosure(vm, obj);
  if (name === 'cell_contents' && isCell(vm, obj)) return cellContents(vm, obj);
  const equality = classEqualityAttr(vm, obj, name);
  if (equality !== null) return equality;
  const named = nameAttribute(vm, obj, name);
  if (named !== null) return named;
  // `object()` has none but its type's (dunder names, not modelled) and no `__dict__`.
  if (isPlainObject(vm, obj) && (name === '__dict__' || !name.startsWith('__'))) throw attributeError(vm, obj, name, `'object' object has no attribute '${name}'`, false);
  if (name.startsWith('__') && name.endsWith('__')) throw new Refusal(`the attribute ${name}`);
  switch (p.kind) {
    case 'module':
      return moduleAttr(h, p, name);
    case 'instance': {
      const cls = p.cls;
      const descriptor = lookupClassAttr(vm, cls, name);
      const got = descriptor === null ? null : descriptorGet(vm, descriptor, obj, cls);
      if (got !== null) return got;
      if (hasSlot(vm, cls, name)) {
        const v = p.slots.get(name);
        // `PyObject_GetAttr` attaches name and obj to the error (3.10+): it gets a suggestion
        // (measured: slots ('aa', 'ab'), `b.aa` unset ends "Did you mean: 'ab'?" on 3.10-3.13).
        if (v === undefined) throw withAttributeContext(vm, attributeError(vm, obj, name, vm.msgs.unsetSlot(typeName(h, obj), name), false), obj, name);
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
      throw withAttributeContext(vm, attributeError(vm, obj, name, `'${typeName(h, obj)}' object has no attribute '${name}'`, false), obj, name);
    }
    case 'type': {
      const v = lookupClassAttr(vm, obj, name);
      const got = v === null ? null : descriptorGet(vm, v, null, obj);
      if (got !== null) return got;
      if (v !== null) return h.incref(v);
      if (hasSlot(vm, obj, name)) throw new Refusal(`the slot ${name} of a class`, 'a member descriptor, not modelled');
      if (derivesFromStr(vm, obj)) throw new Refusal(`the attribute ${name} of a str subclass`, "str's own attributes are not modelled");
      // A builtin type has attributes the model does not list (`dict.fromkeys`, `int.from_bytes`...).
      if (!vm.heapTypes.has(obj)) throw new Refusal(`the attribute ${name} of the builtin type ${p.name}`);
      throw attributeError(vm, obj, name, `type object '${p.name}' has no attribute '${name}'`, false);
    }
    default: {
      const bound = boundBuiltinMethod(vm, obj, name);
      if (bound !== null) return bound;
      throw new Refusal(`the attribute ${name} of a ${p.kind}`);
    }
  }
}


/**
 * The AttributeError for `obj.name` (`onSet`: raised by an assignment), with the "Did you mean"
 * trailer CPython prints when uncaught (suggestions.ts, from `dir(obj)`: dir-names.ts).
 */
export function attributeError(vm: Interpreter, obj: Ref, name: string, message: string, onSet: boolean): PyException {
  const facts = vm.cfg.suggestions;
  if (vm.suppressSuggestions || !attributeErrorsSuggest(facts, onSet)) return new PyException('AttributeError', message);
  const kind = vm.heap.get(obj).payload.kind;
  const dir = kind === 'instance' ? instanceDir(vm, obj) : kind === 'type' ? classDir(vm, obj) : plainObjectDir(vm, obj);
  if (dir === null) throw new Refusal(`AttributeError for '${name}'`, 'CPython may add a "Did you mean" suggestion from names the model does not list');
  const plain = attributeErrorSuggestion(facts, name, dir, { onSet, selfIsObj: false });
  // 3.13 keeps '_' names when the failing frame's `self` is the object; the model's current
  // frame is not always the failing one, so it answers only when that makes no difference.
  if (attributeErrorSuggestion(facts, name, dir, { onSet, selfIsObj: true }) !== plain) {
    throw new Refusal(`AttributeError for '${name}'`, "the suggestion depends on the failing frame's self");
  }
  return plain === null ? new PyException('AttributeError', message) : new SuggestedException('AttributeError', message, didYouMean(plain));
}

export function classAttrNames(vm: Interpreter, cls: Ref): string[] {
  const out: string[] = [];
  let c: Ref | null = cls;
  while (c !== null) {
    const t = classPayload(vm, c);
    out.push(...t.attrs.keys());
    c = t.base;
  }
  return out;
}

/**
 * The inline values of every instance before its first attribute store (shared, never stored
 * to: `ownValues` replaces it first). Most instances of a loop's class never get an attribute,
 * and a map made per instance cost as much as the rest of making one.
 */
const NO_INSTANCE_VALUES = new Map<string, Ref>();
/** The slot values of every instance of a class without `__slots__` (shared: `setAttr` stores slots only where `hasSlot`). */
const NO_SLOT_VALUES = new Map<string, Ref>();

/**
 * The payload of a new instance of `cls`, without attributes yet. Only a class with `__slots__`
 * in its MRO (`slotted`: `declaresSlots`) gets a slot map of its own; the values map is made at the first store. Measured:
 * two maps made per instance were ~15% of a loop of `Item()` kept alive.
 */
export function newInstancePayload(cls: Ref, slotted: boolean): Extract<Payload, { kind: 'instance' }> {
  return { kind: 'instance', cls, dict: null, values: NO_INSTANCE_VALUES, slots: slotted ? new Map<string, Ref>() : NO_SLOT_VALUES };
}

/** Whether `cls` or a base declares `__slots__` (`hasSlot` can answer yes only then; `slotted` above). */
export function declaresSlots(vm: Interpreter, cls: Ref): boolean {
  for (let c: Ref | null = cls; c !== null; ) {
    const t = classPayload(vm, c);
    if (t.slots !== null) return true;
    c = t.base;
  }
  return false;
}

/** The instance's own values map, made at its first store. */
function ownValues(p: Extract<Payload, { kind: 'instance' }>): Map<string, Ref> {
  if (p.values !== NO_INSTANCE_VALUES) return p.values;
  const values = new Map<string, Ref>();
  p.values = values;
  return values;
}

export function instanceAttr(vm: Interpreter, obj: Ref, name: string): Ref | null {
  const h = vm.heap;
  // (the kind read here: see `classPayload`)
  const p = h.get(obj).payload;
  if (p.kind !== 'instance') throw new Error(`model bug: #${obj} is ${p.kind}, not instance`);
  if (p.dict !== null) {
    const e = entryNamed(h, h.payload(p.dict, 'dict').entries, name);
    return e ? e.value : null;
  }
  return p.values.get(name) ?? null;
}

/**
 * The attributes of a builtin type the model makes (`makeBuiltinType`): none it looks up. One
 * empty map for all of them, never written (`setAttr` refuses a static type's attributes with
 * CPython's TypeError): a new map per type per run cost more than most uses of the type.
 */
export const BUILTIN_TYPE_ATTRS: Map<string, Ref> = new Map<string, Ref>();

export function setAttr(vm: Interpreter, obj: Ref, name: string, value: Ref): void {
  const h = vm.heap;
  refuseStrSubclass(h, obj, `setting the attribute ${name}`);
  refuseExceptionMemberChange(vm, obj, name);
  const p = h.get(obj).payload;
  if (name.startsWith('__') && name.endsWith('__')) throw new Refusal(`setting the attribute ${name}`);
  if (p.kind === 'instance') {
    refuseSetProperty(vm, p.cls, lookupClassAttr(vm, p.cls, name), name);
    if (hasSlot(vm, p.cls, name)) {
      const old = p.slots.get(name);
      p.slots.set(name, value);
      if (old !== undefined) h.decref(old);
      return;
    }
    if (!hasDict(vm, p.cls)) {
      h.decref(value);
      throw noDictError(vm, obj, name);
    }
    if (vm.cfg.managedDict && p.dict === null) {
      // Managed dict: the value goes to the inline values array (no dict object).
      const old = p.values.get(name);
      if (old === undefined) h.allocator.untracked('unknown');
      ownValues(p).set(name, value);
      if (old !== undefined) h.decref(old);
      return;
    }
    // 3.8-3.10: `_PyObjectDict_SetItem` makes the `__dict__` (split table) at the first store.
    if (p.dict === null) {
      p.dict = h.dict([]);
      h.allocator.untracked('unknown');
    }
    const d = h.payload(p.dict, 'dict');
    const e = entryNamed(h, d.entries, name);
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
    // `type_setattro`: a static type (every type the model makes but classes) takes no attributes,
    // so a builtin type's namespace, shared by every run (`BUILTIN_TYPE_ATTRS`), is never written.
    if (!vm.heapTypes.has(obj)) {
      h.decref(value);
      throw new PyException('TypeError', vm.msgs.immutableTypeAttribute(p.name, name));
    }
    noteClassChanged(vm);
    const old = p.attrs.get(name);
    p.attrs.set(name, value);
    if (old !== undefined) h.decref(old);
    return;
  }
  h.decref(value);
  if (p.kind === 'module') throw new Refusal(`setting ${p.name}.${name}`);
  // A function has a `__dict__` (`Objects/funcobject.c` `func_getsetlist`, made at the first
  // store by `PyObject_GenericSetAttr`), and so has a WeakSet (a class of `Lib/_weakrefset.py`):
  // not modelled, so refused rather than an AttributeError.
  if (p.kind === 'function' || p.kind === 'WeakSet') throw new Refusal(`setting the attribute ${name} of a ${typeName(h, obj)}`, 'its __dict__ is not modelled');
  throw attributeError(vm, obj, name, vm.msgs.noNewAttribute(typeName(h, obj), name), true);
}

/**
 * Setting or deleting a name that is not a slot on an instance without `__dict__`
 * (`_PyObject_GenericSetAttrWithDict`): a class attribute without `__set__` is "read-only"
 * (measured on 3.8.18-3.13.0, no trailer seen; refused where one could apply), any other name
 * cannot be added.
 */
function noDictError(vm: Interpreter, obj: Ref, name: string): PyException {
  const h = vm.heap;
  const cls = h.payload(obj, 'instance').cls;
  if (lookupClassAttr(vm, cls, name) === null) return attributeError(vm, obj, name, vm.msgs.noNewAttribute(typeName(h, obj), name), true);
  const err = attributeError(vm, obj, name, `'${typeName(h, obj)}' object attribute '${name}' is read-only`, true);
  if (err instanceof SuggestedException) throw new Refusal(`AttributeError for '${name}'`, 'whether CPython adds a suggestion here was not measured');
  return err;
}

export function delAttr(vm: Interpreter, obj: Ref, name: string): void {
  const h = vm.heap;
  refuseStrSubclass(h, obj, `del of the attribute ${name}`);
  refuseExceptionMemberChange(vm, obj, name);
  const p = h.get(obj).payload;
  // `PyObject_GenericSetAttr` with a NULL value: the assignment's message.
  if (isPlainObject(vm, obj)) throw attributeError(vm, obj, name, vm.msgs.noNewAttribute('object', name), true);
  if (p.kind !== 'instance') throw new Refusal(`del of an attribute of a ${p.kind}`);
  if (hasSlot(vm, p.cls, name)) {
    const old = p.slots.get(name);
    // `Python/structmember.c` `PyMember_SetOne` deleting an unset slot: just the name, with no
    // suggestion (measured `del b.aa` -> "AttributeError: aa" on 3.10.13, 3.12.1, 3.13.0).
    if (old === undefined) throw new PyException('AttributeError', name);
    p.slots.delete(name);
    h.decref(old);
    return;
  }
  // Measured `del b.ac` (no such slot, no `__dict__`): the assignment's message and trailer (3.10.13, 3.12.1, 3.13.0).
  if (!hasDict(vm, p.cls)) throw noDictError(vm, obj, name);
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

/** The entry of an instance dict whose str key is `name` (a loop: a closure would make its context at every attribute access). */
function entryNamed(h: Heap, entries: readonly DictEntry[], name: string): DictEntry | undefined {
  for (const x of entries) if ((h.get(x.key).payload as { value?: string }).value === name) return x;
  return undefined;
}
