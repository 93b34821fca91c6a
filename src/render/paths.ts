/**
 * Where each generated file lives, relative to the pages folder (default `docs/ladders`), and
 * the relative links between them. One place, so links and files can never disagree.
 */
import { posix } from 'node:path';

/** The index of every ladder and ability. */
export const INDEX_PAGE = 'README.md';
/** The JSON index of every ladder, ability and role. */
export const INDEX_JSON = 'index.json';
/** How the ladders are used by roles, levels and packets, and what needs attention. */
export const HEALTH_PAGE = 'health.md';

/** A ladder's page. */
export function ladderPage(ladder: string): string {
  return `${ladder}/README.md`;
}

/** A level's page. */
export function levelPage(ladder: string, level: string): string {
  return `${ladder}/${level}.md`;
}

/** An ability's page. */
export function abilityPage(ability: string): string {
  return `abilities/${ability}.md`;
}

/** A ladder's JSON export. */
export function ladderJson(ladder: string): string {
  return `${ladder}.json`;
}

/** A ladder's CSV export. */
export function ladderCsv(ladder: string): string {
  return `${ladder}.csv`;
}

/** The link from the page at `from` to the file at `to` (both relative to the pages folder). */
export function relativeUrl(from: string, to: string, anchor?: string): string {
  const path = posix.relative(posix.dirname(from), to) || posix.basename(to);
  return anchor ? `${path}#${anchor}` : path;
}

/**
 * The link from a page to a repository file (e.g. the ladder's YAML), given the pages folder
 * relative to the repository root.
 */
export function repositoryUrl(pagesDir: string, from: string, repoFile: string): string {
  return posix.relative(posix.join(pagesDir, posix.dirname(from)), repoFile);
}
