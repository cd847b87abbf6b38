import { fc, test } from '@fast-check/vitest';
import type { Tree } from '@lezer/common';
import { describe, expect } from 'vitest';
import { pythonArbitraries } from '../arbitrary';
import { printModule } from '../print';
import { NO_FORCED_ERRORS_BELOW, python3Parser, strictPython3Parser } from './python3-parser';

function nodes(tree: Tree): string[] {
  const out: string[] = [];
  tree.iterate({ enter: (n) => void out.push(`${n.type.isError ? '⚠' : n.name}@${n.from}-${n.to}`) });
  return out;
}

function strictTree(source: string): Tree | null {
  try {
    return strictPython3Parser.parse(source);
  } catch (e) {
    if (e instanceof SyntaxError) return null;
    throw e;
  }
}

/** What parse.ts relies on: a short source the strict parser reads has the recovering parser's tree, without error nodes. */
function expectStrictMeansClean(source: string): void {
  if (source.length >= NO_FORCED_ERRORS_BELOW) return;
  const strict = strictTree(source);
  const recovering = nodes(python3Parser.parse(source));
  if (strict === null) return;
  expect(nodes(strict)).toEqual(recovering);
  expect(recovering.filter((n) => n.startsWith('⚠'))).toEqual([]);
}

const programs = fc.sample(pythonArbitraries().module, { numRuns: 200, seed: 4_243 }).map((m) => printModule(m));

describe('strictPython3Parser', () => {
  test('reads generated programs as the recovering parser does', () => {
    for (const source of programs) {
      expect(strictTree(source)).not.toBeNull();
      expectStrictMeansClean(source);
    }
  });

  test('fails on broken ones, or reads them without error nodes', () => {
    let failed = 0;
    for (const [i, source] of programs.entries()) {
      const cut = (i * 7919) % (source.length + 1);
      for (const broken of [`${source.slice(0, cut)})${source.slice(cut)}`, `${source.slice(0, cut)}\n  :${source.slice(cut)}`, 'x = = 1', 'if x\n    pass']) {
        if (strictTree(broken) === null) failed++;
        expectStrictMeansClean(broken);
      }
    }
    expect(failed).toBeGreaterThan(programs.length);
  });

  test.prop([fc.string({ unit: fc.constantFrom(...'ab1 =+-*()[]{}:,.\n\t\'"#f\\'), maxLength: 60 })])('and on any string of Python characters', (source) => {
    expectStrictMeansClean(source);
  });
});
