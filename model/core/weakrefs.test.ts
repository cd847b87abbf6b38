import { describe, expect, it } from 'vitest';
import { compareAddresses } from './address';
import { Heap } from './heap';
import { nativeConfig } from './measured-configs';
import { derefWeakref, newWeakref, newWeakSet, PyTypeError, weakSetAdd, weakSetMembers } from './weakrefs';

function setup(): { h: Heap; o: number } {
  const h = new Heap(nativeConfig('3.12'));
  const C = h.object({ kind: 'type', name: 'C', attrs: new Map(), slots: null, base: null });
  const o = h.object({ kind: 'instance', cls: h.incref(C), dict: null, values: new Map(), slots: new Map() }, h.config.sizes.instance);
  return { h, o };
}

// Measured on 3.8.18, 3.10.13, 3.12.1 and 3.13.0 (one program): `weakref.ref(o, cb)` adds 1 to
// `sys.getrefcount(cb)`; `w() is o` True; `s.add(o)` twice: `len(s)` 1 and
// `weakref.getweakrefcount(o)` 2 (w and the set's one); `s.add(5)` raises
// `TypeError: cannot create weak reference to 'int' object`.
describe('weakref.ref and WeakSet (Objects/weakrefobject.c, Lib/_weakrefset.py)', () => {
  it('a weakref holds its callback', () => {
    const { h, o } = setup();
    const cb = h.str('the callback');
    newWeakref(h, o, cb);
    expect(h.observedRefcount(cb)).toBe(2);
  });

  it('calling a weakref gives the referent while it lives, then None', () => {
    const { h, o } = setup();
    const w = newWeakref(h, o, null);
    expect(derefWeakref(h, w)).toBe(o);
    h.decref(o);
    h.decref(o);
    expect(h.get(derefWeakref(h, w)).payload.kind).toBe('NoneType');
  });

  it('WeakSet.add of a member already there adds nothing', () => {
    const { h, o } = setup();
    const s = newWeakSet(h);
    newWeakref(h, o, h.str('cb'));
    weakSetAdd(h, s, o);
    weakSetAdd(h, s, o);
    expect(weakSetMembers(h, s)).toEqual([o]);
    expect(h.get(o).weakrefs).toHaveLength(2);
  });

  it('WeakSet.add refuses what takes no weak reference, with CPython\'s message', () => {
    const { h } = setup();
    const s = newWeakSet(h);
    expect(() => weakSetAdd(h, s, h.int(5n))).toThrow(new PyTypeError("cannot create weak reference to 'int' object"));
  });

  it('a WeakSet and its add allocate Python-level objects the model does not follow', () => {
    for (const step of ['new', 'add'] as const) {
      const { h, o } = setup();
      const s = step === 'add' ? newWeakSet(h) : null;
      const i = h.int(1000n);
      const addr = h.get(i).address;
      h.decref(i);
      if (s === null) newWeakSet(h);
      else weakSetAdd(h, s, o);
      expect(compareAddresses(addr, h.get(h.int(1001n)).address).known, step).toBe(false);
    }
  });

  // Measured on 3.8.18 and 3.13.0: weakref.ref() of an instance of `class S: __slots__ = ('a',)`
  // raises `TypeError: cannot create weak reference to 'S' object`.
  it('names the class of an instance that takes no weak reference, and "type" for a class', () => {
    const { h } = setup();
    const S = h.object({ kind: 'type', name: 'S', attrs: new Map(), slots: ['a'], base: null });
    const s = h.object({ kind: 'instance', cls: h.incref(S), dict: null, values: new Map(), slots: new Map() }, 24);
    expect(() => newWeakref(h, s, null)).toThrow(new PyTypeError("cannot create weak reference to 'S' object"));
  });

  it('the basic ref is never one with a callback nor a WeakSet\'s (get_basic_refs)', () => {
    const { h, o } = setup();
    const s = newWeakSet(h);
    weakSetAdd(h, s, o);
    const withCallback = newWeakref(h, o, h.str('cb'));
    const basic = newWeakref(h, o, null);
    expect(basic).not.toBe(withCallback);
    expect(basic).not.toBe(h.payload(s, 'WeakSet').members.get(o));
    expect(newWeakref(h, o, null)).toBe(basic);
  });
});
