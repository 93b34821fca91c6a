// `LADDER_WORKERS`: validating on worker threads prints exactly what validating on one thread
// prints, for `ladder validate` (outlines only) and for commands that build the model.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/cli';
import { FIXTURES, ROOT } from '../helpers/paths';

/** The shipped ladders and every validate fixture (broken ones too) under ladders/. */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-workers-'));
  cpSync(join(ROOT, 'ladders'), join(dir, 'ladders'), { recursive: true });
  cpSync(join(FIXTURES, 'validate'), join(dir, 'ladders/cases'), { recursive: true });
  return dir;
}

describe('LADDER_WORKERS', () => {
  const dir = repo();
  const run = (args: readonly string[], workers: string) =>
    runProcess(args, { cwd: dir, env: { LADDER_WORKERS: workers, LADDER_DEBUG: '1' } });

  it.each(
    [
      ['validate'],
      ['validate', '--format', 'json'],
      ['validate', '--format', 'github'],
      ['check'],
    ].map((args) => [args.join(' '), args] as const),
  )('ladder %s prints the same with 0, 1 and 3 workers', (_, args) => {
    const one = run(args, '0');
    expect(one.status).toBe(1);
    expect(one.stdout).toContain('duplicate-id');
    expect(one.stdout).toContain('unknown-edge-target');
    for (const workers of ['1', '3']) {
      const many = run(args, workers);
      expect(many.stderr, workers).toBe(one.stderr);
      expect(many.stdout, workers).toBe(one.stdout);
      expect(many.status, workers).toBe(one.status);
    }
  });

  it('says so when LADDER_WORKERS is not a whole number, and validates all the same', () => {
    const plain = run(['validate', '--format', 'json'], '0');
    const odd = run(['validate', '--format', 'json'], 'many');
    expect(odd.stderr).toBe('ladder: LADDER_WORKERS must be a whole number (0: none); ignored.\n');
    expect(odd.stdout).toBe(plain.stdout);
    expect(odd.status).toBe(plain.status);
  });
});
