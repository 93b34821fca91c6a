/** `ladder validate [PATH...] [--format text|json|github]`: check ladder files. */
import { type CommandSpec, parseCommandArgs } from '../args';
import { parseFormat, printDiagnostics } from '../format';
import { type CliIo, fromCwd } from '../io';
import { loadDiagnostics } from '../workspace';

export const spec = {
  summary: 'Check ladder files against the schema and the rules.',
  usage: 'ladder validate [PATH...] [--format text|json|github]',
  positionals: {
    name: 'PATH...',
    fallback: "every ladder in the config's ladders folder",
    help: 'Ladder files or folders, relative to this folder. Each is checked against the whole repository (references to other ladders resolve from the ladders folder) and only its own problems are printed.',
  },
  options: {
    format: {
      type: 'string',
      value: 'text|json|github',
      fallback: 'text',
      help: 'How to print the problems: text with code frames, JSON, or GitHub workflow commands.',
    },
  },
  example: 'npx ladder validate ladders/ops.yml --format json',
} as const satisfies CommandSpec;

/** Exit 0 when clean, 1 on any error. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(spec, args);
  const format = parseFormat(values.format, ['text', 'json', 'github']);
  const workspace = await loadDiagnostics(
    io,
    positionals.map((p) => fromCwd(io, p)),
  );
  printDiagnostics(io, format, workspace.diagnostics, workspace.sources);
  return workspace.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
