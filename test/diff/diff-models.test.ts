// The semantic diff engine: change kinds, classification, bumps and version checks, on the
// fixture scenarios under test/fixtures/diff and on small inline ladders.
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/diff-models';
import type { LadderChange } from '../../src/diff/types';
import {
  nextVersion,
  parseVersion,
  versionDiagnostics,
  versionMove,
} from '../../src/diff/versions';
import { ladderModel, sideFiles, sideModel } from './models';

/** `kind impact bump` plus what the change is about, for compact assertions. */
function brief(c: LadderChange): string {
  const about =
    'subject' in c
      ? JSON.stringify(c.subject)
      : 'dimension' in c
        ? `${c.level}/${c.dimension}`
        : 'requirement' in c
          ? `${JSON.stringify(c.holder)} ${JSON.stringify(c.requirement)}`
          : 'target' in c
            ? `${c.level}->${JSON.stringify(c.target)}`
            : 'milestone' in c
              ? `${c.ability}#${c.milestone}`
              : '';
  return `${c.kind} ${c.impact} ${c.bump} ${about}`;
}

const LADDER = (version: string, body: string) => `id: demo
title: Demo
version: ${version}
dimensions:
  - id: craft
    title: Craft
  - id: care
    title: Care
levels:
${body}`;

const TWO_LEVELS = `  - id: A
    title: First
    expectations:
      craft:
        - Does the work.
  - id: B
    title: Second
    expectations:
      craft:
        - Does the work well.
`;

