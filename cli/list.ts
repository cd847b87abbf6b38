/** `objspec targets`: what can run here, with exact versions and platforms. */
import Table from 'cli-table3';
import { listAllTargets } from './targets';
import { describeModelProfiles } from './model-adapter';

export async function targetsCommand(): Promise<number> {
  const targets = await listAllTargets();
  const table = new Table({ head: ['target', 'version', 'platform', 'kind'], style: { head: [], border: [] } });
  for (const target of targets) table.push([target.name, target.version, target.platform, target.kind]);
  process.stdout.write(`${table.toString()}\n`);
  process.stdout.write(`${describeModelProfiles()}\n`);
  if (!targets.some((target) => target.kind === 'native')) process.stdout.write('no native CPython found (set OBJSPEC_PYTHONS, or put python3.X on PATH)\n');
  return 0;
}
