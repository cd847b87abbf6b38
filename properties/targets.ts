/**
 * Which targets each layer runs on. Real targets are whatever the oracle finds (the embedded
 * CPythons always; native interpreters when present). Each real target is mirrored by the model
 * profile of the same version and platform. The model layer also covers the newest patch of each
 * minor version on x86_64, so that every version the model claims to know is checked.
 */
import type { TargetFacts } from './harness/types';
import type { Platform } from '../spec';

export interface RealTargetInfo {
  readonly name: string;
  readonly implementation: 'cpython' | 'pypy';
  readonly version: string;
  readonly platform: string;
}

export function mirrorOf(real: RealTargetInfo): TargetFacts {
  return { name: `model:${real.version}-${real.platform}`, implementation: 'cpython', version: real.version, platform: real.platform as Platform };
}

export function realFacts(real: RealTargetInfo): TargetFacts {
  return { name: real.name, implementation: real.implementation, version: real.version, platform: real.platform as Platform };
}

/** Model profiles checked whatever the machine has: the embedded versions and one per minor version. */
export const MODEL_LAYER_PROFILES: readonly string[] = [
  '3.11.3-wasm32',
  '3.12.1-wasm32',
  '3.12.7-wasm32',
  '3.13.2-wasm32',
  '3.14.2-wasm32',
  '3.8.18-x86_64',
  '3.9.18-x86_64',
  '3.10.13-x86_64',
  '3.11.7-x86_64',
  '3.12.1-x86_64',
  '3.12.7-x86_64',
  '3.13.0-x86_64',
  '3.14.0-x86_64',
];

export function modelProfileFacts(profile: string): TargetFacts {
  const match = /^(\d+\.\d+\.\d+)-(x86_64|wasm32)$/.exec(profile);
  if (!match) throw new Error(`not a model profile name: ${profile}`);
  return { name: `model:${profile}`, implementation: 'cpython', version: match[1] as string, platform: match[2] as Platform };
}
