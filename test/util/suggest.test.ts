// "Did you mean": close names only, levels by the ladder's order, and whole sentences.
import { describe, expect, it } from 'vitest';
import {
  closest,
  closestLevel,
  didYouMean,
  didYouMeanOr,
  editDistance,
  knownList,
} from '../../src/util/suggest';

describe('suggestions', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('judgement', 'judgment')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('suggests close names, and a name cut short, but nothing absurd', () => {
    expect(closest('expectation', ['expectations', 'requires'])).toBe('expectations');
    expect(closest('plan', ['planned'])).toBe('planned');
    expect(closest('gruop', ['id', 'title', 'group'])).toBe('group');
    expect(closest('cat', ['bad'])).toBeUndefined();
    expect(closest('x', ['y'])).toBeUndefined();
    expect(closest('description', ['id', 'title', 'theme', 'summary'])).toBeUndefined();
    // Two as close: no guess.
    expect(closest('skil', ['skill', 'skid'])).toBeUndefined();
  });

  it('suggests the level next in the ladder order, or none when it is far away', () => {
    const levels = ['B1', 'B2', 'B3', 'B4', 'B5'];
    expect(closestLevel('B6', levels)).toBe('B5');
    expect(closestLevel('B0', levels)).toBe('B1');
    expect(closestLevel('B7', levels)).toBeUndefined();
    expect(closestLevel('b3', levels)).toBe('B3');
    expect(closestLevel('L33', ['L1', 'L2', 'L3'])).toBe('L3');
    expect(closestLevel('senoir', ['junior', 'senior', 'staff'])).toBe('senior');
  });

  it('writes sentences', () => {
    expect(
      `Unknown ladder \`engineering-managers\`.${didYouMean('engineering-managers', ['engineering-manager'])}`,
    ).toBe('Unknown ladder `engineering-managers`. Did you mean `engineering-manager`?');
    expect(didYouMeanOr('zzz', ['mastery'], 'Define it under `dimensions`.')).toBe(
      ' Define it under `dimensions`.',
    );
    expect(knownList('levels', ['L1', 'L2'], 'None.')).toBe(' The levels are `L1`, `L2`.');
    expect(knownList('roles', ['ops-engineer'], 'None.')).toBe(' The only role is `ops-engineer`.');
    expect(knownList('abilities', ['ops-skill'], 'None.')).toBe(
      ' The only ability is `ops-skill`.',
    );
    expect(knownList('levels above `L4`', ['L5'], 'None.')).toBe(
      ' The only level above `L4` is `L5`.',
    );
    expect(knownList('levels', [], 'It has no levels.')).toBe(' It has no levels.');
  });
});

describe('knownList of ids written twice', () => {
  it('lists each id once, as a ladder with a duplicate level id has it twice', () => {
    expect(knownList('levels', ['E1', 'E2', 'E1'], 'None.')).toBe(' The levels are `E1`, `E2`.');
    expect(knownList('levels', ['E1', 'E1'], 'None.')).toBe(' The only level is `E1`.');
  });
});
