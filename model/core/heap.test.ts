import { describe, expect, it } from 'vitest';
import { compareAddresses } from './address';
import { collect, findUnreachable } from './gc';
import { CoreUnknown, Heap } from './heap';
import { NATIVE_CONFIGS, nativeConfig } from './measured-configs';
import type { Payload } from './objects';
import { derefWeakref, newWeakref, PyTypeError, weakSetAdd, weakSetMembers, newWeakSet } from './weakrefs';

function heapFor(minor: string): Heap {
  return new Heap(nativeConfig(minor));
}

function newClass(heap: Heap, name: string, slots: string[] | null = null): number {
  return heap.object({ kind: 'type', name, attrs: new Map(), slots, base: null });
}

function newInstance(heap: Heap, cls: number): number {
  heap.incref(cls);
  return heap.object({ kind: 'instance', cls, dict: null, values: new Map(), slots: new Map() }, heap.config.sizes.instance);
}

describe('caches (Objects/longobject.c, unicodeobject.c, bytesobject.c, tupleobject.c)', () => {
  it('shares small ints -5..256 and not 257 or -6', () => {
    const h = heapFor('3.11');
    expect(h.int(256n)).toBe(h.int(256n));
    expect(h.int(-5n)).toBe(h.int(-5n));
    expect(h.int(257n)).not.toBe(h.int(257n));
    expect(h.int(-6n)).not.toBe(h.int(-6n));
  });

  it('shares the empty string and latin-1 characters, not U+0100', () => {
    const h = heapFor('3.10');
    expect(h.str('')).toBe(h.str(''));
    expect(h.str('\u00ff')).toBe(h.str('\u00ff'));
    expect(h.str('\u0100')).not.toBe(h.str('\u0100'));
    expect(h.str('ab')).not.toBe(h.str('ab'));
  });

  it('repeats a text as String.prototype.repeat does, across growing counts and other operands', () => {
    const h = heapFor('3.12');
    const cases: [string, number][] = [['a', 2], ['a', 13], ['a', 40], ['a', 7], ['a', 500], ['ab', 30], ['a', 90], ['\u{1F600}', 20], ['a', 0], ['xyz', 1], ['a', 70_000]];
    for (const [unit, times] of cases) expect(h.repeatedText(unit, times)).toBe(unit.repeat(times));
  });

  it('shares b"" and 1-byte bytes, and the empty tuple', () => {
    const h = heapFor('3.8');
    expect(h.bytes([5])).toBe(h.bytes([5]));
    expect(h.bytes([5, 6])).not.toBe(h.bytes([5, 6]));
    expect(h.tuple([])).toBe(h.tuple([]));
  });

  it('has an empty frozenset singleton up to 3.9 and not from 3.10 (measured)', () => {
    const h9 = heapFor('3.9');
    expect(h9.set('frozenset', [])).toBe(h9.set('frozenset', []));
    const h10 = heapFor('3.10');
    expect(h10.set('frozenset', [])).not.toBe(h10.set('frozenset', []));
  });
});

describe('immortal objects (PEP 683, 3.12+)', () => {
  it('reports the immortal sentinel on 3.12 and refuses the unknown count on 3.11', () => {
    const h12 = heapFor('3.12');
    const one = h12.int(1n);
    expect(h12.observedRefcount(one)).toBe(4294967295);
    h12.decref(one);
    h12.decref(one);
    expect(h12.isAlive(one)).toBe(true);
    const h11 = heapFor('3.11');
    expect(h11.observedRefcount(h11.int(1n))).toBeNull();
  });

  it('counts references to a fresh object exactly', () => {
    const h = heapFor('3.12');
    const x = h.list([]);
    h.incref(x);
    expect(h.observedRefcount(x)).toBe(2);
    h.decref(x);
    h.decref(x);
    expect(h.isAlive(x)).toBe(false);
  });
});

