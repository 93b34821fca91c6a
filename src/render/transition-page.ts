/**
 * The page of one advancement (`L2 → L3`, `principal → lead`, or to a level of another ladder):
 * the two levels side by side, for someone at the lower one. Per dimension, each statement of
 * the higher level stands beside its counterpart at the lower one (see `pairStatements`), with
 * the words it adds in bold and the words it does not keep struck through; a lower statement
 * with no counterpart is "not restated", never "removed", since no ladder says it stops
 * applying. Then the themes, transition, impact and influence lines and the thread steps of the
 * two levels, and what the higher level asks for: abilities, the dimensions a packet evidences.
 */

import { codeBlock, type Inline, join } from '../markdown/builders';
import { emphasis, link, list, paragraph, strike, strong, table } from '../markdown/page';
import { abilityById, ladderById } from '../model/lookup';
import { pairStatements, type StatementPair } from '../model/statement-pairs';
import type { Ladder, Level, Statement } from '../model/types';
import { type FinishedPage, PageBuilder } from './page';
import {
  abilityPage,
  INDEX_PAGE,
  ladderPage,
  levelPage,
  relativeUrl,
  transitionPage,
} from './paths';
import {
  citation,
  cumulativeSentence,
  dimensionTitle,
  levelName,
  milestonesClaim,
  milestoneWorth,
  newPacketCommand,
  partTitle,
  type Site,
  shortName,
} from './site';
import { wordMarks } from './word-marks';

/** Least similarity for two paragraphs of prose to be compared word by word. */
const PROSE_THRESHOLD = 0.7;

/** One advancement: from a level of `ladder` to a level of `toLadder` (the same, or another). */
export interface Transition {
  readonly ladder: Ladder;
  readonly from: Level;
  readonly toLadder: Ladder;
  readonly to: Level;
}

/** Every advancement of a ladder whose target is a written level, in level and edge order. */
export function transitions(site: Site, ladder: Ladder): Transition[] {
  return ladder.levels.flatMap((from) =>
    from.next.flatMap((edge): Transition[] => {
      if (edge.kind !== 'level') return [];
      const toLadder = ladderById(site.model, edge.ladder);
      const to = toLadder?.levels.find((l) => l.id === edge.level);
      return toLadder && to ? [{ ladder, from, toLadder, to }] : [];
    }),
  );
}

const into = new WeakMap<Site['model'], Map<string, Transition[]>>();

/** The advancements into one level, from its own ladder or others (indexed once per model). */
export function transitionsInto(site: Site, ladder: Ladder, level: Level): readonly Transition[] {
  let index = into.get(site.model);
  if (!index) {
    index = new Map();
    for (const l of site.model.ladders)
      for (const t of transitions(site, l)) {
        const key = `${t.toLadder.id}/${t.to.id}`;
        index.set(key, [...(index.get(key) ?? []), t]);
      }
    into.set(site.model, index);
  }
  return index.get(`${ladder.id}/${level.id}`) ?? [];
}

/** The path of a transition's page. */
export function transitionPath(t: Transition): string {
  return transitionPage(t.ladder.id, t.from.id, t.toLadder.id, t.to.id);
}

/** The name of a transition's higher level as seen from the lower one's ladder. */
export function targetName(t: Transition): string {
  return t.toLadder.id === t.ladder.id
    ? levelName(t.to)
    : `${t.toLadder.title} › ${levelName(t.to)}`;
}

/** The statements of a level in one dimension. */
function statementsOf(level: Level, dimension: string): readonly Statement[] {
  return level.expectations.find((e) => e.dimension === dimension)?.statements ?? [];
}

/**
 * The two levels' statements in one dimension, paired: a statement that keeps its id (written,
 * or derived from its first words) stands beside its earlier self, whatever its new words.
 */
function pairDimension(from: Level, to: Level, dimension: string): StatementPair[] {
  const before = statementsOf(from, dimension);
  const after = statementsOf(to, dimension);
  return pairStatements(
    before.map((s) => s.text),
    after.map((s) => s.text),
    { ids: { before: before.map((s) => s.id), after: after.map((s) => s.id) } },
  );
}

/**
 * Two levels of different ladders, whose dimensions differ: each level's prose, or its
 * statements under their dimension's title, side by side in order, with no pairing.
 */
