// The health page of `ladder render`: compared byte for byte by `render --check`, so it must
// follow from the ladder YAML alone (no packets, no dates, no git). Its golden is
// test/fixtures/render/health/docs/ladders/health.md.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladderFilesHealth } from '../../src/health/health';
import { renderSite } from '../../src/render/index';
import { HEALTH_PAGE } from '../../src/render/paths';
import { loadRepo, PAGES, RENDER_FIXTURES } from './helpers';

const model = loadRepo(join(RENDER_FIXTURES, 'health'));

function page(): string {
  const found = renderSite(model, { pagesDir: PAGES, health: ladderFilesHealth(model) }).files.find(
    (f) => f.path === HEALTH_PAGE,
  );
  if (!found) throw new Error('no health page');
  return found.content;
}

describe('the health page', () => {
  it('holds no date, nothing from git and nothing from packets, and says where those are', () => {
    const text = page();
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(
      /\| last changed|Last updated|stale-content|Reached in|⛔|never evidenced|Packets/,
    );
    expect(text).toContain('`npx ladder health`');
  });

  it('counts the levels and roles that reference each part, and flags missing expectations', () => {
    const text = page();
    expect(text).toMatch(/\| Craft \(`craft`\) \| 3 levels \| ✅ \|/);
    expect(text).toMatch(/\[S3: Staff Support Engineer\]\(support\/S3\.md\) \| 1 level \|/);
    expect(text).toContain('`missing-expectations`');
    expect(text).toContain('⚠️ expectations missing');
  });

  it('is linked from the index', () => {
    const index = renderSite(model, {
      pagesDir: PAGES,
      health: ladderFilesHealth(model),
    }).files.find((f) => f.path === 'README.md');
    expect(index?.content).toContain('[Ladder health](health.md)');
  });
});
