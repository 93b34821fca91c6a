// The framework fixtures (test/fixtures/render/frameworks/ladders: two tracks with grades, points
// in the style of Snowflake, structured statements with a rating scale in the style of the FT's)
// validate clean, and every structure reaches the model and the exports instead of prose.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladderCsvFile } from '../../src/render/export-csv';
import { ladderExport } from '../../src/render/export-json';
import { validateLadders } from '../../src/validate/index';
import { FIXTURES } from '../helpers/paths';

const dir = join(FIXTURES, 'render', 'frameworks', 'ladders');
const files = readdirSync(dir)
  .sort()
  .map((name) => ({ path: `ladders/${name}`, bytes: readFileSync(join(dir, name)) }));
const { model, diagnostics } = validateLadders(files);
const ladder = (id: string) => {
  const found = model.ladders.find((l) => l.id === id);
  if (!found) throw new Error(`no ladder ${id}`);
  return found;
};

describe('framework ladders', () => {
  it('validate without a diagnostic', () => {
    expect(diagnostics).toEqual([]);
    expect(model.ladders.map((l) => l.id)).toEqual(['growth', 'progression', 'tracks']);
  });

  it('hold grades, tracks and labels, and export them', () => {
    const tracks = ladder('tracks');
    expect(tracks.tracks.map((t) => t.id)).toEqual(['ic', 'manager']);
    expect(tracks.levels.map((l) => [l.label, l.grade, l.track])).toEqual([
      ['E1', 1, 'ic'],
      ['E2', 2, 'ic'],
      ['M2', 2, 'manager'],
      ['E3', 3, 'ic'],
      ['M3', 3, 'manager'],
    ]);
    const exported = ladderExport(model, tracks, 'npx ladder render');
    expect(exported.ladder.levels[2]).toMatchObject({ label: 'M2', grade: 2, track: 'manager' });
    expect(exported.ladder.levels[3]?.next).toEqual([
      { kind: 'planned', title: 'Principal Engineer', track: 'ic' },
    ]);
  });

  it('hold points held at milestones from 0, groups, bands and point ranges, and export them', () => {
    const growth = ladder('growth');
    expect(growth.levels.map((l) => [l.id, l.band, l.points?.min])).toEqual([
      ['1.1', 'engineer-1', 0],
      ['1.2', 'engineer-1', 5],
      ['2.1', 'engineer-2', 10],
      ['2.2', 'engineer-2', 12],
    ]);
    const web = model.abilities.find((a) => a.ladder === 'growth' && a.id === 'web');
    expect(web).toMatchObject({ group: 'building', scoring: 'held' });
    expect(web?.milestones.map((m) => [m.number, m.points])).toEqual([
      [0, 0],
      [1, 1],
      [2, 3],
      [3, 6],
    ]);
    expect(web?.milestones[1]).toMatchObject({
      summary: 'Works effectively within established web client architectures.',
      signals: ['Makes bug fixes and small changes to pages.'],
      examples: ['Added a link to the account page footer.'],
    });
    const exported = ladderExport(model, growth, 'npx ladder render');
    expect(exported.ladder.bands.map((b) => b.title)).toEqual(['Engineer I', 'Engineer II']);
    expect(exported.abilities[0]).toMatchObject({ group: 'building', scoring: 'held' });
    expect(exported.roles.map((r) => r.points)).toEqual([
      { min: 0, max: 9 },
      { min: 10, max: 20 },
    ]);
  });

  it('hold structured statements with ids, ratings, examples, signals and links, and export them', () => {
    const progression = ladder('progression');
    const technical = progression.levels[0]?.expectations[0]?.statements ?? [];
    expect(technical[0]).toEqual({
      id: 'writes-tested-code',
      text: 'Writes code with tests that others can maintain.',
      rating: 'working',
      examples: ['Added unit tests to a service before changing it.'],
      signals: ['Reviews ask for fewer changes over time.'],
      links: [{ url: 'https://example.org/testing', title: 'Our testing guide' }],
    });
    // A plain statement gets an id derived from its first words.
    expect(progression.levels[0]?.expectations[1]?.statements[0]?.id).toBe(
      'breaks-work-into-small-changes',
    );
    const exported = ladderExport(model, progression, 'npx ladder render');
    expect(exported.ladder.ratings.map((r) => r.id)).toEqual([
      'awareness',
      'working',
      'practitioner',
      'expert',
    ]);
    expect(exported.ladder.levels[1]?.expectations[0]?.items.map((s) => [s.id, s.rating])).toEqual([
      ['writes-tested-code', 'practitioner'],
      ['operates-services', 'working'],
    ]);
    const csv = ladderCsvFile(progression).split('\n');
    expect(csv[0]).toMatch(/,statement_id,statement_number,statement,rating,level_label,band$/);
    expect(csv[1]).toContain(',writes-tested-code,1,');
    expect(csv[1]).toMatch(/,Working,,$/);
  });
});
