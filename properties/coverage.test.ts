import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../spec';
import { loadProperties } from './registry';

describe('the catalogue and the properties cover each other', () => {
  test('every spec entry has a property, and every property names a spec entry', async () => {
    const entries = (await loadCatalogue()).map((entry) => entry.id).sort();
    const properties = (await loadProperties()).map(({ property }) => property.id).sort();
    expect(entries.filter((id) => !properties.includes(id)), 'spec entries without a property').toEqual([]);
    expect(properties.filter((id) => !entries.includes(id)), 'properties without a spec entry').toEqual([]);
  });
});
