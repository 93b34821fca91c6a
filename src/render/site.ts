/** What every page builder shares: the model, the options, and lookups over the model. */
import type { Health } from '../health/health';
import { levelLabel, previousLevel as previousRef } from '../model/levels';
import { ladderById } from '../model/lookup';
import type { Edge, Ladder, Level, Model } from '../model/types';
import { emphasis, type Inline, link } from './markdown';
import { levelPage, relativeUrl } from './paths';

/** Options of the render stage. */
export interface RenderOptions {
  /** The pages folder relative to the repository root (links back to the YAML start there). */
  readonly pagesDir: string;
  /** The command that regenerates the pages, quoted in every generated-file marker. */
  readonly command?: string;
  /** What the health page shows: `ladderFilesHealth(model)` (src/health/health.ts). */
  readonly health: Health;
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

/** The ladder with this id. */
export function findLadder(model: Model, id: string): Ladder | undefined {
  return ladderById(model, id);
}

/** A dimension's title (its id if the ladder does not know it). */
export function dimensionTitle(ladder: Ladder, id: string): string {
  return ladder.dimensions.find((d) => d.id === id)?.title ?? id;
}

/** An advancement edge as inline content for the page at `from`: a link, or a planned title. */
export function edgeInline(site: Site, from: string, fromLadder: string, edge: Edge): Inline[] {
  if (edge.kind === 'planned') {
    const track = findLadder(site.model, fromLadder)?.tracks.find((t) => t.id === edge.track);
    const note = track
      ? `(planned on the ${track.title} track, not written yet)`
      : '(planned, not written yet)';
    return [edge.title, ' ', emphasis(note)];
  }
  const ladder = findLadder(site.model, edge.ladder);
  const level = ladder?.levels.find((l) => l.id === edge.level);
  if (!ladder || !level) return [`${edge.ladder}/${edge.level}`];
  const name =
    edge.ladder === fromLadder ? levelName(level) : `${ladder.title} › ${levelName(level)}`;
  return [link(relativeUrl(from, levelPage(ladder.id, level.id)), name)];
}

/** The level people usually come from (see `previousLevel` in model/levels.ts). */
export function previousLevel(ladder: Ladder, level: Level): Level | undefined {
  const index = ladder.levels.indexOf(level);
  return index < 0 ? undefined : previousRef({ ladder, level, index })?.level;
}
