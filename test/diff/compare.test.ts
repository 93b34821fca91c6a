// compareLadderFiles: the one entry the CLI and the action share, from file bytes to the report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareLadderFiles } from '../../src/diff/compare';
import { FIXTURES } from '../helpers/paths';
import { sideFiles } from './models';

const packetFolder = join(FIXTURES, 'diff/scenario/head/promotions/2026-h2');
const packets = readdirSync(packetFolder).map((name) => ({
  path: `promotions/2026-h2/${name}`,
  bytes: readFileSync(join(packetFolder, name)),
}));

describe('compareLadderFiles', () => {
  it('diffs, finds the impact and the reviewers, and checks the versions', () => {
    const c = compareLadderFiles(
      sideFiles('scenario', 'base'),
      sideFiles('scenario', 'head'),
      packets,
      {
        author: 'dana-r',
      },
    );
    if (!c.ok) throw new Error('expected a comparison');
    expect(c.result.changes).toHaveLength(10);
    expect(c.impact.map((p) => p.path)).toHaveLength(3);
    expect(c.reviewers.users).toEqual(['platform-leads', 'skills-guild']);
    expect(c.diagnostics.map((d) => d.code)).toEqual(['version-not-bumped', 'version-not-bumped']);
  });

  it('applies severity overrides, including off', () => {
    const c = compareLadderFiles(sideFiles('scenario', 'base'), sideFiles('scenario', 'head'), [], {
      severities: { 'version-not-bumped': 'off' },
    });
    expect(c.ok && c.diagnostics).toEqual([]);
  });

  it('refuses to compare a side that does not validate, and says which', () => {
    const broken = [{ path: 'ladders/platform.yml', bytes: new TextEncoder().encode('id: [\n') }];
    const c = compareLadderFiles(sideFiles('scenario', 'base'), broken, []);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.broken.map((b) => `${b.side} ${b.errors[0]?.code}`)).toEqual(['head yaml-syntax']);
  });
});
