// A tiny run of `npm run bench` (two small sizes, one run each): the benchmark itself keeps
// working and writes its figures; the targets are judged by the full run, not here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths';

describe('npm run bench (smoke)', () => {
  it('measures every stage and writes results JSON', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bench-smoke-')), 'results.json');
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('target | value | limit | met');
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(results.sizes)).toEqual(['2', '4']);
    const row = results.sizes['4'];
    expect(row.validate.status).toBe(0);
    expect(row.validate.stages.validate).toBeGreaterThan(0);
    expect(row.validateOneThread.stages.validate).toBeGreaterThan(0);
    expect(run.stdout).toContain('ladder validate, one thread');
    expect(row.peerAjvCli.status).toBe(0);
    expect(row.floorYamlAjv.inProcessMs).toBeGreaterThan(0);
    expect(results.targets.length).toBeGreaterThan(3);
    // The bundled action on a one-packet pull request with 100 verified links, counted.
    expect(results.verifiedRun).toMatchObject({ code: 0, links: 100 });
    expect(results.verifiedRun.requests).toContain('POST /graphql');
    expect(run.stdout).toContain('API requests of a verified run');
    // As long as the run may take (spawnSync's timeout): the machine may be busy.
  }, 150_000);
});
