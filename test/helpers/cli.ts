/**
 * Running the `ladder` CLI in tests: in process through `main(argv, io)` with an in-memory io
 * (`runCli`, what nearly every test uses), or as a child process the way a user and CI run it
 * (`runProcess`, for exit codes and the stdout/stderr plumbing of bin/ladder.js).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { useColour } from '../../src/cli/format';
import type { CliStart } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { ROOT } from './paths';

/** What a CLI run printed and how it exited. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and how a test runs the CLI. */
export interface CliOptions {
  /** The folder it runs in (default: the repository root). */
  readonly cwd?: string;
  /** Variables over the test's environment (which gets `NO_COLOR=1` and no `FORCE_COLOR`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Whether standard output is a terminal (default: no, as for a pipe). */
  readonly terminal?: boolean;
}

function environment(options: CliOptions): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return { ...env, ...options.env };
}

/** Runs `ladder ARGS` in process, as bin/ladder.js would with this cwd, environment and terminal. */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const env = environment(options);
  let stdout = '';
  let stderr = '';
  const start: CliStart = {
    cwd: options.cwd ?? ROOT,
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    colour: useColour(env, options.terminal ?? false),
  };
  const status = await main(args, start);
  return { status, stdout, stderr };
}

/** Runs `bin/ladder.js ARGS` as a child process, the way a user does. */
export function runProcess(args: readonly string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'bin/ladder.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: environment(options),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
