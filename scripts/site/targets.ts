/**
 * The targets present in the results, as matrix columns: embedded CPythons (Pyodide, wasm32), native
 * CPythons, PyPy, then model profiles. A target's version and platform come from the results that
 * state them (examples.json and claims.json record both); names carry them for embedded and model targets.
 */
import { compareVersions } from '../../spec';
import type { TargetColumn, TargetKind } from '../../src/data/types';
import type { AllResults } from './results';

/** `model:3.12.7-wasm32~cpython:3.12.7` -> the two targets an agreement record compares. */
export function splitAgreement(target: string): { model: string; real: string } {
  const at = target.indexOf('~');
  if (at < 0) throw new Error(`agreement target ${JSON.stringify(target)} is not <model>~<real>`);
  return { model: target.slice(0, at), real: target.slice(at + 1) };
}

/** The model profile mirroring a real interpreter (properties/targets.ts names them so). */
export function mirrorName(version: string, platform: string): string {
  return `model:${version}-${platform}`;
}

function kindOf(name: string): TargetKind {
  if (name.startsWith('cpython:')) return 'embedded';
  if (name.startsWith('model:')) return 'model';
  if (name.startsWith('native:')) return 'native';
  if (name.startsWith('pypy:')) return 'pypy';
  throw new Error(`results name an unknown kind of target: ${JSON.stringify(name)} (expected cpython:, native:, pypy: or model:)`);
}

/** What the name alone says about the version and platform. */
function factsFromName(name: string): { version: string | null; platform: string | null } {
  const embedded = /^cpython:(\d+\.\d+\.\d+)$/.exec(name);
  if (embedded) return { version: embedded[1] as string, platform: 'wasm32' };
  const pypy = /^pypy:(\d+\.\d+\.\d+)$/.exec(name);
  if (pypy) return { version: pypy[1] as string, platform: null };
  const model = /^model:(\d+\.\d+\.\d+)-(.+)$/.exec(name);
  if (model) return { version: model[1] as string, platform: model[2] as string };
  const pyenv = /\/versions\/(\d+\.\d+\.\d+)\//.exec(name);
  return { version: pyenv ? (pyenv[1] as string) : null, platform: null };
}

function labelOf(kind: TargetKind, name: string, version: string | null, platform: string | null): string {
  if (kind === 'model') return `${version ?? '?'} ${platform ?? ''}`.trim();
  if (kind === 'embedded') return version ?? name;
  if (kind === 'pypy') return `PyPy ${version ?? name.replace(/^pypy:/, '')}`;
  return version ?? name.replace(/^native:/, '').split('/').pop() ?? name;
}

/** Every target named anywhere in the results, in display order. */
export function collectTargets(results: AllResults): TargetColumn[] {
  const known = new Map<string, { version: string | null; platform: string | null }>();
  const note = (name: string, version: string | null = null, platform: string | null = null) => {
    const previous = known.get(name) ?? factsFromName(name);
    known.set(name, { version: version ?? previous.version, platform: platform ?? previous.platform });
  };
  for (const example of results.examples?.examples ?? []) for (const run of example.runs) note(run.target, run.version, run.platform);
  for (const claim of results.claims?.claims ?? []) for (const run of claim.runs) note(run.target, run.version, run.platform);
  for (const record of results.invariants?.results ?? []) {
    if (record.layer === 'agreement') {
      const { model, real } = splitAgreement(record.target);
      note(model);
      note(real);
    } else {
      note(record.target);
    }
  }
  const order: Record<TargetKind, number> = { embedded: 0, native: 1, pypy: 2, model: 3 };
  return [...known.entries()]
    .map(([name, facts]): TargetColumn => {
      const kind = kindOf(name);
      return { name, kind, version: facts.version, platform: facts.platform, label: labelOf(kind, name, facts.version, facts.platform) };
    })
    .sort(
      (a, b) =>
        order[a.kind] - order[b.kind] ||
        (a.version && b.version ? compareVersions(a.version, b.version) : a.version ? -1 : b.version ? 1 : 0) ||
        (a.platform ?? '').localeCompare(b.platform ?? '') ||
        a.name.localeCompare(b.name),
    );
}
