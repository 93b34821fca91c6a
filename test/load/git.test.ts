// How git runs (src/load/git.ts), seen from outside: a `git` on the PATH that writes down its
// arguments and environment, then hands over to the real git. Every call the CLI makes, to
// choose commits (src/cli/git.ts) as much as to read a commit and blame its lines
// (src/load/), comes with the same guards: no fsmonitor hook, no optional locks, no prompt.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, git, scenarioRepo } from '../diff/git-repo';
import { runCli } from '../helpers/cli';
import { FIXTURES } from '../helpers/paths';

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
const bin = mkdtempSync(join(tmpdir(), 'ladder-git-bin-'));
const log = join(bin, 'calls.log');
writeFileSync(
  join(bin, 'git'),
  `#!/bin/sh\nprintf '%s|%s|%s\\n' "$GIT_OPTIONAL_LOCKS" "$GIT_TERMINAL_PROMPT" "$*" >> "${log}"\nexec "${realGit}" "$@"\n`,
);
chmodSync(join(bin, 'git'), 0o755);
const env = { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };

afterAll(() => rmSync(bin, { recursive: true, force: true }));

/** The git calls of one CLI run, as `locks|prompt|arguments`. */
async function callsOf(args: readonly string[], cwd: string) {
  writeFileSync(log, '');
  const run = await runCli(args, { cwd, env });
  return { run, calls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('every git call the product makes', () => {
  it('carries the guards: `ladder diff` (revisions, the base commit read)', async () => {
    const dir = scenarioRepo(join(FIXTURES, 'diff', 'scenario'));
    try {
      const { run, calls } = await callsOf(['diff'], dir);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      // The CLI's own questions and the engine's reads are both there.
      expect(calls.some((c) => c.includes('rev-parse --verify'))).toBe(true);
      expect(calls.some((c) => c.includes('ls-tree'))).toBe(true);
      expect(calls.some((c) => c.includes('cat-file --batch'))).toBe(true);
      for (const call of calls) expect(call).toMatch(/^0\|0\|-c core\.fsmonitor=false /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carries the guards: `ladder health` (the default branch, blame)', async () => {
    const dir = scenarioRepo(join(FIXTURES, 'diff', 'scenario'));
    try {
      commitAll(dir, 'head');
      git(dir, ['checkout', '-q', 'main']);
      const { run, calls } = await callsOf(['health'], dir);
      expect(run.stderr).toBe('');
      expect(calls.some((c) => c.includes('symbolic-ref'))).toBe(true);
      expect(calls.some((c) => c.includes('blame'))).toBe(true);
      for (const call of calls) expect(call).toMatch(/^0\|0\|-c core\.fsmonitor=false /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
