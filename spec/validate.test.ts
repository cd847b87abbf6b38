import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { validateCatalogue, validateSpecEntry, SpecValidationError } from './validate';

const validEntry = {
  id: 'int-cache.bounds',
  family: 'int-cache',
  title: 'Small ints are cached',
  statement: 'Two equal ints computed independently are the same object exactly when they lie in the cached range.',
  guarantee: 'cpython',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [{ file: 'Objects/longobject.c', symbol: '_PY_NSMALLPOSINTS', tag: 'v3.12.7' }],
  examples: [{ title: 'at the bound', source: 'a = 256\nprint(a is int("256"))\n' }],
};

const requiredFields = Object.keys(validEntry) as (keyof typeof validEntry)[];

describe('spec entry validation', () => {
  test('accepts a well-formed entry', () => {
    expect(validateSpecEntry('spec/int-cache/bounds.ts', validEntry).id).toBe('int-cache.bounds');
  });

  test.prop([fc.constantFrom(...requiredFields)])('a missing field is named with the file and the id', (field) => {
    const broken: Record<string, unknown> = { ...validEntry };
    delete broken[field];
    let error: unknown;
    try {
      validateSpecEntry('spec/x.ts', broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecValidationError);
    const err = error as SpecValidationError;
    expect(err.file).toBe('spec/x.ts');
    expect(err.field).toBe(field);
    expect(err.entryId).toBe(field === 'id' ? null : 'int-cache.bounds');
    expect(err.message).toContain(`field ${field}`);
  });

  test.prop([fc.string().filter((v) => !/^3\.\d{1,2}(\.\d{1,2})?$/.test(v))])('a version that is not 3.X[.Y] is rejected at its path', (since) => {
    const broken = { ...validEntry, holds: [{ ...validEntry.holds[0], since }] };
    expect(() => validateSpecEntry('spec/x.ts', broken)).toThrow(/field holds\.0\.since/);
  });

  test('regimes must split where the entry holds, one regime per version', () => {
    const withRegimes = {
      ...validEntry,
      regimes: [
        { id: 'mortal', description: 'strings are evicted', ranges: [{ since: '3.8', until: '3.12', platforms: ['x86_64', 'wasm32'] }] },
        { id: 'immortal', description: 'strings stay forever', ranges: [{ since: '3.12', until: null, platforms: ['x86_64', 'wasm32'] }] },
      ],
    };
    expect(validateSpecEntry('spec/x.ts', withRegimes).regimes).toHaveLength(2);
    const gap = { ...withRegimes, regimes: [withRegimes.regimes[0], { ...withRegimes.regimes[1], ranges: [{ since: '3.13', until: null, platforms: ['x86_64', 'wasm32'] }] }] };
    expect(() => validateSpecEntry('spec/x.ts', gap)).toThrow('spec/x.ts: spec entry int-cache.bounds: field regimes: at 3.12 on x86_64 0 regimes apply (none)');
    const overlap = { ...withRegimes, regimes: [withRegimes.regimes[0], { ...withRegimes.regimes[1], ranges: [{ since: '3.11', until: null, platforms: ['x86_64', 'wasm32'] }] }] };
    expect(() => validateSpecEntry('spec/x.ts', overlap)).toThrow(/at 3\.11 on x86_64 2 regimes apply \(mortal, immortal\)/);
  });

  test('duplicate ids across files name both files', () => {
    expect(() =>
      validateCatalogue([
        { file: 'spec/a.ts', raw: validEntry },
        { file: 'spec/b.ts', raw: validEntry },
      ]),
    ).toThrow('spec/b.ts: spec entry int-cache.bounds: field id: duplicate id, already used in spec/a.ts');
  });

  test('per-implementation expectations: a cpython entry says what PyPy does instead', () => {
    const differs = { ...validEntry, implementations: { pypy: { status: 'differs', behaviour: 'PyPy compares ints by value: equal ints are always identical.' } } };
    expect(validateSpecEntry('spec/x.ts', differs).implementations?.pypy?.status).toBe('differs');
    expect(() => validateSpecEntry('spec/x.ts', { ...differs, implementations: { pypy: { status: 'differs' } } })).toThrow(
      /^spec\/x\.ts: spec entry int-cache\.bounds: field implementations\.pypy\.behaviour: /,
    );
    expect(() => validateSpecEntry('spec/x.ts', { ...validEntry, implementations: { pypy: { status: 'maybe' } } })).toThrow(/field implementations\.pypy\.status: /);
    expect(() => validateSpecEntry('spec/x.ts', { ...validEntry, implementations: { jython: { status: 'holds' } } })).toThrow(/field implementations: .*jython/);
  });

  test('a language guarantee cannot differ on PyPy: file, id and field are named', () => {
    const wrong = { ...validEntry, guarantee: 'language', implementations: { pypy: { status: 'differs', behaviour: 'PyPy compares ints by value: equal ints are always identical.' } } };
    expect(() => validateSpecEntry('spec/int-cache/bounds.ts', wrong)).toThrow(
      "spec/int-cache/bounds.ts: spec entry int-cache.bounds: field implementations.pypy.status: a language guarantee must hold on every implementation: pypy cannot be 'differs'",
    );
    expect(validateSpecEntry('spec/x.ts', { ...wrong, implementations: { pypy: { status: 'holds' } } }).guarantee).toBe('language');
  });
});
