// A ladder page's table of levels: each level with where it leads; and its career-path diagram.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladderFilesHealth } from '../../src/health/health';
import { incomingEdges } from '../../src/model/lookup';
import type { Ladder, Model } from '../../src/model/types';
import { renderSite } from '../../src/render/index';
import { validateLadders } from '../../src/validate/index';
import { ROOT } from '../helpers/paths';
import { fixtureCases, loadRepo, PAGES, RENDER_FIXTURES, renderRepo } from './helpers';
import { parse, section, texts } from './markdown-tree';

/** The ladder pages of a one-file repository written inline. */
function render(yaml: string, id: string): string {
  const { model } = validateLadders([{ path: `ladders/${id}.yml`, bytes: Buffer.from(yaml) }]);
  return (
    renderSite(model, { pagesDir: PAGES, health: ladderFilesHealth(model) }).files.find(
      (f) => f.path === `${id}/README.md`,
    )?.content ?? ''
  );
}

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
    const cells = texts(parse(render(yaml, 'demo')), 'tableCell');
    // The header row comes first; A's row right after it.
    const row = cells.indexOf('A: Senior');
    const next = cells[row + cells.slice(0, row).indexOf('Next')] ?? '';
    expect(next.split(', ')).toEqual(['B: Principal', 'Manager (TBD) on the Management track']);
  });

  it('set a level on no track in its own column of the tracks side by side, not leave it out', () => {
    const yaml = [
      'id: demo',
      'title: Demo',
      'tracks: [{ id: ic, title: Engineering }, { id: mgr, title: Management }]',
      'levels:',
      '  - { id: A, title: Engineer, grade: 1, track: ic, prose: [A.] }',
      '  - { id: B, title: Manager, grade: 2, track: mgr, prose: [B.] }',
      '  - { id: C, title: Fellow, grade: 3, prose: [C.] }',
    ].join('\n');
    const tree = parse(render(yaml, 'demo'));
    const table =
      tree.children[
        tree.children.findIndex(
          (n) =>
            n.type === 'heading' &&
            n.depth === 2 &&
            texts({ type: 'root', children: [n] }, 'text').join('') === 'Tracks side by side',
        ) + 1
      ];
    expect(table?.type).toBe('table');
    const rows = (table?.type === 'table' ? table.children : []).map((row) =>
      texts({ type: 'root', children: [row] }, 'tableCell'),
    );
    expect(rows).toEqual([
      ['Grade', 'Engineering', 'Management', 'On no track'],
      ['1', 'A: Engineer', '', ''],
      ['2', '', 'B: Manager', ''],
      ['3', '', '', 'C: Fellow'],
    ]);
  });
});

/** Whether the ladder has an advancement (from one of its levels, or into one from elsewhere). */
const advances = (model: Model, ladder: Ladder) =>
  ladder.levels.some((l) => l.next.length > 0) || incomingEdges(model, ladder.id).length > 0;

const repositories = [
  { name: 'the shipped ladders', root: ROOT },
  ...fixtureCases().map((c) => ({ name: `fixture ${c}`, root: join(RENDER_FIXTURES, c) })),
];

describe.each(repositories)('the career-path diagram of $name', ({ root }) => {
  const model = loadRepo(root);
  const files = new Map(renderRepo(root).map((f) => [f.path, f.content]));

  it.each(model.ladders.map((l) => [l.id, l] as const))(
    '%s: drawn when the ladder has an advancement, a straight chain too, with each of its edges',
    (_, ladder) => {
      const blocks = section(parse(files.get(`${ladder.id}/README.md`) ?? ''), 'Career paths');
      if (!advances(model, ladder)) {
        expect(blocks).toEqual([]);
        return;
      }
      const code = blocks.find((n) => n.type === 'code');
      expect(code?.type === 'code' && code.lang).toBe('mermaid');
      const source = code?.type === 'code' ? code.value : '';
      const node = (id: string) => `level${ladder.levels.findIndex((l) => l.id === id)}`;
      for (const level of ladder.levels)
        for (const e of level.next)
          if (e.kind === 'level' && e.ladder === ladder.id)
            expect(source).toContain(`  ${node(level.id)} --> ${node(e.level)}`);
    },
  );
});

describe('a ladder page without advancements', () => {
  it('has no career-path diagram (one level leads nowhere)', () => {
    const yaml = [
      'id: solo',
      'title: Solo',
      'levels:',
      '  - { id: A, title: Only, prose: [Does the work.] }',
    ].join('\n');
    const tree = parse(render(yaml, 'solo'));
    expect(texts(tree, 'heading')).toContain('Levels');
    expect(section(tree, 'Career paths')).toEqual([]);
  });
});
