/**
 * Runs the action the way the runner does: in the workspace, with the runner's variables,
 * `INPUT_*` for every input of action.yml (its default unless the test sets it), real webhook
 * payloads from `@octokit/webhooks-examples` adapted to the fixture repository, and temp files
 * for `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`. Nothing of the test process's own environment
 * is passed on, so a real runner's variables can never leak into a test. `runAction` runs the
 * committed bundle, `node action/dist/index.js`, as a child process; `runInProcess`
 * (in-process.ts) runs the action's entry logic in this process with the same files and
 * environment (`prepareRun`) and reads back the same result (`collectRun`).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ApiStandIn, LoggedRequest } from './api-stand-in';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The committed bundle under test. */
export const BUNDLE = join(ROOT, 'action/dist/index.js');
/** The fixtures of these tests. */
export const FIXTURES = join(ROOT, 'test/fixtures/action');

/** The token the stand-in knows as the Actions bot. */
export const TOKEN = 'ghs_standin_actions_token';

type Json = Record<string, unknown>;

const require = createRequire(import.meta.url);

/** Every example payload of one event, as fresh copies. */
/** The webhook examples of one event, as published (read-only: `example` hands out copies). */
function examples(name: string): readonly Json[] {
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as {
    name: string;
    examples: Json[];
  }[];
  return all.find((e) => e.name === name)?.examples ?? [];
}

/** A copy of the first example of an event (and action), for a test to change. */
function example(name: string, action?: string): Json {
  const found = examples(name).find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`No ${name}/${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

function repository(owner: string, repo: string, base: Json): Json {
  const ownerObject = { ...(base.owner as Json), login: owner };
  return {
    ...base,
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: ownerObject,
    default_branch: 'main',
    html_url: `https://github.com/${owner}/${repo}`,
  };
}

/** What a pull request event carries. */
export interface PullRequestShape {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly headSha: string;
  readonly baseSha: string;
  readonly action?: string;
  /** `owner/repo` of the head branch, when it is a fork. */
  readonly fork?: string;
}

/** The `pull_request` `synchronize` example, adapted to our repository and commits. */
export function pullRequestPayload(shape: PullRequestShape): Json {
  const payload = example('pull_request', 'synchronize');
  const repo = repository(shape.owner, shape.repo, payload.repository as Json);
  const pr = payload.pull_request as Json;
  const headRepo = shape.fork
    ? repository(shape.fork.split('/')[0] ?? 'fork', shape.fork.split('/')[1] ?? shape.repo, repo)
    : repo;
  payload.action = shape.action ?? 'synchronize';
  payload.number = shape.number;
  payload.repository = repo;
  payload.pull_request = {
    ...pr,
    number: shape.number,
    html_url: `https://github.com/${shape.owner}/${shape.repo}/pull/${shape.number}`,
    head: { ...(pr.head as Json), sha: shape.headSha, ref: 'promotion', repo: headRepo },
    base: { ...(pr.base as Json), sha: shape.baseSha, ref: 'main', repo },
  };
  payload.after = shape.headSha;
  return payload;
}

/** A `push` example (to a branch, not a tag), adapted to our repository. */
export function pushPayload(owner: string, repo: string, sha: string, branch = 'main'): Json {
  const found = examples('push').find((e) => String(e.ref).startsWith('refs/heads/'));
  if (!found) throw new Error('No branch push example in @octokit/webhooks-examples');
  const payload = structuredClone(found);
  payload.ref = `refs/heads/${branch}`;
  payload.after = sha;
  payload.repository = repository(owner, repo, payload.repository as Json);
  return payload;
}

/** Another event's example (e.g. `issues`), adapted to our repository. */
export function otherPayload(name: string, owner: string, repo: string): Json {
  const payload = example(name);
  if (payload.repository) payload.repository = repository(owner, repo, payload.repository as Json);
  return payload;
}

/** The defaults of action.yml's inputs, as the runner passes them. */
function inputDefaults(token: string): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = spec.default ?? '';
    // The runner evaluates this expression; the tests stand in with their token.
    out[name] = /^\$\{\{\s*github\.token\s*\}\}$/.test(value) ? token : value;
  }
  return out;
}