describe('deallocation and free lists', () => {
  it('reuses a freed list for the next list (list free list)', () => {
    const h = heapFor('3.8');
    const a = h.list([h.int(1n)]);
    const addr = h.get(a).address;
    h.decref(a);
    const b = h.list([h.int(2n)]);
    expect(h.get(b).address.value).toBe(addr.value);
  });

  it('reuses a freed tuple only for a tuple of the same length', () => {
    const h = heapFor('3.12');
    const t = h.tuple([h.int(1n), h.int(2n)]);
    const addr = h.get(t).address;
    h.decref(t);
    const t3 = h.tuple([h.int(1n), h.int(2n), h.int(3n)]);
    expect(h.get(t3).address.value).not.toBe(addr.value);
    const t2 = h.tuple([h.int(1n), h.int(3n)]);
    expect(h.get(t2).address.value).toBe(addr.value);
  });

  it('20-tuples: pymalloc until 3.10, pushed but never popped on 3.11/3.12.1, a free list from 3.13 (measured)', () => {
    const reuse = (minor: string): boolean => {
      const h = heapFor(minor);
      const make = (): number => h.tuple(Array.from({ length: 20 }, () => h.int(7n)));
      const t = make();
      const addr = h.get(t).address;
      h.decref(t);
      const u = make();
      const c = compareAddresses(addr, h.get(u).address);
      if (!c.known) throw new Error(`unknown on ${minor}`);
      return c.equal;
    };
    expect(reuse('3.10')).toBe(true);
    expect(reuse('3.12')).toBe(false);
    expect(reuse('3.13')).toBe(true);
  });

  it('frees dict values in entry order (free_keys_object), unlike lists', () => {
    const h = heapFor('3.11');
    const f1 = h.float(1.5);
    const f2 = h.float(2.5);
    const a1 = h.get(f1).address.value;
    const a2 = h.get(f2).address.value;
    const d = h.dict([
      { key: h.int(1n), value: f1 },
      { key: h.int(2n), value: f2 },
    ]);
    h.decref(d);
    // f1 freed first, then f2: the float free list hands out f2's block first.
    expect(h.get(h.float(3.5)).address.value).toBe(a2);
    expect(h.get(h.float(4.5)).address.value).toBe(a1);
  });

  it('frees list items from the last to the first (list_dealloc)', () => {
    const h = heapFor('3.10');
    const f1 = h.float(1.5);
    const f2 = h.float(2.5);
    const a1 = h.get(f1).address.value;
    const a2 = h.get(f2).address.value;
    const l = h.list([f1, f2]);
    h.decref(l);
    // f2 freed first, then f1: the float free list hands out f1's block first.
    expect(h.get(h.float(3.5)).address.value).toBe(a1);
    expect(h.get(h.float(4.5)).address.value).toBe(a2);
  });

  it('a freed int block is taken by a list item array of the same class (measured: int after list3 False)', () => {
    const h = heapFor('3.11');
    const i = h.int(1001n);
    const addr = h.get(i).address;
    h.decref(i);
    h.list([h.int(1n), h.int(1n), h.int(1n)]);
    const c = h.int(1002n);
    expect(compareAddresses(addr, h.get(c).address)).toEqual({ known: true, equal: false });
  });

  it('the GC header changes the size class: a freed tuple block is not in the int class', () => {
    const h = heapFor('3.12');
    const t = h.tuple(Array.from({ length: 25 }, () => h.int(1n)));
    const addr = h.get(t).address;
    // PyGC_Head (16) + PyTupleObject header (24) + 25 items (200) = 240; without the GC
    // header it would be 224, another class.
    expect(addr.sizeClass).toBe(240);
  });

  it('instances of one class reuse the freed instance block (3.8-3.12)', () => {
    const h = heapFor('3.12');
    const C = newClass(h, 'C');
    const a = newInstance(h, C);
    const addr = h.get(a).address;
    h.decref(a);
    expect(h.get(newInstance(h, C)).address.value).toBe(addr.value);
  });
});

