/**
 * What each command accepts, described once: parsed from it (an unknown option gets a
 * did-you-mean) and shown from it by `ladder help COMMAND` (every option with its default and an
 * example).
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../util/suggest';
import { quote } from '../util/text';
import { UsageError } from './io';

/** One `--option` of a command. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** The value's shape in help (`text|json`, `REF`); none for a boolean. */
  readonly value?: string;
  /** What the command does without it, in words. */
  readonly fallback: string;
  readonly help: string;
}

/** The options of a command, by name (without the dashes). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** A command's description: its help page and its arguments. */
export interface CommandSpec<T extends OptionSpecs = OptionSpecs> {
  /** One line for `ladder help`. */
  readonly summary: string;
  readonly usage: string;
  readonly options: T;
  /** The positional arguments, when the command takes any. */
  readonly positionals?: {
    readonly name: string;
    readonly fallback: string;
    readonly help: string;
  };
  /** The environment variables it reads, by name, with what each does. */
  readonly environment?: Readonly<Record<string, string>>;
  /** One command line a user could run as it is. */
  readonly example: string;
}

/** The values of parsed options: a string or a boolean per the option's type. */
export type OptionValues<T extends OptionSpecs> = {
  readonly [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string;
};

/**
 * Parses a command's arguments by its spec. An unknown option, a missing value or a positional
 * argument where none is taken is a `UsageError` (exit 2).
 */
export function parseCommandArgs<T extends OptionSpecs>(
  spec: CommandSpec<T>,
  args: readonly string[],
): { values: OptionValues<T>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, option]) => [name, { type: option.type }]),
  );
  const loose = parseArgs({ args: [...args], options, strict: false, tokens: true });
  for (const token of loose.tokens ?? []) {
    const problem = tokenProblem(spec, token);
    if (problem !== undefined) throw new UsageError(problem);
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: spec.positionals !== undefined,
      strict: true,
    });
    return { values: values as OptionValues<T>, positionals };
  } catch (error) {
    if (
      error instanceof TypeError &&
      String(Reflect.get(error, 'code')).startsWith('ERR_PARSE_ARGS')
    )
      throw new UsageError(
        `${(error.message.split('\n')[0] ?? error.message).replace(/\.?$/, '.')}`,
      );
    throw error;
  }
}

/** One argument as the loose parse reads it. */
type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/**
 * What is wrong with one argument, in our words (node's own messages name `<value>` and
 * "positional arguments"); undefined when nothing is.
 */
function tokenProblem(spec: CommandSpec, token: Token): string | undefined {
  if (token.kind === 'positional')
    return spec.positionals === undefined
      ? `unexpected argument \`${quote(token.value, 40)}\`: this command takes options only.`
      : undefined;
  if (token.kind !== 'option') return undefined;
  const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
  if (option === undefined)
    return `unknown option \`${token.rawName}\`.${didYouMean(
      `--${token.name}`,
      Object.keys(spec.options).map((o) => `--${o}`),
    )}`;
  const usage = `\`--${token.name} ${option.value ?? ''}\``;
  if (option.type === 'boolean')
    return token.value === undefined
      ? undefined
      : `\`--${token.name}\` takes no value; write it alone.`;
  if (token.value === undefined) return `\`--${token.name}\` needs a value: ${usage}.`;
  // `--format --json`: the next option taken for the value. `--format=-x` says it is meant.
  if (!token.inlineValue && token.value.startsWith('-'))
    return `\`--${token.name}\` needs a value (${usage}), not the option \`${quote(token.value, 40)}\`; for a value that starts with \`-\`, write \`--${token.name}=${quote(token.value, 40)}\`.`;
  return undefined;
}

/** The help page of a command: usage, every argument and option with its default, an example. */
export function commandHelp(name: string, spec: CommandSpec): string {
  const rows: [string, string][] = [];
  if (spec.positionals)
    rows.push([
      spec.positionals.name,
      `${spec.positionals.help} Default: ${spec.positionals.fallback}.`,
    ]);
  for (const [option, o] of Object.entries(spec.options))
    rows.push([
      `--${option}${o.value === undefined ? '' : ` ${o.value}`}`,
      `${o.help} Default: ${o.fallback}.`,
    ]);
  rows.push(['-h, --help', 'Print this help.']);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const table = rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
  const environment = Object.entries(spec.environment ?? {})
    .map(([variable, help]) => `  ${variable.padEnd(width)}${help}\n`)
    .join('');
  return `ladder ${name}: ${spec.summary}\n\nUsage: ${spec.usage}\n\nOptions:\n${table}\n${environment && `\nEnvironment:\n${environment}`}\nExample:\n  ${spec.example}\n`;
}
