/**
 * `ladder init [--example minimal|ops] [--forks] [--force]`: sets a repository up in one
 * command: the config, a starter ladder, the packets folder's README, the workflow and the
 * rendered pages, so that `npx ladder check` passes right after. Never replaces a file unless
 * `--force` says so; every file left alone is listed with the reason.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_FILE, DEFAULT_CONFIG } from '../../config/config';
import type { RawLadder } from '../../model/raw';
import { type CommandSpec, parseCommandArgs } from '../args';
import { currentBranch, defaultBranch, gitTopLevel } from '../git';
import { examples } from '../init/examples.gen.js';
import { type ActionSource, ladderWorkflow } from '../init/workflow';
import { type CliIo, pathExists, readConfig, UsageError } from '../io';
import { run as render } from './render';

export const spec = {
  summary: 'Set up this repository: config, a starter ladder, the workflow and the pages.',
  usage: 'ladder init [--example minimal|ops] [--forks] [--force]',
  options: {
    example: {
      type: 'string',
      value: 'minimal|ops',
      fallback: 'minimal',
      help: 'The starter ladders: a small one that validates (minimal), or the Ops ladders of ladder-as-code (ops).',
    },
    forks: {
      type: 'boolean',
      fallback: 'off: pull_request',
      help: 'Write the workflow for pull requests from forks too (pull_request_target instead of pull_request).',
    },
    force: {
      type: 'boolean',
      fallback: 'off: existing files are left alone and listed',
      help: 'Replace files that already exist.',
    },
  },
  example: 'npx ladder init --example minimal',
} as const satisfies CommandSpec;

/** The package's name on npm and in node_modules. */
const PACKAGE = 'ladder-as-code';
/** Where the schemas are once the package is installed, from the repository root. */
const SCHEMAS = `node_modules/${PACKAGE}/schema`;
const WORKFLOW = '.github/workflows/ladders.yml';

/** A file init writes: its repository-relative path and text. */
interface Planned {
  readonly path: string;
  readonly text: string;
}

/** The modeline that gives editors the schema of a file at `path`, from the installed package. */
function modeline(path: string, schema: string): string {
  const target = posix.relative(posix.dirname(path), `${SCHEMAS}/${schema}`);
  return `# yaml-language-server: $schema=${target}`;
}

/** A ladder file's text with its first modeline pointing at the installed schema. */
function withModeline(path: string, text: string): string {
  const line = modeline(path, 'ladder.schema.json');
  return /^# yaml-language-server:.*$/m.test(text)
    ? text.replace(/^# yaml-language-server:.*$/m, line)
    : `${line}\n${text}`;
}

function configText(): string {
  const d = DEFAULT_CONFIG;
  return [
    modeline(CONFIG_FILE, 'config.schema.json'),
    '# Ladder as Code settings; every key is optional (the manual: docs/configuration.md).',
    '# When you move a folder, change the paths: filters of .github/workflows/ladders.yml too',
    '# (or run `npx ladder init --force` again to rewrite the workflow from these folders).',
    `ladders: ${d.ladders}`,
    `packets: ${d.packets}`,
    `pages: ${d.pages}`,
    'review:',
    `  failOn: ${d.failOn} # a packet fails its check when a required dimension has no evidence`,
    '',
  ].join('\n');
}

function packetsReadme(folder: string, ladder: string, level: string): string {
  return [
    '# Promotion packets',
    '',
    'One Markdown file per promotion: front matter that names the candidate, the ladder and the',
    'target level, then a section per dimension with the evidence, each item a list entry with',
    'links to the work (pull requests, documents, incident reviews).',
    '',
    '1. Write the skeleton for the target level (it lists every dimension the level requires):',
    '',
    '   ```sh',
    `   npx ladder new-packet --ladder ${ladder} --to ${level} --candidate "Your Name"`,
    '   ```',
    '',
    '2. Fill in the evidence, and see what is still missing:',
    '',
    '   ```sh',
    `   npx ladder review ${folder}/your-name-${ladder}-${level.toLowerCase()}.md`,
    '   ```',
    '',
    '3. Open a pull request with the packet. The Ladders workflow reviews it and posts one comment',
    '   (updated on every push) with each required dimension evidenced, thin or missing, and what',
    '   to add.',
    '',
    'This README is not a packet: READMEs in this folder are never reviewed.',
    '',
  ].join('\n');
}

/**
 * Where the workflow takes the action from: the published repository and commit the package
 * was installed from (`npm install github:OWNER/REPO#REF` records them in package-lock.json),
 * else the package installed in node_modules.
 */
function actionSource(io: CliIo): ActionSource {
  try {
    const lock = JSON.parse(readFileSync(join(io.root, 'package-lock.json'), 'utf8')) as {
      packages?: Record<string, { resolved?: string; version?: string }>;
    };
    const entry = lock.packages?.[`node_modules/${PACKAGE}`];
    const match = /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?#([0-9a-f]{40})$/.exec(
      entry?.resolved ?? '',
    );
    if (match?.[1] && match[2] && entry?.version)
      return { kind: 'repository', repo: match[1], sha: match[2], version: entry.version };
  } catch {
    // No lockfile, or not one npm wrote: the installed package it is.
  }
  return { kind: 'installed' };
}