describe('intern table (Objects/unicodeobject.c)', () => {
  it('mortal interning (3.11, 3.13): the table does not count, and the string can die', () => {
    for (const v of ['3.11', '3.13']) {
      const h = heapFor(v);
      const s = h.str('hello world');
      const t = h.intern(s);
      expect(t).toBe(s);
      expect(h.observedRefcount(s)).toBe(2);
      h.decref(t);
      h.decref(s);
      expect(h.isAlive(s)).toBe(false);
      expect(h.internTable.has('hello world')).toBe(false);
    }
  });

  it('immortal interning (3.12): the interned string never dies', () => {
    const h = heapFor('3.12');
    const s = h.str('hello world');
    h.intern(s);
    expect(h.observedRefcount(s)).toBe(4294967295);
    h.decref(s);
    h.decref(s);
    expect(h.isAlive(s)).toBe(true);
  });

  it('a second equal string interns to the first', () => {
    const h = heapFor('3.13');
    const a = h.intern(h.str('a b'));
    const b = h.str('a b');
    expect(h.intern(b)).toBe(a);
  });

  it('refuses sys.intern of a string the interpreter may have interned at startup', () => {
    const h = heapFor('3.10');
    expect(() => h.intern(h.str('append'))).toThrow(CoreUnknown);
  });

  // Measured `str(True) is 'True'`: True on 3.8.18-3.10.13 and 3.12.1-3.14.2, False on 3.11 (bool_repr).
  it.each([
    ['3.10', true],
    ['3.11', false],
    ['3.12', true],
  ] as const)("bool_repr's 'True' on %s is the interned str a constant 'True' is (%s), before or after it", (minor, same) => {
    const before = heapFor(minor);
    const constant = before.intern(before.str('True'), true);
    expect(before.boolName(true) === constant).toBe(same);
    const after = heapFor(minor);
    const made = after.boolName(false);
    expect(after.intern(after.str('False'), true) === made).toBe(same);
    expect(after.boolName(false)).toBe(made);
  });
});

describe('weak references (Objects/weakrefobject.c)', () => {
  it('shares the basic ref and makes a new ref per callback', () => {
    const h = heapFor('3.12');
    const o = newInstance(h, newClass(h, 'C'));
    const r1 = newWeakref(h, o, null);
    expect(newWeakref(h, o, null)).toBe(r1);
    const cb = h.str('callback stand-in');
    expect(newWeakref(h, o, cb)).not.toBe(newWeakref(h, o, cb));
  });

  it('refuses types without tp_weaklistoffset with CPython\'s message', () => {
    const h = heapFor('3.8');
    expect(() => newWeakref(h, h.int(5n), null)).toThrow(new PyTypeError("cannot create weak reference to 'int' object"));
    expect(() => newWeakref(h, h.list([]), null)).toThrow("cannot create weak reference to 'list' object");
  });

  it('clears refs at death and runs callbacks most recent first (measured cb2 then cb1)', () => {
    const h = heapFor('3.11');
    const calls: number[] = [];
    h.weakrefCallbackHook = (cb) => calls.push(cb);
    const o = newInstance(h, newClass(h, 'C'));
    const basic = newWeakref(h, o, null);
    const cb1 = h.str('cb one');
    const cb2 = h.str('cb two');
    newWeakref(h, o, cb1);
    newWeakref(h, o, cb2);
    h.decref(o);
    expect(calls).toEqual([cb2, cb1]);
    expect(h.get(derefWeakref(h, basic)).payload.kind).toBe('NoneType');
  });

  it('WeakSet drops members when they die', () => {
    const h = heapFor('3.12');
    const C = newClass(h, 'C');
    const ws = newWeakSet(h);
    const a = newInstance(h, C);
    const b = newInstance(h, C);
    weakSetAdd(h, ws, a);
    weakSetAdd(h, ws, b);
    h.decref(a);
    expect(weakSetMembers(h, ws)).toEqual([b]);
  });
});

