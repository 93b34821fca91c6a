/** Shared by the render tests: a "repository" is a folder with `ladders/*.yml` in it. */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ladderFilesHealth } from '../../src/health/health';
import type { Model } from '../../src/model/types';
import { type RenderedFile, renderSite } from '../../src/render/index';
import { validateLadders } from '../../src/validate/index';
import { FIXTURES } from '../helpers/paths';

/** The render fixture cases: each is a small repository with its committed pages. */
export const RENDER_FIXTURES = join(FIXTURES, 'render');

/** The pages folder, relative to a repository root. */
export const PAGES = 'docs/ladders';

/** Validates `<root>/ladders/*.yml` the way the CLI does (paths relative to `root`). */
export function loadRepo(root: string): Model {
  const dir = join(root, 'ladders');
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.yml'))
    .sort()
    .map((n) => ({ path: `ladders/${n}`, bytes: readFileSync(join(dir, n)) }));
  const { model, diagnostics } = validateLadders(files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture ${root} is invalid: ${JSON.stringify(errors)}`);
  return model;
}

/** The packets of a repository (`<root>/promotions/** Renders a repository's ladders into files relative to its pages folder. */
export function renderRepo(root: string): readonly RenderedFile[] {
  const model = loadRepo(root);
  const result = renderSite(model, { pagesDir: PAGES, health: ladderFilesHealth(model) });
  if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
  return result.files;
}

/** Every file under `dir`, relative path → text; empty when the folder does not exist. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs).sort()) {
      const path = join(abs, name);
      const relPath = rel ? `${rel}/${name}` : name;
      if (statSync(path).isDirectory()) walk(path, relPath);
      else out.set(relPath, readFileSync(path, 'utf8'));
    }
  };
  walk(dir, '');
  return out;
}

/** The fixture cases, by folder name. */
export function fixtureCases(): string[] {
  return readdirSync(RENDER_FIXTURES)
    .filter((n) => statSync(join(RENDER_FIXTURES, n)).isDirectory())
    .sort();
}
