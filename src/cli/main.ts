/** The `ladder` command line: dispatches to one module per command. */
import { type CliIo, UsageError } from './io';

/** Set by the bundler from package.json; `dev` when running from source. */
declare const __LADDER_VERSION__: string | undefined;
const VERSION = typeof __LADDER_VERSION__ === 'string' ? __LADDER_VERSION__ : 'dev';

interface Command {
  readonly summary: string;
  readonly usage: string;
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
  'new-packet': () => import('./commands/new-packet'),
  render: () => import('./commands/render'),
  review: () => import('./commands/review'),
  validate: () => import('./commands/validate'),
};

async function help(): Promise<string> {
  const commands = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => [name, await load()] as const),
  );
  const rows = commands.map(
    ([name, c]) => `  ${name.padEnd(12)} ${c.summary}\n  ${' '.repeat(12)} ${c.usage}`,
  );
  return `Usage: ladder <command> [options]\n\nCommands:\n${rows.join('\n')}\n\nRun from the repository root. Exit status: 0 ok, 1 problems found, 2 usage error.\n`;
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`ladder: unknown command \`${name}\`.\n\n${await help()}`);
    return 2;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr(`ladder ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    // A bug of ours: say so plainly, without a stack trace unless asked for.
    io.stderr(
      `ladder ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (process.env.LADDER_DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
    return 3;
  }
}