describe('cyclic gc (Modules/gcmodule.c)', () => {
  it('keeps a cycle until collect, then frees it and clears weakrefs', () => {
    const h = heapFor('3.12');
    const a = h.list([]);
    const b = h.list([h.incref(a)]);
    h.payload(a, 'list').items.push(h.incref(b));
    h.decref(a);
    h.decref(b);
    expect(h.isAlive(a)).toBe(true);
    expect(collect(h).unreachableFound).toBe(2);
    expect(h.isAlive(a)).toBe(false);
    expect(h.isAlive(b)).toBe(false);
  });

  it('runs callbacks of reachable weakrefs to garbage', () => {
    const h = heapFor('3.10');
    const C = newClass(h, 'C');
    const x = newInstance(h, C);
    const y = newInstance(h, C);
    const dx = h.dict([{ key: h.str('y'), value: h.incref(y) }]);
    const dy = h.dict([{ key: h.str('x'), value: h.incref(x) }]);
    h.payload(x, 'instance').dict = dx;
    h.payload(y, 'instance').dict = dy;
    const calls: number[] = [];
    h.weakrefCallbackHook = (cb) => calls.push(cb);
    const cb = h.str('the callback');
    const w = newWeakref(h, x, cb);
    h.decref(x);
    h.decref(y);
    expect(collect(h).unreachableFound).toBe(4);
    expect(calls).toEqual([cb]);
    expect(h.payload(w, 'weakref').referent).toBeNull();
  });
});

describe('static and runtime immortals (3.14: _Py_STATIC_IMMORTAL_INITIAL_REFCNT vs _Py_IMMORTAL_INITIAL_REFCNT)', () => {
  // The wasm32 3.14.2 values (measured through the oracle: None 1879048192, an interned name 1342177280).
  const config = { ...nativeConfig('3.13'), immortalRefcount: 1879048192, immortalRuntimeRefcount: 1342177280, internImmortal: { sysIntern: true, constants: false } };

  it('reports the static count for cached objects and the runtime count for objects made immortal by interning', () => {
    const h = new Heap(config);
    expect(h.observedRefcount(h.none())).toBe(1879048192);
    const s = h.str('made at run time ' + 'q');
    const interned = h.intern(s);
    expect(h.observedRefcount(interned)).toBe(1342177280);
  });

  // Measured on Pyodide 3.14.2: `a = chr(97)`; `sys.intern(a) is a` True, its count 1879048192.
  it('interning a cached 1-character string keeps the cached static object and its count', () => {
    const h = new Heap(config);
    const a = h.str('a');
    expect(h.intern(a)).toBe(a);
    expect(h.observedRefcount(a)).toBe(1879048192);
    expect(h.get(a).interned).toBe(true);
  });

  it('knows no count for an immortal of unknown origin when the two differ, and one when they agree', () => {
    const h = new Heap(config);
    const name = h.preexisting('name:print', () => ({ kind: 'str', value: 'print' }), true, 'unknown');
    expect(h.observedRefcount(name)).toBeNull();
    const h13 = new Heap(nativeConfig('3.13'));
    const name13 = h13.preexisting('name:print', () => ({ kind: 'str', value: 'print' }), true, 'unknown');
    expect(h13.observedRefcount(name13)).toBe(4294967295);
  });
});

describe('objects the program did not make', () => {
  it('a cached small int on 3.11 is mortal but never freed: its count is unknown (get_small_int)', () => {
    const h = heapFor('3.11');
    const five = h.int(5n);
    h.decref(five);
    expect(h.isAlive(five)).toBe(true);
    expect(h.observedRefcount(five)).toBeNull();
    expect(h.int(5n)).toBe(five);
  });

  it('an object with references the model does not follow may or may not be freed at zero', () => {
    const h = heapFor('3.11');
    const C = newClass(h, 'C');
    const payload = (): Payload => ({ kind: 'instance', cls: h.incref(C), dict: null, values: new Map(), slots: new Map() });
    const held = h.object(payload(), h.config.sizes.instance, { refcntKnown: false });
    const addr = h.get(held).address;
    h.decref(held);
    expect(h.isAlive(held)).toBe(true);
    // Its block may be free again: the next block of its size class is not predictable.
    const next = h.object(payload(), h.config.sizes.instance);
    expect(compareAddresses(addr, h.get(next).address).known).toBe(false);
  });
});

