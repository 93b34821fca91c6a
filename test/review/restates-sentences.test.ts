// Copies of one sentence of an expectation, or of an expectation without its example in
// brackets, restate it as much as a copy of the whole does; evidence that quotes a sentence in
// its own words does not.
import { describe, expect, it } from 'vitest';
import { parsePacketText } from '../../src/packet/parse';
import type { PacketItem } from '../../src/packet/types';
import { restates } from '../../src/review/coverage';
import { statement } from './helpers';

const STATEMENTS = [
  statement(
    'Proficient in multiple areas of expertise (e.g. networking, configuration management, containers, orchestration), and fully understands common processes and procedures.',
    'proficient',
  ),
  statement(
    'Sets their own direction and works with little to no oversight or help. Conceptualizes new work to be done, steps to get there, and then executes the steps to complete it.',
    'direction',
  ),
  statement(
    'Plans individual projects. Contributes to cycle planning. Identifies work without having it assigned.',
    'plans',
  ),
];

/** The evidence item `- text` as the packet reader reads it. */
const item = (text: string): PacketItem => {
  const body = parsePacketText('p.md', `---\nto: L2\n---\n\n## Craft\n\n- ${text}\n`).body;
  const block = body?.blocks.find((b) => b.kind === 'list');
  const found = block?.kind === 'list' ? block.items[0] : undefined;
  if (!found) throw new Error(`no item in ${text}`);
  return found;
};

describe('restates, by sentence and without brackets', () => {
  it.each([
    [
      'an expectation without its example in brackets',
      'Proficient in multiple areas of expertise, and fully understands common processes and procedures ([PR](https://github.com/acme/infra/pull/1))',
    ],
    [
      'one sentence with a word changed',
      'Sets my own direction and works with little to no oversight or help. (#16)',
    ],
    [
      'one sentence with two words added',
      'Contributes to cycle planning. See [plan](https://github.com/acme/plan/pull/3)',
    ],
    [
      'two sentences, one reworded',
      'Sets my own direction and works with little to no oversight or help. Conceptualizes new work to be done, steps to get there, and then executes the steps to complete it.',
    ],
  ])('recognises %s', (_, text) => {
    expect(restates(item(text), STATEMENTS)).toBe(true);
  });

  it.each([
    [
      'a sentence followed by what was done',
      'Contributes to cycle planning: pitched the backup verification work for 2026-H1 (#41)',
    ],
    [
      'evidence that shares the words of a sentence',
      'Set my own direction on the alerting cleanup and shipped it with no status checks (#16)',
    ],
    ['a short sentence of three words', 'Plans individual projects (#3)'],
  ])('leaves %s alone', (_, text) => {
    expect(restates(item(text), STATEMENTS)).toBe(false);
  });
});
