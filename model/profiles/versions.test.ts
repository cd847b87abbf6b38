import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  describeKnownVersions,
  isKnownVersion,
  knownVersions,
  parseVersion,
  versionInRange,
} from './versions';

describe('versions', () => {
  it('parses and orders versions numerically, not as text', () => {
    expect(parseVersion('3.10.2')).toEqual([3, 10, 2]);
    expect(compareVersions(parseVersion('3.9.25'), parseVersion('3.10.0'))).toBeLessThan(0);
    expect(compareVersions(parseVersion('3.12.10'), parseVersion('3.12.9'))).toBeGreaterThan(0);
    expect(() => parseVersion('3.12')).toThrow(/not a version/);
  });

  it('treats ranges as since-inclusive, until-exclusive', () => {
    const since = parseVersion('3.12.0');
    const until = parseVersion('3.12.7');
    expect(versionInRange(parseVersion('3.12.0'), since, until)).toBe(true);
    expect(versionInRange(parseVersion('3.12.6'), since, until)).toBe(true);
    expect(versionInRange(parseVersion('3.12.7'), since, until)).toBe(false);
    expect(versionInRange(parseVersion('3.99.0'), since, null)).toBe(true);
  });

  it('knows every patch release from .0 to the last one of each minor', () => {
    const x86 = knownVersions('x86_64').map((v) => v.join('.'));
    expect(x86[0]).toBe('3.8.0');
    expect(x86).toContain('3.8.20');
    expect(x86).not.toContain('3.8.21');
    expect(x86).toContain('3.9.25');
    expect(x86.filter((v) => v.startsWith('3.8.'))).toHaveLength(21);
    expect(isKnownVersion(parseVersion('3.13.0'), 'x86_64')).toBe(true);
    expect(isKnownVersion(parseVersion('3.7.17'), 'x86_64')).toBe(false);
  });

  it('offers wasm32 only for the minors Pyodide builds here run', () => {
    expect(isKnownVersion(parseVersion('3.10.4'), 'wasm32')).toBe(false);
    expect(isKnownVersion(parseVersion('3.11.0'), 'wasm32')).toBe(true);
    expect(describeKnownVersions()).toMatch(/wasm32: 3\.11\.0-3\.11\.\d+/);
  });
});