describe('tuples longer than any free list (tupledealloc -> PyObject_GC_Del)', () => {
  // Measured on 3.8.18-3.13.0: `del t` of a 25-tuple, then a new 25-tuple: same id() (True).
  it('go back to pymalloc, and the next tuple of that size class reuses the block', () => {
    for (const [minor, config] of Object.entries(NATIVE_CONFIGS)) {
      const h = new Heap(config);
      const make = (): number => h.tuple(Array.from({ length: 25 }, () => h.int(7n)));
      const t = make();
      const addr = h.get(t).address;
      h.decref(t);
      expect(compareAddresses(addr, h.get(make()).address), minor).toEqual({ known: true, equal: true });
    }
  });
});

describe('cyclic gc: what is garbage (Modules/gcmodule.c update_refs, subtract_refs, move_unreachable)', () => {
  it('tracks containers only: an int inside garbage is freed by refcounting, not counted', () => {
    const h = heapFor('3.11');
    const a = h.list([h.int(1000n)]);
    h.payload(a, 'list').items.push(h.incref(a));
    h.decref(a);
    expect(collect(h).unreachableFound).toBe(1);
  });

  it('keeps what a referenced container reaches, however deep', () => {
    const h = heapFor('3.11');
    const inner = h.list([]);
    const middle = h.list([inner]);
    const outer = h.list([middle]);
    h.payload(inner, 'list').items.push(h.incref(outer)); // a cycle the name `outer` keeps alive
    expect(findUnreachable(h)).toEqual([]);
    expect(collect(h).unreachableFound).toBe(0);
    expect(h.isAlive(inner)).toBe(true);
  });

  it('counts an object with references the model does not know as referenced from outside', () => {
    const h = heapFor('3.11');
    const C = h.object({ kind: 'type', name: 'C', attrs: new Map(), slots: null, base: null }, null, { refcntKnown: false });
    const x = newInstance(h, C);
    h.payload(C, 'type').attrs.set('x', h.incref(x));
    h.decref(x);
    h.decref(C);
    expect(findUnreachable(h)).toEqual([]);
  });

  // Measured on 3.8.18-3.13.0 native and Pyodide 3.14.2: `a.self = a; a.w = weakref.ref(a, cb)`,
  // `b.self = b; keep = weakref.ref(b, cb2)`, `del a, b`, `gc.collect()` prints cb2's line only.
  it('drops the callback of a weakref that is garbage itself, and runs the one of a live weakref', () => {
    const h = heapFor('3.12');
    const C = newClass(h, 'C');
    const calls: number[] = [];
    h.weakrefCallbackHook = (cb) => calls.push(cb);
    const a = newInstance(h, C);
    h.payload(a, 'instance').values.set('self', h.incref(a));
    const garbageCb = h.str('callback of a garbage weakref');
    const w = newWeakref(h, a, garbageCb);
    h.payload(a, 'instance').values.set('w', w);
    const b = newInstance(h, C);
    h.payload(b, 'instance').values.set('self', h.incref(b));
    const liveCb = h.str('callback of a live weakref');
    const keep = newWeakref(h, b, liveCb);
    h.decref(a);
    h.decref(b);
    expect(collect(h).unreachableFound).toBe(3);
    expect(calls).toEqual([liveCb]);
    expect(h.observedRefcount(garbageCb)).toBe(1); // only the test's own reference is left
    expect(h.payload(keep, 'weakref').referent).toBeNull();
  });
});

describe('singletons (Objects/object.c _Py_NoneStruct, _Py_EllipsisObject, _Py_NotImplementedStruct; boolobject.c)', () => {
  it('every request gives THE object of its kind', () => {
    const h = heapFor('3.11');
    const kinds = [
      [h.none(), h.none(), 'NoneType'],
      [h.ellipsis(), h.ellipsis(), 'ellipsis'],
      [h.notImplemented(), h.notImplemented(), 'NotImplementedType'],
      [h.bool(true), h.bool(true), 'bool'],
      [h.bool(false), h.bool(false), 'bool'],
    ] as const;
    for (const [first, second, kind] of kinds) {
      expect(second).toBe(first);
      expect(h.get(first).payload.kind).toBe(kind);
    }
    expect(h.bool(true)).not.toBe(h.bool(false));
    expect(h.payload(h.bool(false), 'bool').value).toBe(false);
  });
});

