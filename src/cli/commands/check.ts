/**
 * `ladder check`: what the action runs on a push to the default branch, so the two never
 * disagree: validate the ladders and check that the rendered pages are current. Packets are
 * judged on their pull request (the action's review, or `ladder review`), not here: a packet
 * merged on the default branch is a record, and a work-in-progress one never fails the branch.
 */
import { posix } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { renderCollisions } from '../../render/index';
import { type CommandSpec, parseCommandArgs } from '../args';
import { parseFormat, printDiagnostics } from '../format';
import type { CliIo } from '../io';
import { openWorkspace, type Workspace } from '../workspace';
import { checkPages } from './render';

export const spec = {
  summary:
    'Run what the action runs on a push: validate the ladders and check the rendered pages are current.',
  usage: 'ladder check [--format text|json|github]',
  options: {
    format: {
      type: 'string',
      value: 'text|json|github',
      fallback: 'text',
      help: 'How to print the problems: text with code frames, JSON, or GitHub workflow commands.',
    },
  },
  example: 'npx ladder check --format github',
} as const satisfies CommandSpec;

/** Exit 1 when any step fails. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(spec, args);
  const format = parseFormat(values.format, ['text', 'json', 'github']);
  const opened = await openWorkspace(io);
  const valid = !opened.diagnostics.some((d) => d.severity === 'error');
  // Clashing page paths point into the ladder files: found before the texts are dropped.
  const collisions = valid ? renderCollisions(opened.model) : [];
  const workspace = withFramesInUse(opened, collisions);
  // Pages are only compared for a valid model: an invalid one would report every page stale.
  const pages = valid ? checkPages(io, workspace, collisions) : { diagnostics: [] };
  const diagnostics = [...workspace.diagnostics, ...pages.diagnostics];
  printDiagnostics(io, format, diagnostics, workspace.sources);
  // As `render --check` ends: the one command that mends every stale page (text only, so that
  // JSON and workflow commands stay what they are).
  if (format === 'text' && pages.advice !== undefined) io.stdout(pages.advice);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/**
 * The workspace with only the ladder files a code frame can be printed from: files with a ladder
 * diagnostic or a clashing page path (`found`), and any under the pages folder (which a page
 * diagnostic could name). The others are dropped before the pages are checked, so that they do
 * not stay in memory through that step (tens of megabytes at 1,000 ladders).
 */
function withFramesInUse(workspace: Workspace, found: readonly Diagnostic[]): Workspace {
  const named = new Set([...workspace.diagnostics, ...found].map((d) => d.file));
  const folders = [workspace.config.pages].map((f) => posix.normalize(f).replace(/\/+$/, ''));
  const inFolder = (path: string) =>
    folders.some((f) => f === '.' || path === f || path.startsWith(`${f}/`));
  return { ...workspace, sources: workspace.sources.only((p) => named.has(p) || inFolder(p)) };
}
