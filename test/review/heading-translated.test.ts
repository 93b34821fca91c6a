// A heading may give the dimension's name after words of its own (a packet in another language:
// `Beherrschung (Mastery)`, `Umfang — Scope`), when those words name no dimension: two names
// side by side are still a combined heading, and words after a name still do not match.
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types';
import { matcherFor } from '../../src/review/match';
import { fixtureModel } from './helpers';

const ops = fixtureModel().ladders.find((l) => l.id === 'ops') as Ladder;

describe('a name after other words', () => {
  it('names the dimension in brackets, after a dash, colon or slash', () => {
    const matcher = matcherFor(ops);
    for (const [heading, id] of [
      ['Beherrschung (Mastery)', 'mastery'],
      ['Umfang — Scope', 'scope'],
      ['Technik und Werkzeuge / Tech and Tooling', 'tech-and-tooling'],
      ['Kommunikation: Communication', 'communication'],
      ['3. Urteilsvermögen (Judgement)', 'judgment'],
      ['Eigenverantwortung — Ownership — Manager of One', 'ownership'],
      ['Umfang — Scope — was ich getan habe', 'scope'],
    ])
      expect(matcher.match(heading as string), heading).toEqual({ kind: 'dimension', id });
    expect(matcher.match('Fähigkeiten (Skill)')).toEqual({ kind: 'group', id: 'skill' });
  });

  it('leaves two names, and a name followed by words, as they were', () => {
    const matcher = matcherFor(ops);
    expect(matcher.match('Flexibility / Trust')).toMatchObject({
      kind: 'other',
      several: ['flexibility', 'trust'],
    });
    expect(matcher.match('Flexibility (Trust)')).toEqual({ kind: 'dimension', id: 'flexibility' });
    expect(matcher.match('Notizen — Flexibility & Trust')).toMatchObject({ kind: 'other' });
    expect(matcher.match('Notizen — Scope of this packet')).toMatchObject({ kind: 'other' });
    expect(matcher.match('Scope of this packet')).toMatchObject({ kind: 'other' });
  });
});
