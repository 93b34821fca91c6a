/**
 * A level's page: its neighbours and the way up ("Aiming for L3?" leads to the transition
 * page), the level as its documents describe it, what it expects per dimension, the threads
 * at this level, where to go next and how to start a packet for it.
 */
import type { List, ListItem } from 'mdast';
import { codeBlock, type Inline, join, joinSeries } from '../markdown/builders';
import { code, emphasis, link, list, paragraph, paragraphs, strong, table } from '../markdown/page';
import { levelLabel, levelsBefore, sharedLevels, trackLevels } from '../model/levels';
import { abilityById } from '../model/lookup';
import type { Ladder, Level, Statement } from '../model/types';
import { type FinishedPage, PageBuilder } from './page';
import { abilityPage, INDEX_PAGE, ladderPage, levelPage, relativeUrl } from './paths';
import {
  aliasesWithThemes,
  citation,
  dimensionTitle,
  edgeInline,
  isEntryLevel,
  levelName,
  milestonesClaim,
  newPacketCommand,
  OTHER_TITLES,
  partTitle,
  type Site,
} from './site';
import { targetName, transitionPath, transitions, transitionsInto } from './transition-page';

const dimensionKey = (id: string) => `dimension:${id}`;

/** Renders one level's page; its anchors hold each dimension's heading (`dimension:<id>`). */
export function renderLevelPage(site: Site, ladder: Ladder, level: Level): FinishedPage {
  const path = levelPage(ladder.id, level.id);
  const page = new PageBuilder(path, [level.origin.file], site.command);
  const url = (to: string) => relativeUrl(path, to);

  page.add(
    paragraph(
      link(url(INDEX_PAGE), 'Career ladders'),
      ' › ',
      link(url(ladderPage(ladder.id)), ladder.title),
      ' › ',
      levelName(level),
    ),
  );
  page.heading(1, levelName(level));
  const place = placeFacts(ladder, level);
  if (place.length > 0) page.add(paragraph(...join(place, ' · ')));
  // Previous and next in the ladder's own order on the level's track (a level of another track
  // beside it in the file is a peer or a move, not the next step), from the levels every track
  // shares up; then the way up from here.
  const shared = sharedLevels(ladder);
  const track = shared.includes(level) ? shared : trackLevels(ladder, level.track);
  const index = track.indexOf(level);
  const before = track[index - 1];
  const after = track[index + 1];
  const nav: Inline[][] = [];
  if (before)
    nav.push(['Previous: ', link(url(levelPage(ladder.id, before.id)), levelName(before))]);
  if (after) nav.push(['Next: ', link(url(levelPage(ladder.id, after.id)), levelName(after))]);
  if (nav.length > 0) page.add(paragraph(...join(nav, ' · ')));
  for (const t of transitions(site, ladder).filter((x) => x.from === level))
    page.add(
      paragraph(
        strong(`Aiming for ${targetName(t)}?`),
        ' ',
        link(url(transitionPath(t)), `${levelName(level)} → ${targetName(t)}`),
        ' shows the two levels side by side.',
      ),
    );
  for (const t of transitionsInto(site, ladder, level))
    page.add(
      paragraph(
        `Coming from ${t.ladder === ladder ? levelName(t.from) : `${t.ladder.title} › ${levelName(t.from)}`}? `,
        link(url(transitionPath(t)), `${levelName(t.from)} → ${levelName(level)}`),
        ' shows the two levels side by side.',
      ),
    );
  if (level.formerly.length > 0)
    page.add(paragraph(strong('Formerly:'), ' ', level.formerly.join('; ')));
  if (level.summary !== undefined || level.prose.length > 0) {
    page.add(...citation(ladder, 'levels'));
    if (level.summary !== undefined) page.add(...paragraphs(level.summary));
    for (const p of level.prose) page.add(...paragraphs(p));
  }

  // The titles other documents give the level, under their own part's heading unless the ladder
  // declares them one part with the themes.
  const together = aliasesWithThemes(ladder);
  if (!together && level.aliases.length > 0) {
    page.heading(2, partTitle(ladder, 'aliases', OTHER_TITLES));
    page.add(...citation(ladder, 'aliases'));
    page.add(list(level.aliases.map((a) => [a])));
  }

  // The level as another document describes it (the handbook's title, theme and lines).
  const themed =
    (together && level.aliases.length > 0) ||
    level.theme !== undefined ||
    level.focus.length > 0 ||
    level.transition !== undefined ||
    level.impact !== undefined ||
    level.influence !== undefined;
  if (themed) {
    page.heading(2, partTitle(ladder, 'themes', 'Theme'));
    page.add(...citation(ladder, 'themes'));
    if (together && level.aliases.length > 0)
      page.add(
        paragraph(strong(level.aliases.map((a) => `${a} (${levelLabel(level)})`).join('; '))),
      );
    if (level.theme !== undefined) page.add(paragraph(strong(`${level.theme}:`)));
    if (level.focus.length > 0) page.add(list(level.focus.map((f) => [f])));
    if (level.transition !== undefined)
      page.add(paragraph(strong('Key Transition:'), ' ', level.transition));
    if (level.impact !== undefined) page.add(paragraph(strong('Impact:'), ' ', level.impact));
    if (level.influence !== undefined)
      page.add(paragraph(strong('Influence:'), ' ', level.influence));
  }

  if (level.expectations.length > 0) {
    page.heading(2, 'Expectations');
    page.add(...citation(ladder, 'levels'));
    const earlier = levelsBefore(ladder, level);
    // A cumulative ladder states at each level what it adds: name the levels whose statements
    // still apply, so that the page is not read as all this level expects.
    if (ladder.cumulative === true && earlier.length > 0)
      page.add(
        paragraph(
          `${ladder.title} says its levels are cumulative: ${levelLabel(level)} also expects what `,
          ...joinSeries(earlier.map((l) => [link(url(levelPage(ladder.id, l.id)), levelName(l))])),
          ' expect',
          earlier.length === 1 ? 's' : '',
          '. Below is what it states itself.',
        ),
      );
    let group: string | undefined;
    for (const e of level.expectations) {
      const dimension = ladder.dimensions.find((d) => d.id === e.dimension);
      // A group heading wherever the group changes, so grouped dimensions sit under it.
      if (dimension?.group !== undefined && dimension.group !== group) {
        const g = ladder.groups.find((x) => x.id === dimension.group);
        page.heading(3, g?.title ?? dimension.group);
      }
      group = dimension?.group;
      page.heading(
        group === undefined ? 3 : 4,
        dimensionTitle(ladder, e.dimension),
        dimensionKey(e.dimension),
      );
      page.add(
        e.statements.some(hasDetails)
          ? statementList(ladder, e.statements)
          : list(e.statements.map((s) => [s.text])),
      );
    }
  }

  const threads = ladder.threads.flatMap((t) => {
    const step = t.steps.find((s) => s.level === level.id);
    return step ? [{ thread: t, text: step.text }] : [];
  });
  if (threads.length > 0) {
    page.heading(2, 'Threads at this level');
    page.add(...citation(ladder, 'threads'));
    page.add(
      table(
        [{ header: ['Thread'] }, { header: [`At ${levelLabel(level)}`] }],
        threads.map(({ thread, text }) => [[thread.title], [text]]),
      ),
    );
  }

  page.heading(2, 'Where you can go next');
  if (level.next.length === 0)
    page.add(paragraph('This is the last level of this path; there is no level after it.'));
  else page.add(list(level.next.map((e) => edgeInline(site, path, ladder.id, e))));

  if (level.abilities.length > 0) {
    page.heading(2, 'Abilities');
    page.add(
      list(
        level.abilities.map((r) => {
          const ability = abilityById(site.model, r.ladder, r.ability);
          return [
            link(url(abilityPage(r.ladder, r.ability)), ability?.title ?? r.ability),
            `: milestone ${r.milestone} or higher`,
          ];
        }),
      ),
    );
  }

  // Nobody is promoted into a level no path leads to: no packet for it.
  if (isEntryLevel(site, ladder, level)) return page.finish();
  page.heading(2, 'Start a promotion packet for this level');
  page.add(paragraph('Scaffold a packet for this level from the repository root:'));
  page.add(codeBlock('sh', newPacketCommand(ladder.id, level.id)));
  if (level.requires.length > 0) {
    const here = new Set(level.expectations.map((e) => e.dimension));
    const names: Inline[][] = level.requires.map((id) => [
      here.has(id)
        ? page.anchorLink(dimensionKey(id), dimensionTitle(ladder, id))
        : dimensionTitle(ladder, id),
    ]);
    page.add(
      paragraph(
        'The packet needs evidence for each of these dimensions: ',
        ...join(names, ', '),
        '.',
      ),
    );
  }
  const claims = milestonesClaim(level);
  if (claims) page.add(claims);
  return page.finish();
}

