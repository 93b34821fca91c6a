// `ladder render`, `ladder render --check` and `ladder check` as a user runs them: a child
// process in a throw-away copy of a fixture repository.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownMarker } from '../../src/render/marker';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';
import { PAGES, RENDER_FIXTURES, readTree } from './helpers';

const fixture = join(RENDER_FIXTURES, 'branching');

/** A fresh repository with the fixture's ladders and, optionally, its committed pages. */
function repo(withPages: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-render-'));
  cpSync(join(fixture, 'ladders'), join(dir, 'ladders'), { recursive: true });
  if (withPages) cpSync(join(fixture, PAGES), join(dir, PAGES), { recursive: true });
  return dir;
}

describe('ladder render', () => {
  it('writes every page and export, exactly the goldens', async () => {
    const dir = repo(false);
    const run = await runCli(['render'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  created  docs/ladders/eng/E1.md');
    expect(readTree(join(dir, PAGES))).toEqual(readTree(join(fixture, PAGES)));
  });

  it('is idempotent: a second run writes nothing and touches no file', async () => {
    const dir = repo(true);
    const page = join(dir, PAGES, 'eng/E1.md');
    const before = statSync(page).mtimeMs;
    const run = await runCli(['render'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /All \d+ generated files in docs\/ladders are up to date; nothing written/,
    );
    expect(statSync(page).mtimeMs).toBe(before);
    expect(readTree(join(dir, PAGES))).toEqual(readTree(join(fixture, PAGES)));
  });

  it('updates a stale page, recreates a missing one, removes only marked orphans', async () => {
    const dir = repo(true);
    const pages = join(dir, PAGES);
    const e1 = join(pages, 'eng/E1.md');
    writeFileSync(e1, `${readFileSync(e1, 'utf8')}\nedited by hand\n`);
    rmSync(join(pages, 'eng/E2.md'));
    mkdirSync(join(pages, 'old'));
    writeFileSync(join(pages, 'old/README.md'), `${markdownMarker(['ladders/old.yml'], 'x')}\n`);
    writeFileSync(join(pages, 'notes.md'), '# Notes written by a person\n');
    const run = await runCli(['render'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  updated  docs/ladders/eng/E1.md');
    expect(run.stdout).toContain('  created  docs/ladders/eng/E2.md');
    expect(run.stdout).toContain('  removed  docs/ladders/old/README.md');
    expect(existsSync(join(pages, 'old'))).toBe(false);
    expect(readFileSync(join(pages, 'notes.md'), 'utf8')).toBe('# Notes written by a person\n');
    const tree = readTree(pages);
    tree.delete('notes.md');
    expect(tree).toEqual(readTree(join(fixture, PAGES)));
  });

  it('writes every other page, but not over a hand-written file where a page goes, and exits 1', async () => {
    const dir = repo(true);
    const pages = join(dir, PAGES);
    const notes = '# My own notes about E3\n';
    writeFileSync(join(pages, 'eng/E3.md'), notes);
    rmSync(join(pages, 'eng/E2.md'));
    const run = await runCli(['render'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('  created  docs/ladders/eng/E2.md');
    expect(run.stdout).toContain(
      'docs/ladders/eng/E3.md:1:1  error  page-not-generated  This file stands where the page of level `eng/E3` goes',
    );
    expect(run.stdout).not.toContain('docs/ladders/eng/E3.md\n');
    expect(run.stderr).toContain('Left 1 file of yours as it is (above)');
    expect(readFileSync(join(pages, 'eng/E3.md'), 'utf8')).toBe(notes);
    const tree = readTree(pages);
    const expected = readTree(join(fixture, PAGES));
    tree.delete('eng/E3.md');
    expected.delete('eng/E3.md');
    expect(tree).toEqual(expected);
  });

  it('says what it wrote and removed in one sentence, with plurals, leaving out what it did not do', async () => {
    const dir = repo(true);
    const pages = join(dir, PAGES);
    const total = readTree(join(fixture, PAGES)).size;
    const orphan = () =>
      writeFileSync(join(pages, 'eng/E9.md'), `${markdownMarker(['ladders/eng.yml'], 'x')}\n`);
    const summary = async () => (await runCli(['render'], { cwd: dir })).stdout.split('\n').at(-2);
    rmSync(join(pages, 'eng/E2.md'));
    expect(await summary()).toBe(
      `Wrote 1 file in docs/ladders; ${total - 1} were already up to date.`,
    );
    rmSync(join(pages, 'eng/E2.md'));
    rmSync(join(pages, 'eng/E3.md'));
    orphan();
    expect(await summary()).toBe(
      `Wrote 2 files and removed 1 file in docs/ladders; ${total - 2} were already up to date.`,
    );
    orphan();
    expect(await summary()).toBe(
      `Removed 1 file in docs/ladders; ${total} were already up to date.`,
    );
    writeFileSync(join(pages, 'eng/E3.md'), '# My notes\n');
    expect(await summary()).toBe(
      `Wrote nothing in docs/ladders; ${total - 1} were already up to date.`,
    );
  });

  it('writes nothing and exits 1 when the ladders have errors', async () => {
    const dir = repo(false);
    const eng = join(dir, 'ladders/eng.yml');
    writeFileSync(eng, readFileSync(eng, 'utf8').replace('group: craft', 'group: crafts'));
    const run = await runCli(['render'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('unknown-group');
    expect(run.stderr).toContain('No page was written.');
    expect(existsSync(join(dir, 'docs'))).toBe(false);
    // --check never writes: it says only what to fix.
    const check = await runCli(['render', '--check'], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toBe('The ladders have errors; fix them first.\n');
  });

  it('writes into --out, and says so in the markers', async () => {
    const dir = repo(false);
    const run = await runCli(['render', '--out', 'site/pages'], { cwd: dir });
    expect(run.status).toBe(0);
    const index = readFileSync(join(dir, 'site/pages/README.md'), 'utf8');
    expect(index.split('\n')[0]).toContain('`npx ladder render --out site/pages`');
    expect((await runCli(['render', '--check', '--out', 'site/pages'], { cwd: dir })).status).toBe(
      0,
    );
  });

  it('refuses a pages folder outside the repository as outside-repository, naming the root', async () => {
    const dir = repo(false);
    const run = await runCli(['render', '--out', '../elsewhere'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `../elsewhere:1:1  error  outside-repository  This folder is outside the repository; pages are written only inside it. The repository root is ${dir}.`,
    );
    expect(run.stderr).toContain('No page was written.');
    const root = await runCli(['render', '--out', '.'], { cwd: dir });
    expect(root.status).toBe(2);
    expect(root.stderr).toContain(`not its root (${dir})`);
  });

  it('does not write through a symbolic link that leads outside', async () => {
    const dir = repo(false);
    const outside = mkdtempSync(join(tmpdir(), 'ladder-outside-'));
    mkdirSync(join(dir, PAGES), { recursive: true });
    symlinkSync(outside, join(dir, PAGES, 'eng'));
    const run = await runCli(['render'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('docs/ladders/eng/E1.md:1:1  error  outside-repository');
    expect(readTree(outside).size).toBe(0);
    expect(existsSync(join(dir, PAGES, 'README.md'))).toBe(false);
  });
});

describe('ladder render --check', () => {
  it('passes on the committed pages of this repository', async () => {
    const run = await runCli(['render', '--check']);
    expect(run.stdout).toMatch(/All \d+ generated files in docs\/ladders are up to date\./);
    expect(run.status).toBe(0);
  });

  it('fails on an edited, a missing and an orphaned page, and writes nothing', async () => {
    const dir = repo(true);
    const pages = join(dir, PAGES);
    const edited = readFileSync(join(pages, 'eng/E3.md'), 'utf8').replace('Mentors', 'Coaches');
    writeFileSync(join(pages, 'eng/E3.md'), edited);
    rmSync(join(pages, 'eng.csv'));
    writeFileSync(join(pages, 'eng/E9.md'), `${markdownMarker(['ladders/eng.yml'], 'x')}\n`);
    writeFileSync(join(pages, 'eng/mine.md'), '# Mine\n');
    const line = edited.split('\n').findIndex((l) => l.includes('Coaches')) + 1;
    const run = await runCli(['render', '--check'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`docs/ladders/eng/E3.md:${line}:1  error  page-stale`);
    expect(run.stdout).toContain('docs/ladders/eng.csv:1:1  error  page-missing');
    expect(run.stdout).toContain('docs/ladders/eng/E9.md:1:1  error  page-orphaned');
    expect(run.stdout).not.toContain('mine.md');
    expect(run.stdout).toContain('Run `npx ladder render` to update them.');
    expect(readFileSync(join(pages, 'eng/E3.md'), 'utf8')).toBe(edited);
    expect(existsSync(join(pages, 'eng.csv'))).toBe(false);
  });

  it('reports a hand-written file where a page goes as not generated, not as stale', async () => {
    const dir = repo(true);
    const notes = '# My own notes about E3\n';
    writeFileSync(join(dir, PAGES, 'eng/E3.md'), notes);
    for (const args of [['render', '--check'], ['check']]) {
      const run = await runCli(args, { cwd: dir });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('docs/ladders/eng/E3.md:1:1  error  page-not-generated');
      expect(run.stdout).not.toContain('page-stale');
      // `render` does not mend it: the advice to run it is left out.
      expect(run.stdout).not.toContain('to update');
    }
    expect(readFileSync(join(dir, PAGES, 'eng/E3.md'), 'utf8')).toBe(notes);
  });

  it('fails with the validation errors when the ladders are invalid', async () => {
    const dir = repo(true);
    writeFileSync(join(dir, 'ladders/eng.yml'), 'id: [unclosed\n');
    const run = await runCli(['render', '--check'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/ladders\/eng\.yml:\d+:\d+ {2}error {2}yaml-syntax/);
    expect(run.stdout).not.toContain('page-');
  });
});

describe('ladder check', () => {
  it('includes the render check', async () => {
    const dir = repo(true);
    expect((await runCli(['check'], { cwd: dir })).status).toBe(0);
    rmSync(join(dir, PAGES, 'eng/E4.md'));
    const run = await runCli(['check', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as {
      diagnostics: { code: string; file: string }[];
    };
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'page-missing', file: 'docs/ladders/eng/E4.md' }),
    ]);
  });

  it('ends a list of stale pages with the command that updates them, as render --check does', async () => {
    const dir = repo(true);
    rmSync(join(dir, PAGES, 'eng/E4.md'));
    const run = await runCli(['check'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '1 error, 0 warnings, 0 info.',
      '1 generated file in docs/ladders is stale, missing or orphaned. Run `npx ladder render` to update it.',
    ]);
    // Not on the ladders' own errors: the pages are not compared then.
    writeFileSync(join(dir, 'ladders/eng.yml'), 'id: [unclosed\n');
    expect((await runCli(['check'], { cwd: dir })).stdout).not.toContain('Run `npx ladder render`');
  });

  it('shows clashing page paths with the code frames render shows', async () => {
    const dir = repo(true);
    const mgmt = join(dir, 'ladders/mgmt.yml');
    writeFileSync(mgmt, readFileSync(mgmt, 'utf8').replace('id: M2', 'id: readme'));
    const check = await runCli(['check'], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/\n> +\d+ \| +- id: readme\n/);
    expect(check.stdout).toBe((await runCli(['render'], { cwd: dir })).stdout);
  });

  it('passes on this repository', async () => {
    const run = await runCli(['check'], { cwd: ROOT });
    // Info findings (such as a packet's milestone points) may be printed; nothing worse.
    expect(run.stdout).toMatch(/No problems found\.|0 error\(s\), 0 warning\(s\)/);
    expect(run.status).toBe(0);
  });
});
