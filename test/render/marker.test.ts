// The generated-file marker: what it says, and that text cannot forge or break it.
import { describe, expect, it } from 'vitest';
import { isGenerated, markdownMarker, markerText } from '../../src/render/marker';

describe('markerText', () => {
  it('names a few sources and counts many', () => {
    expect(markerText(['ladders/a.yml', 'ladders/b.yml'], 'npx ladder render')).toContain(
      'from ladders/a.yml, ladders/b.yml;',
    );
    const many = ['a', 'b', 'c', 'd'].map((n) => `ladders/${n}.yml`);
    expect(markerText(many, 'npx ladder render')).toContain('from the 4 ladder files in ladders/;');
  });

  it('cannot be closed early by a file name', () => {
    expect(markdownMarker(['ladders/a-->b/x.yml'], 'npx ladder render')).toMatch(
      /^<!-- [^>]*%3E[^>]* -->$/,
    );
  });
});

describe('isGenerated', () => {
  it('recognises the marker of each kind of file, and nothing else', () => {
    const text = markerText(['ladders/a.yml'], 'npx ladder render');
    expect(isGenerated(`${markdownMarker(['ladders/a.yml'], 'npx ladder render')}\n`)).toBe(true);
    expect(isGenerated(`# ${text}\n`)).toBe(true);
    expect(isGenerated(`${JSON.stringify({ $comment: text }, null, 2)}\n`)).toBe(true);
    expect(isGenerated('# My notes\n')).toBe(false);
    expect(isGenerated('<!-- hand written -->\n')).toBe(false);
    expect(isGenerated(`text first\n${markdownMarker(['a'], 'x')}\n`)).toBe(false);
  });
});
