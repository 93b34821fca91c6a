// `ladder diff` as a user runs it: a child process in real git repositories built from the
// scenarios under test/fixtures/diff, with golden reports a person has read
// (expected.txt, expected.md; rewrite them with UPDATE=1).
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { FIXTURES } from '../helpers/paths';
import { commitAll, git, newRepo, putTree, scenarioRepo } from './git-repo';

function golden(path: string, actual: string): void {
  if (process.env.UPDATE === '1' || !existsSync(path)) {
    if (process.env.UPDATE !== '1') throw new Error(`missing golden ${path}; run with UPDATE=1`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const scenario = (name: string) => join(FIXTURES, 'diff', name);

/** Repositories of the tests that only read them: one per scenario for the file, on first use. */
const readOnly = new Map<string, string>();

/** `scenarioRepo` of a scenario, shared by the tests that never change it (nor its git state). */
function sharedScenarioRepo(name: string): string {
  let dir = readOnly.get(name);
  if (dir === undefined) {
    dir = scenarioRepo(scenario(name));
    readOnly.set(name, dir);
  }
  return dir;
}

afterAll(() => {
  for (const dir of readOnly.values()) rmSync(dir, { recursive: true, force: true });
});

describe('ladder diff (working tree against the merge base)', () => {
  it('explains the scenario, fails on the missing version bumps (text golden)', async () => {
    const dir = sharedScenarioRepo('scenario');
    const run = await runCli(['diff'], { cwd: dir });
    expect(run.stderr).toBe('');
    golden(join(scenario('scenario'), 'expected.txt'), run.stdout);
    expect(run.status).toBe(1);
  });

  it('prints the "Ladder changes" comment section with --format markdown (golden)', async () => {
    const dir = sharedScenarioRepo('scenario');
    const run = await runCli(['diff', '--format', 'markdown'], { cwd: dir });
    golden(join(scenario('scenario'), 'expected.md'), run.stdout);
    expect(run.status).toBe(1);
  });

  it('prints the data with --format json', async () => {
    const dir = sharedScenarioRepo('scenario');
    const run = await runCli(['diff', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.ok).toBe(false);
    expect(json.head).toEqual({ ref: 'the working tree', sha: null });
    expect(json.base.sha).toBe(git(dir, ['rev-parse', 'main']).trim());
    expect(json.changes).toHaveLength(10);
    expect(
      json.diagnostics.map((d: { code: string; line: number }) => `${d.code}@${d.line}`),
    ).toEqual(['version-not-bumped@7', 'version-not-bumped@79']);
    expect(json.impact.map((p: { path: string }) => p.path)).toEqual([
      'promotions/2026-h2/kim-jo.md',
      'promotions/2026-h2/lee-sam.md',
      'promotions/2026-h2/rivera-dana.md',
    ]);
    expect(json.reviewers.teams).toEqual(['acme/platform-council', 'acme/security']);
  });

  it('counts `.markdown` packets in any letter case and skips a folder README', async () => {
    const dir = scenarioRepo(scenario('scenario'));
    const folder = join(dir, 'promotions/2026-h2');
    renameSync(join(folder, 'kim-jo.md'), join(folder, 'kim-jo.Markdown'));
    // A README with a packet's front matter: it would be affected if it counted as a packet.
    cpSync(join(folder, 'lee-sam.md'), join(folder, 'README.markdown'));
    const impact = async (args: readonly string[]) =>
      (
        JSON.parse((await runCli(['diff', ...args, '--format', 'json'], { cwd: dir })).stdout) as {
          impact: { path: string }[];
        }
      ).impact.map((p) => p.path);
    const expected = [
      'promotions/2026-h2/kim-jo.Markdown',
      'promotions/2026-h2/lee-sam.md',
      'promotions/2026-h2/rivera-dana.md',
    ];
    expect(await impact([])).toEqual(expected);
    commitAll(dir, 'head');
    expect(await impact(['--base', 'main', '--head', 'change'])).toEqual(expected);
  });

  it('exits 0 when the version was bumped as the change requires (text golden)', async () => {
    const dir = sharedScenarioRepo('editorial');
    const run = await runCli(['diff'], { cwd: dir });
    golden(join(scenario('editorial'), 'expected.txt'), run.stdout);
    expect(run.status).toBe(0);
  });

  it('reports ladders added and removed and a level inserted (text golden)', async () => {
    const dir = scenarioRepo(scenario('structure'));
    const run = await runCli(['diff'], { cwd: dir });
    golden(join(scenario('structure'), 'expected.txt'), run.stdout);
    expect(run.status).toBe(0);
  });

  it('reads the folders of each side from its own config: a moved ladders folder is no change', async () => {
    const dir = newRepo();
    putTree(dir, scenario('editorial/base'));
    commitAll(dir, 'base');
    renameSync(join(dir, 'ladders'), join(dir, 'career'));
    writeFileSync(join(dir, 'ladder.config.yml'), 'ladders: career\n');
    for (const args of [[], ['--base', 'main~1', '--head', 'main']]) {
      if (args.length > 0) commitAll(dir, 'moved');
      const run = await runCli(['diff', ...args], { cwd: dir });
      expect(run.stdout, args.join(' ')).toContain('No changes to the ladders in ladder terms.');
      expect(run.status).toBe(0);
    }
  });

  it("reports what is wrong in the head's ladder.config.yml, as validate does, and exits 1", async () => {
    const dir = scenarioRepo(scenario('editorial'), true);
    writeFileSync(join(dir, 'ladder.config.yml'), 'reviw:\n  failOn: thin\n');
    const run = await runCli(['diff', '--base', 'main'], { cwd: dir });
    expect(run.stdout).toContain('Ladder changes from main to the working tree');
    expect(run.stdout).toMatch(
      /ladder\.config\.yml:1:1 {2}error {2}unknown-key {2}Unknown key `reviw`/,
    );
    expect(run.status).toBe(1);
    const json = JSON.parse((await runCli(['diff', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.ok).toBe(false);
    expect(json.changes.length).toBeGreaterThan(0);
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toContain('unknown-key');
    // A broken ladder too: both are reported.
    const file = join(dir, 'ladders/support.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      care:\n', '      kare:\n'));
    const broken = await runCli(['diff'], { cwd: dir });
    expect(broken.stdout).toContain('do not validate');
    expect(broken.stdout).toMatch(
      /unknown-dimension[\s\S]*ladder\.config\.yml:1:1 {2}error {2}unknown-key/,
    );
    expect(broken.status).toBe(1);
  });

  it('lets a config turn version-not-bumped into a warning', async () => {
    const dir = scenarioRepo(scenario('scenario'));
    writeFileSync(join(dir, 'ladder.config.yml'), 'rules:\n  version-not-bumped: warning\n');
    const run = await runCli(['diff'], { cwd: dir });
    expect(run.stdout).toContain('warning  version-not-bumped');
    expect(run.status).toBe(0);
  });
});

describe('ladder diff between two commits', () => {
  it('--base and --head read both sides from git and find the same changes', async () => {
    const dir = scenarioRepo(scenario('scenario'), true);
    const committed = await runCli(
      ['diff', '--base', 'main', '--head', 'change', '--format', 'json'],
      {
        cwd: dir,
      },
    );
    // Empty the working tree: the commits alone must be enough.
    putTree(dir, scenario('editorial/base'));
    const json = JSON.parse(committed.stdout);
    expect(json.head).toEqual({ ref: 'change', sha: git(dir, ['rev-parse', 'change']).trim() });
    const again = JSON.parse(
      (
        await runCli(['diff', '--base', 'main', '--head', 'change', '--format', 'json'], {
          cwd: dir,
        })
      ).stdout,
    );
    expect(again.changes).toEqual(json.changes);
    expect(json.changes.map((c: { kind: string }) => c.kind)).toContain('likely-renamed');
    expect(json.impact).toHaveLength(3);
  });

  it("writes a position in the head commit's files as `REV:path`, as git names that file", async () => {
    const dir = scenarioRepo(scenario('scenario'), true);
    const run = await runCli(['diff', '--base', 'main', '--head', 'change'], { cwd: dir });
    expect(run.stdout).toMatch(
      /^change:ladders\/platform\.yml:7:10 {2}error {2}version-not-bumped/m,
    );
    expect(run.stdout).not.toMatch(/^ladders\//m);
  });

  it('says the base does not validate, with its errors at `REV:path` framed from its files (goldens)', async () => {
    const dir = scenarioRepo(scenario('broken-base'));
    const run = await runCli(['diff', '--base', 'main'], { cwd: dir });
    expect(run.status).toBe(1);
    // The frame is the base's line 24 (`kare:`), which the working tree's file does not have.
    expect(run.stdout).toMatch(/^main:ladders\/support\.yml:24:7 {2}error {2}unknown-dimension/m);
    expect(run.stdout).toContain('> 24 |       kare:');
    golden(join(scenario('broken-base'), 'expected.txt'), run.stdout);
    const markdown = await runCli(['diff', '--base', 'main', '--format', 'markdown'], { cwd: dir });
    expect(markdown.status).toBe(1);
    golden(join(scenario('broken-base'), 'expected.md'), markdown.stdout);
    // The keys of a comparison are there, empty; the base's errors say whose they are.
    const json = JSON.parse(
      (await runCli(['diff', '--base', 'main', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(json).toMatchObject({
      ok: false,
      changes: [],
      versions: [],
      titles: {},
      impact: [],
      reviewers: { users: [], teams: [] },
    });
    expect(
      json.diagnostics.map(
        (d: { revision?: string; file: string; line: number; code: string }) =>
          `${d.revision}:${d.file}:${d.line} ${d.code}`,
      ),
    ).toEqual(['base:ladders/support.yml:24 unknown-dimension']);
  });

  it('defaults to HEAD as the base when there is no default branch', async () => {
    const dir = newRepo();
    git(dir, ['checkout', '-q', '-b', 'trunk']);
    putTree(dir, scenario('editorial/base'));
    commitAll(dir, 'base');
    putTree(dir, scenario('editorial/head'));
    const run = await runCli(['diff'], { cwd: dir });
    expect(run.stdout).toMatch(/^Ladder changes from [0-9a-f]{7} \(HEAD\) to the working tree/);
    expect(run.status).toBe(0);
  });

  it('says so when nothing changed', async () => {
    const dir = scenarioRepo(scenario('editorial'), true);
    const run = await runCli(['diff', '--base', 'change', '--head', 'change'], { cwd: dir });
    expect(run.stdout).toContain('No changes to the ladders in ladder terms.');
    expect(run.status).toBe(0);
  });
});

describe('ladder diff and symbolic links', () => {
  /** A repository whose ladders are links: to a file and to a folder elsewhere in it. */
  function linkedRepo(): string {
    const dir = newRepo();
    mkdirSync(join(dir, 'shared/more'), { recursive: true });
    mkdirSync(join(dir, 'ladders'));
    cpSync(join(FIXTURES, 'review/ladders/ops.yml'), join(dir, 'shared/ops.yml'));
    cpSync(
      join(FIXTURES, 'review/ladders/web-operations.yml'),
      join(dir, 'shared/more/web-operations.yml'),
    );
    symlinkSync('../shared/ops.yml', join(dir, 'ladders/ops.yml'));
    symlinkSync('../shared/more', join(dir, 'ladders/more'));
    commitAll(dir, 'linked ladders');
    return dir;
  }

  it('follows links in a commit as in the working tree: nothing changed', async () => {
    const dir = linkedRepo();
    expect((await runCli(['validate'], { cwd: dir })).status).toBe(0);
    for (const args of [['diff'], ['diff', '--base', 'main', '--head', 'main']]) {
      const run = await runCli([...args, '--format', 'json'], { cwd: dir });
      const json = JSON.parse(run.stdout);
      expect(json.diagnostics, args.join(' ')).toEqual([]);
      expect(json.changes, args.join(' ')).toEqual([]);
      expect(run.status).toBe(0);
    }
  });

  it('sees a change made through a link', async () => {
    const dir = linkedRepo();
    const file = join(dir, 'shared/more/web-operations.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Web Ops'));
    commitAll(dir, 'retitle');
    const run = await runCli(['diff', '--base', 'main~1', '--head', 'main', '--format', 'json'], {
      cwd: dir,
    });
    const json = JSON.parse(run.stdout);
    expect(
      json.changes.map((c: { kind: string; subject: { ladder: string }; after: string }) => [
        c.kind,
        c.subject.ladder,
        c.after,
      ]),
    ).toEqual([['renamed', 'web-operations', 'Web Ops']]);
  });

  it('reports a link in a commit that leads out of the repository or nowhere, as validate does', async () => {
    const dir = linkedRepo();
    const outside = join(mkdtempSync(join(tmpdir(), 'ladder-outside-')), 'secret.yml');
    writeFileSync(outside, 'id: secret\n');
    symlinkSync(outside, join(dir, 'ladders/out.yml'));
    symlinkSync('missing.yml', join(dir, 'ladders/gone.yml'));
    commitAll(dir, 'bad links');
    const found = (stdout: string) =>
      JSON.parse(stdout).diagnostics.map((d: { file: string; code: string }) => [d.file, d.code]);
    const expected = [
      ['ladders/gone.yml', 'unreadable-file'],
      ['ladders/out.yml', 'outside-repository'],
    ];
    const validate = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(found(validate.stdout)).toEqual(expected);
    const run = await runCli(['diff', '--base', 'main', '--head', 'main', '--format', 'json'], {
      cwd: dir,
    });
    // Both sides are that commit, and both say so.
    expect(found(run.stdout)).toEqual([...expected, ...expected]);
    expect(run.status).toBe(1);
  });
});

describe('ladder diff reads a revision as validate reads the working tree', () => {
  it('a file under two names, a folder linked twice, a link back into its folder, a hidden folder', async () => {
    const dir = newRepo();
    mkdirSync(join(dir, 'shared/more'), { recursive: true });
    mkdirSync(join(dir, 'ladders/.drafts'), { recursive: true });
    cpSync(join(FIXTURES, 'review/ladders/ops.yml'), join(dir, 'ladders/ops.yml'));
    writeFileSync(join(dir, 'shared/more/two.yml'), 'id: two\n');
    writeFileSync(join(dir, 'ladders/.drafts/draft.yml'), 'id: [unclosed\n');
    symlinkSync('ops.yml', join(dir, 'ladders/copy.yml'));
    symlinkSync('../shared/more', join(dir, 'ladders/more'));
    symlinkSync('../shared/more', join(dir, 'ladders/again'));
    symlinkSync('.', join(dir, 'ladders/loop'));
    commitAll(dir, 'links');
    const found = (stdout: string) =>
      (JSON.parse(stdout).diagnostics as { file: string; code: string; line: number }[]).map(
        (d) => `${d.file}:${d.line} ${d.code}`,
      );
    const validate = found((await runCli(['validate', '--format', 'json'], { cwd: dir })).stdout);
    expect(validate).toEqual(
      expect.arrayContaining([
        'ladders/again/two.yml:1 missing-key',
        // The link is the copy: ops.yml, named after the id, keeps it.
        'ladders/copy.yml:8 duplicate-id',
        'ladders/copy.yml:8 file-name-mismatch',
        'ladders/more/two.yml:1 missing-key',
      ]),
    );
    expect(validate.filter((d) => d.includes('loop/') || d.includes('.drafts'))).toEqual([]);
    const run = await runCli(['diff', '--base', 'main', '--head', 'main', '--format', 'json'], {
      cwd: dir,
    });
    // Both sides are that commit, and both say so.
    expect(found(run.stdout)).toEqual([...validate, ...validate]);
  });
});

describe('ladder diff on bad input', () => {
  it('exits 2 with a clear message for an unknown revision', async () => {
    const dir = sharedScenarioRepo('editorial');
    const run = await runCli(['diff', '--base', 'no-such-branch'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown git revision `no-such-branch`');
  });

  it('refuses a revision that looks like an option', async () => {
    const dir = sharedScenarioRepo('editorial');
    const run = await runCli(['diff', '--head=--output=/tmp/x'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a git revision');
  });

  it('exits 2 outside a git repository', async () => {
    // A folder of ladders outside any repository (this checkout may hold a ladder.config.yml,
    // which would make it the root).
    const dir = mkdtempSync(join(tmpdir(), 'ladder-no-git-'));
    cpSync(join(FIXTURES, 'diff'), dir, { recursive: true });
    const run = await runCli(['diff'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('run it inside a git repository');
  });

  it('exits 1 and prints the diagnostics when the head does not validate', async () => {
    const dir = scenarioRepo(scenario('editorial'));
    const file = join(dir, 'ladders/support.yml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '      care:\n        - Answers',
        '      kare:\n        - Answers',
      ),
    );
    const run = await runCli(['diff'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('The ladders in the working tree do not validate');
    expect(run.stdout).toMatch(/^ladders\/support\.yml:\d+:7 {2}error {2}unknown-dimension/m);
    const markdown = await runCli(['diff', '--format', 'markdown'], { cwd: dir });
    expect(markdown.stdout).toContain('The ladders in the working tree do not validate (1 error)');
    const json = JSON.parse((await runCli(['diff', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.ok).toBe(false);
    expect(json.diagnostics[0].code).toBe('unknown-dimension');
    // In the head: no `revision` to say otherwise.
    expect(json.diagnostics[0].revision).toBeUndefined();
  });
});
