// The pure parts of `ladder health`: reading packets, blame output, line spans, and the report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthReport } from '../../src/health/health';
import { ladderHistory, parseBlame, subjectSpans } from '../../src/health/history';
import { readPacket } from '../../src/health/packets';
import { healthText } from '../../src/report/health-text';
import { validateLadders } from '../../src/validate/index';
import { FIXTURES } from '../helpers/paths';

const HEALTH = join(FIXTURES, 'health');
const file = {
  path: 'ladders/support.yml',
  bytes: readFileSync(join(HEALTH, 'repo/ladders/support.yml')),
};
const { model } = validateLadders([file]);
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

describe('readPacket', () => {
  it('reads the target, the claimed milestones and the dimensions cited with evidence', () => {
    const packet = readPacket(
      'promotions/ali-kim.md',
      readFileSync(join(HEALTH, 'repo/promotions/ali-kim.md'), 'utf8'),
      model,
    );
    expect(packet).toEqual({
      path: 'promotions/ali-kim.md',
      ladder: 'support',
      to: 'S2',
      from: 'S1',
      milestones: { 'support-skill': 2 },
      // Tooling holds only a placeholder.
      cited: ['craft', 'care'],
    });
  });

  it('finds evidence the way the review does: by title or id, not placeholders', () => {
    const packet = readPacket('p.md', readFileSync(join(HEALTH, 'later/bo-lee.md'), 'utf8'), model);
    expect(packet).toMatchObject({ ladder: 'support', from: 'S2', to: 'S3', cited: ['craft'] });
    const byId = readPacket(
      'p.md',
      '---\ncandidate: x\nladder: support\nto: S2\n---\n## tooling\n\n- Wrote the macro.\n\n## Care\n\n- TODO\n',
      model,
    );
    expect(byId?.cited).toEqual(['tooling']);
  });

  it('skips a file without usable front matter', () => {
    expect(readPacket('p.md', '# No front matter\n', model)).toBeUndefined();
    expect(readPacket('p.md', '---\nladder: [\n---\n', model)).toBeUndefined();
    expect(readPacket('p.md', '---\ncandidate: x\nto: S2\n---\n', model)).toBeUndefined();
    expect(
      readPacket(
        'p.md',
        '---\ncandidate: x\nladder: support\nto: S2\nmilestones:\n  __proto__: 3\n---\n',
        model,
      ),
    ).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('history', () => {
  it('parses git blame --porcelain into a commit time per line', () => {
    const sha1 = 'a'.repeat(40);
    const sha2 = 'b'.repeat(40);
    const porcelain = [
      `${sha1} 1 1 2`,
      'author A',
      'committer-time 1000',
      '\tline one',
      `${sha1} 2 2`,
      '\tline two',
      `${sha2} 3 3 1`,
      'committer-time 2000',
      '\tline three',
      '',
    ].join('\n');
    expect(parseBlame(porcelain)).toEqual([1_000_000, 1_000_000, 2_000_000]);
  });

  it('finds the lines that define each level, dimension and ability', () => {
    const spans = subjectSpans(file);
    expect(spans.get('level:support/S1')).toEqual([[15, 23]]);
    expect(spans.get('level:support/S3')).toEqual([[33, 41]]);
    // A dimension: its definition and its expectations at every level.
    expect(spans.get('dimension:support/care')).toEqual([
      [10, 11],
      [20, 21],
      [29, 30],
    ]);
    expect(spans.get('ability:support/support-skill')?.[0]?.[0]).toBe(43);
  });

  it('dates each subject by its newest line', () => {
    const lines = new TextDecoder().decode(file.bytes).split('\n').length;
    const times = Array.from({ length: lines }, (_, i) => (i + 1 === 37 ? 5000 : 1000));
    const porcelain = times
      .map((t, i) => `${String(i).padStart(40, '0')} ${i + 1} ${i + 1} 1\ncommitter-time ${t}\n\tx`)
      .join('\n');
    const history = ladderHistory([file], new Map([[file.path, porcelain]]));
    expect(history.get('level:support/S3')).toEqual({ lastChanged: 5_000_000, line: 33 });
    expect(history.get('level:support/S1')).toEqual({ lastChanged: 1_000_000, line: 15 });
    expect(history.get('dimension:support/craft')?.lastChanged).toBe(5_000_000);
    expect(history.get('ladder:support')?.lastChanged).toBe(5_000_000);
  });
});

describe('healthReport', () => {
  it('counts references across ladders, each referencing level once', () => {
    const text = (s: string) => ({ path: s.split('\n')[0]?.slice(2) ?? '', bytes: Buffer.from(s) });
    const two = validateLadders([
      text(
        '# ladders/a.yml\nid: a\ntitle: A\nversion: 1.0.0\nlevels:\n  - id: A1\n    title: A one\n    summary: s\n    next: [A2, b/B2]\n    abilities: { skill: 1 }\n  - id: A2\n    title: A two\n    summary: s\n    next: [b/B2, b/B1]\n    abilities: { skill: 1 }\nabilities:\n  - id: skill\n    title: Skill\n    version: 1.0.0\n    milestones:\n      - points: 1\n        examples: [x]\nroles:\n  - id: r\n    title: R\n    requires: { skill: 1 }\n',
      ),
      text(
        '# ladders/b.yml\nid: b\ntitle: B\nversion: 1.0.0\nlevels:\n  - id: B1\n    title: B one\n    summary: s\n    next: [B2]\n  - id: B2\n    title: B two\n    summary: s\n    next: []\nroles:\n  - id: rb\n    title: RB\n    requires: { skill: 1 }\n',
      ),
    ]);
    expect(
      two.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line, d.message]),
    ).toEqual([]);
    const claims = [
      {
        path: 'p.md',
        ladder: 'b',
        to: 'B2',
        milestones: { skill: 1 },
        cited: [],
        merged: true,
        complete: true,
      },
      {
        path: 'q.md',
        ladder: 'b',
        to: 'B2',
        milestones: {},
        cited: [],
        merged: false,
        complete: false,
      },
      // Merged with a dimension missing: cited, but not a level reached.
      {
        path: 'r.md',
        ladder: 'b',
        to: 'B2',
        milestones: {},
        cited: [],
        merged: true,
        complete: false,
      },
    ];
    const health = healthReport(two.model, claims, new Map(), { now: NOW, staleAfterDays: 730 });
    const [a, b] = health.ladders;
    // Two levels of A lead into B; B2 is reached from A1, A2 and B1, each counted once.
    expect(b?.ladder).toMatchObject({
      referencedBy: { roles: 1, levels: 2 },
      observations: 3,
      reached: 1,
    });
    expect(health.packets).toEqual({ total: 3, merged: 2, reached: 1 });
    expect(b?.levels.map((l) => [l.id, l.referencedBy.levels, l.observations, l.reached])).toEqual([
      ['B1', 1, 0, 0],
      ['B2', 3, 3, 1],
    ]);
    expect(a?.ladder.referencedBy).toEqual({ roles: 1, levels: 0 });
    expect(health.abilities[0]).toMatchObject({
      referencedBy: { roles: 2, levels: 2 },
      observations: 1,
      reached: 1,
    });
  });

  it("counts each ladder's own ability when two ladders declare the same id", () => {
    const ladder = (id: string) => ({
      path: `ladders/${id}.yml`,
      bytes: Buffer.from(
        `id: ${id}\ntitle: ${id}\nlevels:\n  - id: L1\n    title: One\n    summary: s\n    abilities: { skill: 1 }\nabilities:\n  - id: skill\n    title: ${id} skill\n    milestones:\n      - points: 1\nroles:\n  - id: r\n    title: R\n    requires: { skill: 1 }\n`,
      ),
    });
    const { model: both } = validateLadders([ladder('a'), ladder('b')]);
    const claim = (path: string, from: string, milestones: Record<string, number>) => ({
      path,
      ladder: from,
      to: 'L1',
      milestones,
      cited: [],
      merged: true,
      complete: true,
    });
    const health = healthReport(
      both,
      // Bare from its own ladder, or `ladder/id` from another.
      [claim('p.md', 'a', { skill: 1 }), claim('q.md', 'b', { 'a/skill': 1 })],
      new Map(),
      { now: NOW, staleAfterDays: 730 },
    );
    expect(
      health.abilities.map((e) => [
        e.ladder,
        e.referencedBy.roles,
        e.referencedBy.levels,
        e.observations,
      ]),
    ).toEqual([
      ['a', 1, 1, 2],
      ['b', 1, 1, 0],
    ]);
  });

  const packets = [
    {
      path: 'a.md',
      ladder: 'support',
      to: 'S2',
      milestones: {},
      cited: ['craft', 'care', 'tooling'],
      merged: true,
      complete: true,
    },
  ];

  it('warns once for a ladder that is stale as a whole, not for each of its parts', () => {
    const old = NOW - 1000 * DAY;
    const history = new Map(
      ['ladder:support', 'level:support/S1', 'level:support/S2', 'dimension:support/care'].map(
        (k) => [k, { lastChanged: old, line: 1 }],
      ),
    );
    const health = healthReport(model, packets, history, { now: NOW, staleAfterDays: 730 });
    expect(health.diagnostics.map((d) => d.code)).toEqual([
      'stale-content',
      'missing-expectations',
    ]);
    expect(health.ladders[0]?.ladder.ageDays).toBe(1000);
  });

  it('counts the age in calendar days, as the dates it shows: a change late yesterday is a day old', () => {
    const now = Date.parse('2026-12-05T03:55:00Z');
    const at = (iso: string) => ({ lastChanged: Date.parse(iso), line: 1 });
    const history = new Map([
      ['ladder:support', at('2026-12-04T16:03:53Z')],
      ['level:support/S1', at('2026-12-05T00:10:00Z')],
      ['level:support/S2', at('2024-12-05T23:59:00Z')],
    ]);
    const health = healthReport(model, packets, history, { now, staleAfterDays: 730 });
    const ladder = health.ladders[0];
    expect(ladder?.ladder).toMatchObject({ lastChanged: '2026-12-04', ageDays: 1 });
    expect(ladder?.levels[0]).toMatchObject({ lastChanged: '2026-12-05', ageDays: 0 });
    // 730 days to the day: not yet past the limit.
    expect(ladder?.levels[1]).toMatchObject({ lastChanged: '2024-12-05', ageDays: 730 });
    expect(health.diagnostics.map((d) => d.code)).not.toContain('stale-content');
  });

  it('does not call a change dated after the report date "today"', () => {
    // SOURCE_DATE_EPOCH set to 2023 on a repository edited in 2026.
    const now = Date.parse('2023-11-14T22:13:20Z');
    const history = new Map([['ladder:support', { lastChanged: NOW, line: 1 }]]);
    const health = healthReport(model, packets, history, { now, staleAfterDays: 730 });
    const ladder = health.ladders[0]?.ladder;
    expect(ladder).toMatchObject({ lastChanged: '2026-06-01', ageDays: -930 });
    expect(ladder?.warnings).toEqual([]);
    const text = healthText(health);
    expect(text).toContain('last changed 2026-06-01 (after the report date)');
    expect(text).not.toContain('(today)');
  });

  it('has no history and no stale warnings when git history is unknown', () => {
    const health = healthReport(model, packets, new Map(), { now: NOW, staleAfterDays: 1 });
    expect(health.diagnostics.map((d) => d.code)).toEqual(['missing-expectations']);
    expect(health.ladders[0]?.levels[1]).toMatchObject({ id: 'S2', observations: 1, reached: 1 });
    expect(health.ladders[0]?.levels[1]?.lastChanged).toBeUndefined();
  });

  it('does not warn about what a ladder declares by design', () => {
    // Levels judged by abilities and points (the growth framework) state no expectations.
    const dir = join(FIXTURES, 'render', 'frameworks', 'ladders');
    const growth = validateLadders([
      { path: 'ladders/growth.yml', bytes: readFileSync(join(dir, 'growth.yml')) },
    ]).model;
    const byPoints = healthReport(growth, [], new Map(), { now: NOW, staleAfterDays: 730 });
    expect(byPoints.diagnostics.map((d) => d.code)).toEqual([]);
    // A level that writes out `requires` needs no expectations for the dimensions it leaves out.
    const yaml = readFileSync(join(HEALTH, 'repo/ladders/support.yml'), 'utf8');
    const s3 = /\n {2}- id: S3\n/.exec(yaml);
    if (!s3) throw new Error('no S3 in the fixture');
    const declared = `${yaml.slice(0, s3.index + s3[0].length)}    requires: [craft]\n${yaml.slice(s3.index + s3[0].length)}`;
    const explicit = validateLadders([{ path: file.path, bytes: Buffer.from(declared) }]).model;
    const health = healthReport(explicit, packets, new Map(), { now: NOW, staleAfterDays: 730 });
    expect(health.diagnostics.map((d) => d.code)).not.toContain('missing-expectations');
  });

  it('warns for every required dimension when no packet cites it', () => {
    const health = healthReport(model, [], new Map(), { now: NOW, staleAfterDays: 730 });
    expect(health.diagnostics.filter((d) => d.code === 'never-evidenced')).toHaveLength(3);
    expect(health.abilities[0]).toMatchObject({ observations: 0, reached: 0 });
  });

  it('names the alternative to a major bump in its advice, and cuts titles with an ellipsis', () => {
    const long = validateLadders([
      {
        path: 'ladders/backend.yml',
        bytes: Buffer.from(
          'id: backend\ntitle: Backend\ndimensions:\n  - id: craft\n    title: Craft\n  - id: care\n    title: Care\nlevels:\n  - id: B5\n    title: Principal Backend Engineer of Platforms\n    expectations:\n      craft: [Leads.]\n  - id: B6\n    title: Distinguished\n    requires: [craft, care]\n    expectations:\n      craft: [Leads more.]\n',
        ),
      },
    ]);
    const health = healthReport(long.model, [], new Map(), { now: NOW, staleAfterDays: 730 });
    const advice = health.diagnostics.filter((d) => d.code === 'missing-expectations');
    // B5 derives what it requires from its expectations: writing some raises the bar (major).
    expect(advice[0]?.message).toMatch(/major version bump.*`requires:`/);
    // B6 lists what it requires, `care` among them: expectations for it are new content only.
    // (A dimension a level leaves out of its `requires` needs none: see the test above.)
    expect(advice[1]?.message).toContain('a minor version bump');
    const text = healthText(health);
    expect(text).toContain('B5 Principal Backend Engine…');
    expect(text).not.toMatch(/Enginee\s/);
  });
});

describe('missing-expectations in a cumulative ladder', () => {
  // Each level states what it adds ("everything from the level before, plus"): a dimension a
  // level before it states is still expected there (titles.yml: Craft at L3 and L4, not L5 or
  // L6); on a track, the levels before it are the way up that track (dual.yml: M4 and M5 state no
  // Technical skill, E1-E3 do).
  const dir = join(FIXTURES, 'frameworks', 'ladders');
  const health = (name: string) => {
    const ladders = validateLadders([
      { path: `ladders/${name}.yml`, bytes: readFileSync(join(dir, `${name}.yml`)) },
    ]).model;
    return healthReport(ladders, [], new Map(), { now: NOW, staleAfterDays: 730 });
  };
  const missing = (name: string) =>
    health(name)
      .ladders.flatMap((l) => l.levels)
      .filter((l) => l.warnings.some((w) => w.code === 'missing-expectations'))
      .map((l) => [l.id, /\(([^)]*)\)/.exec(l.warnings[0]?.message ?? '')?.[1]]);

  it('counts what the levels before it state', () => {
    expect(missing('titles')).toEqual([
      ['L3', 'Leadership'],
      ['L4', 'Leadership'],
    ]);
    expect(missing('dual')).toEqual([]);
  });

  it('leaves out a dimension that starts at a later level or belongs to another track', () => {
    // areas.yml: Strategy `from: senior`, Organisational impact `from: staff`; dual.yml: People
    // management on `tracks: [manager]`, stated by neither E1-E3 nor E4-E5.
    expect(missing('areas')).toEqual([]);
    const dual = health('dual').ladders[0]?.levels ?? [];
    expect(dual.flatMap((l) => l.warnings.map((w) => w.code))).toEqual([]);
  });
});
