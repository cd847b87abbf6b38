import { describe, expect, it } from 'vitest';
import { collect } from './gc';
import { GcTimingUnknown } from './gc-timing';
import { Heap } from './heap';
import { nativeConfig } from './measured-configs';
import type { Ref } from './objects';

/** A list that contains itself, referenced only by the caller: `a = []; a.append(a)`. */
function selfCycle(heap: Heap): Ref {
  const a = heap.list([]);
  heap.payload(a, 'list').items.push(heap.incref(a));
  return a;
}

describe('CollectionTiming (when an automatic collection may have run)', () => {
  it('refuses when garbage existed at the start of a risky statement', () => {
    const h = new Heap(nativeConfig('3.12'));
    h.decref(selfCycle(h)); // `del a`: cyclic garbage
    h.collectionTiming.riskyStatement();
    expect(() => h.collectionTiming.settle()).toThrow(GcTimingUnknown);
  });

  it('does not refuse garbage that formed after the latest risky statement started', () => {
    const h = new Heap(nativeConfig('3.12'));
    const a = selfCycle(h);
    h.collectionTiming.riskyStatement();
    h.decref(a); // the garbage forms during that statement
    expect(() => h.collectionTiming.settle()).not.toThrow();
    // ...and is refused once a later risky statement starts with it still there.
    h.collectionTiming.riskyStatement();
    expect(() => h.collectionTiming.settle()).toThrow(GcTimingUnknown);
  });

  it('dates a piece of garbage by the latest decref of any object that reaches it', () => {
    const h = new Heap(nativeConfig('3.12'));
    // holder -> [x], x -> holder: dropping x first leaves the cycle alive through `holder`.
    const x = selfCycle(h);
    const holder = h.list([h.incref(x)]);
    h.payload(x, 'list').items.push(h.incref(holder));
    h.decref(x); // not garbage yet: `holder` is still referenced
    h.collectionTiming.riskyStatement();
    h.decref(holder); // now both are garbage, formed after the risky start
    expect(() => h.collectionTiming.settle()).not.toThrow();
  });

  it('does nothing without garbage, and gc.collect() settles before freeing', () => {
    const h = new Heap(nativeConfig('3.12'));
    h.list([]);
    h.collectionTiming.riskyStatement();
    expect(() => h.collectionTiming.settle()).not.toThrow();
    h.decref(selfCycle(h));
    h.collectionTiming.riskyStatement();
    expect(() => collect(h)).toThrow(GcTimingUnknown);
  });
});
