/**
 * A ladder's page: description, the levels, a level × dimension overview whose cells link to
 * the level pages, the career paths diagram, threads, questions, signals, areas, the ladder's
 * further sections, its abilities and roles, and where it was written from.
 */
import { levelLabel } from '../model/levels';
import { abilityById } from '../model/lookup';
import type { Ladder, PointRange } from '../model/types';
import {
  code,
  codeBlock,
  emphasis,
  firstParagraph,
  type Inline,
  join,
  link,
  list,
  paragraph,
  paragraphs,
  strong,
  table,
} from './markdown';
import { careerPaths } from './mermaid';
import { type FinishedPage, PageBuilder } from './page';
import {
  abilityPage,
  INDEX_PAGE,
  ladderCsv,
  ladderJson,
  ladderPage,
  levelPage,
  relativeUrl,
  repositoryUrl,
} from './paths';
import { edgeInline, levelName, type Site } from './site';

/** `10–20`, `10 or more`, `up to 9`: a role's points. */
function pointRange(range: PointRange | undefined): string {
  if (range === undefined) return '';
  if (range.min !== undefined && range.max !== undefined) return `${range.min}–${range.max}`;
  return range.min !== undefined ? `${range.min} or more` : `up to ${range.max}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Renders one ladder's page. Level pages must be rendered first (their anchors are linked). */
export function renderLadderPage(site: Site, ladder: Ladder): FinishedPage {
  const path = ladderPage(ladder.id);
  const page = new PageBuilder(path, [ladder.origin.file], site.command);
  const url = (to: string, anchor?: string) => relativeUrl(path, to, anchor);

  page.add(paragraph(link(url(INDEX_PAGE), 'Career ladders'), ' › ', ladder.title));
  page.heading(1, ladder.title);
  if (ladder.description !== undefined) page.add(...paragraphs(ladder.description));
  const facts: Inline[][] = [];
  if (ladder.version !== undefined) facts.push(['Version ', ladder.version]);
  facts.push([
    'Source ',
    link(repositoryUrl(site.pagesDir, path, ladder.origin.file), code(ladder.origin.file)),
  ]);
  if (ladder.owners.length > 0)
    facts.push([
      'Owners ',
      ...join(
        ladder.owners.map((o) => [code(o)]),
        ', ',
      ),
    ]);
  facts.push([
    'Exports ',
    link(url(ladderJson(ladder.id)), 'JSON'),
    ', ',
    link(url(ladderCsv(ladder.id)), 'CSV'),
  ]);
  page.add(paragraph(...join(facts, ' · ')));

  page.heading(2, 'Levels');
  page.add(
    table(
      [
        { header: ['Level'] },
        { header: ['Title'] },
        { header: ['Formerly'], optional: true },
        { header: ['Theme'], optional: true },
        { header: ['Grade'], optional: true },
        { header: ['Track'], optional: true },
        { header: ['Band'], optional: true },
        { header: ['Points'], optional: true },
        { header: ['Next'] },
      ],
      ladder.levels.map((level) => [
        [link(url(levelPage(ladder.id, level.id)), levelLabel(level))],
        [level.title],
        [level.formerly.join('; ')],
        [level.theme ?? ''],
        [level.grade === undefined ? '' : String(level.grade)],
        [ladder.tracks.find((t) => t.id === level.track)?.title ?? ''],
        [ladder.bands.find((b) => b.id === level.band)?.title ?? ''],
        [level.points === undefined ? '' : `${level.points.min}+`],
        level.next.length === 0
          ? ['—']
          : join(
              level.next.map((e) => edgeInline(site, path, ladder.id, e)),
              ', ',
            ),
      ]),
    ),
  );

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
    page.add(
      table(
        [
          ...(graded ? [{ header: ['Grade'] }] : []),
          ...ladder.tracks.map((t) => ({ header: [t.title] })),
        ],
        [
          ...ranks.map((r) => [
            ...(graded ? [[String(r)]] : []),
            ...ladder.tracks.map((t) =>
              join(
                ladder.levels
                  .filter((l, i) => rank(i) === r && l.track === t.id)
                  .map((l) => [link(url(levelPage(ladder.id, l.id)), levelName(l))]),
                ', ',
              ),
            ),
          ]),
          // Planned targets have no grade yet: a last row names them in their track's column.
          ...(planned.length > 0
            ? [
                [
                  ...(graded ? [[emphasis('not written yet')]] : []),
                  ...ladder.tracks.map((t) => [
                    planned
                      .filter((p) => p.track === t.id)
                      .map((p) => p.title)
                      .join(', '),
                  ]),
                ],
              ]
            : []),
        ],
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

  if (ladder.dimensions.length > 0) {
    page.heading(2, 'Expectations at a glance');
    page.add(
      paragraph(
        'Each cell is the number of statements a level expects in a dimension; follow it to read them. An empty cell means the level states nothing for that dimension.',
      ),
    );
    const grouped = ladder.dimensions.some((d) => d.group !== undefined);
    // Each level's link and anchors, looked up once for all its cells.
    const levels = ladder.levels.map((level) => ({
      level,
      url: url(levelPage(ladder.id, level.id)),
      anchors: site.dimensionAnchors.get(`${ladder.id}/${level.id}`),
    }));
    let lastGroup: string | undefined;
    const rows = ladder.dimensions.map((d) => {
      const groupTitle = ladder.groups.find((g) => g.id === d.group)?.title ?? d.group ?? '';
      // The group is named once, on its first row, so the table reads as grouped rows.
      const groupCell = d.group !== lastGroup ? [groupTitle] : [];
      lastGroup = d.group;
      const key = `dimension:${d.id}`;
      const cells = levels.map(({ level, url: levelUrl, anchors }): Inline[] => {
        const statements = level.expectations.find((e) => e.dimension === d.id)?.statements;
        if (!statements) return [];
        // As `url(page, anchor)`: the page's link, then the anchor if there is one.
        const anchor = anchors?.get(key);
        return [link(anchor ? `${levelUrl}#${anchor}` : levelUrl, String(statements.length))];
      });
      return [...(grouped ? [groupCell] : []), [d.title], ...cells];
    });
    page.add(
      table(
        [
          ...(grouped ? [{ header: ['Group'] }] : []),
          { header: ['Dimension'] },
          ...levels.map((l) => ({ header: [link(l.url, levelLabel(l.level))] })),
        ],
        rows,
      ),
    );
    const described = ladder.dimensions.filter((d) => d.description !== undefined);
    const describedGroups = ladder.groups.filter((g) => g.description !== undefined);
    if (described.length > 0 || describedGroups.length > 0) {
      page.heading(2, 'Dimensions');
      for (const g of describedGroups)
        page.add(paragraph(strong(g.title), ': ', firstParagraph(g.description ?? '')));
      if (described.length > 0)
        page.add(
          list(described.map((d) => [strong(d.title), ': ', firstParagraph(d.description ?? '')])),
        );
    }
  }

  page.heading(2, 'Career paths');
  const diagram = careerPaths(site.model, ladder);
  page.add(codeBlock('mermaid', diagram.source));
  const legend = ['An arrow leads from a level to a level people can advance to.'];
  if (diagram.kinds.otherLadders) legend.push('Rounded boxes are levels of other ladders.');
  if (diagram.kinds.planned)
    legend.push('A dotted arrow to a dashed box is a path that is planned but not written yet.');
  page.add(paragraph(legend.join(' ')));

  if (ladder.threads.length > 0) {
    page.heading(2, 'Threads');
    page.add(
      paragraph(
        'Themes that run through the levels, one line per level; each level page lists its own.',
      ),
    );
    const levels = ladder.levels.filter((l) =>
      ladder.threads.some((t) => t.steps.some((s) => s.level === l.id)),
    );
    page.add(
      table(
        [{ header: ['Level'] }, ...ladder.threads.map((t) => ({ header: [t.title] }))],
        levels.map((level) => [
          [link(url(levelPage(ladder.id, level.id)), levelLabel(level))],
          ...ladder.threads.map((t) => [t.steps.find((s) => s.level === level.id)?.text ?? '']),
        ]),
      ),
    );
    const notes = ladder.threads.filter((t) => t.subtitle !== undefined || t.summary !== undefined);
    if (notes.length > 0)
      page.add(
        list(
          notes.map((t) => [
            strong(t.title),
            ...(t.subtitle !== undefined ? [' — ', emphasis(t.subtitle)] : []),
            ...(t.summary !== undefined ? [': ', t.summary] : []),
          ]),
        ),
      );
  }

  if (ladder.questions.length > 0) {
    page.heading(2, 'Questions to ask yourself');
    const focused = ladder.questions.some((q) => q.focus !== undefined);
    page.add(
      table(
        [{ header: ['Question'] }, ...(focused ? [{ header: ['What it is about'] }] : [])],
        ladder.questions.map((q) => [[q.text], ...(focused ? [[q.focus ?? '']] : [])]),
      ),
    );
  }

  if (ladder.signals.length > 0) {
    page.heading(2, 'Signals');
    for (const s of ladder.signals) {
      page.heading(3, s.title);
      page.add(
        paragraph(
          emphasis(s.tone === 'warning' ? 'Signs of stagnation to watch for.' : 'Signs of growth.'),
        ),
      );
      page.add(list(s.items.map((i) => [i])));
    }
  }

  if (ladder.areas.length > 0) {
    page.heading(2, 'Areas of work');
    page.add(
      list(
        ladder.areas.map((a) =>
          a.description !== undefined ? [strong(a.title), ': ', a.description] : [strong(a.title)],
        ),
      ),
    );
  }

  let previousTitle: string | undefined;
  for (const section of ladder.sections) {
    // Sections sharing a title are sub-sections of one heading, as in the document they came from.
    if (section.title !== previousTitle || section.subtitle === undefined)
      page.heading(2, section.title);
    previousTitle = section.title;
    if (section.subtitle !== undefined) page.heading(3, section.subtitle);
    for (const p of section.paragraphs) page.add(...paragraphs(p));
    if (section.items.length > 0) page.add(list(section.items.map((i) => [i])));
    if (section.closing !== undefined) page.add(...paragraphs(section.closing));
  }

  const abilities = site.model.abilities.filter((a) => a.ladder === ladder.id);
  const roles = site.model.roles.filter((r) => r.ladder === ladder.id);
  if (abilities.length > 0 || roles.length > 0) {
    page.heading(2, 'Abilities and roles');
    if (abilities.length > 0)
      page.add(
        list(
          abilities.map((a) => {
            const group = ladder.groups.find((g) => g.id === a.group)?.title;
            return [
              link(url(abilityPage(a.ladder, a.id)), a.title),
              `: ${plural(a.milestones.length, 'milestone')}`,
              ...(group !== undefined ? [` (${group})`] : []),
            ];
          }),
        ),
      );
    if (roles.length > 0)
      page.add(
        table(
          [{ header: ['Role'] }, { header: ['Points'], optional: true }, { header: ['Requires'] }],
          roles.map((r) => [
            [r.title],
            [pointRange(r.points)],
            r.requires.length === 0
              ? ['—']
              : join(
                  r.requires.map((q) => [
                    link(
                      url(abilityPage(q.ladder, q.ability)),
                      abilityById(site.model, q.ladder, q.ability)?.title ?? q.ability,
                    ),
                    ` milestone ${q.milestone}+`,
                  ]),
                  ', ',
                ),
          ]),
        ),
      );
  }

  if (ladder.source.length > 0) {
    page.heading(2, 'Sources');
    page.add(
      list(
        ladder.source.map((s) => [
          s.url !== undefined ? link(s.url, s.title) : strong(s.title),
          ...(s.note !== undefined ? [': ', s.note] : []),
        ]),
      ),
    );
  }
  return page.finish();
}
