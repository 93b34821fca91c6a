/**
 * A ladder page's level × dimension matrix: one row per dimension in the ladder's order, under
 * a bold row naming its group, one column per level, each cell that level's statements in the
 * ladder's words. A ladder with tracks gets one matrix per track, so that left to right is the
 * way up one track, as a level page's Previous and Next are.
 */

import { type Inline, join, joinSeries } from '../markdown/builders';
import { emphasis, link, paragraph, strong, table } from '../markdown/page';
import { appliesAt, trackLevels } from '../model/levels';
import type { Dimension, Ladder, Level, Statement } from '../model/types';
import { series } from '../util/text';
import type { PageBuilder } from './page';
import { levelPage } from './paths';
import { citation, levelName, type Site } from './site';

/** The heading of the matrix section (what a level page heads its statements, by dimension). */
export const MATRIX_HEADING = 'Expectations by dimension';

/** What a cell holds when the level states nothing in that dimension. */
export const NOT_STATED = '—';

/**
 * Adds the matrix section, when some level states expectations by dimension. Level pages must
 * be rendered first: a statement whose level page says more links to that dimension there.
 */
export function renderExpectationsMatrix(
  page: PageBuilder,
  site: Site,
  ladder: Ladder,
  url: (to: string, anchor?: string) => string,
): void {
  const stated = ladder.levels.filter((l) => l.expectations.length > 0);
  if (ladder.dimensions.length === 0 || stated.length === 0) return;
  page.heading(2, MATRIX_HEADING);
  page.add(...citation(ladder, 'levels'));
  // `—` needs a word only where a cell shows it.
  const gaps = stated.some((l) =>
    ladder.dimensions.some((d) => !l.expectations.some((e) => e.dimension === d.id)),
  );
  page.add(
    paragraph(
      'Every statement of each level: one row per dimension, one column per level',
      gaps ? `; ${NOT_STATED} where a level states nothing in a dimension` : '',
      // In a cumulative ladder, a level states what it adds: a gap still expects the earlier words.
      gaps && ladder.cumulative === true
        ? ' (the ladder is cumulative: the level still expects what the levels before it state there).'
        : '.',
      ...proseNote(
        ladder,
        ladder.levels.filter((l) => l.expectations.length === 0),
        url,
      ),
    ),
  );
  const matrix = (levels: readonly Level[]) =>
    table(
      [
        { header: ['Dimension'] },
        ...levels.map((l) => ({ header: [link(url(levelPage(ladder.id, l.id)), levelName(l))] })),
      ],
      rows(site, ladder, levels, url),
    );
  if (ladder.tracks.length === 0) {
    page.add(matrix(stated));
    return;
  }
  // One matrix per track that has stated levels, in the ladder's order of tracks, each from the
  // levels every track shares (before the ladder splits) up; other levels on no track last.
  const byTrack = [
    ...ladder.tracks.map((t) => ({ title: t.title, levels: trackLevels(ladder, t.id) })),
    { title: 'On no track', levels: trackLevels(ladder, undefined) },
  ].map(({ title, levels }) => ({ title, levels: levels.filter((l) => stated.includes(l)) }));
  for (const { title, levels } of byTrack) {
    if (levels.length === 0) continue;
    page.heading(3, title);
    page.add(matrix(levels));
  }
}

/** The sentence naming the levels written as prose (linked), which the matrix leaves out. */
function proseNote(ladder: Ladder, prose: readonly Level[], url: (to: string) => string): Inline[] {
  if (prose.length === 0) return [];
  return [
    ' ',
    ...joinSeries(prose.map((l) => [link(url(levelPage(ladder.id, l.id)), levelName(l))])),
    prose.length === 1
      ? ' is written as prose, not by dimension: its page has its words.'
      : ' are written as prose, not by dimension: their pages have their words.',
  ];
}

/** A bold row wherever the group changes, then a row per dimension. */
function rows(
  site: Site,
  ladder: Ladder,
  levels: readonly Level[],
  url: (to: string, anchor?: string) => string,
): Inline[][][] {
  const out: Inline[][][] = [];
  let group: string | undefined;
  // A dimension none of these levels is under (one that starts later, or is another track's)
  // has no row, unless one of them states something in it.
  const shown = ladder.dimensions.filter((d) =>
    levels.some((l) => appliesAt(ladder, d, l) || l.expectations.some((e) => e.dimension === d.id)),
  );
  for (const d of shown) {
    if (d.group !== undefined && d.group !== group)
      out.push([
        [strong(ladder.groups.find((g) => g.id === d.group)?.title ?? d.group)],
        ...levels.map(() => []),
      ]);
    group = d.group;
    out.push([[d.title], ...levels.map((l) => cell(site, ladder, l, d, url))]);
  }
  return out;
}

/**
 * One level's statements in one dimension, whole: numbered in bold when there are several (the
 * number is the statement's `statement_number` in the CSV export), each with the rating it
 * expects, and a link to the level page where that page says more (examples, signals, links).
 */
function cell(
  site: Site,
  ladder: Ladder,
  level: Level,
  dimension: Dimension,
  url: (to: string, anchor?: string) => string,
): Inline[] {
  const statements = level.expectations.find((e) => e.dimension === dimension.id)?.statements;
  if (statements === undefined || statements.length === 0) return [NOT_STATED];
  const anchor = site.dimensionAnchors
    .get(`${ladder.id}/${level.id}`)
    ?.get(`dimension:${dimension.id}`);
  const numbered = statements.length > 1;
  return join(
    statements.map((s, i) => {
      const rating = ladder.ratings.find((r) => r.id === s.rating)?.title ?? s.rating;
      const more = moreOnPage(s);
      return [
        ...(numbered ? [strong(`${i + 1}.`), ' '] : []),
        s.text,
        ...(rating !== undefined ? [' — ', emphasis(rating)] : []),
        ...(more !== undefined && anchor
          ? [' (', link(url(levelPage(ladder.id, level.id), anchor), more), ')']
          : []),
      ];
    }),
    ' ',
  );
}

/** What the level page shows of a statement beyond its text and rating: `examples and signals`. */
function moreOnPage(s: Statement): string | undefined {
  const kinds = [
    ...(s.examples.length > 0 ? ['examples'] : []),
    ...(s.signals.length > 0 ? ['signals'] : []),
    ...(s.links.length > 0 ? ['links'] : []),
  ];
  return kinds.length === 0 ? undefined : series(kinds);
}
