import { describe, expect, it } from 'vitest';
import { compareAddresses } from './address';
import { Allocator } from './allocator';
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
    expect(compareAddresses(y, z).known).toBe(false);
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
});