function acrossLadders(t: Transition): Inline[][][] {
  const content = (ladder: Ladder, level: Level): string[] => [
    ...(level.summary !== undefined ? [level.summary] : []),
    ...level.prose,
    ...level.expectations.flatMap((e) =>
      e.statements.map((s) => `${dimensionTitle(ladder, e.dimension)}: ${s.text}`),
    ),
  ];
  const a = content(t.ladder, t.from);
  const b = content(t.toLadder, t.to);
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [
    [a[i] ?? ''],
    [b[i] ?? ''],
  ]);
}

/** One pair as a table row: the lower statement, and the higher one with its marks. */
function pairRow(pair: StatementPair, higher: string): Inline[][] {
  switch (pair.kind) {
    case 'same':
      return [[pair.before], [pair.after, ' ', emphasis('(the same)')]];
    case 'counterpart':
      return [[pair.before], pair.words ? wordMarks(pair.words) : [pair.after]];
    case 'before-only':
      return [[pair.before], [emphasis(`not restated at ${higher}`)]];
    case 'after-only':
      return [[], [pair.after]];
  }
}

/** A line that is one level's and not the other's, or both, as `before → after`. */
function step(before: string | undefined, after: string | undefined): Inline[] {
  if (before === after) return [after ?? ''];
  return [before ?? '—', ' → ', after ?? '—'];
}

