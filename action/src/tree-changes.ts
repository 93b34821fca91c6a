/**
 * A pull request's changed files when `pulls.listFiles` cannot give them all: it stops at 3,000
 * files. The pull request's merge commit (what merging it would leave) is compared with its first
 * parent (the base it was merged onto) instead: three requests whatever the size, the commit and
 * the two trees. Each path whose blob differs is a change (a rename is a removal and an
 * addition). Engine-free, like the listing it stands in for (see `run.ts`).
 */
import type { PullRequestRoute, RepoRef } from './event';
import { type Client, permissionFailure, statusOf } from './octokit';

/** A change between two trees (a `ChangedFile` of changed-files.ts, which imports this module). */
interface TreeChange {
  readonly path: string;
  readonly status: 'added' | 'modified' | 'removed';
}

/** Path → blob SHA of a tree, or undefined when GitHub cut the listing short. */
async function blobs(
  client: Client,
  repo: RepoRef,
  tree: string,
): Promise<Map<string, string> | undefined> {
  const { data } = await client.rest.git.getTree({ ...repo, tree_sha: tree, recursive: 'true' });
  if (data.truncated) return undefined;
  const out = new Map<string, string>();
  for (const e of data.tree)
    if (e.type === 'blob' && e.path !== undefined && e.sha !== undefined) out.set(e.path, e.sha);
  return out;
}

/** The paths whose blobs differ between two trees. */
function difference(base: Map<string, string>, merge: Map<string, string>): TreeChange[] {
  const changed: TreeChange[] = [];
  for (const [path, sha] of merge) {
    const before = base.get(path);
    if (before !== sha) changed.push({ path, status: before === undefined ? 'added' : 'modified' });
  }
  for (const path of base.keys()) if (!merge.has(path)) changed.push({ path, status: 'removed' });
  return changed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The files the pull request's merge commit changes, or undefined when they cannot be known this
 * way: no merge commit (a conflict), one made for an earlier head (GitHub makes it after the
 * event), or a tree too large for one listing.
 */
export async function changesBetweenTrees(
  client: Client,
  route: PullRequestRoute,
): Promise<readonly TreeChange[] | undefined> {
  const { repo, mergeSha, headSha } = route;
  if (mergeSha === undefined) return undefined;
  try {
    const { data: merge } = await client.rest.git.getCommit({ ...repo, commit_sha: mergeSha });
    const [base, head] = merge.parents.map((p) => p.sha);
    if (base === undefined || head !== headSha || merge.parents.length !== 2) return undefined;
    const [before, after] = await Promise.all([
      blobs(client, repo, base),
      blobs(client, repo, merge.tree.sha),
    ]);
    return before && after ? difference(before, after) : undefined;
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 422) return undefined;
    throw (
      permissionFailure(
        error,
        'read-contents',
        'compare the trees of the pull request',
        route.token,
      ) ?? error
    );
  }
}
