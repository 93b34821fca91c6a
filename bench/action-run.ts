// Part of `npm run bench` (bundled by bench/run.mjs into bench/.out/): the committed action
// bundle's whole run on a pull request that adds one packet, against the API stand-in of the
// tests, alternating with `node -e 0` and with the floor of the packages the action is built on
// (bench/floors/action-libraries.ts, bundled to the path given as the second argument). Then one
// first run on a packet whose 100 evidence links are verified (GraphQL answered by the stand-in
// against GitHub's schema). Prints JSON: per round, the three wall times and the action's time
// from start to its first API request; the API requests of one run; and those of the verified
// run, with its exit code.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphqlStandIn } from '../test/action/graphql-stand-in';
import { runAction, TOKEN } from '../test/action/harness';
import {
  createApi,
  mergeWorkspace,
  openPullRequest,
  type PullRequestFixture,
} from '../test/action/scenario';

const pairs = Number(process.argv[2] ?? '10');
const floor = process.argv[3];
const api = createApi();
await api.start();
const out: { node: number; floor?: number; run: number; firstRequest: number }[] = [];
let requests: string[] = [];
let verified: { code: number | null; links: number; requests: string[] } | undefined;

/** `POST /graphql LadderVerify`: a request as the results list it (GraphQL with its operation). */
function requestLine(r: { method: string; path: string; operation?: string }): string {
  return `${r.method} ${r.path}${r.operation === undefined ? '' : ` ${r.operation}`}`;
}

/** The committed bundle's run on a pull request, in a fresh checkout of its merge commit. */
async function runBundle(pr: PullRequestFixture) {
  const workspace = mergeWorkspace(pr);
  const startedAt = Date.now();
  const t0 = performance.now();
  const result = await runAction({
    api,
    event: 'pull_request',
    payload: pr.payload,
    workspace,
    sha: pr.mergeSha,
  });
  const ms = performance.now() - t0;
  rmSync(workspace, { recursive: true, force: true });
  return { result, ms, startedAt };
}

/** A first run on a packet with `links` GitHub evidence links, all verified: its requests. */
async function verifiedRun(links: number) {
  api.graphql = new GraphqlStandIn();
  api.graphql.addPullRequests('acme/infra', links, 'bench', '2026-08-02T00:00:00Z');
  const items = Array.from(
    { length: links },
    (_, i) => `- Shipped part ${i + 1} ([PR](https://github.com/acme/infra/pull/${i + 1})).`,
  );
  const half = Math.ceil(links / 2);
  const packet = `---\ncandidate: bench\ngithub: bench\nladder: demo\nto: L2\ncycle: 2026-H2\n---\n\n## Mastery\n\n${items.slice(0, half).join('\n')}\n\n## Judgment\n\n${items.slice(half).join('\n')}\n`;
  const pr = openPullRequest(api, 900, {
    files: new Map([['promotions/bench-L2.md', new TextEncoder().encode(packet)]]),
  });
  const { result } = await runBundle(pr);
  return {
    code: result.code,
    links,
    requests: result.requests.map(requestLine),
  };
}

/**
 * The floor's whole run on a pull request of its own (the same files), as a process. Not
 * `spawnSync`: the stand-in answers from this process, so its event loop must keep running.
 */
async function runFloor(number: number): Promise<number> {
  if (floor === undefined) return Number.NaN;
  const pr = openPullRequest(api, number, { fixture: 'pr-packet' });
  const workspace = mergeWorkspace(pr);
  // The runner creates these files before a step starts.
  for (const file of ['.floor-output', '.floor-summary']) writeFileSync(join(workspace, file), '');
  const t0 = performance.now();
  const child = spawn(process.execPath, [floor], {
    cwd: workspace,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH,
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: `${api.owner}/${api.repo}`,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: join(workspace, '.floor-output'),
      GITHUB_STEP_SUMMARY: join(workspace, '.floor-summary'),
      FLOOR_TOKEN: TOKEN,
      FLOOR_PULL_REQUEST: String(number),
    },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const ms = performance.now() - t0;
  rmSync(workspace, { recursive: true, force: true });
  if (code !== 0) throw new Error(`the action floor failed:\n${stderr.slice(-2000)}`);
  return ms;
}

try {
  for (let i = 0; i < pairs; i += 1) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    const node = performance.now() - t0;
    const floorMs = await runFloor(500 + i);
    // A new pull request each time, so that every run is a first run (it creates the comment).
    const pr = openPullRequest(api, 100 + i, { fixture: 'pr-packet' });
    const { result, ms: run, startedAt } = await runBundle(pr);
    if (result.code !== 0) throw new Error(`the action failed:\n${result.stdout}${result.stderr}`);
    const first = result.requests[0];
    out.push({
      node,
      ...(floor === undefined ? {} : { floor: floorMs }),
      run,
      firstRequest: first ? first.at - startedAt : Number.NaN,
    });
    requests = result.requests.map(requestLine);
  }
  verified = await verifiedRun(100);
} finally {
  await api.stop();
}
process.stdout.write(`${JSON.stringify({ pairs: out, requests, verified })}\n`);
