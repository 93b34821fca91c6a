/**
 * The parts of a ladder's page that show how its levels are arranged, where the ladder declares
 * it: tracks side by side at each grade (with planned targets in their track's column), bands,
 * and the rating scale its statements use.
 */

import { firstParagraph, join, joinSeries } from '../markdown/builders';
import { emphasis, link, list, paragraph, strong, table } from '../markdown/page';
import { levelLabel, sharedLevels, trackLevels } from '../model/levels';
import type { Ladder, PointRange } from '../model/types';
import type { PageBuilder } from './page';
import { levelPage } from './paths';
import { levelName } from './site';

/** `10–20`, `10 or more`, `up to 9`: a role's points. */
export function pointRange(range: PointRange | undefined): string {
  if (range === undefined) return '';
  if (range.min !== undefined && range.max !== undefined) return `${range.min}–${range.max}`;
  return range.min !== undefined ? `${range.min} or more` : `up to ${range.max}`;
}

/** Adds the tracks, bands and rating scale sections of a ladder's page (none it lacks). */
export function renderLadderStructure(
  page: PageBuilder,
  ladder: Ladder,
  url: (to: string) => string,
): void {
  if (ladder.tracks.length > 0) {
    // One row per grade, one column per track: peers of a grade side by side.
    page.heading(2, 'Tracks side by side');
    const rank = (i: number) => ladder.levels[i]?.grade ?? i;
    const ranks = [...new Set(ladder.levels.map((_, i) => rank(i)))].sort((a, b) => a - b);
    const graded = ladder.levels.some((l) => l.grade !== undefined);
    const planned = [
      ...new Map(
        ladder.levels
          .flatMap((l) => l.next)
          .flatMap((e) => (e.kind === 'planned' && e.track !== undefined ? [e] : []))
          .map((e) => [`${e.track}/${e.title}`, { title: e.title, track: e.track }]),
      ).values(),
    ];
    // The levels before the ladder splits stand in every track's column; another level the
    // ladder puts on no track gets a column of its own, so that no level is left out.
    const columns: readonly { readonly id?: string; readonly title: string }[] = [
      ...ladder.tracks,
      ...(trackLevels(ladder, undefined).length > 0 ? [{ title: 'On no track' }] : []),
    ];
    page.add(
      table(
        [
          ...(graded ? [{ header: ['Grade'] }] : []),
          ...columns.map((t) => ({ header: [t.title] })),
        ],
        [
          ...ranks.map((r) => [
            ...(graded ? [[String(r)]] : []),
            ...columns.map((t) =>
              join(
                trackLevels(ladder, t.id)
                  .filter((l) => rank(ladder.levels.indexOf(l)) === r)
                  .map((l) => [link(url(levelPage(ladder.id, l.id)), levelName(l))]),
                ', ',
              ),
            ),
          ]),
          // Targets marked TBD have no grade yet: a last row names them in their track's column.
          ...(planned.length > 0
            ? [
                [
                  ...(graded ? [[emphasis('TBD')]] : []),
                  ...columns.map((t) => [
                    planned
                      .filter((p) => p.track === t.id)
                      .map((p) => `${p.title} (TBD)`)
                      .join(', '),
                  ]),
                ],
              ]
            : []),
        ],
      ),
    );
    const shared = sharedLevels(ladder);
    if (shared.length > 0)
      page.add(
        paragraph(
          ...joinSeries(shared.map((l) => [link(url(levelPage(ladder.id, l.id)), levelName(l))])),
          shared.length === 1 ? ' comes' : ' come',
          ' before the ladder splits into tracks: on the way up every track.',
        ),
      );
    const described = ladder.tracks.filter((t) => t.description !== undefined);
    if (described.length > 0)
      page.add(
        list(described.map((t) => [strong(t.title), ': ', firstParagraph(t.description ?? '')])),
      );
  }

  if (ladder.bands.length > 0) {
    page.heading(2, 'Bands');
    page.add(
      list(
        ladder.bands.map((b) => {
          const levels = ladder.levels.filter((l) => l.band === b.id);
          return [
            strong(b.title),
            ': ',
            ...(levels.length > 0
              ? join(
                  levels.map((l) => [link(url(levelPage(ladder.id, l.id)), levelLabel(l))]),
                  ', ',
                )
              : ['no levels yet']),
            ...(b.description !== undefined ? ['. ', firstParagraph(b.description)] : []),
          ];
        }),
      ),
    );
  }

  if (ladder.ratings.length > 0) {
    page.heading(2, 'Rating scale');
    page.add(
      paragraph('Statements name the rating they expect; from the lowest rating to the highest:'),
    );
    page.add(
      list(
        ladder.ratings.map((r) => [
          strong(r.title),
          ...(r.description !== undefined ? [': ', firstParagraph(r.description)] : []),
        ]),
      ),
    );
  }
}
