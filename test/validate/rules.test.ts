// Each folder under test/fixtures/validate is one case: real ladder files whose `# expect:`
// comments list every diagnostic (code@line:col) the validator must report, and nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLadders } from '../../src/validate/index';
import { RULES } from '../../src/validate/rules/index';
import { FIXTURES } from '../helpers/paths';

const dir = join(FIXTURES, 'validate');
const cases = readdirSync(dir).sort();

function expectations(path: string, text: string): string[] {
  return [...text.matchAll(/^# expect: (\S+)$/gm)]
    .map((m) => m[1] ?? '')
    .filter((e) => e !== 'nothing')
    .map((e) => `${path} ${e}`);
}

describe('validation rules on fixture ladders', () => {
  it.each(cases)('%s', (name) => {
    const files = readdirSync(join(dir, name))
      .sort()
      .map((file) => ({ path: file, bytes: readFileSync(join(dir, name, file)) }));
    const expected = files.flatMap((f) => expectations(f.path, f.bytes.toString('utf8'))).sort();
    const { diagnostics } = validateLadders(files);
    const actual = diagnostics.map((d) => `${d.file} ${d.code}@${d.line}:${d.column}`).sort();
    expect(actual).toEqual(expected);
  });

  it('has a fixture for every semantic rule', () => {
    for (const rule of RULES) expect(cases, rule.code).toContain(rule.code);
  });

  it('resolves the valid fixture into the model with defaults filled in', () => {
    const { model, diagnostics } = validateLadders([
      { path: 'demo.yml', bytes: readFileSync(join(dir, 'valid/demo.yml')) },
    ]);
    expect(diagnostics).toEqual([]);
    const ladder = model.ladders[0];
    expect(ladder?.levels.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(ladder?.levels[0]?.requires).toEqual(['mastery', 'judgment']);
    expect(ladder?.levels[0]?.next).toEqual([{ kind: 'level', ladder: 'demo', level: 'L2' }]);
    expect(ladder?.levels[1]?.next).toEqual([]);
    expect(model.abilities[0]?.milestones.map((m) => [m.number, m.points])).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect(model.roles[0]?.requires).toEqual([
      { ladder: 'demo', ability: 'skill-points', milestone: 1 },
    ]);
  });

  it('keeps checking the other files when one is broken', () => {
    const good = readFileSync(join(dir, 'valid/demo.yml'), 'utf8');
    const files = [
      { path: 'broken.yml', bytes: Buffer.from('id: [unclosed\n') },
      { path: 'demo.yml', bytes: Buffer.from(good) },
      {
        path: 'other.yml',
        bytes: Buffer.from(
          good.replace('id: demo', 'id: other').replace('title: Senior', 'titel: Senior'),
        ),
      },
    ];
    const { model, diagnostics } = validateLadders(files);
    expect(new Set(diagnostics.map((d) => d.file))).toEqual(new Set(['broken.yml', 'other.yml']));
    expect(model.ladders.map((l) => l.id)).toEqual(['demo']);
  });

  it('reports ids used twice across files', () => {
    const good = readFileSync(join(dir, 'valid/demo.yml'));
    const { diagnostics } = validateLadders([
      { path: 'a/demo.yml', bytes: good },
      { path: 'b/demo.yml', bytes: good },
    ]);
    expect(
      diagnostics.filter((d) => d.code === 'duplicate-id').map((d) => `${d.file}:${d.line}`),
    ).toEqual(['b/demo.yml:1']);
  });

  it('blames the copy for an id used twice, not the file named after it, in any order', () => {
    const good = readFileSync(join(dir, 'valid/demo.yml'));
    for (const paths of [
      ['ladders/copy.YML', 'ladders/demo.yml'],
      ['ladders/demo.yml', 'ladders/copy.YML'],
    ]) {
      const { diagnostics, model } = validateLadders(paths.map((path) => ({ path, bytes: good })));
      expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
        'ladders/copy.YML duplicate-id',
        'ladders/copy.YML file-name-mismatch',
      ]);
      expect(model.ladders.map((l) => l.id)).toEqual(['demo']);
    }
  });

  it('scopes ability and role ids to their ladder', () => {
    const good = readFileSync(join(dir, 'valid/demo.yml'), 'utf8');
    const other = good.replace('id: demo', 'id: other');
    const { model, diagnostics } = validateLadders([
      { path: 'demo.yml', bytes: Buffer.from(good) },
      { path: 'other.yml', bytes: Buffer.from(other) },
    ]);
    expect(diagnostics).toEqual([]);
    expect(model.abilities.map((a) => `${a.ladder}/${a.id}`)).toEqual([
      'demo/skill-points',
      'other/skill-points',
    ]);
    // A bare reference means the ability of the referring ladder.
    expect(model.roles.map((r) => r.requires[0]?.ladder)).toEqual(['demo', 'other']);
    // A third ladder's bare reference to an id two ladders declare is ambiguous.
    const third = `id: third\ntitle: Third\nlevels:\n  - id: T1\n    title: T\n    abilities:\n      skill-points: 1\n`;
    const ambiguous = validateLadders([
      { path: 'demo.yml', bytes: Buffer.from(good) },
      { path: 'other.yml', bytes: Buffer.from(other) },
      { path: 'third.yml', bytes: Buffer.from(third) },
    ]);
    expect(ambiguous.diagnostics.map((d) => `${d.file} ${d.code}@${d.line}`)).toEqual([
      'third.yml unknown-ability@7',
    ]);
    const named = third.replace('skill-points: 1', 'other/skill-points: 1');
    const resolved = validateLadders([
      { path: 'demo.yml', bytes: Buffer.from(good) },
      { path: 'other.yml', bytes: Buffer.from(other) },
      { path: 'third.yml', bytes: Buffer.from(named) },
    ]);
    expect(resolved.diagnostics).toEqual([]);
    expect(resolved.model.ladders[2]?.levels[0]?.abilities).toEqual([
      { ladder: 'other', ability: 'skill-points', milestone: 1 },
    ]);
  });

  it("counts every ladder's abilities toward points, and says nothing when one's points are unknown", () => {
    const ladder = readFileSync(join(dir, 'points-unreachable/demo.yml'), 'utf8');
    const codes = (files: Record<string, string>) =>
      validateLadders(
        Object.entries(files).map(([path, text]) => ({ path, bytes: Buffer.from(text) })),
      ).diagnostics.map((d) => `${d.file} ${d.code}@${d.line}`);
    expect(codes({ 'demo.yml': ladder })).toEqual([
      'demo.yml points-unreachable@11',
      'demo.yml points-unreachable@32',
    ]);
    // A packet may claim `shared/review` too: 9 + 3 reaches 12.
    const shared = `id: shared\ntitle: Shared\nlevels:\n  - id: S1\n    title: S\n    prose: [S.]\nabilities:\n  - id: review\n    title: Review\n    milestones:\n      - points: 3\n`;
    expect(codes({ 'demo.yml': ladder, 'shared.yml': shared })).toEqual([]);
    // A milestone the schema rejects is worth an unknown number of points.
    const unknown = ladder.replace('- points: 3', '- points: many');
    expect(codes({ 'demo.yml': unknown })).toEqual(['demo.yml wrong-type@17']);
  });

  it('lets the config turn a rule off or change its severity', () => {
    const bytes = readFileSync(join(dir, 'duplicate-statement/demo.yml'));
    expect(
      validateLadders([{ path: 'demo.yml', bytes }], {
        severities: { 'duplicate-statement': 'off' },
      }).diagnostics,
    ).toEqual([]);
    const raised = validateLadders([{ path: 'demo.yml', bytes }], {
      severities: { 'duplicate-statement': 'error' },
    });
    expect(raised.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});
