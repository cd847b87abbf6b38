/** Generated identity programs for the benchmarks: the properties' own cases, as ASTs and as source. */
import fc from 'fast-check';
import type { Module } from '../model/python/ast';
import { printModule } from '../model/python/print';
import { loadProperties } from '../properties/registry';

export interface BenchProgram {
  readonly invariant: string;
  readonly module: Module;
  readonly source: string;
}

/** `perProperty` cases of every property, deterministic (fixed seed). */
export async function benchPrograms(perProperty: number): Promise<BenchProgram[]> {
  const properties = await loadProperties();
  return properties.flatMap(({ property }) =>
    fc.sample(property.arbitrary, { seed: 1234, numRuns: perProperty }).map((testCase, i) => {
      const module = property.program(testCase, `b${i}`);
      return { invariant: property.id, module, source: printModule(module) };
    }),
  );
}
