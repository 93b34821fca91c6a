/**
 * The process entry (src/cli/bin.ts, run as bin/ladder.js): what only a real process shows, the
 * plumbing of its standard streams.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';

/** Runs `bin/ladder.js ARGS` with standard output to `stdout`: a pipe or an open file. */
async function runTo(args: readonly string[], stdout: 'pipe' | number) {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/ladder.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', stdout, 'pipe'],
  });
  // As `| head -1` does once it has its line: the pipe's reading end goes away.
  child.stdout?.destroy();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const status = await new Promise<number | null>((done) => child.on('close', done));
  return { status, stderr };
}

describe('bin/ladder.js', () => {
  it('ends quietly with its own exit code when the reader of its output goes away', async () => {
    for (const args of [
      ['review', 'promotions'],
      ['validate', 'ladders/no-such-folder'],
    ]) {
      const expected = await runCli(args);
      const run = await runTo(args, 'pipe');
      expect(run.stderr, args.join(' ')).not.toMatch(/EPIPE|Error| {4}at /);
      expect(run.status, args.join(' ')).toBe(expected.status);
    }
  });

  // A full disk under `ladder review > report.txt`: /dev/full fails every write with ENOSPC.
  it.runIf(existsSync('/dev/full'))(
    'says so and exits 1 when its output cannot be written',
    async () => {
      const full = openSync('/dev/full', 'w');
      try {
        const run = await runTo(['validate'], full);
        expect(run.stderr).toBe(
          'ladder: could not write the output: ENOSPC: no space left on device, write\n',
        );
        expect(run.status).toBe(1);
      } finally {
        closeSync(full);
      }
    },
  );
});
