/**
 * The action's snapshots (src/load/snapshot.ts) read through the REST API, beside the checked-out
 * workspace (src/load/working-tree.ts, the CLI's too): single files at one commit (`ApiFiles`), the base
 * checkout overlaid with the pull request's changed files (`OverlaySnapshot`, for
 * `pull_request_target`), and a whole commit's tree without a checkout (`ApiTreeSnapshot`).
 */
import { FILE_MESSAGES } from '../../src/diagnostics/file-messages';
import {
  hasExtension,
  inFolder,
  type ListOptions,
  problem,
  type ReadResult,
  type Snapshot,
  safePath,
} from '../../src/load/snapshot';
import {
  type Resolved,
  resolveInTree,
  type Tree,
  treeOf,
  unreadInTree,
  walkTree,
} from '../../src/load/tree-paths';
import type { ChangedFile } from './changed-files';
import type { RepoRef, TokenContext } from './event';

import { type Client, permissionFailure, statusOf } from './octokit';

type Json = Readonly<Record<string, unknown>>;

function decodeBase64(content: string): Uint8Array {
  return new Uint8Array(Buffer.from(content, 'base64'));
}

/** Reads single files at one commit through the REST API (contents, then blobs above 1 MB). */
export class ApiFiles {
  readonly #client: Client;
  readonly #repo: RepoRef;
  readonly #ref: string;
  readonly #token: TokenContext;
  readonly #label: string;

  /** Files of `repo` at commit `ref`; `label` names the commit in messages. */
  constructor(
    client: Client,
    repo: RepoRef,
    ref: string,
    token: TokenContext,
    label = 'the head commit',
  ) {
    this.#client = client;
    this.#repo = repo;
    this.#ref = ref;
    this.#token = token;
    this.#label = label;
  }

  /** Reads one file; anything but a regular file within the size cap is reported. */
  async read(path: string, maxBytes: number): Promise<ReadResult> {
    if (!safePath(path)) return problem(path, FILE_MESSAGES.outside, 'outside-repository');
    let data: unknown;
    try {
      ({ data } = await this.#client.rest.repos.getContent({
        ...this.#repo,
        path,
        ref: this.#ref,
      }));
    } catch (error) {
      if (statusOf(error) === 404) return { kind: 'missing' };
      throw (
        permissionFailure(error, 'read-contents', `read ${path} at ${this.#label}`, this.#token) ??
        error
      );
    }
    if (Array.isArray(data)) return problem(path, 'This path is a folder, not a file.');
    const entry = (typeof data === 'object' && data !== null ? data : {}) as Json;
    if (entry.type === 'symlink')
      return problem(
        path,
        'This is a symbolic link; links are not followed.',
        'outside-repository',
      );
    if (entry.type !== 'file') return problem(path, FILE_MESSAGES.notFile);
    const size = typeof entry.size === 'number' ? entry.size : 0;
    if (size > maxBytes) return { kind: 'too-large', size, limit: maxBytes };
    if (entry.encoding === 'base64' && typeof entry.content === 'string')
      return { kind: 'file', bytes: decodeBase64(entry.content) };
    // Above 1 MB the contents API leaves the content out; the blob API has it.
    if (typeof entry.sha !== 'string')
      return problem(path, 'GitHub returned no content for this file.');
    return this.readBlob(path, entry.sha);
  }

  /** Reads a blob by its SHA. */
  async readBlob(path: string, sha: string): Promise<ReadResult> {
    try {
      const { data } = await this.#client.rest.git.getBlob({ ...this.#repo, file_sha: sha });
      return { kind: 'file', bytes: decodeBase64(data.content) };
    } catch (error) {
      if (statusOf(error) === 404) return { kind: 'missing' };
      throw permissionFailure(error, 'read-contents', `read ${path}`, this.#token) ?? error;
    }
  }
}

/**
 * The base branch's checkout with the pull request's changes read at its head: what the pull
 * request would leave in the repository, without checking out any of its files.
 */
export class OverlaySnapshot implements Snapshot {
  readonly description: string;
  readonly #base: Snapshot;
  readonly #head: ApiFiles;
  readonly #changed: ReadonlyMap<string, ChangedFile>;
  readonly #gone: ReadonlySet<string>;

