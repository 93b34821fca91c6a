import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { WordNumbers } from '../model/statement-diff';
import type { Model } from '../model/types';
import { renderAbilityPage } from './ability-page';
import { ladderCsvFile } from './export-csv';
import { indexExport, jsonFile, ladderExport } from './export-json';
import { renderHealthPage } from './health-page';
import { modelSources, renderIndexPage } from './index-page';
import { renderLadderPage } from './ladder-page';
import { renderLevelPage } from './level-page';
import { DEFAULT_RENDER_COMMAND } from './marker';
import { PATH_COLLISION, type PlannedFile, pathCollisions } from './path-collisions';
import {
  abilityPage,
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

import { SYNC_CODES } from './sync';

export type { RenderOptions } from './site';

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
    { path: HEALTH_PAGE, what: 'the health page' },
  ];
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
  }
  for (const ability of model.abilities)
    files.push({
      path: abilityPage(ability.ladder, ability.id),
      what: `the page of ability \`${ability.id}\``,
      origin: ability.origin,
    });
  return files;
}

/** Pages whose paths clash (the site cannot be rendered while there are any). */
export function renderCollisions(model: Model): Diagnostic[] {
  return pathCollisions(plannedFiles(model)).sort(compareDiagnostics);
}

/** The path of every file of the site (relative to the pages folder), sorted. */
export function renderPaths(model: Model): string[] {
  return plannedFiles(model)
    .map((f) => f.path)
    .sort();
}

/**
 * Renders the site one file at a time, so a caller can compare and write each and let it go:
 * a ladder's level pages, then its page and exports (its page links to anchors of its level
 * pages), then the ability pages, the index, the health page and the JSON index. Call only
 * when `renderCollisions` is empty.
 */
export function* renderFiles(model: Model, options: RenderOptions): Generator<RenderedFile> {
  const site: Site = {
    model,
    pagesDir: options.pagesDir,
    command: options.command ?? DEFAULT_RENDER_COMMAND,
    dimensionAnchors: new Map(),
  };
  const file = (f: RenderedFile): RenderedFile => ({ path: f.path, content: f.content });
  for (const ladder of model.ladders) {
    const words = new WordNumbers();
    for (const level of ladder.levels) {
      const page = renderLevelPage(site, ladder, level, words);
      site.dimensionAnchors.set(`${ladder.id}/${level.id}`, page.anchors);
      yield file(page);
    }
    yield file(renderLadderPage(site, ladder));
    yield {
      path: ladderJson(ladder.id),
      content: jsonFile(ladderExport(model, ladder, site.command)),
    };
    yield { path: ladderCsv(ladder.id), content: ladderCsvFile(ladder, site.command) };
  }
  for (const ability of model.abilities) yield file(renderAbilityPage(site, ability));
  yield file(renderIndexPage(site));
  yield file(renderHealthPage(site, options.health));
  yield {
    path: INDEX_JSON,
    content: jsonFile(indexExport(model, modelSources(site), site.command)),
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
