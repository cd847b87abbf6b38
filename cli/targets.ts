/**
 * The one place where a target name is sent to what runs it, by prefix:
 * `cpython:`, `native:` and `pypy:` to the oracle (real interpreters), `model:` to the model.
 */
import type { ProgramInput, ProgramResult, TargetInfo } from '../oracle/index';
import { closeAll as closeOracle, describeImplementation, listTargets as listOracleTargets, runPrograms } from '../oracle/index';
import { CliInputError } from './errors';
import { modelAdapter } from './model-adapter';

export interface RunSettings {
  readonly timeLimitMs?: number;
  readonly fresh?: boolean;
  /** Model targets: `module` (a file) or `repl` (each top-level statement its own unit). */
  readonly mode?: 'module' | 'repl';
  /** Model targets: write the heap after each statement as JSON lines here (`-`: after stdout). */
  readonly traceFile?: string;
}

/** Target info for listing; the model's profiles will add their own platforms. */
export type ListedTarget = Pick<TargetInfo, 'name' | 'version' | 'platform'> & {
  readonly kind: string;
  /** `CPython 3.12.7`, `PyPy 7.3.11 (Python 3.9.16)`; absent for the model. */
  readonly implementation?: string;
};

export interface TargetAdapter {
  run(target: string, programs: readonly ProgramInput[], settings: RunSettings): Promise<ProgramResult[]>;
  list(): Promise<ListedTarget[]>;
  close(): Promise<void>;
}

const oracle: TargetAdapter = {
  run: (target, programs, settings) => runPrograms(target, programs, settings),
  list: async () => (await listOracleTargets()).map((target) => ({ ...target, implementation: describeImplementation(target) })),
  close: () => closeOracle(),
};

const ADAPTERS: Readonly<Record<string, TargetAdapter>> = {
  cpython: oracle,
  native: oracle,
  pypy: oracle,
  model: modelAdapter,
};

export async function listAllTargets(): Promise<ListedTarget[]> {
  const adapters = [...new Set(Object.values(ADAPTERS))];
  return (await Promise.all(adapters.map((adapter) => adapter.list()))).flat();
}

function adapterFor(target: string): TargetAdapter {
  const prefix = target.includes(':') ? target.slice(0, target.indexOf(':')) : '';
  const adapter = ADAPTERS[prefix];
  if (adapter) return adapter;
  throw new CliInputError(`unknown target '${target}': a target starts with ${Object.keys(ADAPTERS).map((p) => `'${p}:'`).join(', ')} (see \`objspec targets\`)`);
}

/** `all` -> every available target; otherwise the comma-separated names, checked by prefix. */
export async function expandTargets(spec: string): Promise<string[]> {
  const names = spec.trim() === 'all' ? (await listAllTargets()).map((target) => target.name) : spec.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new CliInputError('--target names no target');
  for (const name of names) adapterFor(name);
  return names;
}

export function runOnTarget(target: string, programs: readonly ProgramInput[], settings: RunSettings): Promise<ProgramResult[]> {
  return adapterFor(target).run(target, programs, settings);
}

export async function closeTargets(): Promise<void> {
  await Promise.all([...new Set(Object.values(ADAPTERS))].map((adapter) => adapter.close()));
}
