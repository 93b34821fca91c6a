// `ladder diff` on the framework ladders (test/fixtures/diff/frameworks/<kind>: the fixtures of
// test/fixtures/render/frameworks as base, one kind of change in the head): a level's grade,
// track, band and label, points asked by levels and roles, and how an ability's points count
// are each reported in ladder terms and classified as a promotion committee would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeChange, plain } from '../../src/diff/describe';
import { diffModels } from '../../src/diff/diff-models';
import { packetImpact } from '../../src/diff/impact';
import { reviewersFor } from '../../src/diff/owners';
import { versionDiagnostics } from '../../src/diff/versions';
import { FIXTURES } from '../helpers/paths';
import { inlineFiles, ladderModel, laddersModel, sideModel } from './models';

function changes(kind: string) {
  const result = diffModels(
    sideModel(`frameworks/${kind}`, 'base'),
    sideModel(`frameworks/${kind}`, 'head'),
  );
  return {
    result,
    lines: result.changes.map(
      (c) => `${c.impact} ${c.bump}: ${plain(describeChange(c, result.titles))}`,
    ),
  };
}

describe('ladder diff of the framework ladders', () => {
  it('a level re-graded is breaking: promotions and lateral moves are judged by grade', () => {
    const { result, lines } = changes('grade');
    expect(lines).toEqual([
      'breaking major: `staff-ic` moves from grade 3 to grade 4',
      'breaking major: `director` moves from grade 3 to grade 4',
    ]);
    expect(result.changes[0]).toMatchObject({
      kind: 'grade-changed',
      ladder: 'tracks',
      level: 'staff-ic',
      before: 3,
      after: 4,
    });
    const impact = packetImpact(result, [
      { path: 'promotions/a.md', ladder: 'tracks', to: 'staff-ic', from: 'senior-ic' },
      { path: 'promotions/b.md', ladder: 'tracks', to: 'senior-ic', from: 'engineer' },
    ]);
    expect(impact).toEqual([
      {
        path: 'promotions/a.md',
        ladder: 'tracks',
        level: 'staff-ic',
        breaking: true,
        notes: [
          {
            impact: 'breaking',
            pieces: ['moves from grade 3 to grade 4', ', so the move is judged anew'],
          },
        ],
      },
    ]);
  });

  it('a level moved to another track is breaking: it changes which levels a move may skip', () => {
    const { result, lines } = changes('track');
    expect(lines).toEqual(['breaking major: `senior-manager` moves from track `manager` to `ic`']);
    expect(result.changes[0]).toMatchObject({
      kind: 'track-changed',
      before: 'manager',
      after: 'ic',
    });
  });

  it('a display label changed is editorial wording (patch), not a generic text change', () => {
    const { result, lines } = changes('label');
    expect(lines).toEqual(['editorial patch: `senior-ic` label: E2 → S2']);
    expect(result.changes[0]).toMatchObject({ kind: 'label-changed', before: 'E2', after: 'S2' });
  });

  it('a level moved to another band is editorial (minor): bands group levels on pages', () => {
    const { result, lines } = changes('band');
    expect(lines).toEqual(['editorial minor: `2.1` moves from band `engineer-2` to `engineer-1`']);
    expect(result.changes[0]).toMatchObject({
      kind: 'band-changed',
      before: 'engineer-2',
      after: 'engineer-1',
    });
  });

  it("a level's points minimum raised is breaking, lowered is editorial", () => {
    const { result, lines } = changes('level-points');
    expect(lines).toEqual([
      'editorial minor: `1.2` now needs at least 4 points in total (was 5)',
      'breaking major: `2.1` now needs at least 11 points in total (was 10)',
    ]);
    expect(result.changes[1]).toMatchObject({
      kind: 'requirement-raised',
      holder: { type: 'level', ladder: 'growth', level: '2.1' },
      requirement: { type: 'points' },
      before: 10,
      after: 11,
    });
    expect(result.versions[0]).toMatchObject({ required: 'major', status: 'not-bumped' });
    const impact = packetImpact(result, [
      { path: 'promotions/a.md', ladder: 'growth', to: '2.1', from: '1.2' },
    ]);
    expect(impact[0]?.notes).toEqual([
      { impact: 'breaking', pieces: ['now needs at least 11 points in total (was 10)'] },
    ]);
  });

  it("a role's range narrowed is breaking (minimum raised, maximum lowered), widened is editorial", () => {
    const { result, lines } = changes('role-points');
    expect(lines).toEqual([
      'editorial minor: Role Engineer I (`engineer-1`) now allows at most 11 points in total (was 9)',
      'breaking major: Role Engineer II (`engineer-2`) now needs at least 12 points in total (was 10)',
      'breaking major: Role Engineer II (`engineer-2`) now allows at most 15 points in total (was 20)',
    ]);
    expect(result.changes[2]).toMatchObject({
      kind: 'points-max-changed',
      holder: { type: 'role', role: 'engineer-2' },
      before: 20,
      after: 15,
    });
    const impact = packetImpact(result, [
      { path: 'promotions/a.md', ladder: 'growth', to: '2.2', role: 'engineer-2' },
    ]);
    expect(impact[0]?.notes.map((n) => plain(n.pieces))).toEqual([
      'is for Engineer II (`engineer-2`), which now needs at least 12 points in total (was 10)',
      'is for Engineer II (`engineer-2`), which now allows at most 15 points (was 20)',
    ]);
  });

  it('says one point in the singular, in the change and in the impact', () => {
    const yaml = (max: number) => `id: demo
title: Demo
levels:
  - id: A
    title: One
roles:
  - id: eng
    title: Engineer
    points: { min: 0, max: ${max} }
`;
    const [base, head] = [2, 1].map((max) =>
      laddersModel(inlineFiles({ 'ladders/demo.yml': yaml(max) })),
    );
    if (!base || !head) throw new Error('two models');
    const result = diffModels(base, head);
    expect(result.changes.map((c) => plain(describeChange(c, result.titles)))).toEqual([
      'Role Engineer (`eng`) now allows at most 1 point in total (was 2)',
    ]);
    const impact = packetImpact(result, [{ path: 'p.md', ladder: 'demo', to: 'A', role: 'eng' }], {
      base,
      head,
    });
    expect(impact[0]?.notes.map((n) => plain(n.pieces))).toEqual([
      'is for Engineer (`eng`), which now allows at most 1 point (was 2)',
    ]);
  });

  it("an ability's points mode changed is breaking: every claim of it is worth another total", () => {
    const { result, lines } = changes('scoring');
    expect(lines).toEqual([
      'breaking major: Web client: points now added up to each milestone (were held at each milestone), so every claim of it is worth another total',
    ]);
    expect(result.changes[0]).toMatchObject({
      kind: 'scoring-changed',
      ability: 'web',
      before: 'held',
      after: 'added',
      unit: { type: 'ability', id: 'web' },
    });
  });
});

