/**
 * The shared block sets must answer exactly as plain sets copied at each step would (which is
 * what the allocator did before they existed): membership, size, "one block only" and
 * intersection, for any interleaving of growth, absorption and snapshots.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CandidateBlocks, CandidateBuilder, GrowingBlockSet } from './block-sets';

const SETS = 3;
const BLOCKS = 10;

type Op =
  | { readonly op: 'add'; readonly set: number; readonly block: number }
  | { readonly op: 'addAll'; readonly set: number; readonly from: number }
  | { readonly op: 'build'; readonly blocks: readonly number[]; readonly sets: readonly number[]; readonly from: readonly number[] }
  | { readonly op: 'check' };

const block = fc.integer({ min: 0, max: BLOCKS - 1 });
const setIndex = fc.integer({ min: 0, max: SETS - 1 });
const ops = fc.array(
  fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('add' as const), set: setIndex, block }), weight: 4 },
    { arbitrary: fc.record({ op: fc.constant('addAll' as const), set: setIndex, from: fc.nat() }), weight: 1 },
    {
      arbitrary: fc.record({
        op: fc.constant('build' as const),
        blocks: fc.array(block, { maxLength: 2 }),
        sets: fc.array(setIndex, { maxLength: 2 }),
        from: fc.array(fc.nat(), { maxLength: 2 }),
      }),
      weight: 2,
    },
    { arbitrary: fc.constant({ op: 'check' as const }), weight: 2 },
  ),
  { minLength: 5, maxLength: 30, size: "max" },
);

describe('GrowingBlockSet / CandidateBlocks', () => {
  test.prop([ops], { numRuns: 200 })('agree with plain sets copied at every step', (program: Op[]) => {
    const sets = Array.from({ length: SETS }, () => new GrowingBlockSet());
    const plainSets = Array.from({ length: SETS }, () => new Set<number>());
    const built: CandidateBlocks[] = [];
    const plainBuilt: Set<number>[] = [];
    const snapshot = (builder: CandidateBuilder, plain: Set<number>): void => {
      built.push(builder.build());
      plainBuilt.push(plain);
    };
    const mismatches: string[] = [];
    for (const o of program) {
      if (o.op === 'add') {
        sets[o.set]?.add(o.block);
        plainSets[o.set]?.add(o.block);
      } else if (o.op === 'addAll') {
        if (built.length === 0) continue;
        const k = o.from % built.length;
        sets[o.set]?.addAll(built[k] as CandidateBlocks);
        for (const b of plainBuilt[k] as Set<number>) plainSets[o.set]?.add(b);
      } else if (o.op === 'build') {
        const builder = new CandidateBuilder().blocks(o.blocks);
        const plain = new Set(o.blocks);
        for (const s of o.sets) {
          builder.set(sets[s] as GrowingBlockSet);
          for (const b of plainSets[s] as Set<number>) plain.add(b);
        }
        for (const f of o.from) {
          if (built.length === 0) continue;
          const k = f % built.length;
          builder.candidates(built[k] as CandidateBlocks);
          for (const b of plainBuilt[k] as Set<number>) plain.add(b);
        }
        snapshot(builder, plain);
      }
      // A snapshot of every set after every step.
      sets.forEach((s, i) => snapshot(new CandidateBuilder().set(s), new Set(plainSets[i])));
      // Every question about every snapshot (snapshots must not change as the sets grow); not
      // after every step, so that both sets of a pair can grow between two questions.
      if (o.op === 'check') check();
    }
    check();
    built.forEach((c, i) => expect(new Set(c)).toEqual(plainBuilt[i]));

    function check(): void {
      built.forEach((c, i) => {
        const plain = plainBuilt[i] as Set<number>;
        if (c.size !== plain.size || c.isSingle !== (plain.size === 1)) mismatches.push(`size of #${i}`);
        for (let b = 0; b < BLOCKS; b++) if (c.has(b) !== plain.has(b)) mismatches.push(`#${i} has ${b}`);
        built.forEach((d, j) => {
          const other = plainBuilt[j] as Set<number>;
          if (c.intersects(d) !== [...plain].some((b) => other.has(b))) mismatches.push(`#${i} meets #${j}`);
        });
      });
      expect(mismatches).toEqual([]);
    }
  });

  test.prop([fc.array(fc.oneof(block, fc.constant('tick' as const)), { maxLength: 40 })], { numRuns: 200 })(
    'a stamped set finds the prefix each clock saw',
    (steps) => {
      const set = GrowingBlockSet.stamped();
      // The size the set had at each clock value, as a snapshot would have kept it.
      const sizeAt: number[] = [0];
      for (const step of steps) {
        if (step === 'tick') {
          set.clock += 1;
          sizeAt[set.clock] = set.size;
        } else {
          set.add(step);
          sizeAt[set.clock] = set.size;
        }
      }
      sizeAt.forEach((size, clock) => {
        const parts = set.prefixAt(clock);
        expect(parts.length === 0 ? 0 : (parts[0] as { length: number }).length, `clock ${clock}`).toBe(size);
      });
    },
  );

  // Past a few blocks a set indexes them (by block / 16, the allocator's spacing): blocks that
  // share a slot, blocks far past the index and beyond 2^32 must keep their first positions.
  const manyBlocks = fc.array(
    fc.oneof(
      fc.integer({ min: 0, max: 400 }).map((k) => 0x1000 + 16 * k),
      fc.integer({ min: 0, max: 400 }).map((k) => 0x1000 + 16 * k + 5),
      fc.integer({ min: 0, max: 50 }).map((k) => 2 ** 33 + 16 * k),
      fc.integer({ min: 0, max: 50 }).map((k) => 0x1000000 + 16 * k),
    ),
    { minLength: 20, maxLength: 300, size: 'max' },
  );
  test.prop([manyBlocks, manyBlocks], { numRuns: 100 })('keeps every block at its first position, however many', (added, asked) => {
    const set = new GrowingBlockSet();
    const first = new Map<number, number>();
    for (const b of added) {
      set.add(b);
      if (!first.has(b)) first.set(b, first.size);
    }
    expect(set.size).toBe(first.size);
    for (const b of [...added, ...asked]) {
      expect(set.positionOf(b), String(b)).toBe(first.get(b));
      const at = first.get(b);
      expect(set.hasInPrefix(b, first.size)).toBe(at !== undefined);
      if (at !== undefined) expect(set.hasInPrefix(b, at)).toBe(false);
    }
  });

  it('finds a shared block only within both prefixes', () => {
    const x = new GrowingBlockSet();
    const y = new GrowingBlockSet();
    x.add(1);
    y.add(2);
    const early = new CandidateBuilder().set(x).build();
    const earlyY = new CandidateBuilder().set(y).build();
    x.add(2);
    const late = new CandidateBuilder().set(x).build();
    expect(early.intersects(earlyY)).toBe(false);
    expect(late.intersects(earlyY)).toBe(true);
    expect(CandidateBlocks.single(7).isSingle).toBe(true);
    expect(late.isSingle).toBe(false);
  });
});
