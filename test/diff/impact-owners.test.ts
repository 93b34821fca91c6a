// The impact of a ladder change on packets, and the owners asked to review it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plain } from '../../src/diff/describe';
import { diffModels } from '../../src/diff/diff-models';
import { packetImpact } from '../../src/diff/impact';
import { reviewersFor } from '../../src/diff/owners';
import { readPacket } from '../../src/health/packets';
import type { Model } from '../../src/model/types';
import { FIXTURES } from '../helpers/paths';
import { ladderModel, sideModel } from './models';

const base = sideModel('scenario', 'base');
const head = sideModel('scenario', 'head');
const result = diffModels(base, head);

function packets() {
  const folder = join(FIXTURES, 'diff/scenario/head/promotions/2026-h2');
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = `promotions/2026-h2/${name}`;
      const p = readPacket(path, readFileSync(join(folder, name), 'utf8'), head);
      return p ? [p] : [];
    });
}

describe('packetImpact', () => {
  it('reads each packet target from its front matter', () => {
    expect(packets().map((p) => `${p.path} ${p.ladder} ${p.from}→${p.to}`)).toEqual([
      'promotions/2026-h2/kim-jo.md platform P1→P2',
      'promotions/2026-h2/lee-sam.md platform P3→P4',
      'promotions/2026-h2/rivera-dana.md platform P2→P3',
    ]);
  });

  it('says what changes for each packet whose target is affected, breaking first', () => {
    const impact = packetImpact(result, packets(), { base, head });
    expect(
      impact.map((p) => ({
        path: p.path,
        breaking: p.breaking,
        notes: p.notes.map((n) => `${n.impact}: ${plain(n.pieces)}`),
      })),
    ).toEqual([
      {
        path: 'promotions/2026-h2/kim-jo.md',
        breaking: false,
        notes: ['editorial: requires Judgment, whose id is now `judgment` (was `judgement`)'],
      },
      {
        path: 'promotions/2026-h2/lee-sam.md',
        breaking: true,
        notes: ['breaking: was removed'],
      },
      {
        path: 'promotions/2026-h2/rivera-dana.md',
        breaking: true,
        notes: [
          'breaking: now also requires Security',
          'breaking: now requires Platform Skill milestone 3 (was 2)',
          'breaking: now counts its claim of Platform Skill milestone 3 as 11 points (was 10)',
          'editorial: requires Judgment, whose id is now `judgment` (was `judgement`)',
          'editorial: has changed expectations for Mastery (1 reworded, 1 added) and Security (1 added)',
        ],
      },
    ]);
  });

  it('follows a level that was likely renamed, and an edge that was removed', () => {
    const yaml = (ids: [string, string, string], next: string) => `id: demo
title: Demo
dimensions:
  - id: craft
    title: Craft
levels:
  - id: ${ids[0]}
    title: One
    expectations:
      craft: [Works.]
    next: [${next}]
  - id: ${ids[1]}
    title: Two
    expectations:
      craft: [Works well.]
  - id: ${ids[2]}
    title: Three
    expectations:
      craft: [Works very well.]
`;
    const before = ladderModel(yaml(['A', 'B', 'C'], 'B, C'));
    const after = ladderModel(yaml(['A', 'B2', 'C'], 'B2'));
    const impact = packetImpact(diffModels(before, after), [
      { path: 'p/one.md', ladder: 'demo', from: 'A', to: 'B' },
      { path: 'p/two.md', ladder: 'demo', from: 'A', to: 'C' },
      { path: 'p/three.md', ladder: 'other', to: 'B' },
    ]);
    expect(
      impact.map((p) => `${p.path}: ${p.notes.map((n) => plain(n.pieces)).join('; ')}`),
    ).toEqual([
      'p/one.md: is now `B2` (likely renamed)',
      'p/two.md: can no longer be reached from `A`',
    ]);
  });

  it('names the milestone claims now worth other points, and only those', () => {
    const yaml = (scoring: 'added' | 'held', second: number) => `id: demo
title: Demo
levels:
  - id: A
    title: One
    points: { min: 3 }
abilities:
  - id: skill
    title: Skill
    scoring: ${scoring}
    milestones:
      - points: 1
      - points: ${second}
      - points: 6
`;
    const claims = [1, 2, 3].map((n) => ({
      path: `p/${n}.md`,
      ladder: 'demo',
      to: 'A',
      milestones: { [n === 3 ? 'demo/skill' : 'skill']: n },
    }));
    const notes = (before: Model, after: Model) =>
      packetImpact(diffModels(before, after), claims, { base: before, head: after }).map(
        (p) =>
          `${p.path} ${p.breaking ? 'breaking' : 'editorial'}: ${plain(p.notes[0]?.pieces ?? [])}`,
      );
    // Added up to a milestone (1, 4, 10), now held at it (1, 3, 6): the first claim is worth 1 still.
    expect(notes(ladderModel(yaml('added', 3)), ladderModel(yaml('held', 3)))).toEqual([
      'p/2.md breaking: now counts its claim of Skill milestone 2 as 3 points (was 4; its points are now held, not added)',
      'p/3.md breaking: now counts its claim of Skill milestone 3 as 6 points (was 10; its points are now held, not added)',
    ]);
    // Held: milestone 2's points move only a claim of milestone 2. Worth more, a claim can go
    // above its role's range; worth less, fall short of a minimum: breaking either way.
    expect(notes(ladderModel(yaml('held', 3)), ladderModel(yaml('held', 4)))).toEqual([
      'p/2.md breaking: now counts its claim of Skill milestone 2 as 4 points (was 3)',
    ]);
    // Added: they move every claim from milestone 2 on.
    expect(notes(ladderModel(yaml('added', 3)), ladderModel(yaml('added', 2)))).toEqual([
      'p/2.md breaking: now counts its claim of Skill milestone 2 as 3 points (was 4)',
      'p/3.md breaking: now counts its claim of Skill milestone 3 as 9 points (was 10)',
    ]);
    const first = (points: number) =>
      ladderModel(yaml('added', 3).replace('- points: 1\n', `- points: ${points}\n`));
    expect(notes(first(2), first(1))).toEqual([
      'p/1.md breaking: now counts its claim of Skill milestone 1 as 1 point (was 2)',
      'p/2.md breaking: now counts its claim of Skill milestone 2 as 4 points (was 5)',
      'p/3.md breaking: now counts its claim of Skill milestone 3 as 10 points (was 11)',
    ]);
  });

  it('prices no claim of a milestone the ability does not have, as the review counts none', () => {
    const yaml = (scoring: 'added' | 'held', milestones: number) => `id: demo
title: Demo
levels:
  - id: A
    title: One
abilities:
  - id: skill
    title: Skill
    scoring: ${scoring}
    milestones:
${[1, 3, 6, 12]
  .map((p) => `      - points: ${p}\n`)
  .slice(0, milestones)
  .join('')}`;
    // Milestone 9 never exists (\`milestone-out-of-range\`); milestone 4 does on one side only.
    const claims = [4, 9].map((n) => ({
      path: `p/${n}.md`,
      ladder: 'demo',
      to: 'A',
      milestones: { skill: n },
    }));
    const notes = (before: Model, after: Model) =>
      packetImpact(diffModels(before, after), claims, { base: before, head: after }).flatMap((p) =>
        p.notes.map((n) => `${p.path} ${n.impact}: ${plain(n.pieces)}`),
      );
    const added = (n: number) => ladderModel(yaml('added', n));
    const held = (n: number) => ladderModel(yaml('held', n));
    expect(notes(added(3), held(3))).toEqual([]);
    // Milestone 4 removed: its own note, not a price of the claim it leaves behind.
    expect(notes(added(4), held(3))).toEqual([
      'p/4.md breaking: claims Skill milestone 4, which was removed',
    ]);
    // Milestone 4 added: the claim counts now, and counted nothing before.
    expect(notes(added(3), held(4))).toEqual([
      'p/4.md breaking: now counts its claim of Skill milestone 4 as 12 points (it was not a milestone of Skill, so it counted none; its points are now held, not added)',
    ]);
    // Added with nothing else changed: the invalid claim becomes valid, an editorial change.
    expect(notes(held(3), held(4))).toEqual([
      'p/4.md editorial: now counts its claim of Skill milestone 4 as 12 points (it was not a milestone of Skill, so it counted none)',
    ]);
  });

  it('names the packets whose claimed ability or role was removed or given a new id', () => {
    const yaml = (o: { ability?: string; role?: string }) => `id: demo
title: Demo
levels:
  - id: A
    title: One
    points: { min: 3 }
abilities:
  - id: craft
    title: Craft
    milestones:
      - points: 5
${
  o.ability === undefined
    ? ''
    : `  - id: ${o.ability}
    title: Skill
    milestones:
      - points: 1
      - points: 3
`
}roles:
  - id: ${o.role ?? 'eng'}
    title: Engineer
    points: { min: 1 }
`;
    const packet = { path: 'p.md', ladder: 'demo', to: 'A', role: 'eng', milestones: { skill: 2 } };
    const notes = (before: string, after: string) => {
      const [b, a] = [ladderModel(before), ladderModel(after)];
      return packetImpact(diffModels(b, a), [packet], { base: b, head: a }).flatMap((p) =>
        p.notes.map((n) => `${n.impact}: ${plain(n.pieces)}`),
      );
    };
    const skill = yaml({ ability: 'skill' });
    expect(notes(skill, yaml({ ability: 'craft-skill' }))).toEqual([
      'breaking: claims Skill, whose id is now `craft-skill` (was `skill`), so its `milestones:` key needs the new id',
    ]);
    expect(notes(skill, yaml({}))).toEqual([
      'breaking: claims Skill milestone 2, an ability that was removed',
    ]);
    // Its last milestone removed: a claim of it now claims nothing.
    expect(notes(skill, skill.replace('      - points: 3\n', ''))).toEqual([
      'breaking: claims Skill milestone 2, which was removed',
    ]);
    expect(notes(skill, yaml({ ability: 'skill', role: 'engineer' }))).toEqual([
      'breaking: is for role `eng`, whose id is now `engineer`, so its `role:` needs the new id',
    ]);
  });

  it('lists no packets when nothing touches their targets', () => {
    expect(packetImpact(diffModels(base, base), packets())).toEqual([]);
  });
});

describe('reviewersFor', () => {
  it('asks the owners of the changed ladders, groups, dimensions and abilities', () => {
    expect(reviewersFor(result.changes, head, { base })).toEqual({
      users: ['dana-r', 'platform-leads', 'skills-guild'],
      teams: ['acme/platform-council', 'acme/security'],
    });
  });

  it("counts the base's owners, so removing owners does not dodge review", () => {
    const owned = ladderModel(`id: demo
title: Demo
owners: [keeper]
levels:
  - id: A
    title: One
    prose: [Works.]
`);
    const unowned = ladderModel(`id: demo
title: Demo
levels:
  - id: A
    title: One
    prose: [Works hard.]
`);
    const changes = diffModels(owned, unowned).changes;
    expect(reviewersFor(changes, unowned).users).toEqual([]);
    expect(reviewersFor(changes, unowned, { base: owned }).users).toEqual(['keeper']);
    expect(reviewersFor(changes, unowned, { base: owned, exclude: ['Keeper'] }).users).toEqual([]);
  });

  it('asks nobody when nothing changed', () => {
    expect(reviewersFor([], head, { base })).toEqual({ users: [], teams: [] });
  });
});
