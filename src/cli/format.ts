/** Writing diagnostics in the format a user asked for. */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { formatDiagnosticsGithub } from '../report/diagnostics-github';
import { ANSI, formatDiagnosticsText, PLAIN } from '../report/diagnostics-text';
import { quote } from '../util/text';
import { type CliIo, UsageError } from './io';

/** Output formats of commands that report diagnostics. */
export type OutputFormat = 'text' | 'json' | 'github' | 'markdown';

/** Checks a `--format` value against the formats a command supports. */
export function parseFormat(
  value: string | undefined,
  allowed: readonly OutputFormat[],
): OutputFormat {
  const format = (value ?? 'text') as OutputFormat;
  if (!allowed.includes(format))
    throw new UsageError(
      `unknown format \`${quote(value ?? '', 40)}\`; use one of: ${allowed.join(', ')}.`,
    );
  return format;
}

/** Prints diagnostics as text (with code frames), JSON or GitHub workflow commands. */
export function printDiagnostics(
  io: CliIo,
  format: OutputFormat,
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
): void {
  if (format === 'json') io.stdout(`${JSON.stringify({ diagnostics }, null, 2)}\n`);
  else if (format === 'github') {
    if (diagnostics.length > 0) io.stdout(`${formatDiagnosticsGithub(diagnostics)}\n`);
  } else io.stdout(`${formatDiagnosticsText(diagnostics, sources, io.colour ? ANSI : PLAIN)}\n`);
}

/**
 * Whether to colour the output: `FORCE_COLOR` turns it on (off when `0` or `false`), a
 * `NO_COLOR` that is set and not empty turns it off, else only on a terminal that is not dumb.
 */
export function useColour(env: CliIo['env'], terminal: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return terminal && env.TERM !== 'dumb';
}
