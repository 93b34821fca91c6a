// The one workspace reader: loadWorkspace over a real folder, through the working-tree snapshot
// the CLI and the action both use, and over an in-memory snapshot (as the API's trees are).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config';
import type { ListOptions, ReadResult, Snapshot } from '../../src/load/snapshot';
import { hasExtension, inFolder } from '../../src/load/snapshot';
import { WorkingTree } from '../../src/load/working-tree';
import {
  CONFIG_MAX_BYTES,
  loadWorkspace,
  readConfig,
  readPackets,
  readWorkspace,
} from '../../src/workspace/index';
import { FIXTURES } from '../helpers/paths';

const tree = new WorkingTree(`${FIXTURES}/workspace`);

/** A snapshot of files held in memory. */
function memory(files: Record<string, string>): Snapshot {
  const encoder = new TextEncoder();
  return {
    description: 'memory',
    async list(folder: string, extensions: readonly string[], _options?: ListOptions) {
      return Object.keys(files)
        .filter((p) => inFolder(p, folder) && hasExtension(p, extensions))
        .sort();
    },
    async read(path: string, maxBytes: number): Promise<ReadResult> {
      const text = files[path];
      if (text === undefined) return { kind: 'missing' };
      const bytes = encoder.encode(text);
      return bytes.length > maxBytes
        ? { kind: 'too-large', size: bytes.length, limit: maxBytes }
        : { kind: 'file', bytes };
    },
  };
}

describe('loadWorkspace over the working tree', () => {
  it('reads the config, the ladders of its folder, and validates them', async () => {
    const loaded = await loadWorkspace(tree);
    expect(loaded.config.ladders).toBe('tracks');
    expect(loaded.config.packets).toBe('promotions');
    expect(loaded.configDiagnostics).toEqual([]);
    expect(loaded.files.map((f) => f.path)).toEqual(['tracks/team/demo.YAML']);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.noLadders).toBeUndefined();
    expect(loaded.model.ladders.map((l) => l.id).sort()).toEqual(['demo']);
  });

  it('lists the packets of the packets folder, READMEs aside', async () => {
    const loaded = await loadWorkspace(tree);
    const packets = await loaded.packets();
    expect(packets).toEqual(['promotions/2026/rivera-dana-L2.md']);
    expect(await loaded.packets()).toBe(packets);
    const read = await readPackets(tree, loaded.config, packets);
    expect(read.map((f) => f.path)).toEqual(packets);
  });

  it('lets the caller set the folders over the config (the action inputs)', async () => {
    const loaded = await loadWorkspace(tree, { ladders: 'notes', hint: 'try elsewhere' });
    expect(loaded.files.map((f) => f.path)).toEqual(['notes/elsewhere.yml']);
    expect(loaded.config.packets).toBe('promotions');
  });

  it('reports one no-ladders diagnostic when the folder lists nothing', async () => {
    const loaded = await loadWorkspace(tree, { ladders: 'nowhere', hint: 'point elsewhere' });
    const found = loaded.diagnostics.filter((d) => d.code === 'no-ladders');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      file: 'nowhere',
      message: 'No ladder files (*.yml) found in nowhere; add one, or point elsewhere.',
    });
    expect(loaded.model.ladders).toEqual([]);
  });

  it('takes a config already read instead of the snapshot’s', async () => {
    const given = { config: { ...DEFAULT_CONFIG, ladders: 'notes' }, diagnostics: [] };
    const loaded = await loadWorkspace(tree, { config: given });
    expect(loaded.files.map((f) => f.path)).toEqual(['notes/elsewhere.yml']);
    expect(loaded.config.packets).toBe(DEFAULT_CONFIG.packets);
  });
});

describe('loadWorkspace over any snapshot', () => {
  it('reads the same from memory as from disk', async () => {
    const files = {
      'ladder.config.yml': 'ladders: tracks\n',
      'tracks/a.yml': 'id: [unclosed\n',
      'promotions/x.md': '# x\n',
    };
    const loaded = await loadWorkspace(memory(files));
    expect(loaded.config.ladders).toBe('tracks');
    expect(loaded.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['tracks/a.yml', 'yaml-syntax'],
    ]);
    expect(await loaded.packets()).toEqual(['promotions/x.md']);
  });

  it('reports a config it cannot read, and goes on with the defaults', async () => {
    const big = `# ${'x'.repeat(CONFIG_MAX_BYTES)}\n`;
    const read = await readConfig(memory({ 'ladder.config.yml': big }));
    expect(read.config).toEqual(DEFAULT_CONFIG);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });

  it('reports ladder files too large to read, and no no-ladders then', async () => {
    const files = { 'ladders/a.yml': 'id: a-long-ladder-id\n' };
    const config = { config: { ...DEFAULT_CONFIG, maxFileBytes: 10 }, diagnostics: [] };
    const read = await readWorkspace(memory(files), { config });
    expect(read.files).toEqual([]);
    expect(read.readProblems.map((d) => [d.file, d.code])).toEqual([
      ['ladders/a.yml', 'file-too-large'],
    ]);
    expect(read.noLadders).toBeUndefined();
  });
});

describe('no-ladders when the config names the folder', () => {
  it('points at the `ladders` line of the config, the place to correct', async () => {
    const files = {
      'ladder.config.yml': '# folders\nladders:   ladder\n',
      'ladders/a.yml': 'id: a\n',
    };
    const loaded = await loadWorkspace(memory(files), { hint: 'point the command elsewhere' });
    expect(loaded.diagnostics.filter((d) => d.code === 'no-ladders')).toEqual([
      {
        code: 'no-ladders',
        severity: 'error',
        message: 'No ladder files (*.yml) found in ladder; add one, or correct `ladders` here.',
        file: 'ladder.config.yml',
        line: 2,
        column: 12,
      },
    ]);
  });

  it('keeps the folder and the caller’s hint when the caller set the folder', async () => {
    const files = { 'ladder.config.yml': 'ladders: ladder\n' };
    const loaded = await loadWorkspace(memory(files), {
      ladders: 'nowhere',
      hint: 'try elsewhere',
    });
    expect(loaded.noLadders).toMatchObject({
      file: 'nowhere',
      line: 1,
      column: 1,
      message: 'No ladder files (*.yml) found in nowhere; add one, or try elsewhere.',
    });
  });
});
