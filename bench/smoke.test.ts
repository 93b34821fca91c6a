// `npm run bench:smoke` (not part of `npm test`): a tiny run of `npm run bench` (two small sizes,
// one run each) keeps the benchmark itself working; the targets are judged by the full run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../test/helpers/paths';

describe('npm run bench (smoke)', () => {
  it('measures every command against its floor and writes results JSON', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bench-smoke-')), 'results.json');
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('target | value | limit | met');
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(results.sizes)).toEqual(['2', '4']);
    const row = results.sizes['4'];
    for (const name of ['validate', 'render', 'review', 'check']) {
      expect(row[name].status, name).toBe(0);
      expect(Object.keys(row[name].stages).length, name).toBeGreaterThan(0);
    }
    expect(row.floorRemark.inProcessMs).toBeGreaterThan(0);
    expect(row.floorToMarkdown.inProcessMs).toBeGreaterThan(0);
    expect(row.peerAjvCli.status).toBe(0);
    expect(results.shipped.ratio.median).toBeGreaterThan(0);
    expect(results.action.requests.length).toBeGreaterThan(0);
    // The floor of the action's packages ran beside it (bench/floors/action-libraries.ts).
    expect(results.action.floor.median).toBeGreaterThan(0);
    expect(results.targets.length).toBeGreaterThan(8);
    // The bundled action on a one-packet pull request with 100 verified links, counted.
    expect(results.verifiedRun).toMatchObject({ code: 0, links: 100 });
    // GraphQL requests are listed with their operation: the links are checked in one query.
    expect(results.verifiedRun.requests).toContain('POST /graphql LadderVerify');
  });
});
