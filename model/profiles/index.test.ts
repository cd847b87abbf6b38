import { describe, expect, it } from 'vitest';
import { UnknownTargetError } from '../errors';
import { FACT_NAMES, listKnownTargets, profileFacts, resolveProfile } from './index';

function resolveError(target: string): UnknownTargetError {
  try {
    resolveProfile(target);
  } catch (error) {
    if (error instanceof UnknownTargetError) return error;
    throw error;
  }
  throw new Error(`'${target}' resolved but should not`);
}

describe('resolveProfile', () => {
  it('accepts the name with or without the model: prefix', () => {
    const full = resolveProfile('model:3.12.7-wasm32');
    expect(resolveProfile('3.12.7-wasm32')).toEqual(full);
    expect(full.target).toBe('model:3.12.7-wasm32');
    expect(full.version).toEqual([3, 12, 7]);
    expect(full.platform).toBe('wasm32');
    expect(full.pointerBytes).toBe(4);
    expect(resolveProfile('model:3.13.0-x86_64').pointerBytes).toBe(8);
  });

  it.each([
    ['model:3.7.17-x86_64', /no CPython 3\.7\.17 profile for x86_64/],
    ['model:3.8.21-x86_64', /no CPython 3\.8\.21 profile/],
    ['model:3.15.0-x86_64', /no CPython 3\.15\.0 profile/],
    ['model:3.10.4-wasm32', /no CPython 3\.10\.4 profile for wasm32/],
    ['model:3.12.7-arm64', /no platform 'arm64' \(known: x86_64, wasm32\)/],
    ['model:3.12-wasm32', /expected model:<major>\.<minor>\.<patch>-<platform>/],
    ['python3.12', /expected model:/],
    ['', /expected model:/],
  ])('refuses %j and lists the known targets', (target, reason) => {
    const error = resolveError(target);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('x86_64: 3.8.0-3.8.20, 3.9.0-3.9.25');
    expect(error.message).toMatch(/wasm32: 3\.11\.0-3\.11\.\d+, 3\.12\.0-3\.12\.\d+, 3\.13\.0-3\.13\.\d+, 3\.14\.0-3\.14\.\d+/);
    expect(error.exitCode).toBe(2);
  });

  // Both sides of each change. Values are the measured ones (see facts.ts) or, for patch
  // releases not installed here, the release named by CPython's Misc/NEWS.d.
  it('PEP 683 immortal objects start at 3.12.0', () => {
    expect(resolveProfile('3.11.17-x86_64').immortalObjects).toBe(false);
    expect(resolveProfile('3.11.17-x86_64').immortalStaticRefcount).toBeNull();
    expect(resolveProfile('3.12.0-x86_64').immortalObjects).toBe(true);
    expect(resolveProfile('3.12.0-x86_64').immortalStaticRefcount).toBe(2 ** 32 - 1);
    expect(resolveProfile('3.12.0-wasm32').immortalStaticRefcount).toBe(2 ** 30 - 1);
  });

  it('sys.intern results become mortal again at 3.12.7 (gh-113993)', () => {
    expect(resolveProfile('3.11.17-wasm32').sysInternImmortal).toBe(false);
    expect(resolveProfile('3.12.0-wasm32').sysInternImmortal).toBe(true);
    expect(resolveProfile('3.12.6-wasm32').sysInternImmortal).toBe(true);
    expect(resolveProfile('3.12.7-wasm32').sysInternImmortal).toBe(false);
    expect(resolveProfile('3.12.7-x86_64').constantStringsImmortal).toBe(false);
    expect(resolveProfile('3.12.7-x86_64').codeNamesImmortal).toBe(true);
  });

  it('3.14 reports other immortal counts and borrows fast locals', () => {
    const before = resolveProfile('3.13.16-wasm32');
    const after = resolveProfile('3.14.0-wasm32');
    expect(before.getrefcountBorrowsFastLocals).toBe(false);
    expect(after.getrefcountBorrowsFastLocals).toBe(true);
    expect(before.immortalStaticRefcount).toBe(before.immortalRuntimeRefcount);
    expect(after.immortalStaticRefcount).toBe(7 * 2 ** 28);
    expect(after.immortalRuntimeRefcount).toBe(5 * 2 ** 28);
  });

  it('the empty frozenset singleton is gone from 3.10.0', () => {
    expect(resolveProfile('3.9.25-x86_64').emptyFrozensetSingleton).toBe(true);
    expect(resolveProfile('3.10.0-x86_64').emptyFrozensetSingleton).toBe(false);
  });

  it('callers stop holding argument references at 3.11.0', () => {
    expect(resolveProfile('3.10.22-x86_64').callerHoldsArgumentReference).toBe(true);
    expect(resolveProfile('3.11.0-x86_64').callerHoldsArgumentReference).toBe(false);
  });

  it('list over-allocation changes at 3.9.0 and literal allocation at 3.9.0 and 3.10.0', () => {
    expect(resolveProfile('3.8.20-x86_64').listGrowth).toBe('py38');
    expect(resolveProfile('3.9.0-x86_64').listGrowth).toBe('py39');
    expect(resolveProfile('3.8.20-x86_64').listLiteralOfConstants).toBe('exact');
    expect(resolveProfile('3.9.25-x86_64').listLiteralOfConstants).toBe('resize');
    expect(resolveProfile('3.10.0-x86_64').listLiteralOfConstants).toBe('even');
  });

  it('1-character literals are the latin-1 singletons except in 3.11.0 .. 3.12.6', () => {
    expect(resolveProfile('3.10.22-x86_64').oneCharLiteralNotSingleton).toBe('');
    expect(resolveProfile('3.11.0-x86_64').oneCharLiteralNotSingleton).toContain('a');
    expect(resolveProfile('3.12.6-x86_64').oneCharLiteralNotSingleton).toContain('_');
    expect(resolveProfile('3.12.7-x86_64').oneCharLiteralNotSingleton).toBe('');
  });

  it('sizes follow the pointer width', () => {
    expect(resolveProfile('3.13.0-x86_64').sizeofObject).toBe(2 * resolveProfile('3.13.0-wasm32').sizeofObject);
    expect(resolveProfile('3.13.0-x86_64').sizeofList.perSlot).toBe(8);
    expect(resolveProfile('3.13.0-wasm32').sizeofList.perSlot).toBe(4);
  });
});

describe('profileFacts', () => {
  it('returns the one applying row per fact', () => {
    const profile = resolveProfile('3.12.1-x86_64');
    const rows = profileFacts(profile);
    expect(rows.map((row) => row.fact)).toEqual(FACT_NAMES);
    const intern = rows.find((row) => row.fact === 'sysInternImmortal');
    expect(intern?.since).toBe('3.12.0');
    expect(intern?.until).toBe('3.12.7');
    expect(intern?.measured).toContain('pyenv 3.12.1 (x86_64)');
    for (const row of rows) expect(row.value).toEqual(profile[row.fact]);
  });
});

describe('listKnownTargets', () => {
  it('lists canonical names that all resolve to themselves', () => {
    const targets = listKnownTargets();
    expect(targets).toContain('model:3.8.0-x86_64');
    expect(targets).toContain('model:3.14.0-wasm32');
    expect(targets).not.toContain('model:3.10.0-wasm32');
    expect(new Set(targets).size).toBe(targets.length);
  });
});
