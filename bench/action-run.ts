// Part of `npm run bench` (bundled by bench/run.mjs into bench/.out/): the committed action
// bundle's whole run on a pull request that adds one packet, against the API stand-in of the
// tests, paired and alternating with `node -e 0`. Prints JSON: per pair, both wall times and the
// time from start to the first API request; and the API requests of one run.
import { spawnSync } from 'node:child_process';
import { runAction } from '../test/action/harness';
import { createApi, mergeWorkspace, openPullRequest } from '../test/action/scenario';

const pairs = Number(process.argv[2] ?? '10');
const api = createApi();
await api.start();
const out: { node: number; run: number; firstRequest: number }[] = [];
let requests: string[] = [];
try {
  for (let i = 0; i < pairs; i += 1) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    const node = performance.now() - t0;
    // A new pull request each time, so that every run is a first run (it creates the comment).
    const pr = openPullRequest(api, 100 + i, { fixture: 'pr-packet' });
    const workspace = mergeWorkspace(pr);
    const startedAt = Date.now();
    const t1 = performance.now();
    const result = await runAction({
      api,
      event: 'pull_request',
      payload: pr.payload,
      workspace,
      sha: pr.mergeSha,
    });
    const run = performance.now() - t1;
    if (result.code !== 0) throw new Error(`the action failed:\n${result.stdout}${result.stderr}`);
    const first = result.requests[0];
    out.push({ node, run, firstRequest: first ? first.at - startedAt : Number.NaN });
    requests = result.requests.map((r) => `${r.method} ${r.path}`);
  }
} finally {
  await api.stop();
}
process.stdout.write(`${JSON.stringify({ pairs: out, requests })}\n`);
