// Paths in a commit's tree with symbolic links followed as a checkout follows them (the reader
// of `ladder diff` and of the action without a checkout). Pure functions: a tree as data.
import { describe, expect, it } from 'vitest';
import { FILE_MESSAGES } from '../../src/diagnostics/file-messages';
import {
  LINK_MODE,
  resolveInTree,
  treeOf,
  unreadInTree,
  walkTree,
} from '../../src/load/tree-paths';

const FILE = '100644';

/** A tree from `path → link target` (links) and plain paths (files). */
function tree(files: readonly string[], links: Readonly<Record<string, string>> = {}) {
  const entries = new Map<string, { mode: string }>();
  for (const path of files) entries.set(path, { mode: FILE });
  for (const path of Object.keys(links)) entries.set(path, { mode: LINK_MODE });
  return { tree: treeOf(entries), targets: new Map(Object.entries(links)) };
}

describe('resolveInTree', () => {
  const { tree: t, targets } = tree(['ladders/ops.yml', 'shared/more/two.yml', 'shared/a.yml'], {
    'ladders/file.yml': '../shared/a.yml',
    'ladders/dot.yml': './ops.yml',
    'ladders/middle.yml': '../shared/./more/../a.yml',
    'ladders/more': '../shared/more',
    'ladders/here': '.',
    'ladders/up.yml': '../../outside.yml',
    'ladders/abs.yml': '/etc/passwd',
    'ladders/gone.yml': 'missing.yml',
    'ladders/ping.yml': 'pong.yml',
    'ladders/pong.yml': 'ping.yml',
    'ladders/empty.yml': '',
  });
  const at = (path: string) => {
    const r = resolveInTree(path, t, targets);
    return r.kind === 'file' || r.kind === 'folder' ? `${r.kind} ${r.path}` : r.kind;
  };

  it('finds files and folders, and says when a path is not there', () => {
    expect(at('ladders/ops.yml')).toBe('file ladders/ops.yml');
    expect(at('ladders')).toBe('folder ladders');
    expect(at('')).toBe('folder ');
    expect(at('ladders/none.yml')).toBe('missing');
    expect(at('ladders/ops.yml/x.yml')).toBe('missing');
  });

  it('follows links to files and folders, with `.` and `..` anywhere in the target', () => {
    expect(at('ladders/file.yml')).toBe('file shared/a.yml');
    expect(at('ladders/dot.yml')).toBe('file ladders/ops.yml');
    expect(at('ladders/middle.yml')).toBe('file shared/a.yml');
    expect(at('ladders/more')).toBe('folder shared/more');
    expect(at('ladders/more/two.yml')).toBe('file shared/more/two.yml');
    expect(at('ladders/here')).toBe('folder ladders');
    expect(at('ladders/here/here/ops.yml')).toBe('file ladders/ops.yml');
  });

  it('says outside for a link that leaves the tree, nowhere for one that leads to nothing', () => {
    expect(at('ladders/up.yml')).toBe('outside');
    expect(at('ladders/abs.yml')).toBe('outside');
    expect(at('ladders/gone.yml')).toBe('nowhere');
    expect(at('ladders/ping.yml')).toBe('nowhere');
    expect(at('ladders/empty.yml')).toBe('nowhere');
    expect(at('ladders/more/none.yml')).toBe('nowhere');
  });

  it('asks for a link target it does not know, and nothing else', () => {
    const unknown = treeOf(new Map([['ladders/x.yml', { mode: LINK_MODE }]]));
    expect(resolveInTree('ladders/x.yml', unknown, new Map())).toEqual({
      kind: 'need',
      link: 'ladders/x.yml',
    });
    expect(
      resolveInTree('ladders/x.yml', unknown, new Map([['ladders/x.yml', undefined]])),
    ).toEqual({
      kind: 'nowhere',
    });
  });
});

