/** What every page builder shares: the model, the options, and lookups over the model. */

import type { Paragraph } from 'mdast';
import type { Health } from '../health/health';
import type { Inline } from '../markdown/builders';
import { code, emphasis, link, paragraph } from '../markdown/page';
import { levelLabel } from '../model/levels';
import { incomingEdges, ladderById } from '../model/lookup';
import type { Edge, Ladder, Level, Milestone, Model, PartName, Provenance } from '../model/types';
import { levelPage, relativeUrl } from './paths';

/** Options of the render stage. */
export interface RenderOptions {
  /** The pages folder relative to the repository root (links back to the YAML start there). */
  readonly pagesDir: string;
  /** The command that regenerates the pages, quoted in every generated-file marker. */
  readonly command?: string;
  /** What the health page shows: `ladderFilesHealth(model)` (src/health/health.ts). */
  readonly health: Health;
  /** Start the CSV exports with a UTF-8 byte order mark (for spreadsheets that need one). */
  readonly csvBom?: boolean;
  /** The packet guide's path from the repository root, when the repository has one. */
  readonly packetGuide?: string;
}

/** One generated file: path relative to the pages folder, and its text. */
export interface RenderedFile {
  readonly path: string;
  readonly content: string;
}

/** The model and options, plus what earlier pages learnt (the anchors of level pages). */
export interface Site {
  readonly model: Model;
  readonly pagesDir: string;
  readonly command: string;
  readonly csvBom: boolean;
  readonly packetGuide?: string;
  /** `ladder/level` → dimension id → anchor of that dimension's heading on the level page. */
  readonly dimensionAnchors: Map<string, ReadonlyMap<string, string>>;
}

/**
 * A level as people name it: `L1: Junior SRE` (its label in place of the id when it has one), or
 * just the title when it contains the id or label.
 */
export function levelName(level: Level): string {
  const label = levelLabel(level);
  return level.title.toLowerCase().includes(label.toLowerCase())
    ? level.title
    : `${label}: ${level.title}`;
}

/**
 * A level named briefly: its id (or label) when its title does not contain it (`L3`), else its
 * title.
 */
export function shortName(level: Level): string {
  return levelName(level) === level.title ? level.title : levelLabel(level);
}

/** The ladder with this id. */
export function findLadder(model: Model, id: string): Ladder | undefined {
  return ladderById(model, id);
}

/** A dimension's title (its id if the ladder does not know it). */
export function dimensionTitle(ladder: Ladder, id: string): string {
  return ladder.dimensions.find((d) => d.id === id)?.title ?? id;
}

/** The document a part of the ladder comes from, when the ladder names it. */
export function partSource(ladder: Ladder, part: PartName): Provenance | undefined {
  return documentById(ladder, ladder.parts[part].source);
}

/** The ladder's source document with this id. */
export function documentById(ladder: Ladder, id: string | undefined): Provenance | undefined {
  return id === undefined ? undefined : ladder.source.find((s) => s.id === id);
}

/** A document as a reader sees it named: its title in italics (a link when it has a URL). */
export function documentName(document: Provenance): Inline {
  return document.url !== undefined
    ? link(document.url, emphasis(document.title))
    : emphasis(document.title);
}

/**
 * The line that names where a part of the ladder comes from: `From *Employee Handbook*,
 * “Warning Signs”.` with `heading` when the part's own heading is not shown above it; none when
 * the ladder does not name the part's document.
 */
export function citation(ladder: Ladder, part: PartName, heading?: string) {
  const document = partSource(ladder, part);
  if (!document) return [];
  return [
    paragraph(
      'From ',
      documentName(document),
      ...(heading !== undefined ? [`, “${heading}”`] : []),
      '.',
    ),
  ];
}

/** The heading of a part: the one its document gives it, else ours. */
export function partTitle(ladder: Ladder, part: PartName, fallback: string): string {
  return ladder.parts[part].title ?? fallback;
}

