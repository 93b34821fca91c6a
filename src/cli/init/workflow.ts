/**
 * The workflow `ladder init` writes (and the manual shows): one workflow for pull requests,
 * pushes to the default branch, the weekly health report and manual runs. Third-party actions
 * are pinned by full commit SHA with their version in a comment (Dependabot keeps them current).
 */
import type { Config } from '../../config/config';

/** actions/checkout, pinned. */
export const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0';
/** actions/setup-node, pinned. */
export const SETUP_NODE = 'actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0';

/**
 * Where the workflow takes the action from: a published copy (`owner/repo`, a full commit SHA and
 * the version it is), or the package installed in the repository (node_modules, from the lockfile).
 */
export type ActionSource =
  | {
      readonly kind: 'repository';
      readonly repo: string;
      readonly sha: string;
      readonly version: string;
    }
  | { readonly kind: 'installed' };

/** What the workflow is written for. */
export interface WorkflowOptions {
  readonly folders: Pick<Config, 'ladders' | 'packets' | 'pages'>;
  readonly action: ActionSource;
  /** `pull_request_target` instead of `pull_request`: pull requests from forks get a comment too. */
  readonly forks: boolean;
  readonly branch: string;
}

/** A folder as a `paths:` filter. */
function glob(folder: string): string {
  const clean = folder.replace(/\/+$/, '');
  return clean === '.' || clean === '' ? '**' : `${clean}/**`;
}

/** A YAML flow sequence of plain or quoted strings. */
function flow(items: readonly string[]): string {
  return `[${items.map((i) => (/^[\w./*-]+$/.test(i) ? i : JSON.stringify(i))).join(', ')}]`;
}

/** The workflow's text. */
export function ladderWorkflow(options: WorkflowOptions): string {
  const { folders, action, forks, branch } = options;
  const event = forks ? 'pull_request_target' : 'pull_request';
  const unique = (items: string[]) => [...new Set(items)];
  const pullPaths = unique([
    glob(folders.ladders),
    glob(folders.packets),
    glob(folders.pages),
    'ladder.config.yml',
  ]);
  const pushPaths = unique([glob(folders.ladders), glob(folders.pages), 'ladder.config.yml']);
  const steps =
    action.kind === 'repository'
      ? [`      - uses: ${action.repo}@${action.sha} # v${action.version}`]
      : [
          `      - uses: ${SETUP_NODE}`,
          '        with:',
          '          node-version: 24',
          '      # The action is the ladder-as-code package of package-lock.json; no install scripts run.',
          '      - run: npm ci --ignore-scripts',
          '      - uses: ./node_modules/ladder-as-code',
        ];
  return [
    '# Ladder as Code: reviews promotion packets and ladder changes on pull requests, validates the',
    `# ladders and checks the rendered pages on ${branch}, and writes the ladder health report weekly.`,
    ...(forks
      ? [
          '# pull_request_target: pull requests from forks get the review comment too. It runs this',
          '# workflow as it is on the base branch, with the base branch checked out; the action reads',
          '# the pull request through the API, as data, and never runs anything from it.',
        ]
      : []),
    'name: Ladders',
    'on:',
    `  ${event}:`,
    '    types: [opened, synchronize, reopened, ready_for_review]',
    `    paths: ${flow(pullPaths)}`,
    '  push:',
    `    branches: ${flow([branch])}`,
    `    paths: ${flow(pushPaths)}`,
    '  schedule:',
    '    - cron: "0 6 * * 1" # Mondays: the ladder health report in the job summary',
    '  workflow_dispatch:',
    'permissions: {}',
    'concurrency: # one run per pull request; a newer push cancels the older run',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a placeholder.
    '  group: ladders-${{ github.event.pull_request.number || github.ref }}',
    `  cancel-in-progress: \${{ github.event_name == '${event}' }}`,
    'jobs:',
    '  ladders:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 10',
    '    permissions:',
    '      contents: read',
    "      pull-requests: write # the review comment and the owners' review requests",
    '    steps:',
    `      - uses: ${CHECKOUT}`,
    '        with:',
    '          persist-credentials: false',
    '          fetch-depth: 0 # the health report dates each ladder part from git blame',
    ...steps,
    '',
  ].join('\n');
}
