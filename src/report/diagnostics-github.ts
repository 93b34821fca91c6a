/**
 * Diagnostics as GitHub workflow commands (`::error file=...::message`), for `--format github`.
 * Every value is made `visible` first (a line break, ESC or bidi control in a file name or a
 * message shows as an escape), then escaped as the runner reads commands.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { visible } from './visible';

function escapeData(text: string): string {
  return visible(text).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One workflow command per diagnostic; `info` becomes a notice. */
export function formatDiagnosticsGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const command = d.severity === 'info' ? 'notice' : d.severity;
      const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
      if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
      if (d.endColumn !== undefined && d.endLine === d.line) props.push(`endColumn=${d.endColumn}`);
      props.push(`title=${escapeProperty(d.code)}`);
      return `::${command} ${props.join(',')}::${escapeData(d.message)}`;
    })
    .join('\n');
}
