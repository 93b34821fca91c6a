// The review engine's contract: exit codes, statuses as diagnostics, the evidence minimum, and
// the coverage hints that never change a status.
import { describe, expect, it } from 'vitest';
import { reviewDiagnostics, reviewExitCode, reviewPackets } from '../../src/review/index';
import { fixtureModel, OPTIONS, packet } from './helpers';

const model = fixtureModel();
const review = (...names: string[]) =>
  reviewPackets(
    model,
    names.map((n) => packet(n)),
    OPTIONS,
  );

describe('unknown-ladder', () => {
  const named = (ladder: string, among: typeof model) =>
    reviewPackets(
      among,
      [
        {
          path: 'promotions/p.md',
          bytes: new TextEncoder().encode(`---\ncandidate: kim\nladder: ${ladder}\nto: L3\n---\n`),
        },
      ],
      OPTIONS,
    ).packets[0]?.findings.find((f) => f.code === 'unknown-ladder')?.message;

  it('says that a ladder whose file has errors is left out, when no ladder is a near miss', () => {
    // As when web-operations.yml does not validate: the model has no such ladder.
    const without = { ...model, ladders: model.ladders.filter((l) => l.id !== 'web-operations') };
    expect(named('web-operations', without)).toMatch(
      /^Unknown ladder in `ladder`\. The ladders are .*\. A ladder whose file has errors is left out until they are fixed \(`npx ladder validate` lists them\)\.$/,
    );
  });

  it('gives only the near miss for a typo', () => {
    expect(named('opps', model)).toBe('Unknown ladder in `ladder`. Did you mean `ops`?');
  });
});

describe('reviewExitCode', () => {
  it.each([
    ['complete.md', 0, 0, 0],
    ['thin.md', 0, 1, 0],
    ['missing-and-thin.md', 1, 1, 0],
    ['schema-errors.md', 1, 1, 1],
  ] as const)('%s: missing %i, thin %i, never %i', (name, missing, thin, never) => {
    const report = review(name);
    expect(reviewExitCode(report, 'missing')).toBe(missing);
    expect(reviewExitCode(report, 'thin')).toBe(thin);
    expect(reviewExitCode(report, 'never')).toBe(never);
  });

  it('is 0 for no packets', () => {
    expect(reviewExitCode({ packets: [] }, 'thin')).toBe(0);
  });
});

describe('reviewDiagnostics', () => {
  it('adds one diagnostic per dimension that is not evidenced, with severities per failOn', () => {
    const [r] = review('missing-and-thin.md').packets;
    if (!r) throw new Error('no review');
    const summary = (failOn: 'missing' | 'thin' | 'never') =>
      reviewDiagnostics(r, failOn)
        .filter((d) => d.code.startsWith('dimension-'))
        .map((d) => `${d.code}:${d.severity}@${d.line}`);
    expect(summary('missing')).toEqual([
      'dimension-missing:error@1',
      'dimension-missing:error@1',
      'dimension-missing:error@1',
      'dimension-thin:warning@9',
      'dimension-thin:warning@14',
      'dimension-thin:warning@18',
      'dimension-thin:warning@22',
      'dimension-missing:error@30',
      'dimension-thin:warning@32',
    ]);
    expect(summary('thin').every((s) => s.includes(':error'))).toBe(true);
    expect(summary('never').every((s) => s.includes(':warning'))).toBe(true);
  });
});

describe('evidence outside the sections', () => {
  it('warns under a group heading, naming its dimensions, and only notes it above every heading', () => {
    const [r] = review('evidence-outside-section.md').packets;
    expect(
      r?.findings
        .filter((f) => f.code === 'evidence-outside-section')
        .map((f) => `${f.line} ${f.severity}: ${f.message.split(';')[1]?.trim()}`),
    ).toEqual([
      '10 info: move it under the heading of the dimension it evidences.',
      '15 warning: move each under the heading of the dimension it evidences (Mastery, Tech and Tooling, Scope or Judgment).',
    ]);
  });

  it('says nothing of evidence under a level-1 dimension heading, or under a heading that names nothing', () => {
    const text = `---\ncandidate: x\nladder: ops\nfrom: L2\nto: L3\n---\n\n## Side projects\n\n- Wrote the fleet dashboard ([ops#4](https://github.com/acme/ops/pull/4))\n\n# Mastery\n\n- Upgraded the brokers ([ops#1](https://github.com/acme/ops/pull/1))\n`;
    const [r] = reviewPackets(model, [{ path: 'p.md', bytes: Buffer.from(text) }], OPTIONS).packets;
    expect(r?.dimensions.find((d) => d.id === 'mastery')?.status).toBe('evidenced');
    expect(r?.findings.map((f) => f.code)).not.toContain('evidence-outside-section');
    expect(r?.findings.map((f) => f.code)).toContain('unknown-heading');
  });
});

