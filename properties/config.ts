/**
 * How many runs, with which seed. CI uses a fixed seed so that every run checks the same programs;
 * `OBJSPEC_SEED=<n>` replays a reported failure; `OBJSPEC_DEEP=1` (npm run check:deep) runs ten
 * times as many cases with a random seed, printed so that its failures replay too.
 */
export const CI_SEED = 20_261_126;

export interface RunConfig {
  readonly seed: number;
  /** Multiplies every property's number of runs. */
  readonly scale: number;
  readonly deep: boolean;
}

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`OBJSPEC_SEED must be an integer, got ${JSON.stringify(text)}`);
  return seed | 0;
}

export function runConfig(env: NodeJS.ProcessEnv = process.env): RunConfig {
  const deep = env.OBJSPEC_DEEP === '1';
  const seedText = env.OBJSPEC_SEED;
  const seed = seedText !== undefined && seedText !== '' ? parseSeed(seedText) : deep ? (Date.now() ^ (process.pid << 8)) | 0 : CI_SEED;
  return { seed, scale: deep ? 10 : 1, deep };
}

/** Each invariant gets its own stream of cases, derived from the run's seed and its id. */
export function seedFor(base: number, invariantId: string, layer: string, target: string): number {
  let hash = base | 0;
  for (const ch of `${invariantId}|${layer}|${target}`) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return hash;
}