describe('diffModels on the scenario fixture', () => {
  const result = diffModels(sideModel('scenario', 'base'), sideModel('scenario', 'head'));
  const briefs = result.changes.map(brief);

  it('reports every change in ladder terms, classified', () => {
    expect(briefs).toEqual([
      'added editorial minor {"type":"dimension","ladder":"platform","dimension":"security"}',
      'likely-renamed breaking major {"type":"dimension","ladder":"platform","dimension":"judgment"}',
      'removed breaking major {"type":"level","ladder":"platform","level":"P4"}',
      'expectation-reworded editorial patch P3/mastery',
      'expectation-added editorial minor P3/mastery',
      'expectation-added editorial minor P3/security',
      'required-dimension-added breaking major P3/security',
      'requirement-raised breaking major {"type":"level","ladder":"platform","level":"P3"} {"type":"milestone","ability":"platform-skill"}',
      'text-changed editorial patch {"type":"thread","ladder":"platform","thread":"on-call"}',
      'points-changed breaking major platform-skill#2',
    ]);
  });

  it('keeps a word diff of each rewording', () => {
    const reworded = result.changes.find((c) => c.kind === 'expectation-reworded');
    expect(reworded).toMatchObject({
      before: 'Expert in several systems, and the go-to person for at least one.',
      after: 'Expert in several systems, and the go-to person for at least two.',
      words: [
        { kind: 'same', text: 'Expert in several systems, and the go-to person for at least ' },
        { kind: 'removed', text: 'one' },
        { kind: 'added', text: 'two' },
        { kind: 'same', text: '.' },
      ],
    });
  });

  it('counts ability changes against the ability, the rest against the ladder', () => {
    const points = result.changes.find((c) => c.kind === 'points-changed');
    expect(points?.unit).toEqual({ type: 'ability', id: 'platform-skill' });
    expect(result.changes.filter((c) => c.unit.type === 'ladder')).toHaveLength(9);
  });

  it('finds the versions that were not bumped enough', () => {
    expect(result.versions).toEqual([
      expect.objectContaining({
        unit: { type: 'ladder', id: 'platform' },
        before: '1.4.0',
        after: '1.5.0',
        required: 'major',
        made: 'minor',
        status: 'not-bumped',
        expected: '2.0.0',
        file: 'ladders/platform.yml',
      }),
      expect.objectContaining({
        unit: { type: 'ability', id: 'platform-skill' },
        before: '2.0.0',
        after: '2.0.0',
        required: 'major',
        made: 'none',
        status: 'not-bumped',
        expected: '3.0.0',
      }),
    ]);
  });

  it('reports version-not-bumped on the line of each `version`', () => {
    const diagnostics = versionDiagnostics(result, sideFiles('scenario', 'head'));
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column} ${d.severity}`)).toEqual([
      'version-not-bumped@7:10 error',
      'version-not-bumped@79:14 error',
    ]);
  });

  it('holds the titles of everything it names', () => {
    expect(result.titles).toMatchObject({
      'ladder:platform': 'Platform Engineering',
      'level:platform/P4': 'Staff Platform Engineer',
      'dimension:platform/security': 'Security',
      'ability:platform-skill': 'Platform Skill',
    });
  });
});

describe('diffModels on the other scenarios', () => {
  it('editorial: wording only calls for a patch, and a patch was made', () => {
    const result = diffModels(sideModel('editorial', 'base'), sideModel('editorial', 'head'));
    expect(result.changes.map(brief)).toEqual([
      'renamed editorial patch {"type":"dimension","ladder":"support","dimension":"care"}',
      'expectation-reworded editorial patch S1/craft',
      'expectation-reworded editorial patch S2/care',
    ]);
    expect(result.versions).toEqual([
      expect.objectContaining({ required: 'patch', made: 'patch', status: 'ok' }),
    ]);
  });

  it('structure: ladders added and removed, a level inserted, evidence raised', () => {
    const result = diffModels(sideModel('structure', 'base'), sideModel('structure', 'head'));
    expect(result.changes.map(brief)).toEqual([
      'removed breaking major {"type":"ladder","ladder":"data"}',
      'added editorial minor {"type":"ladder","ladder":"security"}',
      'text-changed editorial minor {"type":"ladder","ladder":"infra"}',
      'owners-changed editorial none {"type":"ladder","ladder":"infra"}',
      'requirement-raised breaking major {"type":"ladder","ladder":"infra"} {"type":"evidence"}',
      'edge-added editorial minor I1->{"kind":"level","ladder":"infra","level":"I2"}',
      'edge-removed breaking major I1->{"kind":"level","ladder":"infra","level":"I3"}',
      'added editorial minor {"type":"level","ladder":"infra","level":"I2"}',
    ]);
    expect(result.versions.map((v) => `${v.unit.id} ${v.status}`)).toEqual([
      'data removed',
      'infra ok',
      'security new',
    ]);
  });

  it('reports nothing for identical models', () => {
    const model = sideModel('scenario', 'base');
    expect(diffModels(model, model)).toEqual({ changes: [], versions: [], titles: {} });
  });
});

describe('diffModels on small cases', () => {
  it('a new id with the same content is a likely rename, not a removal and an addition', () => {
    const base = ladderModel(LADDER('1.0.0', TWO_LEVELS));
    const head = ladderModel(LADDER('2.0.0', TWO_LEVELS.replace('id: B', 'id: B2')));
    const kinds = diffModels(base, head).changes.map(brief);
    expect(kinds).toContain(
      'likely-renamed breaking major {"type":"level","ladder":"demo","level":"B2"}',
    );
    expect(kinds.some((k) => k.startsWith('removed') || k.startsWith('added'))).toBe(false);
  });

  it('a level renamed keeps its id: patch', () => {
    const base = ladderModel(LADDER('1.0.0', TWO_LEVELS));
    const head = ladderModel(LADDER('1.0.1', TWO_LEVELS.replace('title: Second', 'title: Senior')));
    const result = diffModels(base, head);
    expect(result.changes.map(brief)).toEqual([
      'renamed editorial patch {"type":"level","ladder":"demo","level":"B"}',
    ]);
    expect(result.versions[0]?.status).toBe('ok');
  });

  it('a dimension newly required is breaking; no longer required is minor', () => {
    const base = ladderModel(LADDER('1.0.0', TWO_LEVELS));
    const head = ladderModel(
      LADDER(
        '2.0.0',
        TWO_LEVELS.replace(
          '        - Does the work well.\n',
          '        - Does the work well.\n      care:\n        - Listens.\n',
        ),
      ),
    );
    expect(diffModels(base, head).changes.map(brief)).toEqual([
      'expectation-added editorial minor B/care',
      'required-dimension-added breaking major B/care',
    ]);
    expect(diffModels(head, base).changes.map(brief)).toEqual([
      'expectation-removed editorial minor B/care',
      'required-dimension-removed editorial minor B/care',
    ]);
  });

  it('a lowered version is never enough', () => {
    const base = ladderModel(LADDER('1.2.0', TWO_LEVELS));
    const head = ladderModel(LADDER('1.1.0', TWO_LEVELS.replace('well.', 'very well.')));
    const result = diffModels(base, head);
    expect(result.versions[0]).toMatchObject({
      made: 'lowered',
      status: 'not-bumped',
      expected: '1.2.1',
    });
  });

  it('a version removed from a versioned ladder is reported; an unversioned ladder is not', () => {
    const base = ladderModel(LADDER('1.0.0', TWO_LEVELS));
    const head = ladderModel(
      LADDER('1.0.0', TWO_LEVELS).replace('version: 1.0.0\n', '').replace('well.', 'better.'),
    );
    expect(diffModels(base, head).versions[0]).toMatchObject({
      status: 'not-bumped',
      before: '1.0.0',
    });
    expect(diffModels(head, head).versions).toEqual([]);
    const unversioned = ladderModel(LADDER('1.0.0', TWO_LEVELS).replace('version: 1.0.0\n', ''));
    expect(diffModels(unversioned, head).versions[0]).toMatchObject({ status: 'unversioned' });
  });

  it('owners changes need no bump, and a version bump alone is listed', () => {
    const base = ladderModel(LADDER('1.0.0', TWO_LEVELS));
    const head = ladderModel(
      LADDER('1.0.0', TWO_LEVELS).replace('title: Demo\n', 'title: Demo\nowners:\n  - octocat\n'),
    );
    const result = diffModels(base, head);
    expect(result.changes.map(brief)).toEqual([
      'owners-changed editorial none {"type":"ladder","ladder":"demo"}',
    ]);
    expect(result.versions[0]).toMatchObject({ required: 'none', status: 'ok' });
    const bumped = diffModels(base, ladderModel(LADDER('1.0.1', TWO_LEVELS)));
    expect(bumped.changes).toEqual([]);
    expect(bumped.versions[0]).toMatchObject({ made: 'patch', required: 'none', status: 'ok' });
  });
});

describe('version arithmetic', () => {
  it('parses, compares and bumps MAJOR.MINOR.PATCH', () => {
    expect(parseVersion('10.2.3')).toEqual([10, 2, 3]);
    expect(parseVersion('1.2')).toBeUndefined();
    expect(versionMove('1.9.9', '2.0.0')).toBe('major');
    expect(versionMove('1.9.9', '1.10.0')).toBe('minor');
    expect(versionMove('1.9.9', '1.9.10')).toBe('patch');
    expect(versionMove('1.9.9', '1.9.9')).toBe('none');
    expect(versionMove('2.0.0', '1.9.9')).toBe('lowered');
    expect(nextVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(nextVersion('1.4.2', 'minor')).toBe('1.5.0');
    expect(nextVersion('1.4.2', 'patch')).toBe('1.4.3');
    expect(nextVersion('1.4.2', 'none')).toBe('1.4.2');
  });
});

describe('diffModels on statements with ids', () => {
  const level = (statement: string) => `  - id: A
    title: First
    expectations:
      craft:
${statement}`;

  it('reads a statement whose id stayed and whose words changed as reworded', () => {
    const before = ladderModel(
      LADDER('1.0.0', level('        - id: ships\n          text: Ships small changes.\n')),
    );
    const after = ladderModel(
      LADDER(
        '1.0.1',
        level('        - id: ships\n          text: Delivers whole features end to end.\n'),
      ),
    );
    const changes = diffModels(before, after).changes.map(brief);
    expect(changes).toEqual(['expectation-reworded editorial patch A/craft']);
    // Without ids the two texts share no words: one removed, one added.
    const plain = diffModels(
      ladderModel(LADDER('1.0.0', level('        - Ships small changes.\n'))),
      ladderModel(LADDER('1.0.1', level('        - Delivers whole features end to end.\n'))),
    ).changes.map((c) => c.kind);
    expect(plain.sort()).toEqual(['expectation-added', 'expectation-removed']);
  });

  it('reports a changed rating or example of a statement whose words stayed', () => {
    const statement = (rating: string) =>
      `        - id: ships\n          text: Ships small changes.\n          rating: ${rating}\n`;
    const ratings =
      'ratings:\n  - id: working\n    title: Working\n  - id: expert\n    title: Expert\n';
    const before = ladderModel(`${ratings}${LADDER('1.0.0', level(statement('working')))}`);
    const after = ladderModel(`${ratings}${LADDER('1.0.1', level(statement('expert')))}`);
    const changes = diffModels(before, after).changes;
    expect(changes.map((c) => c.kind)).toEqual(['text-changed']);
    expect(changes[0]).toMatchObject({ field: 'craft › ships' });
  });
});