describe('abilities and roles of the same id in two ladders', () => {
  // Ids unique only within their ladder: each ladder's `skill` and `eng` are told apart.
  const ladder = (
    id: string,
    o: { points?: number; required?: number; role?: string } = {},
  ) => `id: ${id}
title: ${id.toUpperCase()}
levels:
  - id: A
    title: One
    points: { min: 1 }
abilities:
  - id: skill
    title: ${id.toUpperCase()} Skill
    version: 1.0.0
    owners: [${id}-guild]
    milestones:
      - points: 1
      - points: ${o.points ?? 3}
roles:
  - id: eng
    title: ${o.role ?? `${id.toUpperCase()} Engineer`}
    requires:
      skill: ${o.required ?? 1}
`;
  const base = inlineFiles({
    'ladders/alpha.yml': ladder('alpha'),
    'ladders/beta.yml': ladder('beta'),
  });
  const head = inlineFiles({
    'ladders/alpha.yml': ladder('alpha', { required: 2 }),
    'ladders/beta.yml': ladder('beta', { points: 5, role: 'BETA Engineers' }),
  });
  const before = laddersModel(base);
  const after = laddersModel(head);
  const result = diffModels(before, after);

  it('names them `ladder/id` and pairs each with its own', () => {
    expect(
      result.changes.map(
        (c) =>
          `${c.impact} ${c.unit.type}:${c.unit.id}: ${plain(describeChange(c, result.titles))}`,
      ),
    ).toEqual([
      'breaking ability:beta/skill: BETA Skill milestone 2: points 3 → 5',
      'breaking ladder:alpha: Role ALPHA Engineer (`alpha/eng`) now requires ALPHA Skill milestone 2 (was 1)',
      'editorial ladder:beta: Role `beta/eng` renamed: BETA Engineer → BETA Engineers',
    ]);
  });

  it("checks and places each ability's own version, and asks its own owners", () => {
    expect(
      versionDiagnostics(result, head).map((d) => `${d.file}:${d.line} ${d.message.slice(0, 24)}`),
    ).toEqual(['ladders/beta.yml:10 Ability `beta/skill` cha']);
    expect(reviewersFor(result.changes, after, { base: before }).users).not.toContain(
      'alpha-guild',
    );
    expect(reviewersFor(result.changes, after, { base: before }).users).toContain('beta-guild');
  });

  it("asks the base's owners of an ability even when the change adds another ladder's of its id", () => {
    // The action asks owners as the base names them: there, `skill` is alpha's alone.
    const only = inlineFiles({ 'ladders/alpha.yml': ladder('alpha') });
    const edited = inlineFiles({
      'ladders/alpha.yml': ladder('alpha', { points: 4 }),
      'ladders/beta.yml': ladder('beta'),
    });
    const both = diffModels(laddersModel(only), laddersModel(edited));
    expect(both.changes.map((c) => c.unit.id)).toContain('alpha/skill');
    expect(reviewersFor(both.changes, laddersModel(only)).users).toContain('alpha-guild');
  });

  it("tells each packet what changed for its own ladder's role and ability", () => {
    const packet = (ladder: string) => ({
      path: `promotions/${ladder}.md`,
      ladder,
      to: 'A',
      role: 'eng',
      milestones: { skill: 2 },
    });
    expect(
      packetImpact(result, [packet('alpha'), packet('beta')], { base: before, head: after }).map(
        (p) => `${p.path}: ${p.notes.map((n) => plain(n.pieces)).join('; ')}`,
      ),
    ).toEqual([
      'promotions/alpha.md: is for ALPHA Engineer (`alpha/eng`), which now requires ALPHA Skill milestone 2 (was 1)',
      'promotions/beta.md: now counts its claim of BETA Skill milestone 2 as 6 points (was 4)',
    ]);
  });
});

