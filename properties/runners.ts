/** The real runners the layers use: the model, the printer and the oracle (see harness/layers.ts). */
import { runModel } from '../model';
import { printModule } from '../model/python/print';
import { runPrograms } from '../oracle';
import type { Runners } from './harness/layers';

/** Generous: a generated program takes milliseconds; this only stops a runaway one. */
const REAL_TIME_LIMIT_MS = 10_000;

export const projectRunners: Runners = {
  runModel: (module, profile) => runModel(module, profile),
  runReal: async (target, sources) => runPrograms(target, sources, { timeLimitMs: REAL_TIME_LIMIT_MS }),
  print: printModule,
};