describe('statuses', () => {
  it('uses the ladder evidence minimum over the configured one', () => {
    const [platform] = reviewPackets(model, [packet('thin.md')], {
      ...OPTIONS,
      evidenceMinimum: 1,
    }).packets;
    expect(platform?.dimensions.find((d) => d.id === 'craft')?.status).toBe('thin');
    const [ops] = reviewPackets(model, [packet('complete.md')], {
      ...OPTIONS,
      evidenceMinimum: 2,
    }).packets;
    expect(ops?.dimensions.filter((d) => d.status === 'thin').map((d) => d.id)).toEqual([
      'tech-and-tooling',
      'ownership',
      'planning',
      'flexibility',
      'trust',
    ]);
    expect(ops?.dimensions.find((d) => d.id === 'feedback')?.status).toBe('evidenced');
  });

  it('marks expectations addressed explicitly or by wording, and wording never fails a packet', () => {
    const [r] = review('complete.md').packets;
    const coverage = (id: string) =>
      r?.dimensions.find((d) => d.id === id)?.expectations.map((e) => e.coverage);
    expect(coverage('mastery')).toEqual(['explicit', 'explicit', 'explicit']);
    expect(coverage('scope')).toEqual(['wording']);
    expect(coverage('communication')).toEqual(['none']);
    expect(r?.verdict).toBe('complete');
  });

  it('reads only `(addresses …)` notes as addressing, ids with `and` whole, a `#1` in one as no issue', () => {
    const [r] = review('addresses-forms.md').packets;
    const mastery = r?.dimensions.find((d) => d.id === 'mastery');
    // `plans-and-performs-…` is one id (expectation 2); "Addressed 3 SEV-1 incidents" is prose.
    expect(mastery?.expectations.map((e) => [e.coverage, e.lines])).toEqual([
      ['explicit', [10]],
      ['explicit', [10]],
      ['none', []],
    ]);
    expect(mastery?.evidence.map((e) => e.addresses)).toEqual([[1], [], [], [], []]);
    // `(addresses: #1)` names expectation 1, not issue #1: the item has no link.
    const tools = r?.dimensions.find((d) => d.id === 'tech-and-tooling');
    expect(tools?.evidence[0]).toMatchObject({ references: [], linked: false, addresses: [1] });
    expect(tools?.status).toBe('thin');
    // What cannot be read is quoted for the comment, never in the message (which is logged).
    const unreadable = r?.findings.find((f) => f.line === 15);
    expect(unreadable).toMatchObject({ code: 'unknown-expectation', quote: 'Mastery 2' });
    expect(unreadable?.message).not.toContain('Mastery 2');
    // So is an id the dimension does not have.
    const [byId] = review('addresses-by-id.md').packets;
    const unknownId = byId?.findings.find((f) => f.code === 'unknown-expectation');
    expect(unknownId?.quote).toBe('on-call');
    expect(unknownId?.message).toBe(
      'engineer-2 has no expectation with this id in Technical; its ids are `writes-tested-code`, `operates-services`.',
    );
  });

  it('reads nothing in an HTML comment: no note, no quote, no placeholder marker', () => {
    // GitHub shows no comment, so a hint left in one is not something the item says.
    const [r] = review('html-comments.md').packets;
    const mastery = r?.dimensions.find((d) => d.id === 'mastery');
    expect(mastery?.evidence.map((e) => [e.addresses, e.placeholder])).toEqual([
      [[], undefined],
      [[], undefined],
      [[], 'the item is empty'],
    ]);
    expect(mastery?.expectations.map((e) => e.coverage)).not.toContain('explicit');
  });

  it('says a section holds a table, not evidence items, and how to write its rows', () => {
    const [r] = review('table-evidence.md').packets;
    const delivery = r?.dimensions.find((d) => d.id === 'delivery');
    expect(delivery).toMatchObject({
      status: 'thin',
      reasons: ['a table on line 10 but no list items'],
      toAdd: [
        'Write each row of the table on line 10 as its own list item (`- ...`), with its link: the rows of a table are not read as evidence.',
      ],
    });
    // Beside list items, a table is context, as a paragraph is.
    expect(r?.dimensions.find((d) => d.id === 'craft')?.status).toBe('evidenced');
    // Prose alone keeps its own advice.
    const [thin] = review('missing-and-thin.md').packets;
    expect(thin?.dimensions.find((d) => d.id === 'tech-and-tooling')?.reasons).toEqual([
      'text but no list items',
    ]);
  });

  it('gives the reasons of a thin dimension as phrases with their lines, without nested brackets', () => {
    const reasons = (id: string, ...names: string[]) =>
      review(...names).packets[0]?.dimensions.find((d) => d.id === id)?.reasons;
    expect(reasons('judgment', 'missing-and-thin.md')).toEqual(['only a placeholder, on line 24']);
    expect(reasons('influence', 'unchecked-task.md')).toEqual([
      'only an unchecked task, on line 16: a plan, not done work',
    ]);
    expect(reasons('delivery', 'placeholder-evidence.md')).toEqual([
      '1 of the 2 evidence items needed',
      'no real link: the link points at an example domain, on line 12',
      '2 placeholders left, on lines 10 and 11',
    ]);
    // Three or more lines in a row read as a range.
    const text = [
      '---\ncandidate: dana\nladder: ops\nfrom: L2\nto: L3\n---\n\n## Mastery\n',
      '- Upgraded the brokers ([ops#1](https://github.com/acme/ops/pull/1))',
      ...Array(5).fill('- TBD'),
      '- [ ] Run the game day\n\n## Scope\n',
      '- [ ] Lead the exit',
      '- [ ] Write the runbook\n',
    ].join('\n');
    const [r] = reviewPackets(
      model,
      [{ path: 'p.md', bytes: new TextEncoder().encode(text) }],
      OPTIONS,
    ).packets;
    const of = (id: string) => r?.dimensions.find((d) => d.id === id)?.reasons;
    expect(of('mastery')).toEqual(['5 placeholders left, on lines 11–15']);
    expect(of('scope')).toEqual(['only unchecked tasks, on lines 20 and 21: plans, not done work']);
  });

  it('points a dimension that has no section of its own at the heading that names it with others', () => {
    const [r] = review('combined-heading.md').packets;
    const dimension = (id: string) => r?.dimensions.find((d) => d.id === id);
    expect(dimension('flexibility')).toMatchObject({
      status: 'missing',
      line: 16,
      reasons: [
        'no section of its own; the heading on line 16 names it together with another dimension',
      ],
      toAdd: [
        'Split the heading on line 16 into one section per dimension: a `## Flexibility` section with at least 1 evidence item (a `- ` list item), at least one linking to a PR, issue, incident or document.',
      ],
    });
    expect(dimension('scope')?.reasons).toEqual([
      'no section of its own; the heading on line 24 names it together with 2 other dimensions',
    ]);
    // A dimension with a section of its own is judged by it alone.
    expect(dimension('judgment')).toMatchObject({ status: 'evidenced', line: 28 });
  });

  it('names what the sections stand for: dimensions, abilities, or the one section of a level', () => {
    const units = review('complete.md', 'ability-sections.md', 'prose-only-level.md').packets.map(
      (r) => [r.unit, r.summary],
    );
    expect(units).toEqual([
      ['dimension', '10 of 10 dimensions evidenced'],
      ['ability', '2 of 2 abilities evidenced; 12 points claimed (12–20 asked)'],
      ['section', '1 of 1 section evidenced'],
    ]);
  });

  it('infers the current level and says so', () => {
    const [r] = review('missing-and-thin.md').packets;
    expect(r).toMatchObject({ from: 'L2', fromInferred: true, to: 'L3', toTitle: 'Senior SRE' });
  });

  it('produces plain JSON data', () => {
    const report = review('complete.md', 'schema-errors.md');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('privacy', () => {
  it('finding and status messages never quote the packet body (annotations reach the log)', () => {
    const [r] = reviewPackets(model, [packet('injection.md', 'hostile')], OPTIONS).packets;
    if (!r) throw new Error('no review');
    const messages = reviewDiagnostics(r, 'missing')
      .map((d) => d.message)
      .join('\n');
    for (const body of [
      'Pinged',
      'Judgment <b>',
      'tracking pixel',
      'Right-to-left',
      'Upgraded the brokers',
    ])
      expect(messages).not.toContain(body);
  });
});
