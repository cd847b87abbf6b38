import { describe, expect, it } from 'vitest';
import { deallocOrder, Heap } from './heap';
import { nativeConfig } from './measured-configs';
import { GC_KINDS, isGcTracked, TYPE_NAMES, type Payload } from './objects';
import { strongReferents } from './objects';

describe('strongReferents (tp_traverse of each type)', () => {
  const h = new Heap(nativeConfig('3.13'));
  const [a, b, c] = [h.float(1.5), h.float(2.5), h.float(3.5)];

  it('a bound method: the function, then self (measured with gc.get_referents on 3.8.18 and 3.13.0)', () => {
    const p = { kind: 'method', self: a, func: b } as const;
    expect(strongReferents(p)).toEqual([b, a]);
    // method_dealloc: Py_DECREF(im_func), then Py_XDECREF(im_self).
    expect(deallocOrder(p)).toEqual([b, a]);
  });

  it('a function: its code object, then its defaults (measured: code first, defaults tuple among the rest)', () => {
    expect(strongReferents({ kind: 'function', name: 'f', code: null, codeObject: a, defaults: [b, c] })).toEqual([a, b, c]);
  });

  it('a weakref: its callback only, never the referent (measured: [function], and [] without a callback)', () => {
    expect(strongReferents({ kind: 'weakref', referent: a, callback: b, weakSet: null })).toEqual([b]);
    expect(strongReferents({ kind: 'weakref', referent: a, callback: null, weakSet: null })).toEqual([]);
  });

  it('a builtin method: its self when bound (measured: gc.get_referents(c.__dir__) is [C])', () => {
    expect(strongReferents({ kind: 'builtin', name: '__dir__', self: a })).toEqual([a]);
    expect(strongReferents({ kind: 'builtin', name: 'len', self: null })).toEqual([]);
  });

  it('a class: its namespace and its base; a code object: its constants; a WeakSet: its weak references', () => {
    expect(strongReferents({ kind: 'type', name: 'C', attrs: new Map([['x', a]]), slots: null, base: b })).toEqual([a, b]);
    expect(strongReferents({ kind: 'type', name: 'C', attrs: new Map(), slots: null, base: null })).toEqual([]);
    expect(strongReferents({ kind: 'code', code: null, constants: [a, c] })).toEqual([a, c]);
    expect(strongReferents({ kind: 'WeakSet', members: new Map([[a, c]]) })).toEqual([c]);
  });
});

describe('isGcTracked', () => {
  it('is GC_KINDS for every kind but iterators, which say it themselves', () => {
    const kinds = [...Object.keys(TYPE_NAMES), 'instance', 'type'] as Payload['kind'][];
    for (const kind of kinds) {
      if (kind === 'iterator') continue;
      expect(isGcTracked({ kind } as Payload), kind).toBe(GC_KINDS.has(kind));
    }
    const iterator = (gc: boolean): Payload => ({ kind: 'iterator', type: 'list_iterator', bytes: null, gc, held: [], state: null });
    expect(isGcTracked(iterator(true))).toBe(true);
    expect(isGcTracked(iterator(false))).toBe(false);
  });
});