describe('list_resize (Objects/listobject.c)', () => {
  it('replaces the item array, and frees it when the capacity drops to 0', () => {
    const h = heapFor('3.12');
    const l = h.list([], 0);
    expect(h.payload(l, 'list').itemsBlock).toBeNull();
    h.listResize(l, 4);
    const p = h.payload(l, 'list');
    expect(p.capacity).toBe(4);
    expect(p.itemsBlock?.sizeClass).toBe(32); // 4 pointers of 8 bytes
    const block = p.itemsBlock;
    h.listResize(l, 0);
    expect(p.itemsBlock).toBeNull();
    // The old array went back to pymalloc, and the resize was memory traffic the model does not follow.
    expect(block && compareAddresses(block, h.allocator.allocate(32)).known).toBe(false);
  });
});

describe('tp_clear of classes, modules and sets in garbage', () => {
  it.each(['type', 'module', 'set'] as const)('breaks a cycle through a %s', (kind) => {
    const h = heapFor('3.12');
    const holder = h.list([]);
    const container =
      kind === 'set'
        ? h.set('set', [holder])
        : kind === 'type'
          ? h.object({ kind: 'type', name: 'C', attrs: new Map([['x', holder]]), slots: null, base: null })
          : h.object({ kind: 'module', name: 'm', attrs: new Map([['x', holder]]) });
    h.payload(holder, 'list').items.push(h.incref(container));
    h.decref(container);
    expect(collect(h).unreachableFound).toBe(2);
    expect(h.isAlive(container)).toBe(false);
    expect(h.isAlive(holder)).toBe(false);
  });
});

describe('which objects take weak references (tp_weaklistoffset)', () => {
  // Measured on 3.8.18 and 3.13.0: weakref.ref() accepts a function, class, bound method, set,
  // frozenset, code object, module and plain instance, and instances of a subclass (without
  // __slots__) of a slotted class; refuses instances of a class whose __slots__ (and its bases')
  // lack '__weakref__', and int, str, tuple, list, dict, bytes, float.
  function slotted(h: Heap, name: string, slots: string[] | null, base: number | null): number {
    return h.object({ kind: 'type', name, attrs: new Map(), slots, base });
  }

  it('follows the class chain for __slots__', () => {
    const h = heapFor('3.13');
    const S = slotted(h, 'S', ['a'], null);
    const SW = slotted(h, 'SW', ['a', '__weakref__'], null);
    const Sub = slotted(h, 'Sub', null, S);
    const SubS = slotted(h, 'SubS', ['b'], S);
    expect(h.canBeWeaklyReferenced(newInstance(h, newClass(h, 'C')))).toBe(true);
    expect(h.canBeWeaklyReferenced(newInstance(h, S))).toBe(false);
    expect(h.canBeWeaklyReferenced(newInstance(h, SW))).toBe(true);
    expect(h.canBeWeaklyReferenced(newInstance(h, Sub))).toBe(true);
    expect(h.canBeWeaklyReferenced(newInstance(h, SubS))).toBe(false);
  });

  it('accepts functions, classes, methods, sets, code and modules; refuses the builtin value types', () => {
    const h = heapFor('3.13');
    const C = newClass(h, 'C');
    const code = h.object({ kind: 'code', code: null, constants: [] });
    const accepted = [
      h.object({ kind: 'function', name: 'f', code: null, codeObject: h.incref(code), defaults: [] }),
      C,
      h.object({ kind: 'method', self: newInstance(h, C), func: h.incref(C) }),
      h.set('set', []),
      h.set('frozenset', [h.int(1n)]),
      code,
      h.object({ kind: 'module', name: 'sys', attrs: new Map() }),
    ];
    for (const r of accepted) expect(h.canBeWeaklyReferenced(r), h.get(r).payload.kind).toBe(true);
    const refused = [h.int(1000n), h.str('ab'), h.tuple([h.int(1n)]), h.list([]), h.dict([]), h.bytes([1, 2]), h.float(1.5)];
    for (const r of refused) expect(h.canBeWeaklyReferenced(r), h.get(r).payload.kind).toBe(false);
  });
});

