/**
 * A ladder's about page: the prose of the documents the ladder was written from (its
 * `sections`), apart from the levels, each under the document it comes from, with what that
 * document says about itself (author, book, tags), so one author's view never reads as the
 * ladder's policy.
 */

import { link, list, paragraph, paragraphs, strong } from '../markdown/page';
import type { Ladder, Section } from '../model/types';
import { aboutTitle } from './ladder-page';
import { type FinishedPage, PageBuilder } from './page';
import { aboutPage, INDEX_PAGE, ladderPage, relativeUrl } from './paths';
import { documentById, type Site } from './site';

/** Renders the about page of a ladder that has sections. */
export function renderAboutPage(site: Site, ladder: Ladder): FinishedPage {
  const path = aboutPage(ladder.id);
  const page = new PageBuilder(path, [ladder.origin.file], site.command);
  const url = (to: string) => relativeUrl(path, to);
  const title = aboutTitle(ladder);

  page.add(
    paragraph(
      link(url(INDEX_PAGE), 'Career ladders'),
      ' › ',
      link(url(ladderPage(ladder.id)), ladder.title),
      ' › ',
      title,
    ),
  );
  page.heading(1, title);
  if (ladder.sections.some((x) => x.source !== undefined))
    page.add(paragraph('Each part of this page is quoted from the document named in its heading.'));

  // Runs of sections from one document go under that document's heading.
  let source: string | undefined;
  let previous: Section | undefined;
  for (const section of ladder.sections) {
    const document = documentById(ladder, section.source);
    const depth = document ? 3 : 2;
    if (document && (section.source !== source || previous === undefined)) {
      page.heading(
        2,
        document.url !== undefined ? link(document.url, document.title) : document.title,
      );
      if (document.details.length > 0)
        page.add(list(document.details.map((d) => [strong(`${d.label}:`), ' ', d.text])));
      previous = undefined;
    }
    source = section.source;
    // Sections sharing a title are sub-sections of one heading, as in their document.
    if (section.title !== previous?.title || section.subtitle === undefined)
      page.heading(depth, section.title);
    previous = section;
    if (section.subtitle !== undefined) page.heading(depth === 3 ? 4 : 3, section.subtitle);
    for (const p of section.paragraphs) page.add(...paragraphs(p));
    if (section.items.length > 0)
      page.add(
        list(
          section.items.map((i) =>
            i.title === undefined ? [i.text] : [strong(`${i.title}:`), ' ', i.text],
          ),
        ),
      );
    if (section.closing !== undefined) page.add(...paragraphs(section.closing));
  }
  return page.finish();
}
