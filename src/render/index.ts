import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import type { Health } from '../health/health';
import type { Model } from '../model/types';
import { renderAbilityPage } from './ability-page';
import { renderAboutPage } from './about-page';
import { ladderCsvFile } from './export-csv';
import { exportSchemaFile, indexExport, jsonFile, ladderExport } from './export-json';
import { renderHealthPage } from './health-page';
import { modelSources, renderIndexPage } from './index-page';
import { renderLadderPage } from './ladder-page';
import { renderLevelPage } from './level-page';
import { DEFAULT_RENDER_COMMAND } from './marker';
import { PATH_COLLISION, type PlannedFile, pathCollisions } from './path-collisions';
import {
  abilityPage,
  aboutPage,
  EXPORT_SCHEMA,
  HEALTH_PAGE,
  INDEX_JSON,
  INDEX_PAGE,
  ladderCsv,
  ladderJson,
  ladderPage,
  levelPage,
} from './paths';
import type { RenderedFile, RenderOptions, Site } from './site';

export type { RenderedFile } from './site';

import { mendable, SYNC_CODES, type SyncPlan, syncDiagnostics } from './sync';
import { renderTransitionPage, transitionPath, transitions } from './transition-page';

export type { RenderOptions } from './site';

/** The packet guide a repository may keep (this one's manual page); the index links to it. */
export const PACKET_GUIDE = 'docs/packets.md';

/**
 * The render options for a repository, the same for the CLI and the action: its settings, and
 * the packet guide when the repository has one.
 */
export function repositoryRenderOptions(
  config: { readonly csvBom: boolean },
  pagesDir: string,
  command: string,
  hasPacketGuide: boolean,
  health: Health,
): RenderOptions {
  return {
    pagesDir,
    command,
    health,
    csvBom: config.csvBom,
    ...(hasPacketGuide ? { packetGuide: PACKET_GUIDE } : {}),
  };
}

/** Every diagnostic code the render stage and its stale-page check report. */
export const RENDER_CODES: readonly string[] = [PATH_COLLISION, ...Object.values(SYNC_CODES)];

/** The files to write, sorted by path; empty when `diagnostics` holds an error. */
export interface RenderResult {
  readonly files: readonly RenderedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Every file the site consists of, with what each is for (to find clashing paths). */
function plannedFiles(model: Model): PlannedFile[] {
  const files: PlannedFile[] = [
    { path: INDEX_PAGE, what: 'the index page' },
    { path: INDEX_JSON, what: 'the JSON index' },
    { path: EXPORT_SCHEMA, what: 'the JSON Schema of the exports' },
    { path: HEALTH_PAGE, what: 'the health page' },
  ];
  const site = siteOf(model, { pagesDir: '.' });
  for (const ladder of model.ladders) {
    const origin = ladder.origin;
    files.push(
      { path: ladderPage(ladder.id), what: `the page of ladder \`${ladder.id}\``, origin },
      { path: ladderJson(ladder.id), what: `the JSON export of ladder \`${ladder.id}\``, origin },
      { path: ladderCsv(ladder.id), what: `the CSV export of ladder \`${ladder.id}\``, origin },
    );
    for (const level of ladder.levels)
      files.push({
        path: levelPage(ladder.id, level.id),
        what: `the page of level \`${ladder.id}/${level.id}\``,
        origin: level.origin,
      });
    for (const t of transitions(site, ladder))
      files.push({
        path: transitionPath(t),
        what: `the page of the step \`${ladder.id}/${t.from.id}\` → \`${t.toLadder.id}/${t.to.id}\``,
        origin: t.from.origin,
      });
    if (ladder.sections.length > 0)
      files.push({
        path: aboutPage(ladder.id),
        what: `the about page of ladder \`${ladder.id}\``,
        origin,
      });
  }
  for (const ability of model.abilities)
    files.push({
      path: abilityPage(ability.ladder, ability.id),
      what: `the page of ability \`${ability.ladder}/${ability.id}\``,
      origin: ability.origin,
    });
  return files;
}

/** Pages whose paths clash (the site cannot be rendered while there are any). */
export function renderCollisions(model: Model): Diagnostic[] {
  return pathCollisions(plannedFiles(model)).sort(compareDiagnostics);
}

/**
 * The plan's problems as diagnostics on the files of `pagesDir` (relative to the root), each
 * file of the user's where a page goes named by what goes there (`the page of level \`eng/E5\``):
 * the site's files are listed again only for that.
 */
export function pageDiagnostics(
  model: Model,
  plan: Pick<SyncPlan, 'problems'>,
  pagesDir: string,
  command: string,
): Diagnostic[] {
  const roles = plan.problems.every(mendable)
    ? undefined
    : new Map(plannedFiles(model).map((f) => [f.path, f.what]));
  return syncDiagnostics(plan, pagesDir, command, roles);
}

/** The path of every file of the site (relative to the pages folder), sorted. */
export function renderPaths(model: Model): string[] {
  return plannedFiles(model)
    .map((f) => f.path)
    .sort();
}

/**
 * Renders the site one file at a time, so a caller can compare and write each and let it go:
 * a ladder's level pages, its transition pages, its page, about page and exports (they link to
 * anchors of its level pages), then the ability pages, the index, the health page, the JSON
 * index and the JSON Schema of the exports. Call only
 * when `renderCollisions` is empty.
 */
export function* renderFiles(model: Model, options: RenderOptions): Generator<RenderedFile> {
  const site = siteOf(model, options);
  const file = (f: RenderedFile): RenderedFile => ({ path: f.path, content: f.content });
  for (const ladder of model.ladders) {
    for (const level of ladder.levels) {
      const page = renderLevelPage(site, ladder, level);
      site.dimensionAnchors.set(`${ladder.id}/${level.id}`, page.anchors);
      yield file(page);
    }
    for (const t of transitions(site, ladder)) yield file(renderTransitionPage(site, t));
    yield file(renderLadderPage(site, ladder));
    if (ladder.sections.length > 0) yield file(renderAboutPage(site, ladder));
    yield {
      path: ladderJson(ladder.id),
      content: jsonFile(ladderExport(model, ladder, site.command)),
    };
    yield { path: ladderCsv(ladder.id), content: ladderCsvFile(ladder, site.csvBom) };
  }
  for (const ability of model.abilities) yield file(renderAbilityPage(site, ability));
  yield file(renderIndexPage(site));
  yield file(renderHealthPage(site, options.health));
  yield {
    path: INDEX_JSON,
    content: jsonFile(indexExport(model, modelSources(site), site.command)),
  };
  yield { path: EXPORT_SCHEMA, content: exportSchemaFile(site.command) };
}

/** The shared state of one rendering of the site. */
function siteOf(model: Model, options: Omit<RenderOptions, 'health'>): Site {
  return {
    model,
    pagesDir: options.pagesDir,
    command: options.command ?? DEFAULT_RENDER_COMMAND,
    csvBom: options.csvBom ?? false,
    ...(options.packetGuide !== undefined ? { packetGuide: options.packetGuide } : {}),
    dimensionAnchors: new Map(),
  };
}

/** Renders every page and export of the model, sorted by path. */
export function renderSite(model: Model, options: RenderOptions): RenderResult {
  const diagnostics = renderCollisions(model);
  if (diagnostics.length > 0) return { files: [], diagnostics };
  return {
    files: [...renderFiles(model, options)].sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    ),
    diagnostics,
  };
}
