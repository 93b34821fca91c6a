/**
 * A ladder's page: description, the levels and the steps between them, every statement by
 * dimension and level (the matrix), the levels at a glance in the short words of their documents
 * (title, theme, threads, transition lines), the career paths diagram, questions, signals, areas,
 * abilities and roles, and where it was written from. Each part carries the heading its document
 * gives it and names that document; the ladder's longer prose is on its about page.
 */

import { codeBlock, firstParagraph, type Inline, join } from '../markdown/builders';
import { code, emphasis, link, list, paragraph, paragraphs, strong, table } from '../markdown/page';
import { plural } from '../markdown/plural';
import { abilityById, incomingEdges } from '../model/lookup';
import type { Dimension, Ladder } from '../model/types';
import { series } from '../util/text';
import { renderExpectationsMatrix } from './expectations-matrix';
import { pointRange, renderLadderStructure } from './ladder-structure';
import { careerPaths } from './mermaid';
import { type FinishedPage, PageBuilder } from './page';
import {
  abilityPage,
  aboutPage,
  INDEX_PAGE,
  ladderCsv,
  ladderJson,
  ladderPage,
  levelPage,
  relativeUrl,
  repositoryUrl,
} from './paths';
import {
  aliasesWithThemes,
  citation,
  cumulativeSentence,
  documentName,
  edgeInline,
  levelName,
  OTHER_TITLES,
  partTitle,
  type Site,
  shortName,
} from './site';
import { transitionPath, transitions } from './transition-page';

