// docs/diagnostics.md shows, for every code of `ladder health`, one input and the message it
// gets: the ladder and packet of test/fixtures/health/repo, with a history that stands in for
// `git blame` (a fixed date, so that the ages in the messages do not change from day to day).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEALTH_CODES } from '../../src/diagnostics/codes';
import { healthReport } from '../../src/health/health';
import { ladderHistory } from '../../src/health/history';
import { readPacket } from '../../src/health/packets';
import { validateLadders } from '../../src/validate/index';
import { checkSection, type Example, linesAt } from '../helpers/doc-examples';
import { FIXTURES } from '../helpers/paths';

const REPO = join(FIXTURES, 'health', 'repo');
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const STALE_AFTER = 730;

/** The item on `line`, up to the next line indented as much or less (its `abilities:` left out). */
function block(text: string, line: number): string {
  const lines = text.split('\n').slice(line - 1);
  const indent = (l: string) => l.length - l.trimStart().length;
  const first = lines[0] ?? '';
  const end = lines.findIndex((l, i) => i > 0 && indent(l) <= indent(first));
  const item = lines.slice(0, end);
  const abilities = item.findIndex((l) => l.trim() === 'abilities:');
  return item.slice(0, abilities === -1 ? undefined : abilities).join('\n');
}

describe('docs/diagnostics.md examples of ladder health', () => {
  it('shows one input for every health code, with the message it gets today', () => {
    const text = readFileSync(join(REPO, 'ladders/support.yml'), 'utf8');
    const file = { path: 'ladders/support.yml', bytes: Buffer.from(text) };
    const { model } = validateLadders([file]);
    const packetPath = 'promotions/ali-kim.md';
    const packetText = readFileSync(join(REPO, packetPath), 'utf8');
    const packet = readPacket(packetPath, packetText, model);
    expect(packet).toBeDefined();
    if (!packet) return;
    // `git blame --porcelain` as if level S1 (lines 15 to 23) last changed 1,000 days ago and
    // every other line last week.
    const porcelain = text
      .split('\n')
      .map((_, i) => {
        const days = i + 1 >= 15 && i + 1 <= 23 ? 1000 : 7;
        const time = Math.floor((NOW - days * DAY) / 1000);
        return `${String(days).padStart(40, '0')} ${i + 1} ${i + 1} 1\ncommitter-time ${time}\n\tx`;
      })
      .join('\n');
    const history = ladderHistory([file], new Map([[file.path, porcelain]]));
    const health = healthReport(model, [{ ...packet, merged: true, complete: true }], history, {
      now: NOW,
      staleAfterDays: STALE_AFTER,
    });
    const examples = new Map<string, Example>();
    for (const code of HEALTH_CODES) {
      const diagnostic = health.diagnostics.find((d) => d.code === code);
      if (!diagnostic) continue;
      const input =
        code === 'stale-content'
          ? `${linesAt(text, diagnostic.line)}    # last changed 1,000 days ago (git blame); health.staleAfterDays: ${STALE_AFTER}`
          : code === 'never-evidenced'
            ? `${linesAt(text, diagnostic.line)}    # no packet under promotions/ has a \`## Tooling\` section with evidence`
            : block(text, diagnostic.line);
      examples.set(code, { input, diagnostic });
    }
    checkSection('health', 'test/health/diagnostic-examples.test.ts', examples, HEALTH_CODES);
  });
});
