/** Makes sure dist/cli.js is current before CLI tests run (vitest globalSetup). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './paths';

export default function setup(): void {
  execFileSync(process.execPath, [resolve(ROOT, 'scripts/build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
