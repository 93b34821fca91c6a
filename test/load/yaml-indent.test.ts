// The slips of hand-written YAML told where the author must change something, in their words. A
// key one space off is told against the key it belongs with, at its own line: beside a key that
// opens a block (the parser blames the line above), after a list of statements (where the lines
// around it are items, not keys), or first in a block whose other keys agree. A `-` or a `: `
// that YAML reads otherwise than the author meant is told so, with the fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLadders } from '../../src/validate/index';
import { FIXTURES } from '../helpers/paths';

function only(name: string): string {
  const bytes = readFileSync(join(FIXTURES, `validate/yaml-slips/${name}.yml`));
  const { diagnostics } = validateLadders([{ path: `${name}.yml`, bytes }]);
  expect(diagnostics).toHaveLength(1);
  return `${diagnostics[0]?.line}:${diagnostics[0]?.column} ${diagnostics[0]?.message}`;
}

describe('a key out of line', () => {
  it('beside a key that opens a block', () => {
    expect(only('key-beside-block-deep')).toBe(
      '14:6 This key is indented one space more than the key it belongs with (`summary:` on line 13); line it up at column 5.',
    );
  });

  it('after the list items of the key before it', () => {
    expect(only('key-after-items-shallow')).toBe(
      '18:6 This key is indented one space less than the key it belongs with (`mastery:` on line 15); line it up at column 7.',
    );
  });

  it('first in its block, against the keys after it', () => {
    expect(only('first-key-deep')).toBe(
      '15:8 This key is indented one space more than the keys after it (`judgment:` on line 18); line it up at column 7.',
    );
  });
});

describe('a list item written without its space', () => {
  it('says the `-` needs a space after it', () => {
    expect(only('dash-without-space')).toBe(
      "20:3 A list item's `-` needs a space after it (`- id: L2`); without one the line is text, not an item.",
    );
  });
});

describe('a value with a `: ` in it', () => {
  it('says to quote the value, or the whole text of a statement', () => {
    expect(only('colon-in-value')).toBe(
      "21:12 This value holds a `: `, which YAML reads as the start of a mapping; put the whole value in quotes (`title: 'Senior: Platform'`).",
    );
    expect(only('colon-in-text')).toBe(
      "26:11 This text holds a `: `, which YAML reads as the start of a mapping; put the whole text in quotes (`- 'Decides: alone, and: fast'`).",
    );
  });
});
