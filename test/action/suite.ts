/**
 * What every end-to-end test file of the action shares: one API stand-in per file (started
 * before the first test, stopped after the last, its per-test state cleared before each test),
 * the runs and the workspaces they used, and the checks every run must pass, made after each
 * test: no packet text on stdout or stderr (the log can be public when the comment is not), no
 * stack trace, no request the stand-in did not expect, no contract violation (a REST request, or
 * the stand-in's answer to it, that GitHub's OpenAPI description does not document:
 * openapi-contract.ts). Call `useActionSuite()` once at the top of a test file.
 *
 * A run is the action's entry logic in this process (test/action/in-process.ts) unless it asks
 * for the committed bundle as a process (`bundle: true`, or `useActionSuite({ bundle: true })`
 * for a whole file): the few scenarios docs/architecture.md lists, where what is tested is the
 * file the runner runs, its own process and stdout, or runs at once.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { ACTIONS_BOT, type ApiStandIn, type Fault, type StoredComment } from './api-stand-in';
import {
  BUNDLE,
  pushPayload,
  type RunResult,
  type RunSpec,
  runAction,
  writeWorkspace,
} from './harness';
import { runInProcess } from './in-process';
import { contractViolations, loadContract } from './openapi-contract';
import { baseWorkspace, createApi, mergeWorkspace, type PullRequestFixture } from './scenario';

/**
 * Words that occur only in the evidence of the fixtures' packets: `Zanzibar` in the packets the
 * pull requests add, `database upgrade` in the base branch's packet (read for the ladder diff's
 * impact and the health page). No run may print them.
 */
export const PACKET_CANARIES: readonly RegExp[] = [/Zanzibar/, /database upgrade/];

/** A stack trace line. */
const STACK_TRACE = /^\s+at /m;

/** A run's inputs without the stand-in, which the suite supplies. */
export type SuiteRunSpec = Omit<RunSpec, 'api'> & {
  /**
   * Runs the committed bundle as a process (`node action/dist/index.js`), as the runner does,
   * instead of the action's code in this process. The suite's default unless it says otherwise.
   */
  readonly bundle?: boolean;
};

/** How a test file's runs are made. */
export interface SuiteOptions {
  /** Every run of the file on the committed bundle, as a process (runs may say otherwise). */
  readonly bundle?: boolean;
}

/** The stand-in and the ways a test runs the action against it. */
export interface ActionSuite {
  /** The API stand-in (`acme/ladders`); listening from the first test on. */
  readonly api: ApiStandIn;
  /** Runs the action once (in process, or the bundle); the run is checked after the test. */
  run(spec: SuiteRunSpec): Promise<RunResult>;
  /** Registers a temporary folder to be removed after the test, and returns it. */
  ws(dir: string): string;
  /** Runs on `pull_request`, in a checkout of the merge commit. */
  onPullRequest(pr: PullRequestFixture, extra?: Partial<SuiteRunSpec>): Promise<RunResult>;
  /** Runs on `pull_request_target`, in a checkout of the base branch only. */
  onPullRequestTarget(pr: PullRequestFixture, extra?: Partial<SuiteRunSpec>): Promise<RunResult>;
  /** Runs on `push` of commit `head`, in a checkout of `tree` at it (unless `extra` brings one). */
  onPush(
    head: string,
    tree: ReadonlyMap<string, Uint8Array>,
    extra?: Partial<SuiteRunSpec>,
  ): Promise<RunResult>;
  /** The comments the Actions bot has on a pull request, oldest first. */
  botComments(number: number): StoredComment[];
}

/** `GET /pulls/7/files`: a logged request without the repository prefix. */
export function requestLine(r: {
  readonly method: string;
  readonly path: string;
  readonly operation?: string;
}): string {
  const line = `${r.method} ${r.path.replace(/^\/repos\/acme\/ladders/, '')}`;
  return r.operation === undefined ? line : `${line} ${r.operation}`;
}

/** A fault on the GraphQL requests of one operation (`LadderVerify`, `LadderComments`). */
export function graphqlFault(
  operation: string,
  fault: Omit<Fault, 'method' | 'path' | 'operation'>,
): Fault {
  return { method: 'POST', path: /^\/graphql$/, operation, ...fault };
}

/** Registers the shared hooks of an end-to-end test file and returns its stand-in and runners. */
export function useActionSuite(options: SuiteOptions = {}): ActionSuite {
  const api = createApi();
  api.contract = contractViolations;
  const workspaces: string[] = [];
  const runs: RunResult[] = [];

  beforeAll(async () => {
    expect(existsSync(BUNDLE) && statSync(BUNDLE).size > 0, 'run `npm run bundle` first').toBe(
      true,
    );
    // Read GitHub's description here rather than inside the first test's first request.
    loadContract();
    await api.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  beforeEach(() => {
    api.comments.splice(0);
    api.faults.splice(0);
    api.pulls.clear();
    api.reviewRequests.clear();
    api.issueEvents.clear();
    api.fileDates.clear();
    api.links.clear();
  });

  afterEach(() => {
    try {
      for (const result of runs.splice(0)) {
        for (const canary of PACKET_CANARIES) {
          expect(result.stdout).not.toMatch(canary);
          expect(result.stderr).not.toMatch(canary);
        }
        expect(result.stderr).not.toMatch(STACK_TRACE);
        expect(result.requests.filter((r) => r.unexpected)).toEqual([]);
        expect(result.requests.flatMap((r) => r.violations ?? [])).toEqual([]);
      }
    } finally {
      for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true, force: true });
    }
  });

  const ws = (dir: string): string => {
    workspaces.push(dir);
    return dir;
  };

  const run = async ({ bundle = options.bundle ?? false, ...spec }: SuiteRunSpec) => {
    const result = await (bundle ? runAction : runInProcess)({ api, ...spec });
    runs.push(result);
    return result;
  };

  return {
    api,
    run,
    ws,
    // The checkout is written only when the test brings none of its own.
    onPullRequest: (pr, extra = {}) =>
      run({
        event: 'pull_request',
        payload: pr.payload,
        sha: pr.mergeSha,
        ref: `refs/pull/${pr.number}/merge`,
        ...extra,
        workspace: extra.workspace ?? ws(mergeWorkspace(pr)),
      }),
    onPullRequestTarget: (pr, extra = {}) =>
      run({
        event: 'pull_request_target',
        payload: pr.payload,
        sha: pr.baseSha,
        ref: 'refs/heads/main',
        ...extra,
        workspace: extra.workspace ?? ws(baseWorkspace(pr)),
      }),
    onPush: (head, tree, extra = {}) =>
      run({
        event: 'push',
        payload: pushPayload(api.owner, api.repo, head),
        sha: head,
        ...extra,
        workspace: extra.workspace ?? ws(writeWorkspace(tree, head)),
      }),
    botComments: (number) =>
      api.commentsOn(number).filter((c) => c.user.login === ACTIONS_BOT.login),
  };
}