describe('subtype_dealloc releases attribute values in order', () => {
  // Measured on 3.8.18-3.13.0: `o.a = float('1.5'); o.b = float('2.5'); del o; x = float('3.5')`:
  // `id(x) == id(b)` True, `id(x) == id(a)` False (a freed first, then b; the float free list is LIFO).
  it.each([
    ['3.10', 'dict'],
    ['3.12', 'values'],
  ] as const)('on %s (attributes in a %s)', (minor, where) => {
    const h = heapFor(minor);
    const o = newInstance(h, newClass(h, 'C'));
    const fa = h.float(1.5);
    const fb = h.float(2.5);
    const [ia, ib] = [h.get(fa).address, h.get(fb).address];
    const p = h.payload(o, 'instance');
    if (where === 'dict') {
      p.dict = h.dict([
        { key: h.str('a'), value: fa },
        { key: h.str('b'), value: fb },
      ]);
    } else {
      p.values.set('a', fa).set('b', fb);
    }
    h.decref(o);
    const x = h.get(h.float(3.5)).address;
    expect(compareAddresses(x, ib)).toEqual({ known: true, equal: true });
    expect(compareAddresses(x, ia)).toEqual({ known: true, equal: false });
  });
});

describe('bookkeeping the evaluator reads', () => {
  it('counts GC-tracked allocations net of frees, never below zero (gc_alloc / PyObject_GC_Del)', () => {
    const h = heapFor('3.12');
    const l = h.list([]);
    h.int(1000n);
    h.float(1.5);
    expect(h.gcAllocationsSinceStart).toBe(1);
    h.gcAllocationsSinceStart = 0; // as after gc.collect()
    h.decref(l);
    expect(h.gcAllocationsSinceStart).toBe(0);
    h.decref(h.list([]));
    expect(h.gcAllocationsSinceStart).toBe(0);
  });

  it('loses the order of the free lists, except those kept', () => {
    const h = heapFor('3.12');
    const f = h.float(1.5);
    const l = h.list([]);
    const [fa, la] = [h.get(f).address, h.get(l).address];
    h.decref(f);
    h.decref(l);
    h.loseFreeListOrder(['float']);
    expect(compareAddresses(fa, h.get(h.float(2.5)).address)).toEqual({ known: true, equal: true });
    expect(compareAddresses(la, h.get(h.list([])).address).known).toBe(false);
    const h2 = heapFor('3.12');
    const l2 = h2.list([]);
    const la2 = h2.get(l2).address;
    h2.decref(l2);
    h2.loseFreeListOrder(['list']);
    expect(compareAddresses(la2, h2.get(h2.list([])).address)).toEqual({ known: true, equal: true });
  });

  it('a WeakSet member that dies leaves the set and frees its weak reference (_weakrefset.py _remove)', () => {
    const h = heapFor('3.12');
    const ws = newWeakSet(h);
    const a = newInstance(h, newClass(h, 'C'));
    weakSetAdd(h, ws, a);
    const w = h.payload(ws, 'WeakSet').members.get(a);
    expect(w).toBeDefined();
    h.decref(a);
    expect(h.payload(ws, 'WeakSet').members.has(a)).toBe(false);
    expect(w !== undefined && h.isAlive(w)).toBe(false);
  });
});

