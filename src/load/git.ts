/**
 * How the engine runs git: the blame of the health report (`git-blame.ts`) and a commit read as
 * a snapshot (`git-commit.ts`). Only `git` runs, with an argument list: no shell, no fsmonitor
 * hook, no optional locks, no prompt, and a timeout.
 */
import { execFile } from 'node:child_process';

/** The longest one git call may take. */
const GIT_TIMEOUT_MS = 20_000;
/** The most output one git call may give, unless the caller says more. */
const MAX_BUFFER = 64 * 1024 * 1024;

/** Where git runs and what it is given. */
export interface GitPlace {
  /** The folder git runs in (the repository root). */
  readonly root: string;
  /** The environment git runs with. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** What a git call is given beside its arguments. */
export interface GitInput {
  /** Written to its standard input. */
  readonly input?: string;
  /** The most output it may give (default 64 MiB). */
  readonly maxBuffer?: number;
}

/** Runs git with `args` in `place`: its standard output as bytes; rejects when git fails. */
export function gitBytes(
  place: GitPlace,
  args: readonly string[],
  options: GitInput = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      // No fsmonitor hook, even if a global config names one; no locks taken on the index.
      ['-c', 'core.fsmonitor=false', ...args],
      {
        cwd: place.root,
        encoding: 'buffer',
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: options.maxBuffer ?? MAX_BUFFER,
        env: { ...place.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      },
      (error, stdout, stderr) => {
        if (!error) resolve(stdout);
        else {
          const said = stderr.toString('utf8').trim().split('\n')[0];
          reject(new Error(`\`git ${args[0]}\` failed: ${said || error.message}`));
        }
      },
    );
    // git may exit before it has read all its input; the failure is reported above.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}

/** Runs git with `args` in `place`; its standard output, or undefined when it fails. */
export async function git(place: GitPlace, args: readonly string[]): Promise<string | undefined> {
  try {
    return (await gitBytes(place, args)).toString('utf8');
  } catch {
    return undefined;
  }
}
