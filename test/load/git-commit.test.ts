// One git commit as a snapshot (src/load/git-commit.ts), held to the working tree's contract: in
// a real repository with nested and hidden folders, node_modules, a file over the cap and
// symbolic links in, out, to nothing and in loops, the commit lists and reads exactly what the
// checkout of that commit lists and reads. The same expectations run against both snapshots,
// then every listing and read is compared between them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_MESSAGES } from '../../src/diagnostics/file-messages';
import { GitCommit } from '../../src/load/git-commit';
import type { ListOptions, ReadResult, Snapshot } from '../../src/load/snapshot';
import { WorkingTree } from '../../src/load/working-tree';
import { commitAll, git, newRepo } from '../diff/git-repo';

/** The cap every read is made under: `ladders/big.yml` is over it. */
const CAP = 100;

let area: string;
let repo: string;
let sha: string;
const snapshots: Record<string, { readonly whole: Snapshot; readonly sub: Snapshot }> = {};

beforeAll(() => {
  area = mkdtempSync(join(tmpdir(), 'ladder-git-commit-'));
  repo = newRepo('ladder-git-commit-repo-');
  const file = (path: string, text = `id: ${path}\n`) => {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const link = (target: string, path: string) => symlinkSync(target, join(repo, path));
  mkdirSync(join(area, 'outside/folder'), { recursive: true });
  writeFileSync(join(area, 'outside/secret.yml'), 'secret: canary\n');
  writeFileSync(join(area, 'outside/folder/x.yml'), 'secret: canary\n');
  writeFileSync(join(area, 'outside.yml'), 'secret: canary\n');
  file('ladders/a.yml');
  file('ladders/B.YAML');
  file('ladders/notes.txt');
  file('ladders/big.yml', `# ${'x'.repeat(CAP * 2)}\n`);
  file('ladders/nested/deep/c.yml');
  file('ladders/.drafts/d.yml');
  file('ladders/node_modules/e.yml');
  file('.github/workflows/ci.yml');
  file('shared/more/two.yml');
  file('promotions/p.md', '# P\n');
  file('promotions/README.md', '# Packets\n');
  file('sub/ladder.config.yml', 'ladders: ladders\n');
  file('sub/ladders/s.yml');
  link('a.yml', 'ladders/copy.yml');
  link('../shared/more', 'ladders/more');
  link('.', 'ladders/loop');
  link('..', 'ladders/up');
  link('.drafts', 'ladders/drafts');
  link(join(area, 'outside/folder'), 'ladders/out');
  link(join(area, 'outside/secret.yml'), 'ladders/secret.yml');
  // Out of the repository by `..`, to a file that is there: on disk a link out to nothing points
  // nowhere, while a commit, which cannot look outside, says it leads out.
  link(relative(join(repo, 'ladders'), join(area, 'outside.yml')), 'ladders/escape.yml');
  link('missing.yml', 'ladders/dangling.yml');
  link('pong.yml', 'ladders/ping.yml');
  link('ping.yml', 'ladders/pong.yml');
  link('../shared/more/two.yml', 'sub/up.yml');
  commitAll(repo, 'the contract');
  sha = git(repo, ['rev-parse', 'HEAD']).trim();
  const place = (root: string) => ({ root, env: process.env });
  snapshots['working tree'] = {
    whole: new WorkingTree(repo),
    sub: new WorkingTree(join(repo, 'sub')),
  };
  snapshots['git commit'] = {
    whole: new GitCommit(place(repo), sha),
    sub: new GitCommit(place(join(repo, 'sub')), sha),
  };
});

afterAll(() => {
  rmSync(area, { recursive: true, force: true });
  rmSync(repo, { recursive: true, force: true });
});

/** A read as plain data: its kind, its text, its diagnostic's code and message, its size. */
async function readAs(snapshot: Snapshot, path: string): Promise<unknown> {
  const r: ReadResult = await snapshot.read(path, CAP);
  switch (r.kind) {
    case 'file':
      return { kind: 'file', text: Buffer.from(r.bytes).toString('utf8') };
    case 'problem':
      return { kind: 'problem', code: r.diagnostic.code, message: r.diagnostic.message };
    default:
      return r;
  }
}

const YAML = ['.yml', '.yaml'];

describe.each(['working tree', 'git commit'])('the snapshot contract: %s', (name) => {
  const whole = () => snapshots[name]?.whole as Snapshot;
  const sub = () => snapshots[name]?.sub as Snapshot;

  it('lists by extension in name order, following links inside, listing those it cannot follow', async () => {
    expect(await whole().list('ladders', YAML)).toEqual([
      'ladders/B.YAML',
      'ladders/a.yml',
      'ladders/big.yml',
      'ladders/copy.yml',
      'ladders/dangling.yml',
      // A link to a hidden folder is walked under its own name.
      'ladders/drafts/d.yml',
      'ladders/escape.yml',
      'ladders/more/two.yml',
      'ladders/nested/deep/c.yml',
      'ladders/out',
      'ladders/ping.yml',
      'ladders/pong.yml',
      'ladders/secret.yml',
      // `..` is the root, not being walked; its `ladders` is, and is not entered again.
      'ladders/up/shared/more/two.yml',
      'ladders/up/sub/ladder.config.yml',
      'ladders/up/sub/ladders/s.yml',
      'ladders/up/sub/up.yml',
    ]);
  });

  it('walks hidden folders only when asked, never .git or node_modules, and leaves out links it cannot follow when asked', async () => {
    const all = await whole().list('.', [''], { hidden: true, followedOnly: true });
    expect(all).toContain('.github/workflows/ci.yml');
    expect(all).toContain('ladders/.drafts/d.yml');
    expect(all.filter((p) => p.includes('node_modules') || p.startsWith('.git/'))).toEqual([]);
    expect(all.filter((p) => /ladders\/(out|secret|escape|dangling|ping|pong)/.test(p))).toEqual(
      [],
    );
    expect(await whole().list('.', ['.md'], { followedOnly: true })).toEqual([
      'promotions/README.md',
      'promotions/p.md',
    ]);
    expect(await whole().list('no-such-folder', [''])).toEqual([]);
  });

  it('reads a file, directly or through links, and reports what it does not read', async () => {
    const read = (path: string) => readAs(whole(), path);
    expect(await read('ladders/a.yml')).toEqual({ kind: 'file', text: 'id: ladders/a.yml\n' });
    expect(await read('ladders/copy.yml')).toEqual(await read('ladders/a.yml'));
    expect(await read('ladders/more/two.yml')).toEqual({
      kind: 'file',
      text: 'id: shared/more/two.yml\n',
    });
    expect(await read('ladders/big.yml')).toEqual({ kind: 'too-large', size: 203, limit: CAP });
    expect(await read('ladders/secret.yml')).toEqual({
      kind: 'problem',
      code: 'outside-repository',
      message: FILE_MESSAGES.linkOutside,
    });
    expect(await read('ladders/out/x.yml')).toEqual({
      kind: 'problem',
      code: 'outside-repository',
      message: FILE_MESSAGES.throughLink,
    });
    for (const path of ['ladders/dangling.yml', 'ladders/ping.yml'])
      expect(await read(path)).toEqual({
        kind: 'problem',
        code: 'unreadable-file',
        message: FILE_MESSAGES.linkNowhere,
      });
    expect(await read('ladders/nested')).toMatchObject({ message: FILE_MESSAGES.notFile });
    for (const path of ['../outside.yml', '/etc/passwd', 'ladders/../ladders/a.yml'])
      expect(await read(path)).toMatchObject({ code: 'outside-repository' });
    for (const path of ['nope.yml', 'ladders/a.yml/x', 'ladders/dangling.yml/x'])
      expect(await read(path)).toEqual({ kind: 'missing' });
  });

  it('is rooted at a folder of the work tree when the repository root is one', async () => {
    expect(await sub().list('.', YAML)).toEqual(['ladder.config.yml', 'ladders/s.yml', 'up.yml']);
    expect(await readAs(sub(), 'up.yml')).toMatchObject({ code: 'outside-repository' });
    expect(await readAs(sub(), 'ladder.config.yml')).toMatchObject({ kind: 'file' });
  });
});

describe('a git commit and its checkout', () => {
  const FOLDERS = ['.', 'ladders', 'ladders/nested', 'ladders/more', 'ladders/out', 'ladders/up'];
  const EXTENSIONS = [YAML, [''], ['.md']];
  const OPTIONS: ListOptions[] = [
    {},
    { hidden: true },
    { followedOnly: true },
    { hidden: true, followedOnly: true },
  ];

  it('list the same paths, whatever the folder, extensions and options', async () => {
    const { whole: tree } = snapshots['working tree'] ?? {};
    const { whole: commit } = snapshots['git commit'] ?? {};
    for (const folder of [...FOLDERS, 'ladders/a.yml', 'no-such-folder'])
      for (const extensions of EXTENSIONS)
        for (const options of OPTIONS)
          expect(
            await commit?.list(folder, extensions, options),
            `${folder} ${extensions} ${JSON.stringify(options)}`,
          ).toEqual(await tree?.list(folder, extensions, options));
  });

  it('read every path the same way', async () => {
    for (const which of ['whole', 'sub'] as const) {
      const tree = snapshots['working tree']?.[which] as Snapshot;
      const commit = snapshots['git commit']?.[which] as Snapshot;
      const paths = new Set([
        ...(await tree.list('.', [''], { hidden: true })),
        ...FOLDERS,
        'ladders/loop/loop/a.yml',
        'ladders/up/ladders/a.yml',
        'ladders/drafts/d.yml',
        'ladders/escape.yml',
        'ladders/copy.yml/x',
      ]);
      expect(paths.size).toBeGreaterThan(which === 'whole' ? 25 : 3);
      const list = [...paths];
      const expected = await Promise.all(list.map((p) => readAs(tree, p)));
      const actual = await Promise.all(list.map((p) => readAs(commit, p)));
      list.forEach((path, i) => {
        expect(actual[i], `${which}: ${path}`).toEqual(expected[i]);
      });
    }
  });
});

describe('reading a commit', () => {
  it('runs git once to list the tree, once for the link targets, and once per batch of reads', async () => {
    const trace = join(area, 'trace.txt');
    const commit = new GitCommit({ root: repo, env: { ...process.env, GIT_TRACE: trace } }, sha);
    const paths = await commit.list('.', [''], { hidden: true, followedOnly: true });
    expect(paths.length).toBeGreaterThan(10);
    const reads = await Promise.all(paths.map((p) => commit.read(p, 1024)));
    expect(reads.every((r) => r.kind === 'file')).toBe(true);
    await commit.read('ladders/a.yml', 1024);
    const commands = [...readFileSync(trace, 'utf8').matchAll(/built-in: git (\S+)/g)].map(
      (m) => m[1],
    );
    expect(commands).toEqual(['ls-tree', 'cat-file', 'cat-file', 'cat-file']);
  });

  it('reads nothing over the cap', async () => {
    const trace = join(area, 'trace-cap.txt');
    const commit = new GitCommit({ root: repo, env: { ...process.env, GIT_TRACE: trace } }, sha);
    expect(await commit.read('ladders/big.yml', CAP)).toMatchObject({ kind: 'too-large' });
    const commands = [...readFileSync(trace, 'utf8').matchAll(/built-in: git (\S+)/g)].map(
      (m) => m[1],
    );
    // The tree and the link targets only: the file itself is never read.
    expect(commands).toEqual(['ls-tree', 'cat-file']);
  });
});