describe('heap bookkeeping pinned by its consequences', () => {
  it('size classes include the GC header: a dict and a 1-tuple take 64 and 48 bytes on 3.12 (getsizeof({}) 64, getsizeof((x,)) 48)', () => {
    const h = heapFor('3.12');
    expect(h.get(h.dict([])).address.sizeClass).toBe(64);
    expect(h.get(h.tuple([h.int(1n)])).address.sizeClass).toBe(48);
    expect(h.get(h.tuple([h.int(1n), h.int(2n), h.int(3n)])).address.sizeClass).toBe(64);
  });

  it('refuses to use a dead object or a payload of another kind (model bugs, not Python errors)', () => {
    const h = heapFor('3.12');
    const l = h.list([]);
    expect(() => h.payload(l, 'dict')).toThrow(/model bug: .* is list, not dict/);
    h.decref(l);
    expect(() => h.get(l)).toThrow(/not alive/);
  });

  it('a fresh string equal to an interned one is not interned: its death leaves the table alone', () => {
    const h = heapFor('3.13');
    const s = h.intern(h.str('a b c'));
    h.decref(h.str('a b c'));
    expect(h.internTable.get('a b c')).toBe(s);
  });

  it('an object that existed before the program is one object, never counted', () => {
    const h = heapFor('3.12');
    const before = h.gcAllocationsSinceStart;
    const make = (): { kind: 'type'; name: string; attrs: Map<string, number>; slots: null; base: null } => ({ kind: 'type', name: 'int', attrs: new Map(), slots: null, base: null });
    const t = h.preexisting('type:int', make, true);
    expect(h.preexisting('type:int', make, true)).toBe(t);
    expect(h.gcAllocationsSinceStart).toBe(before);
    expect(h.get(t).address.sizeClass).toBe('static');
  });

  it('only the empty frozenset is the 3.8/3.9 singleton; sets are new objects with their items', () => {
    const h = heapFor('3.9');
    expect(h.set('set', [])).not.toBe(h.set('set', []));
    const one = (): number => h.set('frozenset', [h.int(1n)]);
    expect(one()).not.toBe(one());
    const empty = h.set('frozenset', []);
    expect(h.get(empty).payload).toEqual({ kind: 'frozenset', items: [] });
    const x = h.int(1000n);
    expect(h.get(h.set('set', [x])).payload).toEqual({ kind: 'set', items: [x] });
    expect(h.payload(h.list([x, x]), 'list').items).toEqual([x, x]);
  });

  it('a weakref that dies first leaves its referent\'s list (weakref_dealloc -> clear_weakref)', () => {
    const h = heapFor('3.12');
    const o = newInstance(h, newClass(h, 'C'));
    const w = newWeakref(h, o, null);
    h.decref(w);
    expect(h.get(o).weakrefs).toEqual([]);
    h.decref(o);
    expect(h.isAlive(o)).toBe(false);
  });

  it('a callback with no Python runner set is dropped quietly', () => {
    const h = heapFor('3.12');
    const o = newInstance(h, newClass(h, 'C'));
    const cb = h.str('cb');
    newWeakref(h, o, cb);
    expect(() => h.decref(o)).not.toThrow();
    expect(h.observedRefcount(cb)).toBe(1);
  });

  it('a dict with items allocates a keys table the model does not follow (>= 100 bytes); an empty one does not', () => {
    for (const items of [0, 1]) {
      const h = heapFor('3.12');
      const block = h.allocator.allocate(120);
      h.allocator.free(block);
      const d = h.dict(items === 0 ? [] : [{ key: h.int(1n), value: h.int(2n) }]);
      expect(compareAddresses(block, h.allocator.allocate(120)).known, `${items} items`).toBe(items === 0);
      h.allocator.free(h.allocator.allocate(120));
      h.decref(d);
      expect(compareAddresses(block, h.allocator.allocate(120)).known, `${items} items, freed`).toBe(items === 0);
    }
  });

  it('interns constants and sys.intern results by their own immortality rule', () => {
    const h = new Heap({ ...nativeConfig('3.13'), immortalRefcount: 4294967295, immortalRuntimeRefcount: 4294967295, internImmortal: { sysIntern: false, constants: true } });
    const constant = h.intern(h.str('const_q00aaaa'), true);
    const interned = h.intern(h.str('sys_q00aaaa'));
    expect(h.get(constant).immortal).toBe(true);
    expect(h.get(interned).immortal).toBe(false);
  });
});
