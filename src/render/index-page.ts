/** The index page: every ladder and ability, with links to their pages and exports. */

import { firstParagraph, type Inline, join } from '../markdown/builders';
import { code, link, list, paragraph, table } from '../markdown/page';
import { abilityById } from '../model/lookup';
import { type FinishedPage, PageBuilder } from './page';
import {
  abilityPage,
  EXPORT_SCHEMA,
  HEALTH_PAGE,
  INDEX_JSON,
  INDEX_PAGE,
  ladderCsv,
  ladderJson,
  ladderPage,
  relativeUrl,
} from './paths';
import { addReadersGuide } from './readers-guide';
import { findLadder, type Site } from './site';

/** The repository files every index is generated from. */
export function modelSources(site: Site): string[] {
  return [...new Set(site.model.ladders.map((l) => l.origin.file))].sort();
}

/** Renders the index page. */
export function renderIndexPage(site: Site): FinishedPage {
  const path = INDEX_PAGE;
  const page = new PageBuilder(path, modelSources(site), site.command);
  const url = (to: string) => relativeUrl(path, to);
  const { model } = site;

  page.heading(1, 'Career ladders');
  page.add(
    paragraph(
      'Every career ladder of this repository, rendered from its YAML. To change a ladder, edit its YAML file in a pull request; these pages are regenerated with ',
      code(site.command),
      '.',
    ),
  );

  page.heading(2, 'Ladders');
  if (model.ladders.length === 0) page.add(paragraph('There are no ladders yet.'));
  else
    page.add(
      table(
        [
          { header: ['Ladder'] },
          { header: ['Levels'] },
          { header: ['Description'], optional: true },
        ],
        model.ladders.map((l) => [
          [link(url(ladderPage(l.id)), l.title)],
          [String(l.levels.length)],
          [firstParagraph(l.description ?? '')],
        ]),
      ),
    );

  addReadersGuide(site, page);

  if (model.abilities.length > 0) {
    page.heading(2, 'Abilities');
    page.add(
      table(
        [
          { header: ['Ability'] },
          { header: ['Milestones'] },
          { header: ['Declared by'] },
          { header: ['Description'], optional: true },
        ],
        model.abilities.map((a) => {
          const ladder = findLadder(model, a.ladder);
          return [
            [link(url(abilityPage(a.ladder, a.id)), a.title)],
            [String(a.milestones.length)],
            [ladder ? link(url(ladderPage(ladder.id)), ladder.title) : a.ladder],
            [firstParagraph(a.description ?? '')],
          ];
        }),
      ),
    );
  }

  if (model.roles.length > 0) {
    page.heading(2, 'Roles');
    page.add(
      table(
        [{ header: ['Role'] }, { header: ['Requires'] }],
        model.roles.map((r) => [
          [r.title],
          join(
            r.requires.map((q): Inline[] => [
              link(
                url(abilityPage(q.ladder, q.ability)),
                abilityById(model, q.ladder, q.ability)?.title ?? q.ability,
              ),
              ` milestone ${q.milestone}+`,
            ]),
            ', ',
          ),
        ]),
      ),
    );
  }

  page.heading(2, 'Health');
  page.add(
    paragraph(
      link(url(HEALTH_PAGE), 'Ladder health'),
      ': which levels and roles reference each part of the ladders, and what needs attention (levels with expectations missing). ',
      code('npx ladder health'),
      ' adds packet evidence and history.',
    ),
  );

  page.heading(2, 'Exports');
  page.add(
    paragraph(
      'The same ladders as data, for other tools: JSON (the resolved model, one file per ladder and an index, described by ',
      link(url(EXPORT_SCHEMA), code(EXPORT_SCHEMA)),
      ') and CSV (the header on the first row, then one row per level, dimension and statement, or per paragraph of a level written in prose). These files are generated like the pages: do not edit them.',
    ),
  );
  page.add(
    list([
      [link(url(INDEX_JSON), code(INDEX_JSON)), ': every ladder, ability and role'],
      ...model.ladders.map((l): Inline[] => [
        l.title,
        ': ',
        link(url(ladderJson(l.id)), code(ladderJson(l.id))),
        ', ',
        link(url(ladderCsv(l.id)), code(ladderCsv(l.id))),
      ]),
    ]),
  );
  return page.finish();
}