/** How the runner's input variable is named: `INPUT_` + upper case, spaces to `_`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** One run of the action. */
export interface RunSpec {
  readonly api: ApiStandIn;
  readonly event: string;
  readonly payload: Json;
  readonly workspace: string;
  /** `GITHUB_SHA` (the merge commit under `pull_request`, the base under `_target`). */
  readonly sha: string;
  readonly ref?: string;
  readonly inputs?: Readonly<Record<string, string>>;
  readonly token?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** What a run left behind. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** The API requests of this run. */
  readonly requests: readonly LoggedRequest[];
}

/** Parses `GITHUB_OUTPUT` (`name<<delimiter` ... `delimiter`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m?.[1] || !m[2]) continue;
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== m[2]; i += 1) value.push(lines[i] ?? '');
    out[m[1]] = value.join('\n');
  }
  return out;
}

/** A run made ready: its temp files and the whole environment the action gets. */
export interface PreparedRun {
  /** The run's temp folder (`RUNNER_TEMP`; the event, output and summary files are in it). */
  readonly temp: string;
  /** Exactly the variables of the run: the runner's, the inputs', the test's own. */
  readonly env: Readonly<Record<string, string>>;
  readonly outputPath: string;
  readonly summaryPath: string;
  /** How many requests the stand-in had logged before the run. */
  readonly from: number;
}

/** Writes the event, output and summary files of a run and builds its environment. */
export function prepareRun(spec: RunSpec): PreparedRun {
  const temp = mkdtempSync(join(tmpdir(), 'ladder-action-run-'));
  const eventPath = join(temp, 'event.json');
  const outputPath = join(temp, 'output');
  const summaryPath = join(temp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(spec.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const token = spec.token ?? TOKEN;
  const inputs = { ...inputDefaults(token), ...spec.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: spec.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${spec.api.owner}/${spec.api.repo}`,
    GITHUB_REPOSITORY_OWNER: spec.api.owner,
    GITHUB_API_URL: spec.api.url,
    GITHUB_GRAPHQL_URL: `${spec.api.url}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: spec.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_SHA: spec.sha,
    GITHUB_REF: spec.ref ?? 'refs/heads/main',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'ladders',
    GITHUB_WORKFLOW: 'Ladders',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    // Retries and rate-limit waits in milliseconds instead of seconds.
    LADDER_ACTION_RETRY_BASE_MS: '5',
    ...spec.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  return { temp, env, outputPath, summaryPath, from: spec.api.requests.length };
}

/** What a prepared run left behind (its temp folder is removed). */
export function collectRun(
  spec: RunSpec,
  prepared: PreparedRun,
  run: { readonly code: number | null; readonly stdout: string; readonly stderr: string },
): RunResult {
  const result: RunResult = {
    ...run,
    outputs: parseOutputFile(readFileSync(prepared.outputPath, 'utf8')),
    summary: readFileSync(prepared.summaryPath, 'utf8'),
    requests: spec.api.since(prepared.from),
  };
  rmSync(prepared.temp, { recursive: true, force: true });
  return result;
}

/** Runs the committed bundle once as a process (`node action/dist/index.js`) and waits for it. */
export async function runAction(spec: RunSpec): Promise<RunResult> {
  const prepared = prepareRun(spec);
  const child = spawn(process.execPath, [BUNDLE], { cwd: spec.workspace, env: prepared.env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolveExit) =>
    child.on('close', (c) => resolveExit(c)),
  );
  return collectRun(spec, prepared, { code, stdout, stderr });
}

/** Reads every file under a fixture folder: repository path → bytes. */
export function readTree(folder: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (dir: string, prefix: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(full, path);
      else out.set(path, new Uint8Array(readFileSync(full)));
    }
  };
  walk(folder, '');
  return out;
}

/** Writes a tree into a fresh temp folder (a workspace) and returns its path. */
export function writeWorkspace(files: ReadonlyMap<string, Uint8Array>, head?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-action-ws-'));
  for (const [path, bytes] of files) {
    const full = join(dir, ...path.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
  }
  if (head !== undefined) {
    // What actions/checkout leaves: a detached HEAD at the checked-out commit.
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, '.git', 'HEAD'), `${head}\n`);
  }
  return dir;
}

/** The `::error file=...,line=...::message` workflow commands in a run's stdout. */
export function annotations(
  stdout: string,
): { kind: string; props: Record<string, string>; message: string }[] {
  const out: { kind: string; props: Record<string, string>; message: string }[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const pair of (m[2] ?? '').trim().split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) props[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
    }
    out.push({ kind: m[1] ?? '', props, message: decodeURIComponent(m[3] ?? '') });
  }
  return out;
}
