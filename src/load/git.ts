/**
 * How git runs, everywhere: the blame of the health report (`git-blame.ts`), a commit read as a
 * snapshot (`git-commit.ts`), and the CLI's choice of commits and of its root (src/cli/git.ts,
 * through `gitSync`). Only `git` runs, with an argument list: no shell, no fsmonitor hook, no
 * optional locks, no prompt, and a timeout.
 */
import { execFile, execFileSync } from 'node:child_process';

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

/** The arguments git gets: no fsmonitor hook, even if a global config names one. */
function guarded(args: readonly string[]): string[] {
  return ['-c', 'core.fsmonitor=false', ...args];
}

/** The environment git gets: no locks taken on the index, never a prompt for credentials. */
function environment(place: GitPlace): NodeJS.ProcessEnv {
  return { ...place.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
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
      guarded(args),
      {
        cwd: place.root,
        encoding: 'buffer',
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: options.maxBuffer ?? MAX_BUFFER,
        env: environment(place),
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

/**
 * Runs git with `args` in `place` and waits: its standard output trimmed, or undefined when it
 * fails. For the CLI's few short questions (the root, a revision, the branch), asked before
 * anything else runs.
 */
export function gitSync(place: GitPlace, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', guarded(args), {
      cwd: place.root,
      env: environment(place),
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: MAX_BUFFER,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .toString('utf8')
      .trim();
  } catch {
    return undefined;
  }
}
