import { describe, expect, it } from 'vitest';
import { detachStrings } from '../../src/load/own-strings';
import { parseYamlText } from '../../src/load/yaml-document';

describe('detachStrings', () => {
  it('replaces each long value by an equal copy, unit for unit, whatever the characters', () => {
    // Read by `yaml`, the values are slices of the text; their copies keep a lone surrogate,
    // text beside a character outside Latin-1, short values and keys as they were.
    const loaded = parseYamlText(
      'x.yml',
      'title: "Lone \\uD800 surrogate, kept as written"\nitems:\n  - Plain ASCII text, long enough to copy\n  - Ownership — Manager of One\n  - short\n  - 42\n__proto__: a long value under a prototype key\n',
    );
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const data = loaded.file.data as Record<string, unknown>;
    const items = data.items;
    detachStrings(data);
    expect(data).toEqual({
      title: 'Lone \uD800 surrogate, kept as written',
      items: ['Plain ASCII text, long enough to copy', 'Ownership — Manager of One', 'short', 42],
      ['__proto__']: 'a long value under a prototype key',
    });
    // In place: the same objects, no prototype set from a key.
    expect(data.items).toBe(items);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });
});
