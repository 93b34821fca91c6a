// A code frame's caret stands under the mistake as a terminal shows the line: the column counts
// UTF-16 code units, while an emoji or a CJK character takes two cells and a tab its stop.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { codeFrame } from '../../src/report/diagnostics-text';
import { widthOf } from '../../src/report/text-width';

/** The frame of a diagnostic at the first `#` of line 2 (to the line's end when `whole`). */
function frameAtHash(line: string, whole = false): string[] {
  const text = `title: x\n${line}\nlevels: []\n`;
  const column = line.indexOf('#') + 1;
  const d: Diagnostic = {
    code: 'yaml-comment-in-text',
    severity: 'warning',
    message: 'm',
    file: 'demo.yml',
    line: 2,
    column,
    ...(whole ? { endLine: 2, endColumn: line.length + 1 } : {}),
  };
  return codeFrame(text, d).split('\n');
}

/** How many cells come before the caret, and how many carets there are. */
function caret(frame: string[]): { before: number; carets: number } {
  const marks = frame[2] ?? '';
  const under = marks.slice(marks.indexOf('| ') + 2);
  return {
    before: widthOf(under.slice(0, under.indexOf('^'))),
    carets: (under.match(/\^/g) ?? []).length,
  };
}

describe('the caret of a code frame', () => {
  it('stands under the mistake after emoji, CJK and accented letters', () => {
    const line = 'summary: 😀😀 Bärbel 日本語 x #tag here';
    // 9 + 4 (two emoji) + 1 + 6 + 1 + 6 (three CJK) + 1 + 1 + 1 cells before the `#`.
    expect(caret(frameAtHash(line)).before).toBe(30);
  });

  it('keeps a tab before the mistake, so that both lines move to the same stop', () => {
    const frame = frameAtHash('summary:\tx #tag');
    // `| `, then `summary:` as 8 spaces, the tab, and `x ` as 2.
    expect(frame[2]).toMatch(/\| {9}\t {2}\^$/);
  });

  it('is as wide as the text it marks', () => {
    expect(caret(frameAtHash('x: #日本語', true)).carets).toBe(7);
  });
});
