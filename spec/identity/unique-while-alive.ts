import type { SpecEntry } from '../schema';

export const entry: SpecEntry = {
  id: 'identity.unique-while-alive',
  family: 'identity',
  title: 'Objects alive at the same time have different ids',
  statement:
    'id(x) is an integer that is unique and constant for x during its lifetime: two objects that are alive at ' +
    'the same moment never have the same id, however many objects exist. Only objects whose lifetimes do not ' +
    'overlap may have equal ids. The Python Language Reference promises this of every implementation.',
  guarantee: 'language',
  holds: [{ since: '3.8', until: null, platforms: ['x86_64', 'wasm32'] }],
  sources: [{ file: 'Python/bltinmodule.c', symbol: 'builtin_id', tag: 'v3.12.7' }],
  examples: [
    {
      title: 'A thousand live lists',
      source: ['held = []', 'ids = set()', 'for i in range(1000):', '    item = [i]', '    held.append(item)', '    ids.add(id(item))', 'print(len(ids))', ''].join('\n'),
    },
  ],
};