/**
 * Whether a level's other titles (`aliases`) belong with its theme: when the ladder declares the
 * two parts as one heading of one document (the handbook's "The Five Levels of Ops Mastery"
 * gives each level its old title and its theme). Else they are a part of their own, such as a
 * mapping to the titles of other companies or tracks.
 */
export function aliasesWithThemes(ladder: Ladder): boolean {
  const { aliases, themes } = ladder.parts;
  return (
    aliases.title !== undefined &&
    aliases.title === themes.title &&
    aliases.source === themes.source
  );
}

/** The heading of a ladder's level aliases shown apart from their themes. */
export const OTHER_TITLES = 'Other titles';

/** A level as named where a reader sees it: `L3: Senior SRE`, with the ladder's title elsewhere. */
export function levelNameFrom(site: Site, ladderId: string, levelId: string, here: string): string {
  const ladder = findLadder(site.model, ladderId);
  const level = ladder?.levels.find((l) => l.id === levelId);
  if (!ladder || !level) return `${ladderId}/${levelId}`;
  return ladderId === here ? levelName(level) : `${ladder.title} › ${levelName(level)}`;
}

/**
 * An advancement edge as inline content for the page at `from`: a link, or a title marked TBD
 * (with its track when the edge names one, without a comma: edges are listed with commas).
 */
export function edgeInline(site: Site, from: string, fromLadder: string, edge: Edge): Inline[] {
  if (edge.kind === 'planned') {
    const track = findLadder(site.model, fromLadder)?.tracks.find((t) => t.id === edge.track);
    return [`${edge.title} (TBD)${track ? ` on the ${track.title} track` : ''}`];
  }
  const ladder = findLadder(site.model, edge.ladder);
  const level = ladder?.levels.find((l) => l.id === edge.level);
  if (!ladder || !level) return [`${edge.ladder}/${edge.level}`];
  const name = levelNameFrom(site, edge.ladder, edge.level, fromLadder);
  return [link(relativeUrl(from, levelPage(ladder.id, level.id)), name)];
}

/** Whether no level leads to this one (of its ladder or another): no packet can target it. */
export function isEntryLevel(site: Site, ladder: Ladder, level: Level): boolean {
  const leadsHere = (e: Edge) =>
    e.kind === 'level' && e.ladder === ladder.id && e.level === level.id;
  return (
    !ladder.levels.some((l) => l.next.some(leadsHere)) &&
    !incomingEdges(site.model, ladder.id).some((e) => e.to === level.id)
  );
}

/** What a ladder's `cumulative` says, as a sentence; none when the ladder does not say. */
export function cumulativeSentence(ladder: Ladder): string | undefined {
  if (ladder.cumulative === true)
    return `${ladder.title} says its levels are cumulative: each level also expects what the levels before it expect.`;
  if (ladder.cumulative === false)
    return `${ladder.title} says its levels are not cumulative: each level expects only what it states.`;
  return undefined;
}

/** What a milestone is worth, in its document's words when it has them: `adds 3 miles to your journey`. */
export function milestoneWorth(milestone: Milestone): string {
  return milestone.label ?? `${milestone.points} ${milestone.points === 1 ? 'point' : 'points'}`;
}

/** The command that scaffolds a promotion packet for a level (see the packets command). */
export function newPacketCommand(ladder: string, level: string): string {
  return `npx ladder new-packet --ladder ${ladder} --to ${level}`;
}

/** What a packet for `level` claims under `milestones:`, when the level asks for abilities or points. */
export function milestonesClaim(level: Level): Paragraph | undefined {
  if (level.abilities.length === 0 && level.points === undefined) return undefined;
  return paragraph(
    'Under ',
    code('milestones:'),
    ' in its front matter, it claims ',
    level.abilities.length > 0 ? 'at least the ability milestones listed above' : 'milestones',
    level.points !== undefined
      ? `, worth ${level.points.min} points or more in total, with a section of evidence per ability it claims`
      : '',
    '.',
  );
}
