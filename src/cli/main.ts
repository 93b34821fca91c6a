/** The `ladder` command line: dispatches to one module per command. */
import * as check from './commands/check';
import * as render from './commands/render';
import * as validate from './commands/validate';
import { type CliIo, UsageError } from './io';

interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}

/** Every command, by name. Add new commands here. */
const COMMANDS: Readonly<Record<string, Command>> = {
  check,
  render,
  validate,
};

function help(): string {
  const rows = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(12)} ${c.summary}\n  ${' '.repeat(12)} ${c.usage}`,
  );
  return `Usage: ladder <command> [options]\n\nCommands:\n${rows.join('\n')}\n\nRun from the repository root. Exit status: 0 ok, 1 problems found, 2 usage error.\n`;
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${process.env.LADDER_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`ladder: unknown command \`${name}\`.\n\n${help()}`);
    return 2;
  }
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
