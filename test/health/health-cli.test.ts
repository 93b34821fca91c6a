// `ladder health` in a real git repository whose commits are dated: the ladder was written in
// January 2020, S3 edited in March 2026, one packet merged on main and one only on a branch.
// The report date is pinned with SOURCE_DATE_EPOCH. Goldens: test/fixtures/health/expected.*
// (rewrite with UPDATE=1).
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Health, HealthEntry } from '../../src/health/health';
import { commitAll, git, newRepo, putTree } from '../diff/git-repo';
import { runCli } from '../helpers/cli';
import { FIXTURES } from '../helpers/paths';

const HEALTH = join(FIXTURES, 'health');
const REPORT_DATE = String(Date.parse('2026-06-01T00:00:00Z') / 1000);

function golden(path: string, actual: string): void {
  if (process.env.UPDATE === '1') writeFileSync(path, actual);
  else if (!existsSync(path)) throw new Error(`missing golden ${path}; run with UPDATE=1`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

let dir = '';
beforeAll(async () => {
  dir = newRepo('ladder-health-');
  putTree(dir, join(HEALTH, 'repo'));
  commitAll(dir, 'Support ladder and the first packet', '2020-01-10T09:00:00Z');
  git(dir, ['checkout', '-q', '-b', 'change']);
  const file = join(dir, 'ladders/support.yml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      'Sets the standard for the whole team.',
      'Sets the standard for the whole team, and teaches it.',
    ),
  );
  commitAll(dir, 'S3: teach the standard', '2026-03-01T09:00:00Z');
  cpSync(join(HEALTH, 'later/bo-lee.md'), join(dir, 'promotions/bo-lee.md'));
});

const env = { SOURCE_DATE_EPOCH: REPORT_DATE };

function entry(list: readonly HealthEntry[], id: string): HealthEntry {
  const found = list.find((e) => e.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

describe('ladder health', () => {
  it('reports references, packets, reached, last changes and warnings as JSON', async () => {
    const run = await runCli(['health', '--format', 'json'], { cwd: dir, env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const health = JSON.parse(run.stdout) as Health;
    expect(health.generatedAt).toBe('2026-06-01');
    expect(health.packets).toEqual({ total: 2, merged: 1, reached: 0 });
    const support = health.ladders[0];
    if (!support) throw new Error('no ladder');
    expect(support.ladder).toMatchObject({
      referencedBy: { roles: 1, levels: 0 },
      observations: 2,
      // The merged packet leaves Tooling missing (`- TBD`): merged, but not a level reached.
      reached: 0,
      lastChanged: '2026-03-01',
      warnings: [],
    });
    const s2 = entry(support.levels, 'S2');
    const s3 = entry(support.levels, 'S3');
    expect(s2).toMatchObject({ observations: 1, reached: 0, lastChanged: '2020-01-10' });
    expect(s2.warnings.map((w) => w.code)).toEqual(['stale-content']);
    expect(s3).toMatchObject({ observations: 1, reached: 0, lastChanged: '2026-03-01' });
    expect(s3.warnings.map((w) => w.code)).toEqual(['missing-expectations']);
    const craft = entry(support.dimensions, 'craft');
    expect(craft).toMatchObject({
      observations: 2,
      reached: 0,
      lastChanged: '2026-03-01',
      warnings: [],
    });
    const tooling = entry(support.dimensions, 'tooling');
    expect(tooling.observations).toBe(0);
    expect(tooling.warnings.map((w) => w.code).sort()).toEqual([
      'never-evidenced',
      'stale-content',
    ]);
    expect(health.abilities[0]).toMatchObject({
      id: 'support-skill',
      referencedBy: { roles: 1, levels: 1 },
      observations: 1,
      reached: 0,
      lastChanged: '2020-01-10',
    });
    expect(health.diagnostics.map((d) => `${d.code}@${d.file}:${d.line}`)).toEqual([
      'stale-content@ladders/support.yml:10',
      'never-evidenced@ladders/support.yml:12',
      'stale-content@ladders/support.yml:12',
      'stale-content@ladders/support.yml:15',
      'stale-content@ladders/support.yml:24',
      'missing-expectations@ladders/support.yml:33',
      'stale-content@ladders/support.yml:43',
    ]);
  });

  it('counts a merged packet as reached once its review is complete', async () => {
    const repo = newRepo('ladder-health-reached-');
    putTree(repo, join(HEALTH, 'repo'));
    const packet = join(repo, 'promotions/ali-kim.md');
    let pr = 10;
    writeFileSync(
      packet,
      readFileSync(packet, 'utf8')
        .replace('- TBD', '- Automated ticket triage ([pr](https://example.com/pr/12)).')
        // Example-domain links are not evidence a review counts.
        .replace(
          /https:\/\/example\.com\/[^)]+/g,
          () => `https://github.com/acme/support/pull/${++pr}`,
        ),
    );
    commitAll(repo, 'Support ladder and a complete packet', '2020-01-10T09:00:00Z');
    const health = JSON.parse(
      (await runCli(['health', '--format', 'json'], { cwd: repo, env })).stdout,
    ) as Health;
    expect(health.packets).toEqual({ total: 1, merged: 1, reached: 1 });
    const support = health.ladders[0];
    if (!support) throw new Error('no ladder');
    expect(entry(support.levels, 'S2').reached).toBe(1);
    expect(entry(support.dimensions, 'tooling').reached).toBe(1);
  });

  it('prints the Markdown report (golden)', async () => {
    const run = await runCli(['health', '--format', 'markdown'], { cwd: dir, env });
    golden(join(HEALTH, 'expected.md'), run.stdout);
  });

  it('prints the text report (golden)', async () => {
    const run = await runCli(['health'], { cwd: dir, env });
    golden(join(HEALTH, 'expected.txt'), run.stdout);
    expect(run.status).toBe(0);
  });

  it('counts a `.markdown` packet and skips a folder README, as `review` does', async () => {
    const md = join(dir, 'promotions/bo-lee.md');
    const markdown = join(dir, 'promotions/bo-lee.Markdown');
    // A README with a packet's front matter: it would be counted if it were taken for a packet.
    const readme = join(dir, 'promotions/README.markdown');
    renameSync(md, markdown);
    cpSync(markdown, readme);
    try {
      const health = JSON.parse(
        (await runCli(['health', '--format', 'json'], { cwd: dir, env })).stdout,
      ) as Health;
      expect(health.packets).toEqual({ total: 2, merged: 1, reached: 0 });
    } finally {
      renameSync(markdown, md);
      rmSync(readme);
    }
  });

  it('takes the stale threshold from ladder.config.yml', async () => {
    writeFileSync(join(dir, 'ladder.config.yml'), 'health:\n  staleAfterDays: 5000\n');
    try {
      const health = JSON.parse(
        (await runCli(['health', '--format', 'json'], { cwd: dir, env })).stdout,
      ) as Health;
      expect(health.staleAfterDays).toBe(5000);
      expect(health.diagnostics.map((d) => d.code)).toEqual([
        'never-evidenced',
        'missing-expectations',
      ]);
    } finally {
      // The repository had no config: later tests run with the defaults again.
      rmSync(join(dir, 'ladder.config.yml'));
    }
  });

  it('exits 1 with the diagnostics when the ladders do not validate', async () => {
    const broken = newRepo('ladder-health-broken-');
    putTree(broken, join(HEALTH, 'repo'));
    writeFileSync(join(broken, 'ladders/support.yml'), 'id: support\ntitle: [unclosed\n');
    const run = await runCli(['health'], { cwd: broken });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('yaml-syntax');
  });

  it('dates the report 1970-01-01 with SOURCE_DATE_EPOCH=0, and changes after it are not "today"', async () => {
    const run = await runCli(['health', '--format', 'json'], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: '0' },
    });
    expect(run.status).toBe(0);
    const health = JSON.parse(run.stdout) as Health;
    expect(health.generatedAt).toBe('1970-01-01');
    expect(health.ladders[0]?.ladder.ageDays).toBeLessThan(0);
    const text = await runCli(['health'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } });
    expect(text.stdout).toContain('last changed 2026-03-01 (after the report date)');
    expect(text.stdout).not.toContain('(today)');
  });

  it.each(['99999999999999', '253402300800', '-5', '1.5', '1e9', ' 1700000000', 'yesterday'])(
    'refuses SOURCE_DATE_EPOCH=%j as a usage error naming the variable',
    async (value) => {
      const run = await runCli(['health'], { cwd: dir, env: { SOURCE_DATE_EPOCH: value } });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^ladder health: `SOURCE_DATE_EPOCH` must be a whole number of seconds/,
      );
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  it('takes the last second of 9999 and an empty SOURCE_DATE_EPOCH (today)', async () => {
    const last = await runCli(['health', '--format', 'json'], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: '253402300799' },
    });
    expect((JSON.parse(last.stdout) as Health).generatedAt).toBe('9999-12-31');
    const today = () => new Date().toISOString().slice(0, 10);
    const before = today();
    const empty = await runCli(['health', '--format', 'json'], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: '' },
    });
    expect(empty.status).toBe(0);
    // Either side of midnight.
    expect([before, today()]).toContain((JSON.parse(empty.stdout) as Health).generatedAt);
  });

  it('works outside git, without history or merged packets', async () => {
    const plain = join(newRepo('ladder-health-plain-'), 'copy');
    cpSync(join(HEALTH, 'repo'), plain, { recursive: true });
    const run = await runCli(['health', '--format', 'json'], {
      cwd: plain,
      env: { ...env, GIT_DIR: join(plain, 'no-such-git-dir') },
    });
    expect(run.status).toBe(0);
    const health = JSON.parse(run.stdout) as Health;
    expect(health.packets).toEqual({ total: 1, merged: 0, reached: 0 });
    expect(health.ladders[0]?.ladder.lastChanged).toBeUndefined();
    // Every entry, and so every warning, is where the ladder defines it, as with git.
    const inGit = JSON.parse(
      (await runCli(['health', '--format', 'json'], { cwd: dir, env })).stdout,
    ) as Health;
    const positions = (h: Health) =>
      [...h.ladders.flatMap((l) => [l.ladder, ...l.levels, ...l.dimensions]), ...h.abilities].map(
        (e) => `${e.kind} ${e.id} ${e.origin.file}:${e.origin.line}`,
      );
    expect(positions(health)).toEqual(positions(inGit));
    const tooling = entry(health.ladders[0]?.dimensions ?? [], 'tooling');
    expect(tooling.origin.line).toBeGreaterThan(1);
    expect(tooling.warnings.map((w) => `${w.code}@${w.line}:${w.column}`)).toEqual([
      `never-evidenced@${tooling.origin.line}:1`,
    ]);
  });
});
