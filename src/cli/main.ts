/** The `ladder` command line: dispatches to one module per command. */
import { didYouMean } from '../util/suggest';
import { type CommandSpec, commandHelp } from './args';
import { type CliIo, type CliStart, UsageError } from './io';
import { findRoot } from './root';

/** Set by the bundler from package.json; `dev` when running from source. */
declare const __LADDER_VERSION__: string | undefined;
const VERSION = typeof __LADDER_VERSION__ === 'string' ? __LADDER_VERSION__ : 'dev';

interface Command {
  readonly spec: CommandSpec;
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}

/**
 * Every command, by name, loaded on demand: `ladder validate` should not pay for parsing the
 * Markdown or git code of the other commands at start-up. Add new commands here.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: () => import('./commands/check'),
  diff: () => import('./commands/diff'),
  health: () => import('./commands/health'),
  init: () => import('./commands/init'),
  'new-packet': () => import('./commands/new-packet'),
  render: () => import('./commands/render'),
  review: () => import('./commands/review'),
  validate: () => import('./commands/validate'),
};

async function help(): Promise<string> {
  const commands = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => [name, (await load()).spec] as const),
  );
  const rows = commands.map(
    ([name, spec]) => `  ${name.padEnd(12)} ${spec.summary}\n  ${' '.repeat(12)} ${spec.usage}`,
  );
  return [
    'Usage: ladder <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    '`ladder help COMMAND` (or `ladder COMMAND --help`) lists its options; `ladder --version` prints the version.',
    'Run anywhere inside the repository: the root is the nearest folder upward with ladder.config.yml,',
    'else the git top level, else this folder. Exit status: 0 ok, 1 problems found, 2 usage error,',
    '3 internal error (a bug of ours: LADDER_DEBUG=1 prints the trace).',
    '',
    'Environment (every command; `ladder help COMMAND` lists what a command reads besides):',
    '  NO_COLOR, FORCE_COLOR, TERM  colours: off with NO_COLOR, on with FORCE_COLOR (not 0 or false), off on TERM=dumb',
    '  GIT_DIR, GIT_WORK_TREE       when set, git is asked for the top of the work tree',
    '  LADDER_DEBUG                 set: an internal error prints its stack trace',
    '',
  ].join('\n');
}

/** The command `name`, or a one-line usage error with a did-you-mean. */
function lookup(name: string): () => Promise<Command> {
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load) return load;
  throw new UsageError(
    `unknown command \`${name}\`.${didYouMean(name, Object.keys(COMMANDS))} Run \`ladder help\` for the commands.`,
  );
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], start: CliStart): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    start.stdout(await help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    start.stdout(`${VERSION}\n`);
    return 0;
  }
  let command: Command;
  try {
    if (name === 'help') {
      const [topic] = args;
      start.stdout(
        topic === undefined ? await help() : commandHelp(topic, (await lookup(topic)()).spec),
      );
      return 0;
    }
    if (name.startsWith('-'))
      throw new UsageError(`unknown option \`${name}\`. Did you mean \`--help\`?`);
    command = await lookup(name)();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    start.stderr(`ladder: ${error.message}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    start.stdout(commandHelp(name, command.spec));
    return 0;
  }
  try {
    const io: CliIo = { ...start, ...findRoot(start.cwd, start.env) };
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      start.stderr(`ladder ${name}: ${error.message} See \`ladder help ${name}\`.\n`);
      return 2;
    }
    // A bug of ours: say so plainly, without a stack trace unless asked for.
    start.stderr(
      `ladder ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (start.env.LADDER_DEBUG) start.stderr(`${error instanceof Error ? error.stack : ''}\n`);
    return 3;
  }
}
