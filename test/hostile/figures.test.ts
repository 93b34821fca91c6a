// The Reliability page's figures are true: counted from the corpus, the fault scenarios'
// tests (each of which must exist under that exact title) and the property settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths';
import { FAULT_SCENARIOS, figures } from './figures';

const readme = readFileSync(join(ROOT, 'docs/reliability.md'), 'utf8');
const section = readme;
const f = figures();

/** `1234` as the README writes it: `1,234`. */
function n(value: number): string {
  return value.toLocaleString('en-US');
}

describe('docs/reliability.md', () => {
  it('exists', () => {
    expect(readme).toMatch(/^# Reliability\n/);
  });

  it('states the figures the suite counts', () => {
    expect(section).toContain(
      `**${n(f.hostileFiles)} hostile files** (${n(f.ladderFiles)} ladder files and ${n(f.packetFiles)} packets; ${n(f.generated)} of them generated at test time and ${n(f.links)} symbolic links made at test time)`,
    );
    expect(section).toContain(
      `**${n(f.faultScenarios)} API fault scenarios** in ${n(f.faultTests)} end-to-end tests`,
    );
    expect(section).toContain(`**${n(f.propertyCases)} property-test cases** per run`);
  });

  it.each(
    FAULT_SCENARIOS.flatMap((s) => s.tests.map(([file, title]) => [s.scenario, file, title])),
  )('%s: %s has the test "%s"', (_, file, title) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).toContain(`it('${title}'`);
  });

  it('counts every test of test/action/faults.test.ts under some scenario', () => {
    const text = readFileSync(join(ROOT, 'test/action/faults.test.ts'), 'utf8');
    const titles = [...text.matchAll(/^\s+it\('([^']+)'/gm)].map((m) => m[1]);
    const mapped = new Set(FAULT_SCENARIOS.flatMap((s) => s.tests.map(([, t]) => t)));
    expect(titles.filter((t) => !mapped.has(t ?? ''))).toEqual([]);
  });
});
