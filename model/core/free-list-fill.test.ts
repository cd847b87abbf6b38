/**
 * The free-list and allocator rules added for builds whose lists may be full at the start and
 * whose allocator is malloc (Pyodide): the fill bound, the pushed Address handed back, and
 * "a freed block may be any later block" when pymalloc is not modelled.
 */
import { describe, expect, it } from 'vitest';
import { compareAddresses } from './address';
import { Allocator } from './allocator';
import type { CoreConfig } from './config';
import { FreeList } from './free-lists';
import { nativeConfig } from './measured-configs';

const pymalloc = nativeConfig('3.12');
const malloc: CoreConfig = { ...pymalloc, allocatorModelled: false };

function list(config: CoreConfig, capacity: number, startupMax: number): { fl: FreeList; allocator: Allocator } {
  const allocator = new Allocator(config);
  return { fl: new FreeList('list', { capacity, startupMax }, 56, allocator), allocator };
}

describe('free list fill bound (startupMax, +1 per push, -1 per pop)', () => {
  it('a list that may be full at the start cannot promise the next object the freed block', () => {
    const { fl, allocator } = list(pymalloc, 3, 3);
    const dead = fl.allocate();
    const extra = allocator.allocate(56); // an object of the type the list never gave out
    fl.free(dead);
    fl.free(extra); // one pop, two pushes: the second push may find the list full
    const next = fl.allocate();
    expect(compareAddresses(next, extra).known).toBe(false);
  });

  it('after a pop there is room for one push, which the next pop hands back', () => {
    const { fl } = list(pymalloc, 3, 3);
    const dead = fl.allocate();
    fl.free(dead);
    expect(compareAddresses(fl.allocate(), dead)).toEqual({ known: true, equal: true });
  });

  it('with room from the start, pushes are kept in LIFO order', () => {
    const { fl } = list(pymalloc, 80, 45);
    const a = fl.allocate();
    const b = fl.allocate();
    fl.free(a);
    fl.free(b);
    expect(compareAddresses(fl.allocate(), b)).toEqual({ known: true, equal: true });
    expect(compareAddresses(fl.allocate(), a)).toEqual({ known: true, equal: true });
  });
});

describe('a free list hands back the Address that was pushed', () => {
  it('even when the model does not know which block it is (malloc build)', () => {
    const { fl, allocator } = list(malloc, 80, 100);
    allocator.free(allocator.allocate(100)); // some block freed to malloc: later blocks are uncertain
    const dead = fl.allocate();
    expect(dead.candidates.isSingle).toBe(false);
    fl.free(dead);
    const next = fl.allocate();
    expect(next).toBe(dead);
    expect(compareAddresses(next, dead)).toEqual({ known: true, equal: true });
  });
});

describe('allocator without pymalloc (malloc coalesces and splits blocks)', () => {
  it('a freed block may come back for a request of another size', () => {
    const a = new Allocator(malloc);
    const small = a.allocate(24);
    a.free(small);
    const bigger = a.allocate(200);
    expect(bigger.candidates.has(small.value)).toBe(true);
    expect(compareAddresses(small, bigger).known).toBe(false);
  });

  it('pymalloc keeps size classes apart', () => {
    const a = new Allocator(pymalloc);
    const small = a.allocate(24);
    a.free(small);
    expect(compareAddresses(small, a.allocate(200))).toEqual({ known: true, equal: false });
  });
});
