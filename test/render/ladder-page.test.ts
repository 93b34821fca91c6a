// A ladder page's table of levels: each level with where it leads.
import { describe, expect, it } from 'vitest';
import { ladderFilesHealth } from '../../src/health/health';
import { renderSite } from '../../src/render/index';
import { validateLadders } from '../../src/validate/index';
import { PAGES } from './helpers';
import { parse, texts } from './markdown-tree';

describe('a ladder page’s levels', () => {
  it('list each target of a level once in its Next cell: a planned target’s track is not another', () => {
    const yaml = [
      'id: demo',
      'title: Demo',
      'tracks: [{ id: ic, title: Engineering }, { id: mgr, title: Management }]',
      'levels:',
      '  - { id: A, title: Senior, track: ic, prose: [Senior.], next: [B, { planned: Manager, track: mgr }] }',
      '  - { id: B, title: Principal, track: ic, prose: [Principal.] }',
    ].join('\n');
    const { model } = validateLadders([{ path: 'ladders/demo.yml', bytes: Buffer.from(yaml) }]);
    const page = renderSite(model, {
      pagesDir: PAGES,
      health: ladderFilesHealth(model),
    }).files.find((f) => f.path === 'demo/README.md');
    const cells = texts(parse(page?.content ?? ''), 'tableCell');
    // The header row comes first; A's row right after it.
    const row = cells.indexOf('A: Senior');
    const next = cells[row + cells.slice(0, row).indexOf('Next')] ?? '';
    expect(next.split(', ')).toEqual(['B: Principal', 'Manager (TBD) on the Management track']);
  });
});