describe('where a dimension applies', () => {
  it('a dimension that starts at another level, or moves to a track, is an editorial change', () => {
    // test/fixtures/frameworks/ladders/areas.yml: Strategy `from: senior`; the head starts it at
    // Staff and gives it to a track.
    const base = readFileSync(join(FIXTURES, 'frameworks', 'ladders', 'areas.yml'), 'utf8');
    const head = base
      .replace(
        'group: leadership, from: senior }',
        'group: leadership, from: staff, tracks: [ic] }',
      )
      .replace(
        'version: 1.0.0\n',
        'version: 1.0.0\ntracks: [{ id: ic, title: Individual contributor }]\n',
      );
    const before = ladderModel(base, 'ladders/areas.yml');
    const result = diffModels(before, ladderModel(head, 'ladders/areas.yml'));
    const lines = result.changes
      .filter((c) => c.kind === 'text-changed' && c.subject.type === 'dimension')
      .map((c) => `${c.impact}: ${plain(describeChange(c, result.titles))}`);
    expect(lines).toEqual([
      // Read as the group of a dimension is: the id before and after.
      'editorial: Dimension Strategy (`strategy`) › from: 1 statement added, 1 removed',
      'editorial: Dimension Strategy (`strategy`) › tracks: 1 statement added',
    ]);
  });
});
