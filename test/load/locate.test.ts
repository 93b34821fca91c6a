// Positions of a loaded file stay right after its parsed document has been let go: only the
// most recently loaded documents are kept, and `locate` parses an older file's text again.
import { describe, expect, it } from 'vitest';
import { loadYaml, type YamlFile } from '../../src/load/yaml-document';

const encoder = new TextEncoder();

function load(i: number): YamlFile {
  const text = `# file ${i}\nid: ladder-${i}\nlevels:\n${'\n'.repeat(i)}  - id: L1\n    title: "One"\n  - id: L2\n    title: Two\n`;
  const result = loadYaml(`ladders/l${i}.yml`, encoder.encode(text));
  if (!result.ok) throw new Error('fixture did not load');
  return result.file;
}

describe('locate', () => {
  it('gives the same positions before and after many other files were loaded', () => {
    const first = load(0);
    const ask = (file: YamlFile) => [
      file.locate(['levels', 1, 'title']),
      file.locate(['levels', 0, 'title'], 'key'),
      file.locate(['levels', 7]),
      file.locate(['id']),
    ];
    const fresh = ask(first);
    expect(fresh[0]).toEqual({ line: 7, column: 12, endLine: 7, endColumn: 15 });
    expect(fresh[1]).toMatchObject({ line: 5, column: 5 });
    const others = Array.from({ length: 30 }, (_, i) => load(i + 1));
    expect(ask(first)).toEqual(fresh);
    // Every other file, too, whether its document is still kept or parsed again.
    for (const [i, file] of others.entries())
      expect(file.locate(['levels', 0]).line).toBe(4 + i + 1);
  });
});
