// The depth guard of the YAML loader: nesting over MAX_DEPTH is reported where it starts, before
// `yaml` builds the document (whose recursion can make V8 abort the process, not throw).
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/load/yaml-document';
import { MAX_DEPTH } from '../../src/load/yaml-parse';

describe('parseYamlText and deep nesting', () => {
  it.each([
    ['flow lists', (n: number) => `id: deep\ntitle: ${'['.repeat(n)}\n`],
    ['flow mappings', (n: number) => `id: deep\ntitle: ${'{a: '.repeat(n)}\n`],
    ['lists of flow mappings', (n: number) => `id: deep\ntitle: ${'[{"a": '.repeat(n)}\n`],
    ['compact block lists', (n: number) => `id: deep\ntitle:\n  ${'- '.repeat(n)}x\n`],
  ])('reports %s nested too deep as yaml-too-deep on its line', (_, text) => {
    // 3,000 to 9,000 levels: where the stack runs out differs, and V8 once aborted in this range.
    for (const n of [3_000, 5_000, 9_000]) {
      const loaded = parseYamlText('x.yml', text(n));
      expect(loaded.diagnostics.map((d) => [d.code, d.line])).toEqual([
        ['yaml-too-deep', text(n).startsWith('id: deep\ntitle:\n') ? 3 : 2],
      ]);
    }
  });

  it('reports block mappings nested too deep at the first key too deep', () => {
    const lines = Array.from({ length: MAX_DEPTH + 20 }, (_, i) => `${' '.repeat(i)}k${i}:`);
    const loaded = parseYamlText('x.yml', `${lines.join('\n')} 1\n`);
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]?.code).toBe('yaml-too-deep');
    const line = loaded.diagnostics[0]?.line ?? 0;
    expect(line).toBeGreaterThan(MAX_DEPTH - 5);
    expect(line).toBeLessThanOrEqual(MAX_DEPTH + 1);
  });

  it('reads nesting just under the limit as usual', () => {
    const depth = MAX_DEPTH - 5;
    const loaded = parseYamlText('x.yml', `a: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    let value: unknown = (loaded.file.data as { a: unknown }).a;
    let levels = 0;
    while (Array.isArray(value)) {
      value = value[0];
      levels += 1;
    }
    expect([levels, value]).toEqual([depth, 1]);
  });
});
