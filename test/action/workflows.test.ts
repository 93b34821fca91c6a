/**
 * The workflows: this repository's own (.github/workflows) and the two the README tells users to
 * copy. Each parses, sets least permissions, pins third-party actions to a full commit SHA,
 * keys concurrency on the pull request number, passes only inputs that action.yml declares, and
 * never checks out a pull request's code under `pull_request_target`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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

function readmeWorkflows(): Workflow[] {
  const section = readme;
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] ?? '') as Workflow);
}

const own = readdirSync(join(ROOT, '.github/workflows'))
  .filter((f) => f.endsWith('.yml'))
  .map(
    (f) =>
      [f, parse(readFileSync(join(ROOT, '.github/workflows', f), 'utf8')) as Workflow] as const,
  );

const all: (readonly [string, Workflow])[] = [
  ...own,
  ...readmeWorkflows().map((w, i) => [`README workflow ${i + 1}`, w] as const),
];

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

describe('the README gives both workflows', () => {
  it('a pull_request one and a pull_request_target one', () => {
    const events = readmeWorkflows().map((w) => Object.keys(w.on).sort().join(','));
    expect(events).toEqual(['pull_request,push,schedule,workflow_dispatch', 'pull_request_target']);
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
        if (uses === undefined || uses === './' || uses.startsWith('your-org/')) continue;
        expect(uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
  });

  it('passes only inputs that action.yml declares', () => {
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps)
        if (step.uses === './' || step.uses?.startsWith('your-org/ladder-as-code'))
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
