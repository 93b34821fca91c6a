/**
 * The reader's guide on the index: how to read a ladder, what `cumulative` says here, how to
 * use a level or transition page for a promotion, the ladders' own orders of levels side by
 * side, and what the pages do not say. Everything it says about the ladders is computed from
 * them (which declare `cumulative`, which titles two ladders order differently, which
 * abilities no level requires), so it stays true as they change.
 */

import type { Inline } from '../markdown/builders';
import { code, emphasis, link, list, paragraph, strong, table } from '../markdown/page';
import type { Ladder, Model } from '../model/types';
import { series } from '../util/text';
import type { PageBuilder } from './page';
import { INDEX_PAGE, levelPage, relativeUrl, repositoryUrl } from './paths';
import { levelName, type Site } from './site';

/** Each word that names exactly one level of the ladder → that level's position. */
function titleWords(ladder: Ladder): Map<string, number> {
  const seen = new Map<string, number[]>();
  ladder.levels.forEach((level, i) => {
    for (const word of new Set(level.title.match(/\p{L}+/gu) ?? []))
      seen.set(word, [...(seen.get(word) ?? []), i]);
  });
  const out = new Map<string, number>();
  for (const [word, at] of seen) if (at.length === 1) out.set(word, at[0] ?? 0);
  return out;
}

/**
 * Where two ladders order the same title words the other way round (Web Operations puts
 * Principal below Lead, Titles for Ops the reverse), as sentences.
 */
export function reversedOrders(model: Model): string[] {
  const out: string[] = [];
  // Each ladder's words once, not once per pair: 1,000 ladders make half a million pairs.
  const words = model.ladders.map(titleWords);
  model.ladders.forEach((a, i) => {
    const wa = words[i] ?? new Map<string, number>();
    for (let j = i + 1; j < model.ladders.length; j += 1) {
      const b = model.ladders[j] as Ladder;
      const wb = words[j] ?? new Map<string, number>();
      const shared = [...wa.keys()].filter((w) => wb.has(w));
      for (const w1 of shared)
        for (const w2 of shared) {
          const [a1 = 0, a2 = 0, b1 = 0, b2 = 0] = [wa.get(w1), wa.get(w2), wb.get(w1), wb.get(w2)];
          if (a1 < a2 && b1 > b2) {
            const title = (l: Ladder, k: number) => l.levels[k]?.title ?? '';
            out.push(
              `${a.title} puts ${title(a, a1)} below ${title(a, a2)}; ${b.title} puts ${title(b, b2)} below ${title(b, b1)}.`,
            );
          }
        }
    }
  });
  return out;
}

/** Adds the reader's guide to the index page. */
export function addReadersGuide(site: Site, page: PageBuilder): void {
  const { model } = site;
  if (model.ladders.length === 0) return;
  const url = (to: string) => relativeUrl(INDEX_PAGE, to);
  page.heading(2, 'Reader’s guide');

  page.heading(3, 'How to read a ladder');
  page.add(
    paragraph(
      'A ladder lists its levels from the first to the most senior. A level’s page says what the level expects: per dimension (what people are assessed on, in groups where the ladder has them) or in prose; a ladder’s page sets every level’s statements side by side, one row per dimension, to read one dimension across the levels. Every statement is quoted from the ladder’s YAML, and each part of a page names the document it comes from where the ladder says which.',
    ),
  );

  page.heading(3, 'Cumulative or not');
  const says = (v: boolean | undefined) =>
    model.ladders.filter((l) => l.cumulative === v).map((l) => l.title);
  const lines: Inline[][] = [];
  if (says(true).length > 0)
    lines.push([
      `${series(says(true))} ${says(true).length === 1 ? 'says its' : 'say their'} levels are cumulative: a level also expects what the levels before it expect.`,
    ]);
  if (says(false).length > 0)
    lines.push([
      `${series(says(false))} ${says(false).length === 1 ? 'says its' : 'say their'} levels are not cumulative: each level expects only what it states.`,
    ]);
  if (says(undefined).length > 0)
    lines.push([
      `${series(says(undefined))} ${says(undefined).length === 1 ? 'does' : 'do'} not say, and neither do ${says(undefined).length === 1 ? 'its' : 'their'} pages: a statement of a lower level that a higher level does not restate is shown as “not restated”, not as dropped.`,
    ]);
  page.add(
    paragraph(
      'A ladder may say whether a level also expects what the levels before it expect (',
      code('cumulative: true'),
      ') or only what it states (',
      code('cumulative: false'),
      ').',
    ),
    list(lines),
  );

  page.heading(3, 'For a promotion');
  page.add(
    paragraph(
      'Open the page of your level and follow ',
      emphasis('Aiming for …?'),
      ' to the page of the step: the two levels side by side, dimension by dimension, the words that change marked, and what the higher level asks for. It ends with the command that starts a promotion packet',
      ...(site.packetGuide !== undefined
        ? [
            '; ',
            link(repositoryUrl(site.pagesDir, INDEX_PAGE, site.packetGuide), 'the packet guide'),
            ' explains how to write one',
          ]
        : []),
      '.',
    ),
  );

  if (model.ladders.length > 1) {
    page.heading(3, 'The ladders’ own orders');
    const longest = Math.max(...model.ladders.map((l) => l.levels.length));
    page.add(
      table(
        [{ header: ['Order'] }, ...model.ladders.map((l) => ({ header: [l.title] }))],
        Array.from({ length: longest }, (_, i) => [
          [String(i + 1)],
          ...model.ladders.map((l): Inline[] => {
            const level = l.levels[i];
            return level ? [link(url(levelPage(l.id, level.id)), levelName(level))] : [];
          }),
        ]),
      ),
    );
    const reversed = reversedOrders(model);
    page.add(
      paragraph(
        'Each ladder orders its own levels; a level of one ladder is not matched to a level of another, except where a level advances to it.',
        ...(reversed.length > 0
          ? [' ', strong('Titles that read alike can rank differently:'), ' ', reversed.join(' ')]
          : []),
      ),
    );
  }

  const unmapped = model.abilities.filter(
    (a) =>
      !model.ladders.some((l) =>
        l.levels.some((v) => v.abilities.some((q) => q.ladder === a.ladder && q.ability === a.id)),
      ),
  );
  const notSaid: Inline[][] = [];
  for (const a of unmapped)
    notSaid.push([
      `Which level a milestone of ${a.title} belongs to: no level requires ${a.title}, so its milestones are not mapped to levels.`,
    ]);
  if (model.ladders.length > 1)
    notSaid.push(['Which level of one ladder equals a level of another.']);
  if (notSaid.length > 0) {
    page.heading(3, 'What these pages do not say');
    page.add(list(notSaid));
  }
}
