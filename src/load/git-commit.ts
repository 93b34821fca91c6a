/**
 * One git commit as a snapshot, read as data (never checked out): `ladder diff` reads its sides
 * through it, and `ladder health` the packets of the default branch. The tree is listed once
 * (`git ls-tree -r -l`, with each file's size, so a file over the cap is never read), and the
 * files asked for together are read together (one `git cat-file --batch` for all the reads of
 * a turn of the event loop, so reading a hundred ladders runs git once, not a hundred times).
 * Paths are walked and links followed by the rules of a tree as data (`tree-paths.ts`, the
 * action's API snapshot's too), which are those of the working tree (`working-tree.ts`).
 *
 * The commit is seen from the repository root, which may be a folder of the git work tree: its
 * files are those under that folder, and a link that leads above it leads out of the repository.
 * A link is followed by its text alone: an absolute target leads out (even one that a checkout
 * at this place would find inside), and so does a link out to nothing, which the working tree,
 * able to look outside, calls a link to nowhere.
 */
import { FILE_MESSAGES } from '../diagnostics/file-messages';
import { type GitPlace, gitBytes } from './git';
import {
  hasExtension,
  type ListOptions,
  outside,
  problem,
  type ReadResult,
  type Snapshot,
  safePath,
} from './snapshot';
import { LINK_MODE, resolveInTree, type Tree, treeOf, unreadInTree, walkTree } from './tree-paths';

/** A file of the commit's tree: its mode, its blob and its size. */
interface Entry {
  readonly mode: string;
  readonly object: string;
  readonly size: number;
}

/** The tree, and the target of every link in it. */
interface Listed {
  readonly tree: Tree<Entry>;
  readonly targets: ReadonlyMap<string, string | undefined>;
}

/** A blob asked for, and who waits for it. */
interface Pending {
  readonly object: string;
  readonly size: number;
  readonly resolve: (bytes: Buffer | undefined) => void;
  readonly reject: (error: unknown) => void;
}

/** The longest link target followed (Linux's PATH_MAX): a longer one leads nowhere. */
const MAX_LINK_BYTES = 4096;

/** What `git cat-file --batch` prints around each blob beyond its bytes (header and newline). */
const HEADER_BYTES = 128;

/** The blobs of `git ls-tree -r -l -z` output (submodules, which are commits, left out). */
function parseTree(out: Buffer): Map<string, Entry> {
  const files = new Map<string, Entry>();
  for (const record of out.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = ''] = record.slice(0, tab).split(/ +/);
    if (type === 'blob')
      files.set(record.slice(tab + 1), { mode, object, size: Number(size) || 0 });
  }
  return files;
}

/** The contents of `git cat-file --batch` output by object id (a missing object left out). */
function parseBlobs(out: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let offset = 0;
  while (offset < out.length) {
    const newline = out.indexOf(0x0a, offset);
    if (newline < 0) break;
    const [object = '', type = '', size = ''] = out
      .subarray(offset, newline)
      .toString('utf8')
      .split(' ');
    offset = newline + 1;
    // "<object> missing": no contents follow.
    if (type === '' || size === '') continue;
    const length = Number(size);
    blobs.set(object, out.subarray(offset, offset + length));
    offset += length + 1;
  }
  return blobs;
}

/** The files of one commit, seen from the repository root. */
export class GitCommit implements Snapshot {
  readonly description: string;
  readonly #place: GitPlace;
  readonly #sha: string;
  #listed: Promise<Listed> | undefined;
  #pending: Pending[] = [];

  /** Commit `sha` (a resolved id) of the repository git finds at `place.root`. */
  constructor(place: GitPlace, sha: string, description = `commit ${sha.slice(0, 7)}`) {
    this.#place = place;
    this.#sha = sha;
    this.description = description;
  }

  /** Lists the tree once, and reads every link's target with it (one more git call, if any). */
  #list(): Promise<Listed> {
    this.#listed ??= (async () => {
      // Run in the root, `ls-tree` lists what is under it, by paths relative to it.
      const out = await gitBytes(this.#place, ['ls-tree', '-r', '-l', '-z', this.#sha], {
        maxBuffer: 512 * 1024 * 1024,
      });
      const files = parseTree(out);
      const links = [...files].filter(([, e]) => e.mode === LINK_MODE && e.size <= MAX_LINK_BYTES);
      const texts = await Promise.all(links.map(([, e]) => this.#blob(e.object, e.size)));
      const targets = new Map<string, string | undefined>(
        links.map(([path], i) => [path, texts[i]?.toString('utf8')]),
      );
      // A link too long to be one is known, and leads nowhere.
      for (const [path, e] of files)
        if (e.mode === LINK_MODE && !targets.has(path)) targets.set(path, undefined);
      return { tree: treeOf(files), targets };
    })();
    return this.#listed;
  }

  /** One blob's bytes, read with the others asked for in the same turn. */
  #blob(object: string, size: number): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) => {
      if (this.#pending.length === 0) setImmediate(() => this.#flush());
      this.#pending.push({ object, size, resolve, reject });
    });
  }

  /** Reads every blob asked for since the last time, in one `git cat-file --batch`. */
  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    const sizes = new Map(batch.map((p) => [p.object, p.size]));
    let total = 0;
    for (const size of sizes.values()) total += size + HEADER_BYTES;
    try {
      const out = await gitBytes(this.#place, ['cat-file', '--batch'], {
        input: `${[...sizes.keys()].join('\n')}\n`,
        maxBuffer: total + HEADER_BYTES,
      });
      const blobs = parseBlobs(out);
      for (const p of batch) p.resolve(blobs.get(p.object));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  async list(
    folder: string,
    extensions: readonly string[],
    options?: ListOptions,
  ): Promise<readonly string[]> {
    const { tree, targets } = await this.#list();
    const walked = walkTree(folder, tree, targets, (p) => hasExtension(p, extensions), options);
    // Every link's target is known, so the walk never stops to ask for one.
    return walked.kind === 'done' ? walked.paths.sort() : [];
  }

  async read(path: string, maxBytes: number): Promise<ReadResult> {
    if (!safePath(path)) return outside(path);
    const { tree, targets } = await this.#list();
    const target = resolveInTree(path, tree, targets);
    if (target.kind !== 'file') return unreadInTree(path, target, tree, targets);
    const { size, object } = target.file;
    // Never read a huge file just to reject it.
    if (size > maxBytes) return { kind: 'too-large', size, limit: maxBytes };
    const bytes = await this.#blob(object, size);
    return bytes === undefined ? problem(path, FILE_MESSAGES.unreadable) : { kind: 'file', bytes };
  }
}
