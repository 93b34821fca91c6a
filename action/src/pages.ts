/**
 * The rendered pages: are the committed pages what `npx ladder render` would write (the render
 * stage decides), and, when asked and allowed, one commit that brings them up to date. The
 * commit is made through the Git data API (tree, commit, fast-forward of the branch), so no git
 * process runs and nothing from the repository is executed.
 */

import type { Config } from '../../src/config/config';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { ladderFilesHealth } from '../../src/health/health';
import type { Snapshot } from '../../src/load/snapshot';
import type { Model } from '../../src/model/types';
import {
  PACKET_GUIDE,
  pageDiagnostics,
  renderSite,
  repositoryRenderOptions,
} from '../../src/render/index';
import { DEFAULT_RENDER_COMMAND } from '../../src/render/marker';
import { planSync, type SyncPlan } from '../../src/render/sync';
import type { RepoRef } from './event';
import * as log from './log';
import { apiMessage, type Client, permissionFailure, statusOf } from './octokit';

/** The page check's result: the plan (what render would change) and its diagnostics. */
export interface PageCheck {
  readonly plan: SyncPlan;
  readonly diagnostics: readonly Diagnostic[];
}

const PAGE_EXTENSIONS = ['.md', '.json', '.csv'];

/** Renders the model and compares the result with the pages in the snapshot. */
export async function checkPages(
  snapshot: Snapshot,
  model: Model,
  config: Config,
): Promise<PageCheck> {
  const pagesDir = config.pages;
  const guide = await snapshot.read(PACKET_GUIDE, config.maxFileBytes);
  const options = repositoryRenderOptions(
    config,
    pagesDir,
    DEFAULT_RENDER_COMMAND,
    guide.kind === 'file',
    ladderFilesHealth(model),
  );
  const rendered = renderSite(model, options);
  const existing = new Map<string, string>();
  // Keep a CSV export's byte order mark: it is part of the file `render` writes.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const prefix = pagesDir === '.' ? '' : `${pagesDir}/`;
  const paths = await snapshot.list(pagesDir, PAGE_EXTENSIONS);
  const reads = await Promise.all(paths.map((p) => snapshot.read(p, config.maxFileBytes)));
  paths.forEach((path, i) => {
    const read = reads[i];
    // As the CLI does: a link or an oversized file is never ours; empty text makes it stale.
    if (read?.kind === 'file') existing.set(path.slice(prefix.length), decoder.decode(read.bytes));
    else if (read !== undefined && read.kind !== 'missing')
      existing.set(path.slice(prefix.length), '');
  });
  if (rendered.diagnostics.length > 0)
    return { plan: planSync([], new Map()), diagnostics: rendered.diagnostics };
  const plan = planSync(rendered.files, existing);
  return { plan, diagnostics: pageDiagnostics(model, plan, pagesDir, DEFAULT_RENDER_COMMAND) };
}

/** Commits the plan's writes and removals on top of `sha` and moves `branch` to it. */
export async function commitPages(
  client: Client,
  repo: RepoRef,
  branch: string,
  sha: string,
  plan: SyncPlan,
  pagesDir: string,
): Promise<string | undefined> {
  const full = (p: string) => (pagesDir === '.' ? p : `${pagesDir}/${p}`);
  const tree = [
    ...plan.writes.map((f) => ({
      path: full(f.path),
      mode: '100644' as const,
      type: 'blob' as const,
      content: f.content,
    })),
    ...plan.removals.map((p) => ({
      path: full(p),
      mode: '100644' as const,
      type: 'blob' as const,
      sha: null,
    })),
  ];
  if (tree.length === 0) return undefined;
  try {
    const { data: newTree } = await client.rest.git.createTree({ ...repo, base_tree: sha, tree });
    const { data: commit } = await client.rest.git.createCommit({
      ...repo,
      message: `Regenerate ladder pages (${DEFAULT_RENDER_COMMAND})`,
      tree: newTree.sha,
      parents: [sha],
    });
    await client.rest.git.updateRef({
      ...repo,
      ref: `heads/${branch}`,
      sha: commit.sha,
      force: false,
    });
    return commit.sha;
  } catch (error) {
    if (statusOf(error) === 422) {
      log.warning(
        `GitHub did not move ${branch} to the regenerated pages (422: ${apiMessage(error)}): either the branch moved on meanwhile, and the next run will refresh them, or it is protected, and then commit-pages cannot push to it; regenerate the pages with \`${DEFAULT_RENDER_COMMAND}\` in a pull request instead.`,
      );
      return undefined;
    }
    throw (
      permissionFailure(
        error,
        'write-contents',
        `commit the regenerated pages to ${branch}`,
        'other',
      ) ?? error
    );
  }
}
