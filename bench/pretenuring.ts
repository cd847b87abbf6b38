/**
 * V8's allocation-site pretenuring misfires on the model: once a few of a run's objects are alive
 * at a scavenge, V8 starts allocating objects from those sites directly in the old generation;
 * everything they point to then survives scavenges too, more sites get pretenured, and each
 * run's whole object graph ends up promoted and left for the (slow) full collections. Measured
 * on the bench programs (node 20): with pretenuring, ~4 MB promoted per scavenge even for
 * `x = 1` run 40,000 times, and the model spends about half of its time in the collector;
 * without it nothing is promoted and the model runs about 1.8x faster. The flag is process-wide,
 * so it is switched off only while the model is timed and restored before the real side runs.
 */
import { setFlagsFromString } from 'node:v8';

export function withoutPretenuring<T>(action: () => T): T {
  setFlagsFromString('--no-allocation-site-pretenuring');
  try {
    return action();
  } finally {
    setFlagsFromString('--allocation-site-pretenuring');
  }
}