/** Renders one ladder's page. Level pages must be rendered first (their anchors are linked). */
export function renderLadderPage(site: Site, ladder: Ladder): FinishedPage {
  const path = ladderPage(ladder.id);
  const page = new PageBuilder(path, [ladder.origin.file], site.command);
  const url = (to: string, anchor?: string) => relativeUrl(path, to, anchor);

  page.add(paragraph(link(url(INDEX_PAGE), 'Career ladders'), ' › ', ladder.title));
  page.heading(1, ladder.title);
  if (ladder.description !== undefined) {
    page.add(...paragraphs(ladder.description));
    page.add(...citation(ladder, 'description', ladder.parts.description.title));
  }
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
  if (ladder.sections.length > 0)
    page.add(
      paragraph(
        strong(link(url(aboutPage(ladder.id)), aboutTitle(ladder))),
        ': the prose of the documents this ladder was written from, apart from the levels.',
      ),
    );
  const cumulative = cumulativeSentence(ladder);
  if (cumulative !== undefined) page.add(paragraph(cumulative));

  page.heading(2, 'Levels');
  page.add(...citation(ladder, 'levels'));
  const steps = transitions(site, ladder);
  page.add(
    table(
      [
        { header: ['Level'] },
        { header: ['Formerly'], optional: true },
        { header: ['Grade'], optional: true },
        { header: ['Track'], optional: true },
        { header: ['Band'], optional: true },
        { header: ['Points'], optional: true },
        { header: ['Next'] },
        { header: ['Side by side'], optional: true },
      ],
      ladder.levels.map((level) => {
        const mine = steps.filter((t) => t.from === level);
        return [
          [link(url(levelPage(ladder.id, level.id)), levelName(level))],
          [level.formerly.join('; ')],
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
          join(
            mine.map((t) => [
              link(url(transitionPath(t)), `${shortName(level)} → ${shortName(t.to)}`),
            ]),
            ', ',
          ),
        ];
      }),
    ),
  );

  // Tracks side by side at each grade, bands and the rating scale, where the ladder has them.
  renderLadderStructure(page, ladder, url);

  // The level × dimension matrix: every statement, by dimension and level.
  renderExpectationsMatrix(page, site, ladder, url);

  // The levels in the short words of their documents: one row per level.
  const lines = (id: string): Inline[] => {
    const level = ladder.levels.find((l) => l.id === id);
    if (!level) return [];
    const parts: Inline[][] = [];
    if (level.transition !== undefined)
      parts.push([strong('Key Transition:'), ' ', level.transition]);
    if (level.impact !== undefined) parts.push([strong('Impact:'), ' ', level.impact]);
    if (level.influence !== undefined) parts.push([strong('Influence:'), ' ', level.influence]);
    return join(parts, ' ');
  };
  const glance =
    ladder.levels.some(
      (l) =>
        l.aliases.length > 0 ||
        l.theme !== undefined ||
        l.transition !== undefined ||
        l.impact !== undefined ||
        l.influence !== undefined,
    ) || ladder.threads.length > 0;
  if (glance) {
    page.heading(2, 'At a glance');
    const sources = [
      ...new Set([
        ladder.parts.themes.source,
        ladder.parts.aliases.source,
        ladder.parts.threads.source,
      ]),
    ];
    if (sources.length === 1 && ladder.parts.themes.source !== undefined)
      page.add(...citation(ladder, 'themes'));
    page.add(
      table(
        [
          { header: ['Level'] },
          {
            header: [
              aliasesWithThemes(ladder)
                ? 'Title there'
                : partTitle(ladder, 'aliases', OTHER_TITLES),
            ],
            optional: true,
          },
          { header: ['Theme'], optional: true },
          ...ladder.threads.map((t) => ({ header: [t.title], optional: true })),
          { header: ['Key Transition, Impact, Influence'], optional: true },
        ],
        ladder.levels.map((level) => [
          [link(url(levelPage(ladder.id, level.id)), levelName(level))],
          [level.aliases.join('; ')],
          [level.theme ?? ''],
          ...ladder.threads.map((t) => [t.steps.find((s) => s.level === level.id)?.text ?? '']),
          lines(level.id),
        ]),
      ),
    );
    const notes = ladder.threads.filter((t) => t.subtitle !== undefined || t.summary !== undefined);
    if (notes.length > 0) {
      if (sources.length > 1) page.add(...citation(ladder, 'threads'));
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
  }

  const described = ladder.dimensions.filter(
    (d) => d.description !== undefined || d.from !== undefined || d.tracks !== undefined,
  );
  const describedGroups = ladder.groups.filter((g) => g.description !== undefined);
  if (described.length > 0 || describedGroups.length > 0) {
    page.heading(2, 'Dimensions');
    for (const g of describedGroups)
      page.add(paragraph(strong(g.title), ': ', firstParagraph(g.description ?? '')));
    if (described.length > 0)
      page.add(
        list(
          described.map((d) => [
            strong(d.title),
            ...dimensionScope(ladder, d, url),
            ...(d.description !== undefined ? [': ', firstParagraph(d.description)] : []),
          ]),
        ),
      );
  }

  // Every ladder with an advancement gets its diagram, a straight chain too: the paths at a look.
  if (
    ladder.levels.some((l) => l.next.length > 0) ||
    incomingEdges(site.model, ladder.id).length > 0
  ) {
    page.heading(2, 'Career paths');
    const diagram = careerPaths(site.model, ladder);
    page.add(codeBlock('mermaid', diagram.source));
    const legend = ['An arrow leads from a level to a level people can advance to.'];
    if (diagram.kinds.otherLadders) legend.push('Rounded boxes are levels of other ladders.');
    if (diagram.kinds.planned)
      legend.push(
        'A dotted arrow to a dashed box is a target marked TBD, with no level written for it.',
      );
    page.add(paragraph(legend.join(' ')));
  }

  if (ladder.questions.length > 0) {
    page.heading(2, partTitle(ladder, 'questions', 'Questions'));
    page.add(...citation(ladder, 'questions'));
    if (ladder.parts.questions.intro !== undefined)
      page.add(paragraph(ladder.parts.questions.intro));
    page.add({
      ...list(
        ladder.questions.map((q) => [
          strong(q.text),
          ...(q.focus !== undefined ? [' → ', q.focus] : []),
        ]),
      ),
      ordered: true,
      start: 1,
    });
  }

  if (ladder.signals.length > 0) {
    page.heading(2, partTitle(ladder, 'signals', 'Signals'));
    page.add(...citation(ladder, 'signals'));
    for (const s of ladder.signals) {
      page.heading(3, s.title);
      page.add(list(s.items.map((i) => [i])));
    }
  }

  if (ladder.areas.length > 0) {
    page.heading(2, partTitle(ladder, 'areas', 'Areas of work'));
    page.add(...citation(ladder, 'areas'));
    page.add(
      list(
        ladder.areas.map((a) =>
          a.description !== undefined ? [strong(a.title), ': ', a.description] : [strong(a.title)],
        ),
      ),
    );
  }

  const abilities = site.model.abilities.filter((a) => a.ladder === ladder.id);
  const roles = site.model.roles.filter((r) => r.ladder === ladder.id);
  if (abilities.length > 0) {
    page.heading(2, partTitle(ladder, 'abilities', 'Abilities'));
    page.add(...citation(ladder, 'abilities'));
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
  }
  if (roles.length > 0) {
    page.heading(2, partTitle(ladder, 'roles', 'Roles'));
    page.add(...citation(ladder, 'roles'));
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
          documentName(s),
          ...(s.details.length > 0
            ? [` (${s.details.map((d) => `${d.label}: ${d.text}`).join(' · ')})`]
            : []),
          ...(s.note !== undefined ? [': ', s.note] : []),
        ]),
      ),
    );
  }
  return page.finish();
}

/** The title of a ladder's about page. */
export function aboutTitle(ladder: Ladder): string {
  return ladder.parts.sections.title ?? `About ${ladder.title}`;
}

/** Where a dimension applies, when the ladder says: ` (from Senior Engineer up, on the Management track)`. */
function dimensionScope(ladder: Ladder, d: Dimension, url: (to: string) => string): Inline[] {
  const from = ladder.levels.find((l) => l.id === d.from);
  const parts: Inline[][] = [];
  if (from) parts.push(['from ', link(url(levelPage(ladder.id, from.id)), levelName(from)), ' up']);
  const tracks = ladder.tracks.filter((t) => d.tracks?.includes(t.id)).map((t) => t.title);
  if (tracks.length > 0)
    parts.push([`on the ${series(tracks)} track${tracks.length === 1 ? '' : 's'} only`]);
  return parts.length === 0 ? [] : [' (', ...join(parts, ', '), ')'];
}
