import { fc, test } from '@fast-check/vitest';
import type { Tree } from '@lezer/common';
import { LRParser } from '@lezer/lr';
import { parser as lezerPython } from '@lezer/python';
import { describe, expect } from 'vitest';
import { pythonArbitraries } from '../arbitrary';
import { printModule } from '../print';
import { memoizeTables, withFastFields } from './lr-tables';

const memoized = memoizeTables(lezerPython.configure({}));

/** Every node with its place, in document order (error nodes included). */
function nodes(tree: Tree): string[] {
  const out: string[] = [];
  tree.iterate({ enter: (n) => void out.push(`${n.type.isError ? '⚠' : n.name}@${n.from}-${n.to}`) });
  return out;
}

function expectSameTree(source: string): void {
  expect(nodes(memoized.parse(source))).toEqual(nodes(lezerPython.parse(source)));
}

const programs = fc.sample(pythonArbitraries().module, { numRuns: 200, seed: 4_242 }).map((m) => printModule(m));

describe('memoizeTables', () => {
  test('gives the same trees as the unchanged parser on generated programs', () => {
    for (const source of programs) expectSameTree(source);
  });

  test('and on broken ones (error recovery looks actions up too)', () => {
    const broken = programs.flatMap((source, i) => {
      const cut = (i * 7919) % (source.length + 1);
      return [source.slice(0, cut), `${source.slice(0, cut)})${source.slice(cut)}`, `${source.slice(0, cut)}\n  :${source.slice(cut)}`];
    });
    for (const source of [...broken, 'def f(:\n  return', 'x = = 1', 'if x\n    pass', "f'{x:=^9}'", '1.e5', 'print x']) expectSameTree(source);
  });

  test.prop([fc.string({ unit: fc.constantFrom(...'ab1 =+-*()[]{}:,.\n\t\'"#f\\'), maxLength: 60 })])('and on any string of Python characters', (source) => {
    expectSameTree(source);
  });
});

describe('withFastFields', () => {
  test('copies every field of a configured parser, on the same prototype', () => {
    const configured = lezerPython.configure({ strict: true });
    const copy = withFastFields(configured);
    expect(copy).toBeInstanceOf(LRParser);
    expect(Object.keys(copy)).toEqual(Object.keys(configured));
    for (const key of Object.keys(configured)) expect((copy as unknown as Record<string, unknown>)[key]).toBe((configured as unknown as Record<string, unknown>)[key]);
    expect(nodes(copy.parse('x = (1,\n  2)\n'))).toEqual(nodes(configured.parse('x = (1,\n  2)\n')));
  });
});