/** Grade, track, band and points of a level, as the facts under its title. */
function placeFacts(ladder: Ladder, level: Level): Inline[][] {
  const facts: Inline[][] = [];
  if (level.label !== undefined) facts.push(['Id ', code(level.id)]);
  if (level.grade !== undefined) facts.push(['Grade ', String(level.grade)]);
  const track = ladder.tracks.find((t) => t.id === level.track);
  if (track) facts.push(['Track ', track.title]);
  const band = ladder.bands.find((b) => b.id === level.band);
  if (band) facts.push(['Band ', band.title]);
  if (level.points !== undefined) facts.push([`At least ${level.points.min} points`]);
  return facts;
}

/** Whether a statement carries more than its text: an id, a rating, examples, signals, links. */
function hasDetails(s: Statement): boolean {
  return (
    s.rating !== undefined || s.examples.length > 0 || s.signals.length > 0 || s.links.length > 0
  );
}

/** Statements with their id and rating, and their examples, signals and links nested below. */
function statementList(ladder: Ladder, statements: readonly Statement[]): List {
  const items = statements.map((s): ListItem => {
    const rating = ladder.ratings.find((r) => r.id === s.rating)?.title ?? s.rating;
    const head = paragraph(
      s.text,
      ' ',
      code(s.id),
      ...(rating !== undefined ? [' — ', emphasis(rating)] : []),
    );
    const details: Inline[][] = [];
    if (s.examples.length > 0) details.push([strong('Examples:'), ' ', s.examples.join(' · ')]);
    if (s.signals.length > 0) details.push([strong('Signals:'), ' ', s.signals.join(' · ')]);
    if (s.links.length > 0)
      details.push([
        strong('Links:'),
        ' ',
        ...join(
          s.links.map((l) => [link(l.url, l.title ?? l.url)]),
          ', ',
        ),
      ]);
    return {
      type: 'listItem',
      spread: false,
      children: details.length > 0 ? [head, list(details)] : [head],
    };
  });
  return { type: 'list', ordered: false, spread: false, children: items };
}
