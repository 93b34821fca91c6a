/** Runs the built `ladder` CLI as a child process, the way a user does. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './paths';

/** What a CLI run printed and how it exited. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `bin/ladder.js` with `args` in `cwd` (default: the repository root). */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliRun {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'bin/ladder.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
