// Planning a render against what is already in the pages folder.
import { describe, expect, it } from 'vitest';
import { markdownMarker } from '../../src/render/marker';
import { planSync, syncDiagnostics } from '../../src/render/sync';

const marker = markdownMarker(['ladders/ops.yml'], 'npx ladder render');
const page = (body: string) => `${marker}\n\n${body}\n`;

describe('planSync', () => {
  const rendered = [
    { path: 'README.md', content: page('# Index') },
    { path: 'ops/L1.md', content: page('# L1\n\nline\n\nnew') },
    { path: 'ops/L2.md', content: page('# L2') },
  ];

  it('has nothing to do when every file is current', () => {
    const existing = new Map(rendered.map((f) => [f.path, f.content]));
    expect(planSync(rendered, existing)).toEqual({
      problems: [],
      writes: [],
      removals: [],
      unchanged: 3,
    });
  });

  it('finds stale, missing and orphaned files, and leaves hand-written files alone', () => {
    const existing = new Map([
      ['README.md', page('# Index')],
      ['ops/L1.md', page('# L1\n\nline\n\nold')],
      ['ops/L9.md', page('# L9')],
      ['notes.md', '# My own notes\n'],
    ]);
    const plan = planSync(rendered, existing);
    expect(plan.problems).toEqual([
      { path: 'ops/L1.md', status: 'stale', line: 7 },
      { path: 'ops/L2.md', status: 'missing' },
      { path: 'ops/L9.md', status: 'orphaned' },
    ]);
    expect(plan.writes.map((w) => w.path)).toEqual(['ops/L1.md', 'ops/L2.md']);
    expect(plan.removals).toEqual(['ops/L9.md']);
    expect(plan.unchanged).toBe(1);
    expect(
      syncDiagnostics(plan, 'docs/ladders', 'npx ladder render').map(
        (d) => `${d.file}:${d.line} ${d.code} ${d.severity}`,
      ),
    ).toEqual([
      'docs/ladders/ops/L1.md:7 page-stale error',
      'docs/ladders/ops/L2.md:1 page-missing error',
      'docs/ladders/ops/L9.md:1 page-orphaned error',
    ]);
  });

  it('never writes over a file without the marker where a file goes, and says what goes there', () => {
    const existing = new Map([
      ['README.md', page('# Index')],
      ['ops/L1.md', '# My own notes about L1\n'],
      ['ops/L2.md', ''],
    ]);
    const plan = planSync(rendered, existing);
    expect(plan.problems).toEqual([
      { path: 'ops/L1.md', status: 'not-generated' },
      { path: 'ops/L2.md', status: 'not-generated' },
    ]);
    expect(plan.writes).toEqual([]);
    expect(plan.removals).toEqual([]);
    const roles = new Map([['ops/L1.md', 'the page of level `ops/L1`']]);
    const [mine, empty] = syncDiagnostics(plan, 'docs/ladders', 'npx ladder render', roles);
    expect(mine).toMatchObject({
      code: 'page-not-generated',
      severity: 'error',
      file: 'docs/ladders/ops/L1.md',
      line: 1,
      column: 1,
    });
    expect(mine?.message).toContain('where the page of level `ops/L1` goes');
    expect(empty?.message).toContain('where a generated file goes');
  });

  it('never removes a file whose name differs only in case from one it writes', () => {
    const existing = new Map([['ops/l2.md', page('# L2')]]);
    expect(planSync(rendered, existing).removals).toEqual([]);
  });
});
