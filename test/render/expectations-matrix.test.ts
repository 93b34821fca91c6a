// A ladder page's level × dimension matrix, read back as GitHub
// reads the page: every statement of every level is in its dimension's row and its level's
// column, whole and in the ladder's words, for the shipped ladders and every render fixture
// (the `matrix` fixture has tracks, a level in prose, a level on no track and a `|` in a cell).
import { join } from 'node:path';
import type { Root, Table, TableCell } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types';
import { MATRIX_HEADING, NOT_STATED } from '../../src/render/expectations-matrix';
import { levelName } from '../../src/render/site';
import { ROOT } from '../helpers/paths';
import { fixtureCases, loadRepo, RENDER_FIXTURES, renderRepo } from './helpers';
import { parse, section } from './markdown-tree';

const repositories = [
  { name: 'the shipped ladders', root: ROOT },
  ...fixtureCases().map((c) => ({ name: `fixture ${c}`, root: join(RENDER_FIXTURES, c) })),
];

/** Text as a text node holds it: white space runs made one space. */
const flat = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The statements of a cell: split where a bold number (`**2.**`) starts the next one. */
function statements(cell: TableCell): string[] {
  const out: string[] = [];
  let current = '';
  for (const node of cell.children) {
    if (node.type === 'strong' && /^\d+\.$/.test(nodeText(node))) {
      if (current.trim() !== '') out.push(current);
      current = '';
    } else current += nodeText(node);
  }
  if (current.trim() !== '') out.push(current);
  return out.map(flat);
}

/** The matrix tables of a ladder page, each with the `###` heading above it (its track). */
function matrices(tree: Root): { track: string | undefined; table: Table }[] {
  let track: string | undefined;
  const out: { track: string | undefined; table: Table }[] = [];
  for (const node of section(tree, MATRIX_HEADING)) {
    if (node.type === 'heading') track = nodeText(node);
    if (node.type === 'table') out.push({ track, table: node });
  }
  return out;
}

/** `value` matched literally in a regular expression. */
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(repositories)('the ladder pages of $name', ({ root }) => {
  const model = loadRepo(root);
  const files = new Map(renderRepo(root).map((f) => [f.path, f.content]));
  const page = (ladder: Ladder) => parse(files.get(`${ladder.id}/README.md`) ?? '');

  it.each(model.ladders.map((l) => [l.id, l] as const))(
    '%s: the matrix holds every statement, whole, in its dimension’s row and its level’s column',
    (_, ladder) => {
      const tree = page(ladder);
      const stated = ladder.levels.filter((l) => l.expectations.length > 0);
      const tables = matrices(tree);
      if (ladder.dimensions.length === 0 || stated.length === 0) {
        expect(section(tree, MATRIX_HEADING)).toEqual([]);
        return;
      }
      const seen: string[] = [];
      for (const { track, table } of tables) {
        const [header, ...rows] = table.children;
        const columns = (header?.children ?? []).slice(1).map((c) => flat(nodeText(c)));
        const levels = columns.map((name) => stated.find((l) => flat(levelName(l)) === name));
        // Each column a stated level, in ladder order, all of the track headed above the table.
        expect(levels.every((l) => l !== undefined)).toBe(true);
        expect(levels).toEqual(stated.filter((l) => levels.includes(l)));
        if (ladder.tracks.length > 0) {
          const id = ladder.tracks.find((t) => t.title === track)?.id;
          for (const l of levels) expect(l?.track, track).toBe(id);
        } else expect(track).toBeUndefined();
        // One row per dimension in the ladder's order; a group's row (its title alone) above it.
        const named = rows.filter((r) => r.children.slice(1).some((c) => c.children.length > 0));
        expect(named.map((r) => flat(nodeText(r.children[0] as TableCell)))).toEqual(
          ladder.dimensions.map((d) => flat(d.title)),
        );
        const groups = rows
          .filter((r) => !named.includes(r))
          .map((r) => nodeText(r.children[0] as TableCell));
        expect(groups).toEqual(
          ladder.dimensions
            .filter((d, i) => d.group !== undefined && d.group !== ladder.dimensions[i - 1]?.group)
            .map((d) => ladder.groups.find((g) => g.id === d.group)?.title),
        );
        ladder.dimensions.forEach((d, row) => {
          levels.forEach((level, column) => {
            const cell = named[row]?.children[column + 1] as TableCell;
            const expected =
              level?.expectations.find((e) => e.dimension === d.id)?.statements ?? [];
            const shown = statements(cell);
            const where = `${level?.id} × ${d.id}`;
            if (expected.length === 0) {
              expect(shown, where).toEqual([NOT_STATED]);
              return;
            }
            expect(shown, where).toHaveLength(expected.length);
            expected.forEach((s, i) => {
              // The statement word for word; after it only its rating and a link to its page.
              const rating = ladder.ratings.find((r) => r.id === s.rating)?.title ?? s.rating;
              const rest = (shown[i] ?? '').slice(flat(s.text).length);
              expect(shown[i]?.startsWith(flat(s.text)), where).toBe(true);
              expect(rest, where).toMatch(
                new RegExp(
                  `^${rating === undefined ? '' : ` — ${escapeRegExp(rating)}`}( \\((examples|signals|links)[^)]*\\))?$`,
                ),
              );
            });
          });
        });
        seen.push(...levels.map((l) => l?.id ?? ''));
      }
      // Every stated level in one matrix; a level in prose in none, named above them instead.
      expect(seen.sort()).toEqual(stated.map((l) => l.id).sort());
      const intro = section(tree, MATRIX_HEADING)
        .filter((n) => n.type === 'paragraph')
        .map((n) => nodeText(n))
        .join(' ');
      for (const l of ladder.levels.filter((x) => x.expectations.length === 0))
        expect(intro).toContain(flat(levelName(l)));
    },
  );
});
