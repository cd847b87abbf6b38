// Runs before `npm start` and `npm test`: on a fresh clone, install the pinned dependencies
// first (npm ci), so each quick-start command works on its own. Plain JS: nothing is installed yet.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('objspec: node_modules is missing; running `npm ci` first');
  const result = spawnSync('npm', ['ci'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
