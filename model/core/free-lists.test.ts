import { describe, expect, it } from 'vitest';
import { compareAddresses } from './address';
import { Allocator } from './allocator';
import { CandidateBuilder } from './block-sets';
import { FreeList } from './free-lists';
import { nativeConfig } from './measured-configs';

const config = nativeConfig('3.12');
/** A float-sized free list (24 bytes: the 32-byte class) that holds 3 objects, 1 of them maybe there at startup. */
function floatList(capacity = 3, startupMax = 1): { allocator: Allocator; list: FreeList } {
  const allocator = new Allocator(config);
  return { allocator, list: new FreeList('float', { capacity, startupMax }, 24, allocator) };
}

describe('FreeList (per-type LIFO free lists: floatobject.c, listobject.c, dictobject.c, tupleobject.c)', () => {
  it('hands back the most recently freed object first', () => {
    const { list } = floatList(10, 1);
    const a = list.allocate();
    const b = list.allocate();
    list.free(a);
    list.free(b);
    expect(compareAddresses(b, list.allocate())).toEqual({ known: true, equal: true });
    expect(compareAddresses(a, list.allocate())).toEqual({ known: true, equal: true });
  });

  it('keeps freed objects out of pymalloc while the list cannot be full', () => {
    const { allocator, list } = floatList(10, 1);
    const a = list.allocate();
    list.free(a);
    // Another type of the same size class does not get the block.
    expect(compareAddresses(a, allocator.allocate(24))).toEqual({ known: true, equal: false });
  });

  it('a type without a free list (capacity 0) goes straight to pymalloc, which is LIFO too', () => {
    const { allocator, list } = floatList(0, 0);
    const a = list.allocate();
    list.free(a);
    expect(compareAddresses(a, allocator.allocate(24))).toEqual({ known: true, equal: true });
    const b = list.allocate();
    list.free(b);
    expect(compareAddresses(b, list.allocate())).toEqual({ known: true, equal: true });
  });

  it('predicts until the list may be full (its fill bound reaches capacity), then refuses', () => {
    const { allocator, list } = floatList(3, 1);
    // Four objects: the first takes the one entry the list may hold at startup.
    const [a, b, c, d] = [list.allocate(), list.allocate(), list.allocate(), list.allocate()];
    list.free(a);
    list.free(b);
    expect(compareAddresses(b, list.allocate())).toEqual({ known: true, equal: true });
    list.free(b);
    list.free(c); // 3 entries at most: the list may now be full
    list.free(d); // so d may have gone to pymalloc
    const next = list.allocate();
    expect(compareAddresses(d, next).known).toBe(false);
    expect(compareAddresses(a, next).known).toBe(false);
    expect(compareAddresses(d, allocator.allocate(24)).known).toBe(false);
  });

  it('counts entries whose order was lost towards a full list', () => {
    const { list } = floatList(3, 1);
    const [a, b, c, d] = [list.allocate(), list.allocate(), list.allocate(), list.allocate()];
    list.free(a);
    list.free(b);
    list.lose();
    list.free(c);
    expect(compareAddresses(c, list.allocate())).toEqual({ known: true, equal: true }); // on top, room left
    list.free(c);
    list.free(d); // a, b (order lost) and c fill it
    expect(compareAddresses(d, list.allocate()).known).toBe(false);
  });

  it('an object whose block is uncertain puts all its candidates on the list', () => {
    const { list } = floatList(10, 1);
    const a = list.allocate();
    const b = list.allocate();
    list.free({ value: a.value, sizeClass: a.sizeClass, candidates: new CandidateBuilder().block(a.value).block(b.value).build() });
    const next = list.allocate();
    expect(compareAddresses(a, next).known).toBe(false);
    expect(compareAddresses(b, next).known).toBe(false);
  });
});
