/** `ladder new-packet --ladder ID --to LEVEL [--candidate NAME] [--from LEVEL] [--out PATH]`. */
import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE } from '../../config/config';
import { isInside, repoPath } from '../../load/working-tree';
import { defaultPacketName, scaffoldPacket } from '../../review/scaffold';
import { isPacket } from '../../workspace/index';
import { type CommandSpec, parseCommandArgs } from '../args';
import { printDiagnostics } from '../format';
import { type CliIo, UsageError } from '../io';
import { openWorkspace } from '../workspace';

export const spec = {
  summary: 'Write a promotion packet skeleton for a target level.',
  usage: 'ladder new-packet --ladder ID --to LEVEL [--candidate NAME] [--from LEVEL] [--out PATH]',
  options: {
    ladder: { type: 'string', value: 'ID', fallback: 'none (required)', help: 'The ladder id.' },
    to: {
      type: 'string',
      value: 'LEVEL',
      fallback: 'none (required)',
      help: 'The target level id.',
    },
    from: {
      type: 'string',
      value: 'LEVEL',
      fallback: 'the level below the target',
      help: 'The current level id.',
    },
    candidate: {
      type: 'string',
      value: 'NAME',
      fallback: 'a placeholder to fill in',
      help: 'The name of the person the packet is for.',
    },
    out: {
      type: 'string',
      value: 'PATH',
      fallback: "CANDIDATE-LADDER-LEVEL.md in the config's packets folder",
      help: 'Where to write the packet, relative to this folder (a folder: the default name in it); an existing file is never replaced.',
    },
  },
  example: 'npx ladder new-packet --ladder ops --to L3 --candidate "Dana Rivera"',
} as const satisfies CommandSpec;

/** Exit 0 when written; 1 for an unknown ladder or level or an existing file; 2 for bad usage. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(spec, args);
  if (values.ladder === undefined) throw new UsageError('--ladder is required.');
  if (values.to === undefined) throw new UsageError('--to is required.');
  // A handle is written without `@`, as the packet schema asks (`@dana` would be invalid).
  const candidate = values.candidate?.trim().replace(/^@+\s*/, '');
  if (candidate === '') throw new UsageError('--candidate must not be empty.');
  const workspace = await openWorkspace(io);
  // With an error in the config, the packets folder would be the default's: a guess.
  const configErrors = workspace.diagnostics.filter(
    (d) => d.file === CONFIG_FILE && d.severity === 'error',
  );
  if (configErrors.length > 0) {
    printDiagnostics(io, 'text', configErrors, workspace.sources);
    io.stderr(
      `ladder new-packet: ${CONFIG_FILE} has an error, so no packet was written (where packets go would be a guess); fix it first.\n`,
    );
    return 1;
  }
  const request = {
    ladder: values.ladder,
    to: values.to,
    ...(values.from !== undefined ? { from: values.from } : {}),
    ...(candidate !== undefined ? { candidate } : {}),
  };
  const result = scaffoldPacket(workspace.model, request);
  if (!result.ok) {
    const broken = workspace.diagnostics.some((d) => d.severity === 'error');
    io.stderr(
      `ladder new-packet: ${result.message}\n${broken ? 'Some ladder files have errors and were left out; run `ladder validate`.\n' : ''}`,
    );
    return 1;
  }
  const name = defaultPacketName(request);
  const out = values.out ?? `${workspace.config.packets}/${name}`;
  let absolute = values.out === undefined ? resolve(io.root, out) : resolve(io.cwd, out);
  // A folder (one that exists, or a path ending in `/`) gets the default file name in it.
  if (values.out !== undefined && (/[\\/]$/.test(out) || isFolder(absolute)))
    absolute = join(absolute, name);
  if (!isInside(io.root, absolute) || absolute === resolve(io.root))
    throw new UsageError(`--out must be a file inside the repository, not \`${out}\`.`);
  const path = repoPath(io.root, absolute);
  if (!isInside(realpathSync(io.root), realpathSync(existingAncestor(dirname(absolute))))) {
    io.stderr(
      `ladder new-packet: ${path} would be written outside the repository (through a symbolic link); choose another --out.\n`,
    );
    return 1;
  }
  try {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, result.text, { flag: 'wx' });
  } catch (error) {
    const exists = error instanceof Error && 'code' in error && error.code === 'EEXIST';
    io.stderr(
      exists
        ? `ladder new-packet: ${path} already exists; edit it, or pass --out with another path.\n`
        : `ladder new-packet: could not write ${path}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  for (const warning of result.warnings) io.stderr(`ladder new-packet: warning: ${warning}\n`);
  if (candidate === undefined)
    io.stderr(
      `ladder new-packet: no --candidate given: replace \`candidate: your-name\` in the front matter with the candidate's name (the review cannot tell it was left)${values.out === undefined ? ', and rename the file to match' : ''}.\n`,
    );
  if (!isPacket(path, workspace.config))
    io.stderr(
      `ladder new-packet: warning: \`ladder review\` without paths and the action will not review ${path}: they read only the \`.md\` and \`.markdown\` files (READMEs aside) under ${workspace.config.packets}/, the \`packets\` folder of ${CONFIG_FILE}. Review it by naming it, and move or rename it when it is ready.\n`,
    );
  const level = `${result.target.level.id} ${result.target.level.title}`;
  // The command to run next, from the folder this one ran in (paths given to `review` are
  // relative to it; `path` is the repository's, as messages give it).
  const fromHere = relative(io.cwd, absolute).split(sep).join('/');
  io.stdout(
    `Wrote ${path}: ${result.dimensions} section${result.dimensions === 1 ? '' : 's'} to evidence for ${level}.\nFill in the evidence, then run: npx ladder review ${shellWord(fromHere)}\n`,
  );
  return 0;
}

/** A path as one word of a POSIX shell command line: quoted when it has anything but `[\w./-]`. */
function shellWord(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** Whether `path` is a folder (following a symbolic link). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The nearest folder on the way to `dir` that exists (to resolve symbolic links before writing). */
function existingAncestor(dir: string): string {
  let current = dir;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}
