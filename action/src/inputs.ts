/** The action's inputs (`with:` in the workflow), read once and checked, with every default. */
import * as core from '@actions/core';
import type { WorkspaceOptions } from '../../src/workspace/index';
import * as log from './log';

/** When the step fails: on any error, on any warning too, or never. */
export type FailOn = 'error' | 'warning' | 'never';

/** What the job summary holds: counts, verdicts and diagnostics (`safe`), also the comment (`full`), or nothing. */
export type SummaryMode = 'safe' | 'full' | 'none';

/** Every input, parsed. Optional paths are absent when the config file (or its default) decides. */
export interface ActionInputs {
  readonly token: string;
  /** Another token for evidence verification (one that can read the linked repositories). */
  readonly verifyToken?: string;
  readonly config: string;
  readonly ladders?: string;
  readonly packets?: string;
  readonly pages?: string;
  readonly comment: boolean;
  readonly failOn: FailOn;
  readonly commitPages: boolean;
  readonly summary: SummaryMode;
  /** Login of the account whose comments carry our marker (`auto`: ask GraphQL `viewer`). */
  readonly commentAuthor: string;
  /** Whether to ask the owners of changed ladder parts for review on ladder pull requests. */
  readonly requestReviews: boolean;
}

/** What the inputs set over the config file, and where the `no-ladders` diagnostic points. */
export function workspaceOptions(inputs: ActionInputs): WorkspaceOptions {
  return {
    configFile: inputs.config,
    ...(inputs.ladders === undefined ? {} : { ladders: inputs.ladders }),
    ...(inputs.packets === undefined ? {} : { packets: inputs.packets }),
    ...(inputs.pages === undefined ? {} : { pages: inputs.pages }),
    hint: `set \`ladders\` in ${inputs.config} or the action's \`ladders\` input`,
  };
}

/** The config file the action reads when the `config` input is not set. */
const DEFAULT_CONFIG_FILE = 'ladder.config.yml';

/**
 * Warns when the `config` input names a file the repository does not have: the defaults apply
 * then, as without a config file, which a typo in the input would otherwise hide.
 */
export function warnMissingConfig(inputs: ActionInputs, found: boolean): void {
  if (found || inputs.config === DEFAULT_CONFIG_FILE) return;
  log.warning(
    `The \`config\` input names ${inputs.config}, which is not in the repository, so the default configuration applies. Fix the path, or leave the input out.`,
  );
}

/** A wrong input value: reported as one line naming the input, never as a stack trace. */
export class InputError extends Error {}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
const SUMMARY: readonly SummaryMode[] = ['safe', 'full', 'none'];

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).toLowerCase() || fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined)
    throw new InputError(
      `Input \`${name}\` must be one of ${allowed.join(', ')}; got \`${value}\`.`,
    );
  return found;
}

function flag(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new InputError(`Input \`${name}\` must be true or false; got \`${value}\`.`);
}

/** A repository-relative path: forward slashes, no leading `./`, never leaving the repository. */
export function repoRelative(name: string, value: string): string {
  const path = value
    .replaceAll('\\', '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (path.startsWith('/') || path.split('/').includes('..'))
    throw new InputError(
      `Input \`${name}\` must be a path inside the repository; got \`${value}\`.`,
    );
  return path || '.';
}

function optionalPath(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : repoRelative(name, value);
}

/** Reads and checks every input; throws InputError on a bad value. */
export function readInputs(): ActionInputs {
  const token = core.getInput('github-token');
  if (token === '')
    throw new InputError(
      'Input `github-token` is empty; leave it out to use the workflow token, or pass a token.',
    );
  core.setSecret(token);
  const verifyToken = core.getInput('verify-token');
  if (verifyToken !== '') core.setSecret(verifyToken);
  const ladders = optionalPath('ladders');
  const packets = optionalPath('packets');
  const pages = optionalPath('pages');
  return {
    token,
    ...(verifyToken === '' ? {} : { verifyToken }),
    config: repoRelative('config', core.getInput('config') || DEFAULT_CONFIG_FILE),
    ...(ladders === undefined ? {} : { ladders }),
    ...(packets === undefined ? {} : { packets }),
    ...(pages === undefined ? {} : { pages }),
    comment: flag('comment', true),
    failOn: choice('fail-on', FAIL_ON, 'error'),
    commitPages: flag('commit-pages', false),
    summary: choice('summary', SUMMARY, 'safe'),
    commentAuthor: core.getInput('comment-author') || 'github-actions[bot]',
    requestReviews: flag('request-reviews', true),
  };
}
