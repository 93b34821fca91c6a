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

/**
 * The page of the step from level `from` to level `to` of ladder `toLadder`, in the folder of
 * `from`'s ladder: `L2-to-L3.md`, or `L5-to-web-operations.lead.md` for a level of another
 * ladder (a ladder id has no `.`; where a level id with a `.` would meet another page's path,
 * the render reports the collision).
 */
export function transitionPage(ladder: string, from: string, toLadder: string, to: string): string {
  return toLadder === ladder
    ? `${ladder}/${from}-to-${to}.md`
    : `${ladder}/${from}-to-${toLadder}.${to}.md`;
}

/** A ladder's about page: the prose of its documents (`sections`), apart from the levels. */
export function aboutPage(ladder: string): string {
  return `${ladder}/about.md`;
}

/** The JSON Schema of the ladder exports, published beside them. */
export const EXPORT_SCHEMA = 'ladder-export.schema.json';

/** An ability's page, in its ladder's folder of abilities (ability ids are scoped to a ladder). */
export function abilityPage(ladder: string, ability: string): string {
  return `abilities/${ladder}/${ability}.md`;
}

/** A ladder's JSON export. */
export function ladderJson(ladder: string): string {
  return `${ladder}.json`;
}

/** A ladder's CSV export. */
export function ladderCsv(ladder: string): string {
  return `${ladder}.csv`;
}

// A relative path of plain segments: none empty, none `.` or `..` (nor any starting with `.`).
const PLAIN_PATH = /^[^/.][^/]*(?:\/[^/.][^/]*)*$/;

/**
 * `posix.relative(posix.dirname(from), to)` for two plain relative paths, which every page
 * path is: `..` for each folder of `from` not shared with `to`, then the rest of `to`. A page
 * links to dozens of others, and `posix.relative` resolves both paths against the working
 * folder each time (issue 7).
 */
function relativePlain(from: string, to: string): string {
  // The commonest link, to a page in the same folder: its name.
  const slash = from.lastIndexOf('/');
  if (to.lastIndexOf('/') === slash && to.startsWith(from.slice(0, slash + 1)))
    return to.slice(slash + 1);
  const folders = from.split('/');
  folders.pop();
  const target = to.split('/');
  let shared = 0;
  while (shared < folders.length && shared < target.length && folders[shared] === target[shared])
    shared += 1;
  const parts: string[] = [];
  for (let k = shared; k < folders.length; k += 1) parts.push('..');
  for (let k = shared; k < target.length; k += 1) parts.push(target[k] ?? '');
  return parts.join('/');
}

/** The link from the page at `from` to the file at `to` (both relative to the pages folder). */
export function relativeUrl(from: string, to: string, anchor?: string): string {
  const relative =
    PLAIN_PATH.test(from) && PLAIN_PATH.test(to)
      ? relativePlain(from, to)
      : posix.relative(posix.dirname(from), to);
  const path = relative || posix.basename(to);
  return anchor ? `${path}#${anchor}` : path;
}

/**
 * The link from a page to a repository file (e.g. the ladder's YAML), given the pages folder
 * relative to the repository root.
 */
export function repositoryUrl(pagesDir: string, from: string, repoFile: string): string {
  return posix.relative(posix.join(pagesDir, posix.dirname(from)), repoFile);
}
