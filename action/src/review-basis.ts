/**
 * What a pull request is reviewed under: the configuration (the base's when the pull request may
 * not set its own rules) and which ladders it changes (its packets are then held to the base's),
 * also when GitHub's listing of its files is cut off.
 */
import { compareConfigs, reviewConfig } from '../../src/config/compare';
import type { Snapshot } from '../../src/load/snapshot';
import type { Model } from '../../src/model/types';
import { configChangeMarkdown } from '../../src/report/review-basis';
import { type ReadConfig, readConfig, type Workspace } from '../../src/workspace/index';
import type { ChangedFile } from './changed-files';
import type { PullRequestRoute } from './event';
import { type ActionInputs, warnMissingConfig, workspaceOptions } from './inputs';
import type { BaseReader } from './ladder-changes';
import * as log from './log';

/** The config a pull request is reviewed under, and what the comment says about it. */
export interface ConfigBasis {
  readonly read: ReadConfig;
  /** Whether the pull request changes the config file. */
  readonly changed: boolean;
  /** The "Configuration" section of the comment; empty when the config is not changed. */
  readonly section: string;
}

/**
 * Reads the config for a pull request's review. When the pull request changes the config file,
 * the base's is read too: a pull request from a fork, or any under `pull_request_target`, is
 * reviewed under the base's config; one from this repository under its own (its author can
 * edit the workflow anyway), with limits no higher than the base's. The problems of the changed
 * file are reported either way. When the listing of changed files may be cut off (`complete`
 * false), the two are compared whether it names the file or not: a change past the cut counts.
 */
export async function configBasis(
  route: PullRequestRoute,
  inputs: ActionInputs,
  head: Snapshot,
  base: BaseReader,
  changed: readonly ChangedFile[],
  complete: boolean,
): Promise<ConfigBasis> {
  const atHead = await readConfig(head, workspaceOptions(inputs));
  warnMissingConfig(inputs, atHead.file !== undefined || atHead.diagnostics.length > 0);
  const unchanged: ConfigBasis = { read: atHead, changed: false, section: '' };
  const listed = changed.some((c) => c.path === inputs.config || c.previousPath === inputs.config);
  if (!listed && complete) return unchanged;
  const atBase = await readConfig(base, workspaceOptions(inputs));
  const changes = compareConfigs(atBase.config, atHead.config);
  if (!listed && changes.length === 0) return unchanged;
  const trusted = route.event === 'pull_request' && !route.fork;
  log.info(
    `The pull request changes ${inputs.config}; the review runs under ${trusted ? 'its own configuration, with the base branch’s bar for packets and its limits at most' : 'the base branch’s configuration'}.`,
  );
  return {
    read: {
      config: reviewConfig(atBase.config, atHead.config, trusted),
      diagnostics: atHead.diagnostics,
    },
    changed: true,
    section: configChangeMarkdown(inputs.config, changes, trusted ? 'head' : 'base'),
  };
}

/**
 * The changed files, and when the listing may be cut off (`complete` false) the ladder files it
 * leaves out: each ladder file of the head that the listing does not name, whose base version
 * differs (`modified`) or is not there (`added`). Without them a ladder change past the cut
 * would judge a packet of the same pull request by the changed ladder. A ladder file removed
 * past the cut stays unseen: its packets then name an unknown ladder, which fails them rather
 * than lowering their bar.
 */
export async function withUnlistedLadders(
  changed: readonly ChangedFile[],
  complete: boolean,
  head: Pick<Workspace, 'files' | 'config'>,
  base: BaseReader,
): Promise<readonly ChangedFile[]> {
  if (complete) return changed;
  const named = new Set(changed.flatMap((c) => [c.path, c.previousPath ?? '']));
  const unnamed = head.files.filter((f) => !named.has(f.path));
  const reads = await Promise.all(unnamed.map((f) => base.read(f.path, head.config.maxFileBytes)));
  return [
    ...changed,
    ...unnamed.flatMap((f, i): ChangedFile[] => {
      const read = reads[i];
      if (read?.kind === 'missing') return [{ path: f.path, status: 'added' }];
      if (read?.kind === 'file' && Buffer.compare(read.bytes, f.bytes) === 0) return [];
      return [{ path: f.path, status: 'modified' }];
    }),
  ];
}

/** The ids of the ladders defined in `files`, in any of `models`. */
export function ladderIdsIn(files: ReadonlySet<string>, models: readonly Model[]): Set<string> {
  const ids = new Set<string>();
  if (files.size === 0) return ids;
  for (const m of models) for (const l of m.ladders) if (files.has(l.origin.file)) ids.add(l.id);
  return ids;
}
