import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../spec';
import { embeddedReleases } from '../../oracle/targets';
import { listKnownTargets } from '../../model/profiles';
import { buildPlaygroundData, DEFAULT_VERSION } from './playground';

describe("the playground's data", () => {
  test('every spec example is in the menu, every installed CPython and model profile is offered', async () => {
    const catalogue = await loadCatalogue();
    const data = buildPlaygroundData(catalogue, new Set([DEFAULT_VERSION]));
    expect(data.examples).toHaveLength(catalogue.reduce((sum, entry) => sum + entry.examples.length, 0));
    for (const entry of catalogue) {
      entry.examples.forEach((example, index) => expect(data.examples).toContainEqual(expect.objectContaining({ invariant: entry.id, index, source: example.source })));
    }
    expect(data.versions.map((item) => item.version)).toEqual(embeddedReleases.map((release) => release.version));
    expect(data.versions.filter((item) => item.snapshot !== null).map((item) => item.version)).toEqual([DEFAULT_VERSION]);
    expect(data.profiles).toEqual(listKnownTargets());
    expect(data.profiles).toContain(data.defaultProfile);
  });

  test('no snapshot is announced that was not made', async () => {
    const data = buildPlaygroundData(await loadCatalogue(), new Set());
    expect(data.versions.every((item) => item.snapshot === null)).toBe(true);
  });
});
