/** `ladder check`: everything CI should run: validate the ladders, check the pages, review packets. */
import { parseArgs } from 'node:util';
import { parseFormat, printDiagnostics } from '../format';
import type { CliIo } from '../io';
import { loadWorkspace } from '../workspace';
import { checkPages } from './render';
import { checkPackets } from './review';

export const summary =
  'Run every check: validate the ladders, check the rendered pages are current, review the packets.';
export const usage = 'ladder check [--format text|json|github]';

/** Exit 1 when any step fails. */
export function run(args: readonly string[], io: CliIo): number {
  const { values } = parseArgs({ args: [...args], options: { format: { type: 'string' } } });
  const format = parseFormat(values.format, ['text', 'json', 'github']);
  const workspace = loadWorkspace(io);
  const valid = !workspace.diagnostics.some((d) => d.severity === 'error');
  const packets = checkPackets(io, workspace);
  // Pages are only compared for a valid model: an invalid one would report every page stale.
  const diagnostics = [
    ...workspace.diagnostics,
    ...(valid ? checkPages(io, workspace) : []),
    ...packets.diagnostics,
  ];
  // No code frames for packets: CI logs can be public, and packet text stays out of them.
  printDiagnostics(io, format, diagnostics, workspace.sources);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