  /** `base` is the checkout; `changes` come from `pulls.listFiles`; `head` reads at the head. */
  constructor(
    base: Snapshot,
    changes: readonly ChangedFile[],
    head: ApiFiles,
    description: string,
  ) {
    this.#base = base;
    this.#head = head;
    this.description = description;
    this.#changed = new Map(changes.filter((c) => c.status !== 'removed').map((c) => [c.path, c]));
    const gone = new Set<string>();
    for (const c of changes) {
      if (c.status === 'removed') gone.add(c.path);
      if (c.status === 'renamed' && c.previousPath !== undefined) gone.add(c.previousPath);
    }
    for (const path of this.#changed.keys()) gone.delete(path);
    this.#gone = gone;
  }

  async list(
    folder: string,
    extensions: readonly string[],
    options?: ListOptions,
  ): Promise<readonly string[]> {
    const paths = new Set(
      (await this.#base.list(folder, extensions, options)).filter((p) => !this.#gone.has(p)),
    );
    for (const path of this.#changed.keys())
      if (inFolder(path, folder) && hasExtension(path, extensions)) paths.add(path);
    return [...paths].sort();
  }

  async read(path: string, maxBytes: number): Promise<ReadResult> {
    if (this.#gone.has(path)) return { kind: 'missing' };
    if (this.#changed.has(path)) return this.#head.read(path, maxBytes);
    return this.#base.read(path, maxBytes);
  }
}

interface TreeEntry {
  readonly mode: string;
  readonly size: number;
  readonly sha: string;
}

/**
 * One commit read entirely through the API: one tree listing, then one request per file read.
 * Symbolic links are followed as in a checkout, inside the commit's tree (`tree-paths.ts`): to a
 * file or a folder of the repository (one more request per link, for its target), and reported
 * when they lead out of it or nowhere.
 */
export class ApiTreeSnapshot implements Snapshot {
  readonly description: string;
  readonly #client: Client;
  readonly #repo: RepoRef;
  readonly #sha: string;
  readonly #files: ApiFiles;
  readonly #token: TokenContext;
  #tree: Promise<Tree<TreeEntry>> | undefined;
  readonly #targets = new Map<string, string | undefined>();

  /** Files of `repo` at commit `sha`. */
  constructor(
    client: Client,
    repo: RepoRef,
    sha: string,
    token: TokenContext,
    description: string,
  ) {
    this.#client = client;
    this.#repo = repo;
    this.#sha = sha;
    this.#token = token;
    this.#files = new ApiFiles(client, repo, sha, token);
    this.description = description;
  }

  #entries(): Promise<Tree<TreeEntry>> {
    this.#tree ??= (async () => {
      try {
        const { data } = await this.#client.rest.git.getTree({
          ...this.#repo,
          tree_sha: this.#sha,
          recursive: 'true',
        });
        const files = new Map<string, TreeEntry>();
        for (const e of data.tree)
          if (e.type === 'blob' && e.path !== undefined && e.sha !== undefined)
            files.set(e.path, { mode: e.mode ?? '100644', size: e.size ?? 0, sha: e.sha });
        return treeOf(files);
      } catch (error) {
        throw (
          permissionFailure(
            error,
            'read-contents',
            'read the head commit of the pull request',
            this.#token,
          ) ?? error
        );
      }
    })();
    return this.#tree;
  }

  /** Reads the target of the link at `path` (what Git stores for it). */
  async #fetchTarget(tree: Tree<TreeEntry>, path: string): Promise<void> {
    const entry = tree.files.get(path);
    const read = entry ? await this.#files.readBlob(path, entry.sha) : undefined;
    this.#targets.set(
      path,
      read?.kind === 'file' ? new TextDecoder().decode(read.bytes) : undefined,
    );
  }

  async #resolve(path: string): Promise<Exclude<Resolved<TreeEntry>, { kind: 'need' }>> {
    const tree = await this.#entries();
    for (;;) {
      const target = resolveInTree(path, tree, this.#targets);
      if (target.kind !== 'need') return target;
      await this.#fetchTarget(tree, target.link);
    }
  }

  async list(
    folder: string,
    extensions: readonly string[],
    options?: ListOptions,
  ): Promise<readonly string[]> {
    const tree = await this.#entries();
    for (;;) {
      const walked = walkTree(
        folder,
        tree,
        this.#targets,
        (p) => hasExtension(p, extensions),
        options,
      );
      if (walked.kind === 'done') return walked.paths.filter(safePath).sort();
      await this.#fetchTarget(tree, walked.link);
    }
  }

  async read(path: string, maxBytes: number): Promise<ReadResult> {
    if (!safePath(path)) return problem(path, FILE_MESSAGES.outside, 'outside-repository');
    const target = await this.#resolve(path);
    if (target.kind !== 'file')
      return unreadInTree(path, target, await this.#entries(), this.#targets);
    if (target.file.size > maxBytes)
      return { kind: 'too-large', size: target.file.size, limit: maxBytes };
    return this.#files.readBlob(path, target.file.sha);
  }
}