/** Renders the page of one advancement. */
export function renderTransitionPage(site: Site, t: Transition): FinishedPage {
  const { ladder, from, toLadder, to } = t;
  const path = transitionPath(t);
  const page = new PageBuilder(
    path,
    [...new Set([from.origin.file, to.origin.file])],
    site.command,
  );
  const url = (target: string, anchor?: string) => relativeUrl(path, target, anchor);
  const lower = levelName(from);
  const higher = targetName(t);
  const fromUrl = url(levelPage(ladder.id, from.id));
  const toUrl = url(levelPage(toLadder.id, to.id));

  page.add(
    paragraph(
      link(url(INDEX_PAGE), 'Career ladders'),
      ' › ',
      link(url(ladderPage(ladder.id)), ladder.title),
      ' › ',
      link(fromUrl, lower),
      ' › ',
      `To ${higher}`,
    ),
  );
  page.heading(1, `${lower} → ${higher}`);
  const sameLadder = toLadder.id === ladder.id;
  // Per dimension (of one ladder), and the paragraphs of levels written in prose.
  const dimensions = (sameLadder ? ladder.dimensions : [])
    .map((d) => ({
      dimension: d,
      pairs: pairDimension(from, to, d.id),
    }))
    .filter((d) => d.pairs.length > 0);
  // Paragraphs share many small words: only a close rewording gets its words marked.
  const prose =
    sameLadder && (from.prose.length > 0 || to.prose.length > 0)
      ? pairStatements(
          [...(from.summary !== undefined ? [from.summary] : []), ...from.prose],
          [...(to.summary !== undefined ? [to.summary] : []), ...to.prose],
          { rewordThreshold: PROSE_THRESHOLD, markThreshold: PROSE_THRESHOLD },
        )
      : [];
  const marked = [...dimensions.flatMap((d) => d.pairs), ...prose].some(
    (p) => p.kind === 'counterpart' && p.words !== undefined,
  );
  page.add(
    paragraph(
      'What ',
      link(fromUrl, lower),
      ' and ',
      link(toUrl, higher),
      ' state, side by side',
      ...(marked
        ? [
            '. In the ',
            shortName(to),
            ' column, the words a statement adds to its counterpart are in ',
            strong('bold'),
            ' and the words it does not keep are ',
            strike('struck through'),
            '; a statement too unlike its counterpart to compare word by word is shown whole',
          ]
        : []),
      '.',
    ),
  );
  const cumulative = sameLadder ? cumulativeSentence(ladder) : undefined;
  if (cumulative !== undefined) page.add(paragraph(cumulative));

  // The handbook's lines of the two levels: title, theme and focus, transition, impact, influence.
  const themed = (l: Level) =>
    l.aliases.length > 0 ||
    l.theme !== undefined ||
    l.transition !== undefined ||
    l.impact !== undefined ||
    l.influence !== undefined;
  if (themed(from) || themed(to)) {
    const rows: Inline[][][] = [];
    const filled = (cell: readonly Inline[]) => cell.some((c) => c !== '');
    const row = (label: string, a: readonly Inline[], b: readonly Inline[]) => {
      if (filled(a) || filled(b)) rows.push([[strong(label)], [...a], [...b]]);
    };
    row('Title', [from.aliases.join('; ')], [to.aliases.join('; ')]);
    const theme = (l: Level): Inline[] =>
      l.theme === undefined
        ? [l.focus.join(' · ')]
        : [strong(`${l.theme}:`), ...(l.focus.length > 0 ? [' ', l.focus.join(' · ')] : [])];
    row('Theme', theme(from), theme(to));
    row('Key Transition', [from.transition ?? ''], [to.transition ?? '']);
    row('Impact', [from.impact ?? ''], [to.impact ?? '']);
    row('Influence', [from.influence ?? ''], [to.influence ?? '']);
    page.heading(2, partTitle(ladder, 'themes', 'Themes'));
    page.add(...citation(ladder, 'themes'));
    page.add(table([{ header: [] }, { header: [lower] }, { header: [higher] }], rows));
  }

  const threads = sameLadder
    ? ladder.threads.flatMap((thread) => {
        const a = thread.steps.find((s) => s.level === from.id)?.text;
        const b = thread.steps.find((s) => s.level === to.id)?.text;
        return a === undefined && b === undefined ? [] : [{ thread, a, b }];
      })
    : [];
  if (threads.length > 0) {
    page.heading(2, 'Threads');
    page.add(...citation(ladder, 'threads'));
    page.add(
      table(
        [{ header: ['Thread'] }, { header: [`${shortName(from)} → ${shortName(to)}`] }],
        threads.map(({ thread, a, b }) => [[thread.title], step(a, b)]),
      ),
    );
  }

  // Per dimension, in the higher level's ladder order; a dimension both state the same way is
  // named once at the end.
  if (dimensions.length > 0) {
    page.heading(2, 'Expectations');
    page.add(...citation(ladder, 'levels'));
    const same: Inline[][] = [];
    let group: string | undefined;
    for (const { dimension: d, pairs } of dimensions) {
      const anchor = site.dimensionAnchors.get(`${toLadder.id}/${to.id}`)?.get(`dimension:${d.id}`);
      const title = anchor ? link(url(levelPage(toLadder.id, to.id), anchor), d.title) : d.title;
      if (pairs.every((p) => p.kind === 'same')) {
        same.push([title]);
        continue;
      }
      if (d.group !== undefined && d.group !== group)
        page.heading(3, ladder.groups.find((g) => g.id === d.group)?.title ?? d.group);
      group = d.group;
      page.heading(d.group === undefined ? 3 : 4, d.title);
      page.add(
        table(
          [{ header: [lower] }, { header: [higher] }],
          pairs.map((p) => pairRow(p, shortName(to))),
        ),
      );
    }
    if (same.length > 0)
      page.add(
        paragraph(
          `Stated the same at ${shortName(from)} and ${shortName(to)}: `,
          ...join(same, ', '),
          '.',
        ),
      );
  }

  // Levels written as prose: the paragraphs side by side, paired as statements are.
  const rows = sameLadder ? prose.map((p) => pairRow(p, shortName(to))) : acrossLadders(t);
  if (rows.length > 0) {
    page.heading(2, 'The two levels');
    if (sameLadder) page.add(...citation(ladder, 'levels'));
    page.add(table([{ header: [lower] }, { header: [higher] }], rows));
  }

  page.heading(2, `What ${higher} asks for`);
  if (to.abilities.length > 0)
    page.add(
      list(
        to.abilities.map((r) => {
          const ability = abilityById(site.model, r.ladder, r.ability);
          const milestone = ability?.milestones.find((m) => m.number === r.milestone);
          return [
            link(url(abilityPage(r.ladder, r.ability)), ability?.title ?? r.ability),
            `: milestone ${r.milestone} or higher`,
            ...(milestone ? [` (${milestoneWorth(milestone)})`] : []),
          ];
        }),
      ),
    );
  page.add(paragraph(`Scaffold a promotion packet for ${shortName(to)} from the repository root:`));
  page.add(codeBlock('sh', newPacketCommand(toLadder.id, to.id)));
  if (to.requires.length > 0) {
    const anchors = site.dimensionAnchors.get(`${toLadder.id}/${to.id}`);
    const target = levelPage(toLadder.id, to.id);
    page.add(
      paragraph(
        'The packet gives evidence for each of these dimensions: ',
        ...join(
          to.requires.map((id) => {
            const anchor = anchors?.get(`dimension:${id}`);
            const title = dimensionTitle(toLadder, id);
            return [anchor ? link(url(target, anchor), title) : title];
          }),
          ', ',
        ),
        '.',
      ),
    );
  }
  const claims = milestonesClaim(to);
  if (claims) page.add(claims);
  return page.finish();
}
