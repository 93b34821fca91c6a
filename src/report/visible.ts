/**
 * Text for a log line, a terminal or an HTML cell: every character that could act instead of
 * show is replaced by one that shows what it was. A line break in a file name would start a new
 * log line (and `::stop-commands::` on it would silence every later annotation); ESC drives the
 * terminal; a bidirectional override reorders what a reader sees. Nothing else changes, so
 * ordinary text reads as it is.
 */

/**
 * What acts: C0 and C1 controls but the tab (line breaks, ESC, DEL), the Unicode line and
 * paragraph separators, and the bidirectional marks, embeddings, overrides and isolates.
 */
const ACTS = /[^\P{Cc}\t]|[\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/**
 * C0 controls as their Unicode control pictures (LF as ␊, ESC as ␛), one character for one so
 * that a code frame's caret still lines up; DEL as ␡; the others as `\u{202E}`.
 */
function shown(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u{${code.toString(16).toUpperCase()}}`;
}

/**
 * `text` with every control (but the tab), line break and bidi control made visible, and no
 * `##[`: the runner still reads the legacy command form `##[name key=value;]data` wherever it
 * stands in a line of a workflow log (`promotions/##[stop-commands]x.md: missing` would silence
 * every later annotation), and the CLI's text output lands in one when a workflow runs
 * `npx ladder check`; its second `#` is written as `\u{23}`.
 */
export function visible(text: string): string {
  return text.replace(ACTS, shown).replaceAll('##[', '#\\u{23}[');
}

/**
 * One line for a workflow log: `visible`, and never starting with `::` (the runner reads such a
 * line as a command even after leading white space), whoever wrote its first characters.
 */
export function logLine(text: string): string {
  const line = visible(text);
  return /^\s*::/.test(line) ? `· ${line}` : line;
}

/**
 * JSON for a step output: as `JSON.stringify`, with the characters it leaves raw (C1 controls,
 * separators, bidi controls) written as `\uXXXX` escapes too, so that the value reads back
 * unchanged and no raw control reaches the output file.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(
    ACTS,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
