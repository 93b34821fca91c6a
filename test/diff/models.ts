/** Loads the ladders of a fixture folder into a model, the way the CLI does from bytes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../../src/model/types';
import { type InputFile, validateLadders } from '../../src/validate/index';
import { FIXTURES } from '../helpers/paths';

/** The ladder files of `test/fixtures/diff/<scenario>/<side>/ladders`. */
export function sideFiles(scenario: string, side: 'base' | 'head'): InputFile[] {
  const folder = join(FIXTURES, 'diff', scenario, side, 'ladders');
  return readdirSync(folder)
    .filter((n) => n.endsWith('.yml'))
    .sort()
    .map((n) => ({ path: `ladders/${n}`, bytes: readFileSync(join(folder, n)) }));
}

/** The model of one side of a scenario; fails the test if it does not validate. */
export function sideModel(scenario: string, side: 'base' | 'head'): Model {
  const { model, diagnostics } = validateLadders(sideFiles(scenario, side));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${scenario}/${side}: ${JSON.stringify(errors)}`);
  return model;
}

/** A model from one ladder written inline (for small, focused cases). */
export function ladderModel(yaml: string, path = 'ladders/demo.yml'): Model {
  return laddersModel(inlineFiles({ [path]: yaml }));
}

/** Ladder files written inline: path → YAML. */
export function inlineFiles(files: Readonly<Record<string, string>>): InputFile[] {
  return Object.entries(files).map(([path, yaml]) => ({
    path,
    bytes: new TextEncoder().encode(yaml),
  }));
}

/** The model of several ladder files; fails the test if they do not validate. */
export function laddersModel(files: readonly InputFile[]): Model {
  const { model, diagnostics } = validateLadders(files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return model;
}
