// `new-packet`'s skeleton: what it writes, and that its hints never count as evidence.
import { describe, expect, it } from 'vitest';
import { derivedStatementId } from '../../src/model/statement-id';
import { reviewPackets } from '../../src/review/index';
import { defaultPacketName, scaffoldPacket } from '../../src/review/scaffold';
import { validateLadders } from '../../src/validate/index';
import { fixtureModel, OPTIONS } from './helpers';

const model = fixtureModel();

function scaffold(request: Parameters<typeof scaffoldPacket>[1]) {
  const result = scaffoldPacket(model, request);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('scaffoldPacket', () => {
  it('fills the front matter, with `from` defaulting to the previous level', () => {
    const { text } = scaffold({ ladder: 'ops', to: 'L3', candidate: 'rivera-dana' });
    expect(text.startsWith('---\ncandidate: rivera-dana\nladder: ops\nfrom: L2\nto: L3\n')).toBe(
      true,
    );
    expect(text).toContain('# role: ops-engineer\n# milestones:\n#   ops-skill: 1\n---\n');
  });

  it('offers a `github:` line that, filled in, is valid front matter', () => {
    const { text } = scaffold({ ladder: 'ops', to: 'L3', candidate: 'rivera-dana' });
    expect(text).toMatch(/^# github: your-login {2}# /m);
    const filled = text.replace(/^# github: your-login .*$/m, 'github: drivera');
    const [review] = reviewPackets(
      model,
      [{ path: 'p.md', bytes: new TextEncoder().encode(filled) }],
      OPTIONS,
    ).packets;
    expect(review?.github).toBe('drivera');
    expect(review?.findings).toEqual([]);
  });

  it('infers `from` as the one level of any ladder that leads to the target', () => {
    const ladder = (id: string, levels: string) => ({
      path: `ladders/${id}.yml`,
      bytes: new TextEncoder().encode(`id: ${id}\ntitle: ${id}\nlevels:\n${levels}`),
    });
    const twoTracks = (next: string) =>
      validateLadders([
        ladder(
          'eng',
          `  - id: E1\n    title: One\n    next: [${next}]\n  - id: E2\n    title: Two\n    next: [mgmt/M1]\n`,
        ),
        ladder('mgmt', '  - id: M1\n    title: Manager\n  - id: M2\n    title: Director\n'),
      ]).model;
    const one = scaffoldPacket(twoTracks('E2'), { ladder: 'mgmt', to: 'M1' });
    expect(one.ok && one.text).toContain('\nfrom: eng/E2\nto: M1\n');
    // Two levels lead there: which one the candidate is at cannot be told.
    const two = scaffoldPacket(twoTracks('E2, mgmt/M1'), { ladder: 'mgmt', to: 'M1' });
    expect(two.ok && two.text).toContain('\nladder: mgmt\nto: M1\n');
  });

  it('writes one heading per required dimension under its group, with the expectations as hints', () => {
    const { text, dimensions } = scaffold({ ladder: 'ops', to: 'L3' });
    expect(dimensions).toBe(10);
    const headings = text.split('\n').filter((l) => l.startsWith('#') && !l.startsWith('# '));
    expect(headings).toEqual([
      '## Skill',
      '### Mastery',
      '### Tech and Tooling',
      '### Scope',
      '### Judgment',
      '## Engagement',
      '### Ownership — Manager of One',
      '### Communication',
      '### Planning',
      '### Flexibility',
      '### Trust',
      '## Coachability',
      '### Feedback',
    ]);
    expect(text).toContain(
      '<!-- What L3 (Senior SRE) expects in Mastery:\n1. Proficient in multiple areas',
    );
  });

  it('reviews as all missing, without findings: the hints are not evidence', () => {
    const { text } = scaffold({ ladder: 'ops', to: 'L3', candidate: 'dana' });
    const [review] = reviewPackets(
      model,
      [{ path: 'p.md', bytes: new TextEncoder().encode(text) }],
      OPTIONS,
    ).packets;
    expect(review?.verdict).toBe('missing');
    expect(review?.dimensions.map((d) => d.status)).toEqual(Array(10).fill('missing'));
    expect(review?.findings).toEqual([]);
  });

  it('still counts nothing when a hint is uncommented and left in place', () => {
    const { text } = scaffold({ ladder: 'platform', to: 'P3', from: 'P2' });
    const uncommented = text.replace(/<!-- (What [^\n]*\n(?:\d+\. .*\n)*)-->\n/g, '$1\n');
    expect(uncommented).toContain(
      '## Influence\n\nWhat P3 (Staff Platform Engineer) expects in Influence:\n1. Shapes',
    );
    const [review] = reviewPackets(
      model,
      [{ path: 'p.md', bytes: new TextEncoder().encode(uncommented) }],
      OPTIONS,
    ).packets;
    expect(review?.dimensions.map((d) => d.status)).toEqual(['thin', 'thin']);
    const influence = review?.dimensions.find((d) => d.id === 'influence');
    expect(influence?.evidence[0]?.placeholder).toBe(
      'it only repeats an expectation of the level instead of giving evidence',
    );
    expect(review?.findings.map((f) => f.code)).toEqual([
      'placeholder-evidence',
      'placeholder-evidence',
    ]);
  });

  it('scaffolds a level without dimensions as one Evidence section with the level prose', () => {
    const { text, dimensions } = scaffold({ ladder: 'web-operations', to: 'senior' });
    expect(dimensions).toBe(1);
    expect(text).toContain('from: junior\n');
    expect(text).toContain(
      '## Evidence\n\n<!-- What Senior Engineer expects in this level:\n1. You are familiar',
    );
  });

  it('reviews that Evidence section as empty, at its line, not as a section to add', () => {
    const { text } = scaffold({ ladder: 'web-operations', to: 'senior' });
    const line = text.split('\n').indexOf('## Evidence') + 1;
    const [review] = reviewPackets(
      model,
      [{ path: 'p.md', bytes: new TextEncoder().encode(text) }],
      OPTIONS,
    ).packets;
    const [evidence] = review?.dimensions ?? [];
    expect(evidence).toMatchObject({
      status: 'missing',
      line,
      reasons: [`the section on line ${line} is empty`],
      toAdd: [
        `Add at least 1 evidence item (a \`- \` list item) under the heading on line ${line}, at least one linking to a PR, issue, incident or document.`,
      ],
    });
  });

  it('says how to fill it in for the way the level is judged', () => {
    const howTo = (request: Parameters<typeof scaffoldPacket>[1]) =>
      /How to fill this in[^\n]*\n([\s\S]*?)-->/.exec(scaffold(request).text)?.[1] ?? '';
    const dimensions = howTo({ ladder: 'ops', to: 'L3' });
    expect(dimensions).toContain('- Under each dimension, add one list item');
    expect(dimensions).toContain('(addresses: N)');
    const abilities = howTo({ ladder: 'growth', to: '2.2' });
    expect(abilities).toContain('- Under each ability you claim a milestone of, add one list item');
    expect(abilities).toContain('outside the ability sections');
    // Its hints number milestones, not what the review numbers: no `(addresses: N)` there.
    expect(abilities).not.toContain('addresses');
    expect(abilities).not.toContain('dimension');
    const level = howTo({ ladder: 'web-operations', to: 'senior' });
    expect(level).toContain('- Under Evidence, add one list item');
    expect(level).toContain('a list item under any heading counts');
    expect(level).not.toContain('dimension section');
  });

  it('scaffolds a level judged by abilities and points: a section per ability, the role that fits', () => {
    const { text, dimensions } = scaffold({ ladder: 'growth', to: '2.2' });
    expect(dimensions).toBe(2);
    expect(text).toContain('from: "2.1"\nto: "2.2"\n');
    // Engineer II spans 10–20 points, the level asks for 12; Engineer I (0–9) would not fit.
    expect(text).toContain('# role: engineer-2\n# milestones:\n#   web: 1\n#   communication: 2\n');
    const headings = text.split('\n').filter((l) => l.startsWith('#') && !l.startsWith('# '));
    expect(headings).toEqual([
      '## Building',
      '### Web client',
      '## Executing',
      '### Communication',
    ]);
    expect(text).toContain('asks for 12 points in total, Communication milestone 2+');
    // Filled in, it reviews section by ability.
    const filled = text
      .replace(
        '# milestones:\n#   web: 1\n#   communication: 2',
        'milestones:\n  web: 3\n  communication: 3',
      )
      .replace(
        '### Web client\n',
        // Not the ladder's own example ("Designed the offline reading mode."): a copy is no evidence.
        '### Web client\n\n- Built offline reading for the news app, used by 30% of readers ([PR](https://github.com/acme/web/pull/77)).\n',
      )
      .replace(
        '### Communication\n',
        '### Communication\n\n- Presented it at the all-hands ([slides](https://github.com/acme/docs/pull/3)).\n',
      );
    const [review] = reviewPackets(
      model,
      [{ path: 'p.md', bytes: new TextEncoder().encode(filled) }],
      OPTIONS,
    ).packets;
    expect(review?.verdict).toBe('complete');
    expect(review?.dimensions.map((d) => [d.id, d.status])).toEqual([
      ['web', 'evidenced'],
      ['communication', 'evidenced'],
    ]);
    expect(review?.points).toEqual({ total: 12, required: 12, level: 12, met: true });
  });

  it('lists the ids a ladder writes beside the numbered expectations, and only those', () => {
    const { text } = scaffold({ ladder: 'progression', to: 'engineer-1' });
    expect(text).toContain(
      '1. Writes code with tests that others can maintain. (id: writes-tested-code)\n',
    );
    expect(text).toContain('1. Breaks work into small changes that ship independently.\n');
  });

  it('keeps ladder text from closing the hint comment', () => {
    const hostile = {
      ...model,
      ladders: model.ladders.map((l) =>
        l.id !== 'platform'
          ? l
          : {
              ...l,
              levels: l.levels.map((level) => ({
                ...level,
                expectations: level.expectations.map((e) => ({
                  ...e,
                  statements: [
                    {
                      id: 'ends-here',
                      text: 'Ends here --> <!-- and <b>more</b>',
                      examples: [],
                      signals: [],
                      links: [],
                    },
                  ],
                })),
              })),
            },
      ),
    };
    const result = scaffoldPacket(hostile, { ladder: 'platform', to: 'P2' });
    expect(result.ok && result.text).not.toMatch(/Ends here -->/);
    if (!result.ok) return;
    const [review] = reviewPackets(
      hostile,
      [{ path: 'p.md', bytes: new TextEncoder().encode(result.text) }],
      OPTIONS,
    ).packets;
    expect(review?.dimensions.every((d) => d.status === 'missing')).toBe(true);
  });

  it('explains unknown ladders and levels with a suggestion', () => {
    expect(scaffoldPacket(model, { ladder: 'opps', to: 'L3' })).toEqual({
      ok: false,
      message: 'Unknown ladder `opps`. Did you mean `ops`?',
    });
    expect(scaffoldPacket(model, { ladder: 'ops', to: 'l3x' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Did you mean `L3`?'),
    });
    expect(scaffoldPacket(model, { ladder: 'ops', to: 'L3', from: 'platform/P9' })).toMatchObject({
      ok: false,
    });
  });

  it('refuses a move that is not a promotion, in the words of the review, and warns of a lateral one', () => {
    /** What the review says of a packet for that move. */
    const reviewed = (ladder: string, from: string, to: string) => {
      const text = `---\ncandidate: kim-lee\nladder: ${ladder}\nfrom: ${from}\nto: ${to}\n---\n`;
      const [review] = reviewPackets(
        model,
        [{ path: 'p.md', bytes: new TextEncoder().encode(text) }],
        OPTIONS,
      ).packets;
      return review?.findings.find((f) => f.code === 'not-a-promotion');
    };
    for (const [from, to] of [
      ['L4', 'L2'],
      ['L3', 'L3'],
    ] as const) {
      const finding = reviewed('ops', from, to);
      expect(finding?.severity).toBe('error');
      expect(scaffoldPacket(model, { ladder: 'ops', to, from })).toEqual({
        ok: false,
        message: finding?.message,
      });
    }
    const lateral = reviewed('tracks', 'staff-ic', 'director');
    expect(lateral?.severity).toBe('warning');
    expect(scaffold({ ladder: 'tracks', to: 'director', from: 'staff-ic' }).warnings).toEqual([
      lateral?.message,
    ]);
    expect(scaffold({ ladder: 'ops', to: 'L3', from: 'L2' }).warnings).toEqual([]);
  });

  it('names the file after the candidate, ladder and level', () => {
    expect(defaultPacketName({ ladder: 'ops', to: 'L3', candidate: 'Dana Rivera' })).toBe(
      'dana-rivera-ops-l3.md',
    );
    expect(defaultPacketName({ ladder: 'ops', to: 'L3' })).toBe('candidate-ops-l3.md');
    expect(defaultPacketName({ ladder: 'ops', to: 'L3', candidate: '../../etc/passwd' })).toBe(
      'etc-passwd-ops-l3.md',
    );
  });

  it('writes accented names in plain letters, as statement ids are made', () => {
    const name = (candidate: string) => defaultPacketName({ ladder: 'ops', to: 'L3', candidate });
    expect(name('Núñez Zoë Łukasz Søren Müller')).toBe('nunez-zoe-lukasz-soren-muller-ops-l3.md');
    expect(name('Æsa Œdipus Straße Đorđe Þór İlker')).toBe(
      'aesa-oedipus-strasse-dorde-thor-ilker-ops-l3.md',
    );
    // Nothing in Latin letters: the default name.
    expect(name('李小龍')).toBe('candidate-ops-l3.md');
    expect(name(`${'x'.repeat(59)} y`)).toBe(`${'x'.repeat(59)}-ops-l3.md`);
    expect(derivedStatementId('Łukasz and Søren größer')).toBe('lukasz-and-soren-grosser');
  });
});
