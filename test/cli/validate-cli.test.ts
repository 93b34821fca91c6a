// `ladder validate` and `ladder check` as a user runs them: a child process, exit codes, formats.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { FIXTURES } from '../helpers/paths';

/** The review fixture's ladders, with `judgment` misspelt in one level of ops.yml. */
function brokenRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-cli-'));
  cpSync(join(FIXTURES, 'review/ladders'), join(dir, 'ladders'), { recursive: true });
  const ops = join(dir, 'ladders/ops.yml');
  const lines = readFileSync(ops, 'utf8').split('\n');
  const at = lines.findIndex((l) => /^ {6}judgment:$/.test(l));
  lines[at] = '      judgement:';
  writeFileSync(ops, lines.join('\n'));
  return dir;
}

describe('ladder validate', () => {
  it('passes on the shipped ladders with exit 0', async () => {
    const run = await runCli(['validate']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('No problems found.');
    expect(run.status).toBe(0);
  });

  it('points at the exact line of a broken ladders/ops.yml', async () => {
    const dir = brokenRepo();
    const line =
      readFileSync(join(dir, 'ladders/ops.yml'), 'utf8').split('\n').indexOf('      judgement:') +
      1;
    const run = await runCli(['validate'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`ladders/ops.yml:${line}:7  error  unknown-dimension`);
    expect(run.stdout).toContain('Did you mean `judgment`?');
    expect(run.stdout).toMatch(new RegExp(`> ${line} \\|       judgement:`));
  });

  it('reads ladder files ending in .yml or .yaml in any letter case, and nothing else', async () => {
    const dir = brokenRepo();
    const ops = readFileSync(join(dir, 'ladders/ops.yml'), 'utf8');
    rmSync(join(dir, 'ladders/ops.yml'));
    writeFileSync(join(dir, 'ladders/ops.YML'), ops);
    writeFileSync(join(dir, 'ladders/notes.txt'), 'id: [not yaml\n');
    const run = await runCli(['validate', '--format', 'json'], { cwd: dir });
    const found = JSON.parse(run.stdout).diagnostics.map((d: { file: string; code: string }) => [
      d.file,
      d.code,
    ]);
    // The broken copy is read (its unknown dimension is found), under its own name, which
    // still matches its id; the text file is not a ladder file.
    expect(found).toEqual([['ladders/ops.YML', 'unknown-dimension']]);
  });

  it('prints JSON with a diagnostics array', async () => {
    const run = await runCli([
      'validate',
      'test/fixtures/validate/unknown-group',
      '--format',
      'json',
    ]);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(json.diagnostics).toEqual([
      expect.objectContaining({
        code: 'unknown-group',
        severity: 'error',
        file: 'test/fixtures/validate/unknown-group/demo.yml',
        line: 10,
        column: 12,
      }),
    ]);
  });

  it('prints GitHub workflow commands', async () => {
    const run = await runCli([
      'validate',
      'test/fixtures/validate/unknown-group',
      '--format',
      'github',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout.trim()).toMatch(
      /^::error file=test\/fixtures\/validate\/unknown-group\/demo\.yml,line=10,col=12,endLine=10,endColumn=17,title=unknown-group::Unknown group/,
    );
  });

  it('exits 0 on warnings only', async () => {
    const run = await runCli(['validate', 'test/fixtures/validate/duplicate-statement']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warning  duplicate-statement');
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['validate', '--format', 'xml'])).status).toBe(2);
    expect((await runCli(['validate', '--nope'])).status).toBe(2);
    expect((await runCli(['frobnicate'])).status).toBe(2);
  });

  it('refuses paths outside the repository', async () => {
    const run = await runCli(['validate', '../', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics[0].code).toBe('outside-repository');
  });

  it('uses colour on a terminal, never with a non-empty NO_COLOR, and always with FORCE_COLOR', async () => {
    const coloured = async (terminal: boolean, env: Record<string, string>) =>
      (
        await runCli(['validate', 'test/fixtures/validate/unknown-group'], { terminal, env })
      ).stdout.includes('\x1b[');
    expect(await coloured(false, {})).toBe(false);
    expect(await coloured(true, { NO_COLOR: '1' })).toBe(false);
    // Set but empty: the convention says it does not count.
    expect(await coloured(true, { NO_COLOR: '' })).toBe(true);
    expect(await coloured(true, { NO_COLOR: '', TERM: 'dumb' })).toBe(false);
    expect(await coloured(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(await coloured(true, { NO_COLOR: '', FORCE_COLOR: '0' })).toBe(false);
  });

  it('never prints a stack trace on hostile files', async () => {
    const run = await runCli(['validate', join('test/fixtures/hostile/ladders')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('reads folders and the optional ladder.config.yml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-cfg-'));
    cpSync(join(FIXTURES, 'validate/duplicate-statement'), join(dir, 'tracks'), {
      recursive: true,
    });
    writeFileSync(
      join(dir, 'ladder.config.yml'),
      'ladders: tracks\nrules:\n  duplicate-statement: error\n',
    );
    const run = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(
      JSON.parse(run.stdout).diagnostics.map(
        (d: { code: string; severity: string }) => `${d.code}:${d.severity}`,
      ),
    ).toEqual(['duplicate-statement:error']);
  });

  it('reports a broken ladder.config.yml at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-cfg-'));
    cpSync(join(FIXTURES, 'review/ladders'), join(dir, 'ladders'), { recursive: true });
    writeFileSync(join(dir, 'ladder.config.yml'), 'ladders: ladders\npackets: ../elsewhere\n');
    const run = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics[0]).toEqual(
      expect.objectContaining({ file: 'ladder.config.yml', code: 'invalid-value', line: 2 }),
    );
  });

  it.each([[['validate']], [['validate', 'ladders']], [['check']]])(
    '`ladder %j` shows a config problem with its code frame, as a ladder file problem',
    async (args) => {
      const dir = mkdtempSync(join(tmpdir(), 'ladder-cfg-'));
      cpSync(join(FIXTURES, 'review/ladders'), join(dir, 'ladders'), { recursive: true });
      writeFileSync(join(dir, 'ladder.config.yml'), 'ladders: ladders\npackets: ../elsewhere\n');
      const run = await runCli(args, { cwd: dir });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('ladder.config.yml:2:10  error  invalid-value');
      expect(run.stdout).toContain('> 2 | packets: ../elsewhere\n    |          ^^^^^^^^^^^^\n');
    },
  );
});

describe('ladder check', () => {
  it('runs what the action runs on a push: a work-in-progress packet neither fails it nor shows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-check-'));
    cpSync(join(FIXTURES, 'review/ladders'), join(dir, 'ladders'), { recursive: true });
    expect((await runCli(['render'], { cwd: dir })).status).toBe(0);
    cpSync(join(FIXTURES, 'review/packets/missing-and-thin.md'), join(dir, 'promotions/wip.md'));
    const packet = join(dir, 'promotions/wip.md');
    writeFileSync(packet, `${readFileSync(packet, 'utf8')}\n- TBD CANARY-7f3a\n`);
    const run = await runCli(['check'], { cwd: dir });
    expect(run.stdout).toContain('No problems found.');
    expect(run.status).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain('CANARY-7f3a');
    // The packet is judged where packets are: `ladder review` (and the pull request's comment).
    expect((await runCli(['review', 'promotions/wip.md'], { cwd: dir })).status).toBe(1);
  });
});
