import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UnknownTargetError } from '../errors';
import { FACT_SCHEMAS } from './schema';
import { FACT_NAMES, listKnownTargets, profileFacts, resolveProfile } from './index';

const targets = listKnownTargets();

describe('profiles (properties)', () => {
  test.prop([fc.constantFrom(...targets)])('every known target resolves to a total, well-typed profile', (target) => {
    const profile = resolveProfile(target);
    expect(profile.target).toBe(target);
    for (const fact of FACT_NAMES) {
      expect(FACT_SCHEMAS[fact].safeParse(profile[fact]).success).toBe(true);
    }
    const rows = profileFacts(profile);
    expect(rows).toHaveLength(FACT_NAMES.length);
    for (const row of rows) expect(row.platforms).toContain(profile.platform);
  });

  test.prop([
    fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 40 })),
    fc.constantFrom('x86_64', 'wasm32', 'arm64', 'wasm64', ''),
    fc.boolean(),
  ])('any other name fails with UnknownTargetError, never something else', ([major, minor, patch], platform, prefixed) => {
    const name = `${prefixed ? 'model:' : ''}${major}.${minor}.${patch}-${platform}`;
    const canonical = `model:${major}.${minor}.${patch}-${platform}`;
    if (targets.includes(canonical)) {
      expect(resolveProfile(name).target).toBe(canonical);
    } else {
      expect(() => resolveProfile(name)).toThrow(UnknownTargetError);
    }
  });

  test.prop([fc.string()])('arbitrary text never escapes as a non-model error', (text) => {
    try {
      resolveProfile(text);
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownTargetError);
    }
  });
});
