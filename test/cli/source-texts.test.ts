// Ladder texts for code frames are decoded when asked for, and only then.
import { describe, expect, it } from 'vitest';
import { SourceTexts } from '../../src/cli/source-texts';

const encoder = new TextEncoder();

describe('SourceTexts', () => {
  const bytes = new Map([
    ['ladders/a.yml', encoder.encode('id: a\n')],
    ['ladders/b.yml', new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a])],
  ]);

  it('reads like a map of texts, with U+FFFD where the bytes are not UTF-8', () => {
    const texts = new SourceTexts(bytes);
    expect(texts.size).toBe(2);
    expect(texts.get('ladders/a.yml')).toBe('id: a\n');
    expect(texts.get('ladders/b.yml')).toBe('id: \ufffd\n');
    expect(texts.get('ladders/c.yml')).toBeUndefined();
    expect([...texts]).toEqual([
      ['ladders/a.yml', 'id: a\n'],
      ['ladders/b.yml', 'id: \ufffd\n'],
    ]);
    expect(texts.files().map((f) => f.path)).toEqual(['ladders/a.yml', 'ladders/b.yml']);
    expect(texts.files()[1]?.bytes).toBe(bytes.get('ladders/b.yml'));
  });

  it('keeps only the files asked for', () => {
    const seen: string[] = [];
    const texts = new SourceTexts(bytes).only((path) => {
      seen.push(path);
      return path.endsWith('b.yml');
    });
    expect(seen).toEqual(['ladders/a.yml', 'ladders/b.yml']);
    expect([...texts.keys()]).toEqual(['ladders/b.yml']);
    expect(texts.has('ladders/a.yml')).toBe(false);
  });

  it('gives the config text for code frames without counting it among the ladder files', () => {
    const config = new Map([['ladder.config.yml', encoder.encode('packets: x\n')]]);
    const texts = new SourceTexts(bytes, config);
    expect(texts.get('ladder.config.yml')).toBe('packets: x\n');
    expect(texts.files().map((f) => f.path)).toEqual(['ladders/a.yml', 'ladders/b.yml']);
    expect(texts.size).toBe(2);
    expect(texts.only((p) => p.startsWith('ladder.')).get('ladder.config.yml')).toBe(
      'packets: x\n',
    );
    expect(texts.only((p) => p.endsWith('a.yml')).get('ladder.config.yml')).toBeUndefined();
  });
});
