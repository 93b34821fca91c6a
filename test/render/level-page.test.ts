// A level page: its "Previous" and "Next" (the neighbouring levels of its own track, in the
// ladder's order) and the titles other documents give it. The fixture `frameworks` has a ladder
// (tracks.yml) whose file interleaves two tracks: E1, E2, M2, E3, M3.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladderFilesHealth } from '../../src/health/health';
import { renderSite } from '../../src/render/index';
import { validateLadders } from '../../src/validate/index';
import { PAGES, RENDER_FIXTURES, renderRepo } from './helpers';

const files = renderRepo(join(RENDER_FIXTURES, 'frameworks'));

/** The "Previous: … · Next: …" line of a level page, or '' when it has neither. */
function neighbours(page: string): string {
  const content = files.find((f) => f.path === page)?.content;
  if (content === undefined) throw new Error(`no page ${page}`);
  return content.split('\n').find((l) => /^(Previous|Next): /.test(l)) ?? '';
}

describe('a level page’s previous and next level', () => {
  it('are the levels before and after it on its own track', () => {
    expect(neighbours('tracks/engineer.md')).toBe('Next: [E2: Senior Engineer](senior-ic.md)');
    expect(neighbours('tracks/senior-ic.md')).toBe(
      'Previous: [E1: Engineer](engineer.md) · Next: [E3: Staff Engineer](staff-ic.md)',
    );
    expect(neighbours('tracks/staff-ic.md')).toBe('Previous: [E2: Senior Engineer](senior-ic.md)');
    expect(neighbours('tracks/senior-manager.md')).toBe(
      'Next: [M3: Director of Engineering](director.md)',
    );
    expect(neighbours('tracks/director.md')).toBe(
      'Previous: [M2: Engineering Manager](senior-manager.md)',
    );
  });

  it('follow the ladder’s order when it has no tracks', () => {
    expect(neighbours('growth/1.2.md')).toBe(
      'Previous: [1.1: Engineer I, first step](1.1.md) · Next: [2.1: Engineer II, first step](2.1.md)',
    );
  });
});

describe('a level page’s other titles', () => {
  it('name the level by its label, as every page does where its id would go', () => {
    const yaml = [
      'id: demo',
      'title: Demo',
      'dimensions: [{ id: craft, title: Craft }]',
      // One part with the themes, as the Ops handbook gives each level its other title.
      'parts: { aliases: { title: The Levels }, themes: { title: The Levels } }',
      'levels:',
      '  - { id: senior-ic, label: E2, title: Senior Engineer, aliases: [Engineer II], expectations: { craft: [Leads.] } }',
    ].join('\n');
    const { model } = validateLadders([{ path: 'ladders/demo.yml', bytes: Buffer.from(yaml) }]);
    const page = renderSite(model, {
      pagesDir: PAGES,
      health: ladderFilesHealth(model),
    }).files.find((f) => f.path === 'demo/senior-ic.md');
    expect(page?.content).toContain('\n**Engineer II (E2)**\n');
  });
});