describe('walkTree', () => {
  const yml = (path: string) => path.endsWith('.yml');

  it('lists in name order, skipping hidden folders and node_modules, as a checkout is walked', () => {
    const { tree: t, targets } = tree([
      'ladders/b.yml',
      'ladders/a.yml',
      'ladders/notes.txt',
      'ladders/.drafts/c.yml',
      'ladders/node_modules/d.yml',
      'ladders/sub/e.yml',
      'other/f.yml',
    ]);
    expect(walkTree('ladders', t, targets, yml)).toEqual({
      kind: 'done',
      paths: ['ladders/a.yml', 'ladders/b.yml', 'ladders/sub/e.yml'],
    });
    expect(walkTree('.', t, targets, yml)).toMatchObject({
      paths: ['ladders/a.yml', 'ladders/b.yml', 'ladders/sub/e.yml', 'other/f.yml'],
    });
  });

  it('lists a file under each name, a folder under each link, and never loops', () => {
    const { tree: t, targets } = tree(['ladders/ops.yml', 'shared/more/two.yml'], {
      'ladders/copy.yml': 'ops.yml',
      'ladders/more': '../shared/more',
      'ladders/again': '../shared/more',
      'ladders/here': '.',
      'ladders/up': '..',
    });
    expect(walkTree('ladders', t, targets, yml)).toEqual({
      kind: 'done',
      paths: [
        'ladders/again/two.yml',
        'ladders/copy.yml',
        'ladders/more/two.yml',
        'ladders/ops.yml',
        // `..` is the root, which is not being walked; its `ladders` is, and is not entered.
        'ladders/up/shared/more/two.yml',
      ],
    });
  });

  it('lists a link out of the tree or to nothing whatever its name, so that reading reports it', () => {
    const { tree: t, targets } = tree(['ladders/ops.yml'], {
      'ladders/outside': '/etc',
      'ladders/gone': 'nothing',
    });
    expect(walkTree('ladders', t, targets, yml)).toMatchObject({
      paths: ['ladders/gone', 'ladders/ops.yml', 'ladders/outside'],
    });
  });

  it('asks for the first link target it needs', () => {
    const t = treeOf(
      new Map([
        ['ladders/a.yml', { mode: FILE }],
        ['ladders/b', { mode: LINK_MODE }],
      ]),
    );
    expect(walkTree('ladders', t, new Map(), yml)).toEqual({ kind: 'need', link: 'ladders/b' });
  });
});

describe('unreadInTree', () => {
  const { tree: t, targets } = tree(['ladders/ops.yml'], {
    'ladders/out': '/etc',
    'ladders/up.yml': '../../x.yml',
    'ladders/gone': 'nothing',
    'ladders/copy.yml': 'ops.yml',
  });
  const read = (path: string) => {
    const target = resolveInTree(path, t, targets);
    if (target.kind === 'file') return 'file';
    const r = unreadInTree(path, target, t, targets);
    return r.kind === 'problem' ? `${r.diagnostic.code}: ${r.diagnostic.message}` : r.kind;
  };

  it('words what is not read as the working tree does', () => {
    const outside = `outside-repository: ${FILE_MESSAGES.linkOutside}`;
    expect(read('ladders/out')).toBe(outside);
    expect(read('ladders/up.yml')).toBe(outside);
    expect(read('ladders/out/passwd')).toBe(`outside-repository: ${FILE_MESSAGES.throughLink}`);
    expect(read('ladders/gone')).toBe(`unreadable-file: ${FILE_MESSAGES.linkNowhere}`);
    // Through a link to nothing, or a link to a file used as a folder: not there, as on disk.
    expect(read('ladders/gone/x.yml')).toBe('missing');
    expect(read('ladders/copy.yml/x.yml')).toBe('missing');
    expect(read('ladders')).toBe(`unreadable-file: ${FILE_MESSAGES.notFile}`);
    expect(read('ladders/none.yml')).toBe('missing');
  });
});
