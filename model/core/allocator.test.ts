import { describe, expect, it } from 'vitest';
import { compareAddresses } from './address';
import { Allocator } from './allocator';
import { CandidateBuilder } from './block-sets';
import { nativeConfig } from './measured-configs';

const config = nativeConfig('3.12');

describe('Allocator (Objects/obmalloc.c pymalloc)', () => {
  it('rounds requests up to ALIGNMENT (16 on x86_64)', () => {
    const a = new Allocator(config);
    expect(a.sizeClassOf(1)).toBe(16);
    expect(a.sizeClassOf(28)).toBe(32);
    expect(a.sizeClassOf(32)).toBe(32);
    expect(a.sizeClassOf(33)).toBe(48);
    expect(a.sizeClassOf(512)).toBe(512);
    expect(a.sizeClassOf(513)).toBe('large');
  });

  it('uses 8-byte classes when ALIGNMENT is 8 (32-bit builds)', () => {
    const a = new Allocator({ ...config, pointerSize: 4, alignment: 8 });
    expect(a.sizeClassOf(20)).toBe(24);
    expect(a.sizeClassOf(28)).toBe(32);
  });

  it('reallocates as pymalloc_realloc: in place while the class fits by more than 3/4, else moved and the old block freed', () => {
    const a = new Allocator(config);
    const items = a.allocate(32);
    expect(a.reallocate(items, 32)).toBe(items); // same size
    expect(a.reallocate(items, 25)).toBe(items); // 4 * 25 > 3 * 32: stays
    const grown = a.reallocate(items, 64);
    expect(grown.sizeClass).toBe(64);
    // The old block went back to its class: the next request of that class gets it.
    expect(compareAddresses(a.allocate(32), items)).toEqual({ known: true, equal: true });
    expect(a.reallocate(grown, 600).sizeClass).toBe('large');
    const b = new Allocator(config);
    const wide = b.allocate(32);
    const shrunk = b.reallocate(wide, 24); // 4 * 24 = 3 * 32: copied into a new block (of the same class)
    expect(compareAddresses(shrunk, wide)).toEqual({ known: true, equal: false });
    expect(compareAddresses(b.allocate(32), wide)).toEqual({ known: true, equal: true });
  });

  it('does not follow reallocation where pymalloc is not modelled', () => {
    const a = new Allocator({ ...config, allocatorModelled: false });
    const items = a.allocate(32);
    expect(a.reallocate(items, 32)).not.toBe(items);
  });

  it('hands back the one freed block of the class (pool freeblock)', () => {
    const a = new Allocator(config);
    const x = a.allocate(28);
    a.free(x);
    const y = a.allocate(28);
    expect(compareAddresses(x, y)).toEqual({ known: true, equal: true });
    expect(compareAddresses(x, a.allocate(28))).toEqual({ known: true, equal: false });
  });

  it('is not sure which of two freed blocks comes next (they may sit in two pools)', () => {
    const a = new Allocator(config);
    const x = a.allocate(28);
    const y = a.allocate(28);
    a.free(x);
    a.free(y);
    const z = a.allocate(28);
    expect(compareAddresses(x, z).known).toBe(false);
    const c = compareAddresses(y, z);
    expect(c.known === false && c.reason).toBe('which free block of size class 32 comes next depends on allocator state the model does not know');
    // A block freed afterwards, alone on top, is certain again... unless lost blocks remain.
    expect(new Set(z.candidates)).toEqual(new Set([x.value, y.value]));
  });

  it('does not hand a freed block to another size class', () => {
    const a = new Allocator(config);
    const x = a.allocate(28);
    a.free(x);
    expect(a.allocate(40).value).not.toBe(x.value);
    expect(a.allocate(20).value).toBe(x.value);
  });

  it('refuses to compare a large block with a freed large block (system malloc)', () => {
    const a = new Allocator(config);
    const x = a.allocate(600);
    a.free(x);
    const y = a.allocate(600);
    expect(compareAddresses(x, y).known).toBe(false);
  });

  it('loses a class after an allocation it does not follow, and refuses instead of guessing', () => {
    const a = new Allocator(config);
    const x = a.allocate(28);
    a.free(x);
    a.untracked(24);
    const y = a.allocate(28);
    expect(compareAddresses(x, y).known).toBe(false);
    // Classes without freed blocks are not affected.
    const b = new Allocator(config);
    const p = b.allocate(28);
    b.untracked('unknown');
    b.free(p);
    expect(b.allocate(28).value).toBe(p.value);
  });

  it('refuses large blocks because of the system malloc, and says so', () => {
    const a = new Allocator(config);
    const x = a.allocate(600);
    a.free(x);
    const c = compareAddresses(x, a.allocate(600));
    expect(c.known === false && c.reason).toMatch(/system malloc/);
  });

  it('guesses the most recently freed block when several may come next', () => {
    const a = new Allocator(config);
    const [x, y, z] = [a.allocate(28), a.allocate(28), a.allocate(28)];
    a.free(x);
    a.free(y);
    a.free(z);
    const next = a.allocate(28);
    expect(next.value).toBe(z.value);
    expect(compareAddresses(z, next).known).toBe(false);
  });

  it('follows nothing on a target whose allocator was not measured', () => {
    const a = new Allocator({ ...config, allocatorModelled: false });
    const x = a.allocate(28);
    a.free(x);
    expect(compareAddresses(x, a.allocate(28)).known).toBe(false);
  });

  it('lets a freed block of unknown size be any later block, of any class', () => {
    const a = new Allocator(config);
    const u = a.allocateUnknownSize();
    a.free(u);
    const fresh = a.allocate(28);
    const c = compareAddresses(u, fresh);
    expect(c.known === false && c.reason).toMatch(/does not know the size/);
    // ...even when the class has exactly one freed block of its own.
    const b = new Allocator(config);
    const x = b.allocate(28);
    const v = b.allocateUnknownSize();
    b.free(v);
    b.free(x);
    const next = b.allocate(28);
    expect(compareAddresses(x, next).known).toBe(false);
    expect(compareAddresses(v, next).known).toBe(false);
  });

  it('an allocation of unknown size may take a freed block of any class', () => {
    const a = new Allocator(config);
    const x = a.allocate(28);
    a.free(x);
    const u = a.allocateUnknownSize();
    expect(compareAddresses(x, u).known).toBe(false);
    expect(compareAddresses(x, a.allocate(28)).known).toBe(false);
  });

  it('never frees a static object', () => {
    const a = new Allocator(config);
    expect(() => a.free(a.staticAddress())).toThrow(/static/);
  });

  it('frees every block an uncertain address may stand for', () => {
    const a = new Allocator(config);
    const x = a.allocate(28);
    const y = a.allocate(28);
    const either = { value: x.value, sizeClass: x.sizeClass, candidates: new CandidateBuilder().block(x.value).block(y.value).build() };
    a.free(either);
    const next = a.allocate(28);
    expect(compareAddresses(x, next).known).toBe(false);
    expect(compareAddresses(y, next).known).toBe(false);
  });

  it('untracked memory of unknown size loses every class with freed blocks', () => {
    const a = new Allocator(config);
    const x = a.allocate(28);
    a.free(x);
    a.untracked('unknown');
    expect(compareAddresses(x, a.allocate(28)).known).toBe(false);
  });

  it('untracked memory of at least n bytes loses only the classes of n bytes and more', () => {
    const a = new Allocator(config);
    const small = a.allocate(28);
    const big = a.allocate(200);
    a.free(small);
    a.free(big);
    a.untrackedAtLeast(600); // system malloc: no pymalloc class touched
    a.untrackedAtLeast(100);
    expect(compareAddresses(small, a.allocate(28))).toEqual({ known: true, equal: true });
    expect(compareAddresses(big, a.allocate(200)).known).toBe(false);
    const b = new Allocator(config);
    const exact = b.allocate(200);
    b.free(exact);
    b.untrackedAtLeast(208); // the class itself is lost
    expect(compareAddresses(exact, b.allocate(200)).known).toBe(false);
  });

  it('a block that may have been freed (freeMaybe) is a candidate of its class only', () => {
    for (const bytes of [28, 600]) {
      const a = new Allocator(config);
      const x = a.allocate(bytes);
      a.freeMaybe(x);
      expect(compareAddresses(x, a.allocate(bytes)).known, `${bytes} bytes`).toBe(false);
    }
    const a = new Allocator(config);
    const u = a.allocateUnknownSize();
    a.freeMaybe(u);
    expect(compareAddresses(u, a.allocate(28)).known).toBe(false);
    const b = new Allocator(config);
    const x = b.allocate(28);
    b.freeMaybe(x);
    expect(compareAddresses(x, b.allocate(200))).toEqual({ known: true, equal: false });
  });
});
