/** `ladder validate [paths...] [--format text|json|github]`: check ladder files. */
import { parseArgs } from 'node:util';
import { parseFormat, printDiagnostics } from '../format';
import type { CliIo } from '../io';
import { loadDiagnostics } from '../workspace';

export const summary = 'Check ladder files against the schema and the rules.';
export const usage = 'ladder validate [paths...] [--format text|json|github]';

/** Exit 0 when clean, 1 on any error. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { format: { type: 'string' } },
  });
  const format = parseFormat(values.format, ['text', 'json', 'github']);
  const workspace = await loadDiagnostics(io, positionals);
  printDiagnostics(io, format, workspace.diagnostics, workspace.sources);
  return workspace.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
