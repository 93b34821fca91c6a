/** Diagnostics as text for people: `file:line:col  severity  code  message` and a code frame. */
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic';
import { plural } from '../markdown/plural';
import { blankAs, widthOf } from './text-width';
import { visible } from './visible';

/** Colours to use; all empty when colour is off. */
export interface Palette {
  readonly red: string;
  readonly yellow: string;
  readonly blue: string;
  readonly dim: string;
  readonly bold: string;
  readonly reset: string;
}

/** No colour. */
export const PLAIN: Palette = { red: '', yellow: '', blue: '', dim: '', bold: '', reset: '' };
/** ANSI colours for a terminal. */
export const ANSI: Palette = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

const FRAME_WIDTH = 120;

/** Two lines of context around the problem, long lines clipped around the column. */
export function codeFrame(text: string, d: Diagnostic, palette: Palette = PLAIN): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, d.line - 1);
  const last = Math.min(lines.length, d.line + 1);
  const width = String(last).length;
  const offset = Math.max(0, d.column - 1 - Math.floor(FRAME_WIDTH / 2));
  const clip = (line: string) => {
    const shown = visible(line.slice(offset, offset + FRAME_WIDTH));
    return (offset > 0 ? '…' : '') + shown + (line.length > offset + FRAME_WIDTH ? '…' : '');
  };
  const out: string[] = [];
  for (let n = first; n <= last; n += 1) {
    const marker = n === d.line ? `${palette.red}>${palette.reset}` : ' ';
    out.push(
      `${marker} ${palette.dim}${String(n).padStart(width)} |${palette.reset} ${clip(lines[n - 1] ?? '')}`,
    );
    if (n === d.line) {
      // Under the characters as they show: a wide one takes two cells, a tab its stop.
      const line = lines[n - 1] ?? '';
      const start = Math.max(offset, d.column - 1);
      const end = d.endLine === d.line && d.endColumn !== undefined ? d.endColumn - 1 : start + 1;
      const length = Math.max(1, widthOf(visible(line.slice(start, Math.max(start + 1, end)))));
      const pad = (offset > 0 ? ' ' : '') + blankAs(visible(line.slice(offset, start)));
      out.push(
        `  ${' '.repeat(width)} ${palette.dim}|${palette.reset} ${pad}${palette.red}${'^'.repeat(Math.min(length, FRAME_WIDTH))}${palette.reset}`,
      );
    }
  }
  return out.join('\n');
}

/** One diagnostic's heading line. */
export function diagnosticLine(d: Diagnostic, palette: Palette = PLAIN): string {
  const colour =
    d.severity === 'error' ? palette.red : d.severity === 'warning' ? palette.yellow : palette.blue;
  return `${palette.bold}${visible(d.file)}:${d.line}:${d.column}${palette.reset}  ${colour}${d.severity}${palette.reset}  ${palette.dim}${d.code}${palette.reset}  ${visible(d.message)}`;
}

/** Every diagnostic with its code frame (when the source is known), then a count. */
export function formatDiagnosticsText(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  palette: Palette = PLAIN,
): string {
  const blocks = diagnostics.map((d) => {
    const text = sources.get(d.file);
    return text === undefined
      ? diagnosticLine(d, palette)
      : `${diagnosticLine(d, palette)}\n${codeFrame(text, d, palette)}`;
  });
  const counts = countBySeverity(diagnostics);
  const summary =
    diagnostics.length === 0
      ? 'No problems found.'
      : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info.`;
  return [...blocks, summary].join('\n\n');
}
