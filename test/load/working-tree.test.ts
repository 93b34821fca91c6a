// The one walker of the working tree (the CLI's and the action's): what it lists, follows,
// skips and refuses, in a scratch repository with symbolic links in and out of it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_MESSAGES } from '../../src/diagnostics/file-messages';
import { WorkingTree } from '../../src/load/working-tree';

let area: string;
let tree: WorkingTree;

beforeAll(() => {
  area = mkdtempSync(join(tmpdir(), 'ladder-walker-'));
  const root = join(area, 'repo');
  const file = (path: string, text = 'id: x\n') => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  file('ladders/a.yml');
  file('ladders/B.YAML');
  file('ladders/notes.txt');
  file('ladders/big.yml', `# ${'x'.repeat(200)}\n`);
  file('ladders/.draft/c.yml');
  file('ladders/node_modules/d.yml');
  file('.github/workflows/ci.yml');
  file('shared/e.yml');
  mkdirSync(join(area, 'outside'));
  writeFileSync(join(area, 'outside', 'secret.yml'), 'secret: canary\n');
  symlinkSync(join(root, 'shared'), join(root, 'ladders', 'shared'));
  symlinkSync(join(root, 'ladders'), join(root, 'ladders', 'loop'));
  symlinkSync(join(area, 'outside'), join(root, 'ladders', 'out'));
  symlinkSync(join(area, 'outside', 'secret.yml'), join(root, 'ladders', 'secret.yml'));
  symlinkSync(join(root, 'nothing-here'), join(root, 'ladders', 'dangling.yml'));
  tree = new WorkingTree(root);
});

afterAll(() => rmSync(area, { recursive: true, force: true }));

describe('the working tree walker', () => {
  it('lists files by extension in any letter case, follows links inside, lists links it cannot follow', async () => {
    expect(await tree.list('ladders', ['.yml', '.yaml'])).toEqual([
      'ladders/B.YAML',
      'ladders/a.yml',
      'ladders/big.yml',
      'ladders/dangling.yml',
      'ladders/out',
      'ladders/secret.yml',
      'ladders/shared/e.yml',
    ]);
  });

  it('leaves out what cannot be followed when asked (a link’s target must be a file)', async () => {
    const all = await tree.list('.', [''], { hidden: true, followedOnly: true });
    expect(all).toContain('.github/workflows/ci.yml');
    expect(all).toContain('ladders/.draft/c.yml');
    expect(all).not.toContain('ladders/out');
    expect(all).not.toContain('ladders/secret.yml');
    expect(all.some((p) => p.includes('node_modules'))).toBe(false);
    expect(all.some((p) => p.startsWith('ladders/loop/'))).toBe(false);
  });

  it('skips hidden folders and node_modules unless asked', async () => {
    const all = await tree.list('.', ['']);
    expect(all.some((p) => p.startsWith('.github/') || p.includes('.draft'))).toBe(false);
    expect(all.some((p) => p.includes('node_modules'))).toBe(false);
  });

  it('reads a file, and says why it does not read the others', async () => {
    expect((await tree.read('ladders/a.yml', 1000)).kind).toBe('file');
    expect(await tree.read('ladders/gone.yml', 1000)).toEqual({ kind: 'missing' });
    expect(await tree.read('ladders/big.yml', 100)).toMatchObject({
      kind: 'too-large',
      limit: 100,
    });
    const problem = async (path: string) => {
      const read = await tree.read(path, 1000);
      return read.kind === 'problem' ? [read.diagnostic.code, read.diagnostic.message] : read.kind;
    };
    expect(await problem('ladders/secret.yml')).toEqual([
      'outside-repository',
      FILE_MESSAGES.linkOutside,
    ]);
    expect(await problem('ladders/out/secret.yml')).toEqual([
      'outside-repository',
      FILE_MESSAGES.throughLink,
    ]);
    expect(await problem('ladders/dangling.yml')).toEqual([
      'unreadable-file',
      FILE_MESSAGES.linkNowhere,
    ]);
    expect(await problem('../outside/secret.yml')).toEqual([
      'outside-repository',
      FILE_MESSAGES.outside,
    ]);
    expect(await problem('ladders')).toEqual(['unreadable-file', FILE_MESSAGES.notFile]);
  });

  it('finds named paths as the CLI names them: any file named, every problem a diagnostic', () => {
    const found = tree.find(
      ['ladders/notes.txt', 'ladders', 'nope.yml', '../outside'],
      (p) => p.endsWith('.yml'),
      100,
    );
    expect(found.paths).toEqual(['ladders/notes.txt', 'ladders/a.yml', 'ladders/shared/e.yml']);
    expect(found.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['ladders/big.yml', 'file-too-large'],
      ['ladders/dangling.yml', 'unreadable-file'],
      ['ladders/out', 'outside-repository'],
      ['ladders/secret.yml', 'outside-repository'],
      ['nope.yml', 'unreadable-file'],
      ['../outside', 'outside-repository'],
    ]);
  });
});
