// `ladder review`, `ladder new-packet` and the packets step of `ladder check`, run as processes
// in a scratch repository made of the fixture ladders and packets.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER, composeComment } from '../../src/report/pr-comment';
import { reviewPackets } from '../../src/review/index';
import { runCli } from '../helpers/cli';
import { fixtureModel, OPTIONS, REVIEW } from './helpers';

let repo = '';

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'ladder-review-'));
  cpSync(join(REVIEW, 'ladders'), join(repo, 'ladders'), { recursive: true });
  mkdirSync(join(repo, 'promotions'), { recursive: true });
  for (const name of ['complete.md', 'thin.md', 'missing-and-thin.md'])
    cpSync(join(REVIEW, 'packets', name), join(repo, 'promotions', name));
  writeFileSync(
    join(repo, 'promotions', 'README.md'),
    '# Promotion packets\n\nOne file per packet.\n',
  );
});

afterAll(async () => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

const run = (...args: string[]) => runCli(args, { cwd: repo });

describe('ladder review', () => {
  it('prints a text report and exits 0 for a complete packet', async () => {
    const r = await run('review', 'promotions/complete.md');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✓ complete — 10 of 10 dimensions evidenced');
    expect(r.stdout).toContain('1 packet: 1 complete, 0 thin, 0 missing, 0 invalid.');
  });

  it('exits 1 when a required dimension is missing, 0 for thin (failOn: missing)', async () => {
    const missing = await run('review', 'promotions/missing-and-thin.md');
    expect(missing.status).toBe(1);
    // The verdict is set apart from its summary, which names the missing dimensions itself.
    expect(missing.stdout).toContain(
      '\n  ✗ missing — 1 of 10 dimensions evidenced; missing: Communication, Flexibility, Trust, Feedback; thin: ',
    );
    expect((await run('review', 'promotions/thin.md')).status).toBe(0);
  });

  it('follows review.failOn from ladder.config.yml', async () => {
    writeFileSync(join(repo, 'ladder.config.yml'), 'review:\n  failOn: thin\n');
    try {
      expect((await run('review', 'promotions/thin.md')).status).toBe(1);
      writeFileSync(join(repo, 'ladder.config.yml'), 'review:\n  failOn: never\n');
      expect((await run('review', 'promotions/missing-and-thin.md')).status).toBe(0);
    } finally {
      rmSync(join(repo, 'ladder.config.yml'));
    }
  });

  it('reviews every packet in the folder by default, skipping its README', async () => {
    const r = await run('review', '--format', 'json');
    const report = JSON.parse(r.stdout) as { packets: { path: string; verdict: string }[] };
    expect(report.packets.map((p) => [p.path, p.verdict])).toEqual([
      ['promotions/complete.md', 'complete'],
      ['promotions/missing-and-thin.md', 'missing'],
      ['promotions/thin.md', 'thin'],
    ]);
    expect(r.status).toBe(1);
  });

  it('reviews `.markdown` packets in any letter case and skips a folder README', async () => {
    const more = join(repo, 'promotions', 'more');
    mkdirSync(more);
    cpSync(join(REVIEW, 'packets', 'thin.md'), join(more, 'thin.Markdown'));
    // READMEs with a packet's front matter: they would be reviewed if they counted as packets.
    for (const name of ['README.markdown', 'Readme.MD'])
      cpSync(join(REVIEW, 'packets', 'missing-and-thin.md'), join(more, name));
    const paths = async (...args: string[]) => {
      const r = await run('review', ...args, '--format', 'json');
      const report = JSON.parse(r.stdout) as { packets: { path: string; verdict: string }[] };
      return report.packets.map((p) => [p.path, p.verdict]);
    };
    try {
      expect(await paths()).toEqual([
        ['promotions/complete.md', 'complete'],
        ['promotions/missing-and-thin.md', 'missing'],
        ['promotions/more/thin.Markdown', 'thin'],
        ['promotions/thin.md', 'thin'],
      ]);
      expect(await paths('promotions/more')).toEqual([['promotions/more/thin.Markdown', 'thin']]);
      // Named explicitly, a README is reviewed.
      expect(await paths('promotions/more/README.markdown')).toEqual([
        ['promotions/more/README.markdown', 'missing'],
      ]);
    } finally {
      rmSync(more, { recursive: true });
    }
  });

  it('prints JSON with the documented shape', async () => {
    const r = await run('review', 'promotions/thin.md', '--format', 'json');
    const { packets } = JSON.parse(r.stdout);
    expect(Object.keys(packets[0])).toEqual(
      expect.arrayContaining([
        'path',
        'verdict',
        'candidate',
        'ladder',
        'from',
        'to',
        'dimensions',
        'findings',
      ]),
    );
    expect(packets[0].dimensions[1]).toMatchObject({
      id: 'craft',
      title: 'Craft & Quality',
      status: 'thin',
      reasons: ['1 of the 2 evidence items needed'],
      evidence: [{ line: 15, linked: true, links: ['https://github.com/acme/handbook/pull/4'] }],
    });
    expect(packets[0].findings[0]).toMatchObject({
      code: 'milestone-shortfall',
      file: 'promotions/thin.md',
      line: 5,
      column: 5,
    });
  });

  it('prints exactly the comment body with --format markdown', async () => {
    const r = await run('review', 'promotions/thin.md', '--format', 'markdown');
    const bytes = readFileSync(join(repo, 'promotions', 'thin.md'));
    const expected = composeComment({
      review: reviewPackets(fixtureModel(), [{ path: 'promotions/thin.md', bytes }], OPTIONS),
    });
    expect(r.stdout).toBe(expected);
    expect(r.stdout.startsWith(COMMENT_MARKER)).toBe(true);
  });

  it('reports unreadable and oversized packets as invalid', async () => {
    writeFileSync(join(repo, 'big.md'), 'x'.repeat(300 * 1024));
    try {
      const r = await run('review', 'big.md', 'nope.md', '--format', 'json');
      const { packets } = JSON.parse(r.stdout);
      expect(
        packets.map((p: { path: string; verdict: string; findings: { code: string }[] }) => [
          p.path,
          p.verdict,
          p.findings[0]?.code,
        ]),
      ).toEqual([
        ['big.md', 'invalid', 'packet-too-large'],
        ['nope.md', 'invalid', 'unreadable-file'],
      ]);
      expect(r.status).toBe(1);
    } finally {
      rmSync(join(repo, 'big.md'));
    }
  });

  it('counts a relative link only to a file of the working tree, and keys only of declared trackers', async () => {
    const packet = (name: string, item: string) =>
      writeFileSync(
        join(repo, 'evidence', name),
        `---\ncandidate: lee\nladder: platform\nfrom: P1\nto: P2\n---\n\n## Delivery\n\n${item}\n- Ran the quarterly capacity review\n`,
      );
    mkdirSync(join(repo, 'evidence'), { recursive: true });
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(repo, '.github', 'workflows', 'ci.yml'), 'on: push\n');
    mkdirSync(join(repo, 'docs'), { recursive: true });
    writeFileSync(join(repo, 'docs', 'runbook.md'), '# Runbook\n');
    packet('hidden.md', '- Wrote the CI workflow ([workflow](../.github/workflows/ci.yml))');
    packet('doc.md', '- Wrote the failover runbook ([runbook](/docs/runbook.md))');
    packet('gone.md', '- Wrote the failover runbook ([runbook](../docs/gone.md))');
    packet('self.md', '- Wrote this packet ([packet](./self.md))');
    packet('key.md', '- Ran the change OPS-42 and two SEV-2 responses');
    const statuses = async () => {
      const r = await run('review', 'evidence', '--format', 'json');
      const report = JSON.parse(r.stdout) as {
        packets: { path: string; dimensions: { id: string; status: string }[] }[];
      };
      return Object.fromEntries(
        report.packets.map((p) => [p.path, p.dimensions.find((d) => d.id === 'delivery')?.status]),
      );
    };
    try {
      expect(await statuses()).toEqual({
        'evidence/doc.md': 'evidenced',
        'evidence/gone.md': 'thin',
        'evidence/hidden.md': 'evidenced',
        'evidence/key.md': 'thin',
        'evidence/self.md': 'thin',
      });
      // The text report says why a link written there does not count, not that there is none.
      const text = (await run('review', 'evidence/gone.md')).stdout;
      expect(text).toMatch(
        /line 10 +Wrote the failover runbook \(runbook\) +no link that counts: no file of the repository is at that path\n/,
      );
      expect((await run('review', 'evidence/key.md')).stdout).toMatch(
        /line 10 +Ran the change OPS-42 and two SEV-2 responses +no link\n/,
      );
      writeFileSync(join(repo, 'ladder.config.yml'), 'evidence:\n  trackers: [OPS]\n');
      expect((await statuses())['evidence/key.md']).toBe('evidenced');
    } finally {
      rmSync(join(repo, 'ladder.config.yml'), { force: true });
      rmSync(join(repo, 'evidence'), { recursive: true, force: true });
    }
  });

  it('stops at an error in ladder.config.yml, as validate and check do, and says so in every format', async () => {
    writeFileSync(join(repo, 'ladder.config.yml'), 'review:\n  failOn: sometimes\n');
    try {
      const text = await run('review');
      expect(text.status).toBe(1);
      expect(text.stdout).toContain('ladder.config.yml:2:11  error  invalid-value');
      expect(text.stdout).toContain('> 2 |   failOn: sometimes');
      expect(text.stdout).not.toContain('promotions/');
      expect(text.stderr).toContain('ladder.config.yml has an error, so no packet was reviewed');
      const json = await run('review', '--format', 'json');
      expect(json.status).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual({
        diagnostics: [
          expect.objectContaining({ file: 'ladder.config.yml', code: 'invalid-value', line: 2 }),
        ],
      });
    } finally {
      rmSync(join(repo, 'ladder.config.yml'), { force: true });
    }
  });

  it('rejects an unknown format with exit 2', async () => {
    expect((await run('review', '--format', 'html')).status).toBe(2);
  });
});