/** Whether the root's package.json lists the package, so that `npm ci` in the workflow installs it. */
function listedInPackageJson(io: CliIo): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(io.root, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, unknown> | undefined
    >;
    return ['dependencies', 'devDependencies', 'optionalDependencies'].some(
      (field) => manifest[field]?.[PACKAGE] !== undefined,
    );
  } catch {
    return false;
  }
}

/**
 * The folder below the root, on the way up from `cwd`, whose node_modules holds the package when
 * the root's does not: there the workflow's `npm ci` and action, the modelines and `npx ladder`
 * at the root would all miss it.
 */
function installedBelowRoot(io: CliIo): string | undefined {
  if (pathExists(join(io.root, 'node_modules', PACKAGE))) return undefined;
  for (let dir = io.cwd; dir !== io.root && dir !== dirname(dir); dir = dirname(dir))
    if (pathExists(join(dir, 'node_modules', PACKAGE))) return relative(io.root, dir);
  return undefined;
}

/**
 * Exit 0 when set up (files skipped included), 1 when the pages could not be rendered or when
 * the package is installed below the root (nothing written then).
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(spec, args);
  const example = values.example ?? 'minimal';
  if (example !== 'minimal' && example !== 'ops')
    throw new UsageError(`Unknown example \`${example}\`; use one of: minimal, ops.`);
  const force = values.force === true;
  const below = installedBelowRoot(io);
  if (below !== undefined) {
    const folder = below.split(sep).join('/');
    const up = relative(io.cwd, io.root) || '.';
    io.stderr(
      `ladder init: ${PACKAGE} is installed in ${folder}, not at the repository root (${io.root}, where ${CONFIG_FILE} and ${WORKFLOW} go), whose node_modules the workflow, the schema modelines and \`npx ladder\` run there would look in. Install it at the root (\`cd ${up}\`, then \`npm install --save-dev\` it as you did in ${folder}) and run \`npx ladder init\` there. Nothing was written.\n`,
    );
    return 1;
  }
  // An existing config is kept (unless --force): its folders are the ones to fill.
  const kept = existsSync(join(io.root, CONFIG_FILE)) && !force;
  const { config } = kept ? await readConfig(io) : { config: DEFAULT_CONFIG };
  const ladders = examples[example];
  const first = ladders[0];
  // The packets README's example: the first ladder's second level (its first promotion).
  const starter = parse(first?.text ?? '') as Partial<RawLadder> | null;
  const ladderId = starter?.id ?? 'engineering';
  const levelId = starter?.levels?.[1]?.id ?? starter?.levels?.[0]?.id ?? 'L2';
  const branch = currentBranch(io) ?? defaultBranch(io)?.replace(/^origin\//, '') ?? 'main';
  const action = actionSource(io);
  const planned: Planned[] = [
    { path: CONFIG_FILE, text: configText() },
    ...ladders.map(({ name, text }) => {
      const path = posix.join(config.ladders, name);
      return { path, text: withModeline(path, text) };
    }),
    {
      path: posix.join(config.packets, 'README.md'),
      text: packetsReadme(config.packets, ladderId, levelId),
    },
    {
      path: WORKFLOW,
      text: ladderWorkflow({
        folders: config,
        action,
        forks: values.forks === true,
        branch,
      }),
    },
  ];
  const skipped: string[] = [];
  for (const file of planned) {
    const absolute = join(io.root, file.path);
    if (pathExists(absolute) && !force) {
      skipped.push(file.path);
      continue;
    }
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, file.text);
    io.stdout(`  wrote    ${file.path}\n`);
  }
  // The pages are generated: rendered into a new folder, or with --force (only generated files
  // are ever replaced or removed there); an existing folder is left for `ladder render`.
  const pagesExist = pathExists(join(io.root, config.pages));
  if (pagesExist && !force) skipped.push(`${config.pages}/`);
  for (const path of skipped)
    io.stdout(`  skipped  ${path}: it already exists (--force replaces it)\n`);
  const rendered = pagesExist && !force ? 0 : await render([], io);
  if (action.kind === 'installed' && !listedInPackageJson(io))
    io.stderr(
      `ladder init: warning: the workflow installs the action with \`npm ci\` from package.json and takes it from node_modules/${PACKAGE}, but package.json at the root does not list ${PACKAGE}; install it there (\`npm install --save-dev\` the tarball or github:your-org/ladder-as-code#TAG, see docs/cli.md) and commit package.json and package-lock.json, or the workflow fails.\n`,
    );
  const top = gitTopLevel(io.root, io.env);
  if (top !== undefined && realpathSync(top) !== realpathSync(io.root))
    io.stderr(
      `ladder init: warning: the repository root here is ${io.root}, the folder of ${CONFIG_FILE}, not the top of its git work tree (${top}); GitHub runs only the workflows under ${top}/.github/workflows, so ${WORKFLOW} will not run from here. To use the workflow, keep ${CONFIG_FILE} and the package at the top of the git repository.\n`,
    );
  const from = relative(io.cwd, io.root);
  io.stdout(
    [
      '',
      'Next steps:',
      ...(from === '' ? [] : [`  cd ${from}`]),
      '  npx ladder check        # validates the ladders and checks the pages, as the workflow does',
      `  edit ${posix.join(config.ladders, first?.name ?? '')}, then npx ladder render to update the pages`,
      `  git add -A && git commit -m "Ladders: set up"   # and push: ${WORKFLOW} runs on pull requests`,
      '',
    ].join('\n'),
  );
  return rendered;
}
