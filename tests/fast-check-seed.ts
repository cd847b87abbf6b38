/**
 * Every fast-check test of the unit project runs with the run's seed (properties/config.ts):
 * fixed in CI, OBJSPEC_SEED to replay a failure, random under OBJSPEC_DEEP. fast-check prints
 * the seed of a failure; the same OBJSPEC_SEED gives the same cases again.
 */
import fc from 'fast-check';
import { runConfig } from '../properties/config';

const config = runConfig();
fc.configureGlobal({ seed: config.seed });
