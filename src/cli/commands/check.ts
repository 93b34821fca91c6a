/** `ladder check`: everything CI should run: validate the ladders (more steps join as they land). */
import { parseArgs } from 'node:util';
import { parseFormat, printDiagnostics } from '../format';
import type { CliIo } from '../io';
import { loadWorkspace } from '../workspace';

export const summary = 'Run every check: validate the ladders.';
export const usage = 'ladder check [--format text|json|github]';

/** Exit 1 when any step fails. */
export function run(args: readonly string[], io: CliIo): number {
  const { values } = parseArgs({ args: [...args], options: { format: { type: 'string' } } });
  const format = parseFormat(values.format, ['text', 'json', 'github']);
  const workspace = loadWorkspace(io);
  printDiagnostics(io, format, workspace.diagnostics, workspace.sources);
  return workspace.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
