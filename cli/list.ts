/** `objspec targets`: what can run here: implementation, exact language version, platform. */
import Table from 'cli-table3';
import { listAllTargets } from './targets';
import { describeModelProfiles } from './model-adapter';

export async function targetsCommand(): Promise<number> {
  const targets = await listAllTargets();
  const table = new Table({ head: ['target', 'implementation', 'language version', 'platform', 'kind'], style: { head: [], border: [] } });
  for (const target of targets) table.push([target.name, target.implementation ?? 'model', target.version, target.platform, target.kind]);
  process.stdout.write(`${table.toString()}\n`);
  process.stdout.write(`${describeModelProfiles()}\n`);
  const natives = targets.filter((target) => target.kind === 'native');
  if (!natives.some((target) => target.name.startsWith('native:'))) process.stdout.write('no native CPython found (set OBJSPEC_PYTHONS, or put python3.X on PATH)\n');
  if (!natives.some((target) => target.name.startsWith('pypy:'))) process.stdout.write('no PyPy found (put pypy3 on PATH, or name it in OBJSPEC_PYTHONS)\n');
  return 0;
}
