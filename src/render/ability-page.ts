/** An ability's page: its milestones with points and examples, and who requires it. */

import { type Inline, join } from '../markdown/builders';
import { code, emphasis, link, list, paragraph, paragraphs, strong, table } from '../markdown/page';
import type { Ability } from '../model/types';
import { type FinishedPage, PageBuilder } from './page';
import {
  abilityPage,
  INDEX_PAGE,
  ladderPage,
  levelPage,
  relativeUrl,
  repositoryUrl,
} from './paths';
import { citation, findLadder, levelName, milestoneWorth, type Site } from './site';

/** Renders one ability's page. */
export function renderAbilityPage(site: Site, ability: Ability): FinishedPage {
  const path = abilityPage(ability.ladder, ability.id);
  const page = new PageBuilder(path, [ability.origin.file], site.command);
  const url = (to: string, anchor?: string) => relativeUrl(path, to, anchor);
  const ladder = findLadder(site.model, ability.ladder);

  page.add(paragraph(link(url(INDEX_PAGE), 'Career ladders'), ' › Abilities › ', ability.title));
  page.heading(1, ability.title);
  if (ability.description !== undefined) page.add(...paragraphs(ability.description));
  const facts: Inline[][] = [];
  const group = ladder?.groups.find((g) => g.id === ability.group);
  if (group) facts.push(['Group ', group.title]);
  if (ability.version !== undefined) facts.push(['Version ', ability.version]);
  if (ladder) facts.push(['Declared by ', link(url(ladderPage(ladder.id)), ladder.title)]);
  facts.push([
    'Source ',
    link(repositoryUrl(site.pagesDir, path, ability.origin.file), code(ability.origin.file)),
  ]);
  if (ability.owners.length > 0)
    facts.push([
      'Owners ',
      ...join(
        ability.owners.map((o) => [code(o)]),
        ', ',
      ),
    ]);
  page.add(paragraph(...join(facts, ' · ')));

  page.heading(2, 'Milestones');
  if (ladder) page.add(...citation(ladder, 'abilities'));
  page.add(
    paragraph(
      ability.scoring === 'held'
        ? 'Someone at a milestone holds its points; they are not added to those of the milestones before it.'
        : 'Each milestone adds its points to those of the milestones before it.',
    ),
  );
  for (const m of ability.milestones) {
    page.heading(3, `Milestone ${m.number}`, `milestone:${m.number}`);
    page.add(paragraph(`(${milestoneWorth(m)})`));
    if (m.summary !== undefined) page.add(...paragraphs(m.summary));
    if (m.signals.length > 0) {
      page.add(paragraph(strong('Signals')));
      page.add(list(m.signals.map((e) => [e])));
    }
    if (m.examples.length > 0) {
      // Always headed: a bare list under the milestone's worth reads as what it requires.
      page.add(paragraph(strong('Examples')));
      page.add(list(m.examples.map((e) => [e])));
    } else if (m.summary === undefined && m.signals.length === 0)
      page.add(paragraph(emphasis('No examples yet.')));
  }

  page.heading(2, 'Required by');
  const roles = site.model.roles.flatMap((r) => {
    const q = r.requires.find((x) => x.ladder === ability.ladder && x.ability === ability.id);
    return q ? [{ role: r, milestone: q.milestone }] : [];
  });
  const levels = site.model.ladders.flatMap((l) =>
    l.levels.flatMap((level) => {
      const q = level.abilities.find(
        (x) => x.ladder === ability.ladder && x.ability === ability.id,
      );
      return q ? [{ ladder: l, level, milestone: q.milestone }] : [];
    }),
  );
  if (roles.length === 0 && levels.length === 0)
    page.add(paragraph('No role or level requires this ability yet.'));
  if (roles.length > 0) {
    const declaring = findLadder(site.model, roles[0]?.role.ladder ?? '');
    if (declaring && roles.every((r) => r.role.ladder === declaring.id))
      page.add(...citation(declaring, 'roles', declaring.parts.roles.title));
    page.add(
      table(
        [{ header: ['Role'] }, { header: ['Ladder'] }, { header: ['Minimum milestone'] }],
        roles.map(({ role, milestone }) => {
          const l = findLadder(site.model, role.ladder);
          return [
            [role.title],
            [l ? link(url(ladderPage(l.id)), l.title) : role.ladder],
            [page.anchorLink(`milestone:${milestone}`, `Milestone ${milestone}`), ' or higher'],
          ];
        }),
      ),
    );
  }
  if (levels.length > 0)
    page.add(
      table(
        [{ header: ['Level'] }, { header: ['Ladder'] }, { header: ['Minimum milestone'] }],
        levels.map(({ ladder: l, level, milestone }) => [
          [link(url(levelPage(l.id, level.id)), levelName(level))],
          [link(url(ladderPage(l.id)), l.title)],
          [page.anchorLink(`milestone:${milestone}`, `Milestone ${milestone}`), ' or higher'],
        ]),
      ),
    );
  return page.finish();
}
