// `ladder validate` and `ladder check` as a user runs them: a child process, exit codes, formats.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { FIXTURES, ROOT } from '../helpers/paths';

function brokenRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-cli-'));
  cpSync(join(ROOT, 'ladders'), join(dir, 'ladders'), { recursive: true });
  const ops = join(dir, 'ladders/ops.yml');
  const lines = readFileSync(ops, 'utf8').split('\n');
  const at = lines.findIndex((l) => /^ {6}judgment:$/.test(l));
  lines[at] = '      judgement:';
  writeFileSync(ops, lines.join('\n'));
  return dir;
}

describe('ladder validate', () => {
  it('passes on the shipped ladders with exit 0', () => {
    const run = runCli(['validate']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('No problems found.');
    expect(run.status).toBe(0);
  });

  it('points at the exact line of a broken copy of ladders/ops.yml', () => {
    const dir = brokenRepo();
    const line =
      readFileSync(join(dir, 'ladders/ops.yml'), 'utf8').split('\n').indexOf('      judgement:') +
      1;
    const run = runCli(['validate'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`ladders/ops.yml:${line}:7  error  unknown-dimension`);
    expect(run.stdout).toContain('Did you mean `judgment`?');
    expect(run.stdout).toMatch(new RegExp(`> ${line} \\|       judgement:`));
  });

  it('reads ladder files ending in .yml or .yaml in any letter case, and nothing else', () => {
    const dir = brokenRepo();
    const ops = readFileSync(join(dir, 'ladders/ops.yml'), 'utf8');
    rmSync(join(dir, 'ladders/ops.yml'));
    writeFileSync(join(dir, 'ladders/ops.YML'), ops);
    writeFileSync(join(dir, 'ladders/notes.txt'), 'id: [not yaml\n');
    const run = runCli(['validate', '--format', 'json'], { cwd: dir });
    const found = JSON.parse(run.stdout).diagnostics.map((d: { file: string; code: string }) => [
      d.file,
      d.code,
    ]);
    // The broken copy is read (its unknown dimension is found), under its own name, which
    // still matches its id; the text file is not a ladder file.
    expect(found).toEqual([['ladders/ops.YML', 'unknown-dimension']]);
  });

  it('prints JSON with a diagnostics array', () => {
    const run = runCli(['validate', 'test/fixtures/validate/unknown-group', '--format', 'json']);
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

  it('prints GitHub workflow commands', () => {
    const run = runCli(['validate', 'test/fixtures/validate/unknown-group', '--format', 'github']);
    expect(run.status).toBe(1);
    expect(run.stdout.trim()).toMatch(
      /^::error file=test\/fixtures\/validate\/unknown-group\/demo\.yml,line=10,col=12,endLine=10,endColumn=17,title=unknown-group::Unknown group/,
    );
  });

  it('exits 0 on warnings only', () => {
    const run = runCli(['validate', 'test/fixtures/validate/duplicate-statement']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warning  duplicate-statement');
  });

  it('exits 2 on usage errors', () => {
    expect(runCli(['validate', '--format', 'xml']).status).toBe(2);
    expect(runCli(['validate', '--nope']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
  });

  it('refuses paths outside the repository', () => {
    const run = runCli(['validate', '../', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics[0].code).toBe('outside-repository');
  });

  it('uses colour only on a terminal and never with NO_COLOR', () => {
    const run = runCli(['validate', 'test/fixtures/validate/unknown-group'], {
      env: { FORCE_COLOR: '1' },
    });
    expect(run.stdout).not.toContain('\x1b[');
  });

  it('never prints a stack trace on hostile files', () => {
    const run = runCli(['validate', join('test/fixtures/hostile/ladders')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('reads folders and the optional ladder.config.yml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-cfg-'));
    cpSync(join(FIXTURES, 'validate/duplicate-statement'), join(dir, 'tracks'), {
      recursive: true,
    });
    writeFileSync(
      join(dir, 'ladder.config.yml'),
      'ladders: tracks\nrules:\n  duplicate-statement: error\n',
    );
    const run = runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(
      JSON.parse(run.stdout).diagnostics.map(
        (d: { code: string; severity: string }) => `${d.code}:${d.severity}`,
      ),
    ).toEqual(['duplicate-statement:error']);
  });

  it('reports a broken ladder.config.yml at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-cfg-'));
    cpSync(join(ROOT, 'ladders'), join(dir, 'ladders'), { recursive: true });
    writeFileSync(join(dir, 'ladder.config.yml'), 'ladders: ladders\npackets: ../elsewhere\n');
    const run = runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics[0]).toEqual(
      expect.objectContaining({ file: 'ladder.config.yml', code: 'invalid-value', line: 2 }),
    );
  });
});

describe('ladder check', () => {
  it('reports packet findings without quoting packet text (CI logs can be public)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-check-'));
    for (const folder of ['ladders', 'docs'])
      cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
    cpSync(join(ROOT, 'promotions'), join(dir, 'promotions'), { recursive: true });
    const packet = join(dir, 'promotions/2026-h2/rivera-dana.md');
    // Leave one required dimension with a placeholder only, next to a canary.
    const text = readFileSync(packet, 'utf8').replace(
      /(### Trust\n\n)[\s\S]*?(\n##)/,
      '$1- TBD CANARY-7f3a\n$2',
    );
    writeFileSync(packet, text);
    const run = runCli(['check'], { cwd: dir });
    expect(run.stdout).toMatch(
      /promotions\/2026-h2\/rivera-dana\.md:\d+:\d+ {2}\w+ {2}dimension-thin/,
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain('CANARY-7f3a');
  });
});