describe('ladder new-packet', () => {
  it('stops at an error in ladder.config.yml, where the packets folder would be a guess', async () => {
    writeFileSync(join(repo, 'ladder.config.yml'), 'packets: [drafts]\n');
    try {
      const r = await run('new-packet', '--ladder', 'ops', '--to', 'L3', '--candidate', 'Kim Lee');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('ladder.config.yml:1:10  error  wrong-type');
      expect(r.stderr).toContain('ladder.config.yml has an error, so no packet was written');
      expect(existsSync(join(repo, 'promotions', 'kim-lee-ops-l3.md'))).toBe(false);
    } finally {
      rmSync(join(repo, 'ladder.config.yml'), { force: true });
    }
  });

  it('writes a skeleton and refuses to overwrite it', async () => {
    const first = await run(
      'new-packet',
      '--ladder',
      'ops',
      '--to',
      'L3',
      '--candidate',
      'Sam Okafor',
    );
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Wrote promotions/sam-okafor-ops-l3.md');
    const text = readFileSync(join(repo, 'promotions', 'sam-okafor-ops-l3.md'), 'utf8');
    expect(text).toContain('candidate: Sam Okafor\nladder: ops\nfrom: L2\nto: L3\n');
    const again = await run(
      'new-packet',
      '--ladder',
      'ops',
      '--to',
      'L3',
      '--candidate',
      'Sam Okafor',
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(repo, 'promotions', 'sam-okafor-ops-l3.md'), 'utf8')).toBe(text);
    const review = await run('review', 'promotions/sam-okafor-ops-l3.md');
    expect(review.status).toBe(1);
    expect(review.stdout).toContain('0 of 10 dimensions evidenced');
    rmSync(join(repo, 'promotions', 'sam-okafor-ops-l3.md'));
  });

  it('says how to review the packet from the folder it ran in', async () => {
    const here = join(repo, 'team', 'notes');
    mkdirSync(here, { recursive: true });
    // The config marks the repository root for a command run below it (the scratch folder has no .git).
    writeFileSync(join(repo, 'ladder.config.yml'), 'packets: promotions\n');
    const inFolder = (...args: string[]) => runCli(args, { cwd: here });
    try {
      const made = await inFolder(
        'new-packet',
        '--ladder',
        'ops',
        '--to',
        'L3',
        '--candidate',
        'Ana',
      );
      expect(made.stdout).toBe(
        'Wrote promotions/ana-ops-l3.md: 10 sections to evidence for L3 Senior SRE.\nFill in the evidence, then run: npx ladder review ../../promotions/ana-ops-l3.md\n',
      );
      const out = "Ana's draft.md";
      const draft = await inFolder('new-packet', '--ladder', 'ops', '--to', 'L3', '--out', out);
      expect(draft.stdout).toContain("then run: npx ladder review 'Ana'\\''s draft.md'\n");
      // The command it gives works from there (the shell would turn the quoted word into `out`).
      const review = await inFolder('review', '../../promotions/ana-ops-l3.md');
      expect(review.stdout).toContain('0 of 10 dimensions evidenced');
      expect((await inFolder('review', out)).stdout).toContain('0 of 10 dimensions evidenced');
    } finally {
      rmSync(join(repo, 'team'), { recursive: true, force: true });
      rmSync(join(repo, 'promotions', 'ana-ops-l3.md'), { force: true });
      rmSync(join(repo, 'ladder.config.yml'), { force: true });
    }
  });

  it('writes to --out inside the repository, creating folders', async () => {
    const r = await run(
      'new-packet',
      '--ladder',
      'platform',
      '--to',
      'P2',
      '--from',
      'P1',
      '--candidate',
      'Lee',
      '--out',
      'promotions/2026-h2/lee.md',
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(join(repo, 'promotions/2026-h2/lee.md'))).toBe(true);
    rmSync(join(repo, 'promotions/2026-h2'), { recursive: true });
  });

  it('writes the default name into a folder named by --out', async () => {
    const here = join(repo, 'team');
    mkdirSync(here, { recursive: true });
    writeFileSync(join(repo, 'ladder.config.yml'), 'packets: promotions\n');
    const inFolder = (...args: string[]) => runCli(args, { cwd: here });
    const args = ['new-packet', '--ladder', 'ops', '--to', 'L3', '--candidate', 'Ana', '--out'];
    try {
      // An existing folder, with or without its `/`; a new one when it ends with `/`.
      for (const [out, path] of [
        ['../promotions', 'promotions/ana-ops-l3.md'],
        ['../promotions/2026-h2/', 'promotions/2026-h2/ana-ops-l3.md'],
      ] as const) {
        const r = await inFolder(...args, out);
        expect(r.status, out).toBe(0);
        expect(r.stdout, out).toContain(`Wrote ${path}:`);
        expect(r.stderr, out).toBe('');
        expect(existsSync(join(repo, path)), out).toBe(true);
      }
      const again = await inFolder(...args, '../promotions/');
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('promotions/ana-ops-l3.md already exists');
    } finally {
      rmSync(here, { recursive: true, force: true });
      rmSync(join(repo, 'promotions/ana-ops-l3.md'), { force: true });
      rmSync(join(repo, 'promotions/2026-h2'), { recursive: true, force: true });
      rmSync(join(repo, 'ladder.config.yml'), { force: true });
    }
  });

  it('writes where --out says, warning when the review will not find it there', async () => {
    writeFileSync(join(repo, 'ladder.config.yml'), 'packets: promotions\n');
    try {
      for (const out of ['notes/q.md', 'promotions/q.txt', 'promotions/drafts/README.md']) {
        const args = ['--ladder', 'ops', '--to', 'L3', '--candidate', 'Lee', '--out', out];
        const r = await run('new-packet', ...args);
        expect(r.status, out).toBe(0);
        expect(existsSync(join(repo, out)), out).toBe(true);
        expect(r.stderr, out).toMatch(
          new RegExp(
            `^ladder new-packet: warning: .*will not review ${out.replace('.', '\\.')}: .* under promotions/, the \`packets\` folder of ladder.config.yml.`,
          ),
        );
        // It is reviewed when named.
        expect((await run('review', out)).stdout).toContain('0 of 10 dimensions evidenced');
      }
      // Nor does the default review list them.
      const all = await run('review', '--format', 'json');
      const paths = (JSON.parse(all.stdout) as { packets: { path: string }[] }).packets.map(
        (p) => p.path,
      );
      expect(paths.filter((p) => /q\.|drafts/.test(p))).toEqual([]);
    } finally {
      rmSync(join(repo, 'notes'), { recursive: true, force: true });
      rmSync(join(repo, 'promotions/q.txt'), { force: true });
      rmSync(join(repo, 'promotions/drafts'), { recursive: true, force: true });
      rmSync(join(repo, 'ladder.config.yml'), { force: true });
    }
  });

  it('keeps --out inside the repository', async () => {
    expect(
      (await run('new-packet', '--ladder', 'ops', '--to', 'L3', '--out', '../outside.md')).status,
    ).toBe(2);
    expect(existsSync(join(repo, '..', 'outside.md'))).toBe(false);
    const elsewhere = mkdtempSync(join(tmpdir(), 'ladder-elsewhere-'));
    symlinkSync(elsewhere, join(repo, 'link'));
    try {
      const r = await run('new-packet', '--ladder', 'ops', '--to', 'L3', '--out', 'link/x.md');
      expect(r.status).toBe(1);
      expect(existsSync(join(elsewhere, 'x.md'))).toBe(false);
    } finally {
      rmSync(join(repo, 'link'));
      rmSync(elsewhere, { recursive: true });
    }
  });

  it('writes no packet the review would call not a promotion (exit 1)', async () => {
    const down = await run('new-packet', '--ladder', 'ops', '--to', 'L2', '--from', 'L4');
    expect(down.status).toBe(1);
    expect(down.stderr).toBe(
      'ladder new-packet: The target level `L2` (SRE) is below the current level `L4` (Lead SRE); check `from` and `to`.\n',
    );
    expect(existsSync(join(repo, 'promotions', 'candidate-ops-l2.md'))).toBe(false);
  });

  it('writes a handle without its @, and says to fill in a candidate left out', async () => {
    const handle = await run('new-packet', '--ladder', 'ops', '--to', 'L4', '--candidate', '@dana');
    expect(handle.status).toBe(0);
    expect(handle.stderr).toBe('');
    const path = join(repo, 'promotions', 'dana-ops-l4.md');
    expect(readFileSync(path, 'utf8')).toMatch(/^---\ncandidate: dana\n/);
    rmSync(path);
    const nameless = await run('new-packet', '--ladder', 'ops', '--to', 'L4');
    expect(nameless.status).toBe(0);
    expect(nameless.stderr).toContain(
      'no --candidate given: replace `candidate: your-name` in the front matter',
    );
    rmSync(join(repo, 'promotions', 'candidate-ops-l4.md'));
    expect(
      (await run('new-packet', '--ladder', 'ops', '--to', 'L4', '--candidate', '@')).status,
    ).toBe(2);
  });

  it('explains unknown ladders and levels (exit 1) and usage errors (exit 2)', async () => {
    const ladder = await run('new-packet', '--ladder', 'opps', '--to', 'L3');
    expect(ladder.status).toBe(1);
    expect(ladder.stderr).toContain('Did you mean `ops`?');
    const level = await run('new-packet', '--ladder', 'ops', '--to', 'L33');
    expect(level.status).toBe(1);
    expect(level.stderr).toContain('Did you mean `L3`?');
    expect((await run('new-packet', '--ladder', 'ops')).status).toBe(2);
    expect((await run('new-packet', '--to', 'L3')).status).toBe(2);
    expect((await run('new-packet', '--ladder', 'ops', '--to', 'L3', '--colour')).status).toBe(2);
  });
});

describe('ladder check', () => {
  it('leaves packets to the review, as the action does on a push', async () => {
    const r = await run('check', '--format', 'json');
    const { diagnostics } = JSON.parse(r.stdout) as {
      diagnostics: { code: string; file: string; severity: string }[];
    };
    // The scratch repository has no rendered pages: those are what fails, not the packets.
    expect(diagnostics.filter((d) => d.file.startsWith('promotions/'))).toEqual([]);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['page-missing']));
    expect(r.status).toBe(1);
    expect((await run('render')).status).toBe(0);
    expect((await run('check')).status).toBe(0);
    // The same packets, reviewed: a missing dimension fails.
    expect((await run('review')).status).toBe(1);
    rmSync(join(repo, 'docs'), { recursive: true });
  });
});
