/**
 * The model as a target of the CLI: `model:<version>-<platform>` runs the program on the model's
 * profile of that version (parsed once, run in this process). Listed as the mirrors of the
 * embedded CPythons; every patch release of 3.8-3.14 resolves (see `objspec targets`).
 */
import { writeFileSync } from 'node:fs';
import type { ProgramResult } from '../oracle/index';
import { listTargets as listOracleTargets } from '../oracle/index';
import { runModel } from '../model';
import { listKnownTargets, resolveProfile } from '../model/profiles';
import type { ListedTarget, TargetAdapter } from './targets';

function toProgramResult(result: ReturnType<typeof runModel>, durationMs: number): ProgramResult {
  const last = result.stderr.trimEnd().split('\n').at(-1) ?? '';
  const match = /^([A-Za-z_][\w.]*): ?(.*)$/.exec(last);
  return {
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    error: result.exitCode === 1 && match ? { type: match[1] as string, message: match[2] as string } : null,
    durationMs,
  };
}

function traceLines(result: ReturnType<typeof runModel>): string {
  return (result.trace ?? []).map((snapshot) => `${JSON.stringify(snapshot)}\n`).join('');
}

export const modelAdapter: TargetAdapter = {
  run: (target, programs, settings) => {
    resolveProfile(target); // an unknown version or platform is refused before anything runs
    const tracing = settings.traceFile !== undefined;
    return Promise.resolve(
      programs.map((input) => {
        const program = typeof input === 'string' ? { source: input, filename: '<string>' } : input;
        const started = performance.now();
        const result = runModel(program.source, target, { mode: settings.mode, trace: tracing, filename: program.filename ?? '<string>' });
        const outcome = toProgramResult(result, performance.now() - started);
        if (!tracing) return outcome;
        // `--trace -` appends the JSON lines to standard output after the program's own output.
        if (settings.traceFile === '-') return { ...outcome, stdout: outcome.stdout + traceLines(result) };
        writeFileSync(settings.traceFile, traceLines(result));
        return outcome;
      }),
    );
  },
  list: async (): Promise<ListedTarget[]> =>
    (await listOracleTargets())
      .filter((target) => target.kind === 'embedded')
      .map((target) => ({ name: `model:${target.version}-${target.platform}`, version: target.version, platform: target.platform, kind: 'model' })),
  close: () => Promise.resolve(),
};

/** One line for `objspec targets`: how many model profiles exist, and their ranges per platform. */
export function describeModelProfiles(): string {
  const known = listKnownTargets();
  const byPlatform = new Map<string, string[]>();
  for (const name of known) {
    const match = /^model:(\d+\.\d+\.\d+)-(.+)$/.exec(name);
    if (match) byPlatform.set(match[2] as string, [...(byPlatform.get(match[2] as string) ?? []), match[1] as string]);
  }
  const ranges = [...byPlatform].map(([platform, versions]) => `${versions[0]} to ${versions.at(-1)} on ${platform}`).join(', ');
  return `model profiles: every patch release from ${ranges} (${known.length} targets, e.g. model:3.12.7-wasm32)`;
}
