import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decodeSource, encodeSource, playgroundLink, readState, stateQuery, type PlaygroundState } from './url-state';

const DEFAULTS: PlaygroundState = { source: 'print(1)\n', versions: ['3.12.7'], profile: 'model:3.12.7-wasm32' };
const KNOWN = { versions: ['3.12.1', '3.12.7', '3.13.2'], profiles: ['model:3.12.1-wasm32', 'model:3.12.7-wasm32'] };

describe('the playground state in its URL', () => {
  test.prop([fc.string({ unit: 'grapheme' })])('any source survives encoding (url-safe characters only)', (source) => {
    const encoded = encodeSource(source);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(decodeSource(encoded)).toBe(source);
  });

  test('a whole state round-trips through its query string', () => {
    const state: PlaygroundState = { source: 'import sys\nprint("é" is "é")\n', versions: ['3.12.1', '3.12.7'], profile: 'model:3.12.1-wasm32' };
    expect(readState(stateQuery(state), DEFAULTS, KNOWN)).toEqual(state);
  });

  test('a link from an invariant page opens the source with the default settings', () => {
    const link = playgroundLink('x = 1\n');
    expect(link.startsWith('/playground?code=')).toBe(true);
    expect(readState(link.slice(link.indexOf('?')), DEFAULTS, KNOWN)).toEqual({ ...DEFAULTS, source: 'x = 1\n' });
  });

  test('unreadable or unknown parts fall back to the defaults', () => {
    expect(readState('?code=%%%&versions=2.7,3.12.1&profile=model:9.9.9-x', DEFAULTS, KNOWN)).toEqual({ ...DEFAULTS, versions: ['3.12.1'] });
    expect(decodeSource('////')).toBeNull();
    expect(decodeSource(encodeSource('ok').slice(0, 1))).toBeNull();
    expect(readState('', DEFAULTS, KNOWN)).toEqual(DEFAULTS);
  });
});
