/** `ladder check`: everything CI should run: validate the ladders, check the pages, review packets. */
import { posix } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFormat, printDiagnostics } from '../format';
import type { CliIo } from '../io';
import { loadWorkspace, type Workspace } from '../workspace';
import { checkPages } from './render';
import { checkPackets } from './review';

export const summary =
  'Run every check: validate the ladders, check the rendered pages are current, review the packets.';
export const usage = 'ladder check [--format text|json|github]';

/** Exit 1 when any step fails. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { format: { type: 'string' } } });
  const format = parseFormat(values.format, ['text', 'json', 'github']);
  const workspace = withFramesInUse(await loadWorkspace(io));
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

/**
 * The workspace with only the ladder files a code frame can be printed from: files with a ladder
 * diagnostic, and any under the packets or pages folders (which a packet or page diagnostic
 * could name). The others are dropped before the packets and pages are checked, so that they
 * do not stay in memory through those steps (tens of megabytes at 1,000 ladders).
 */
function withFramesInUse(workspace: Workspace): Workspace {
  const named = new Set(workspace.diagnostics.map((d) => d.file));
  const folders = [workspace.config.packets, workspace.config.pages].map((f) =>
    posix.normalize(f).replace(/\/+$/, ''),
  );
  const inFolder = (path: string) =>
    folders.some((f) => f === '.' || path === f || path.startsWith(`${f}/`));
  return { ...workspace, sources: workspace.sources.only((p) => named.has(p) || inFolder(p)) };
}
