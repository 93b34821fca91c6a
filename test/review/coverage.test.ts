// Which items only restate an expectation (`restates`), on each of the ways it recognises one.
import { describe, expect, it } from 'vitest';
import { parsePacketText } from '../../src/packet/parse';
import type { PacketItem } from '../../src/packet/types';
import { restates } from '../../src/review/coverage';
import { statement } from './helpers';

const STATEMENTS = [
  statement('Plans and runs upgrades of production databases without downtime', 'upgrades'),
  statement('Leads incident reviews for the whole team', 'reviews'),
  statement('Short one', 'short'),
];

/** The evidence item `- text` (or `1. text`, as written) as the packet reader reads it. */
const item = (text: string): PacketItem => {
  const line = /^\d+\. /.test(text) ? text : `- ${text}`;
  const body = parsePacketText('p.md', `---\nto: L2\n---\n\n## Craft\n\n${line}\n`).body;
  const block = body?.blocks.find((b) => b.kind === 'list');
  const found = block?.kind === 'list' ? block.items[0] : undefined;
  if (!found) throw new Error(`no item in ${text}`);
  return found;
};

describe('restates', () => {
  it.each([
    [
      'an expectation word for word',
      'Plans and runs upgrades of production databases without downtime.',
    ],
    ['part of an expectation of 30 characters or more', 'runs upgrades of production databases'],
    ['a scaffold hint left in place', '1. Leads incident reviews for the whole team (id: reviews)'],
    [
      'two expectations together',
      'Leads incident reviews for the whole team; plans and runs upgrades of production databases without downtime',
    ],
    [
      'an expectation with three words added',
      'I always personally Leads incident reviews for the whole team',
    ],
    [
      'an expectation with one word missing',
      'Plans and runs upgrades of databases without downtime',
    ],
    [
      'an expectation with one word changed',
      'Plans and runs upgrades of staging databases without downtime',
    ],
    [
      'an expectation with two words added',
      'Plans and runs all upgrades of production databases without any downtime',
    ],
  ])('recognises %s', (_, text) => {
    expect(restates(item(text), STATEMENTS)).toBe(true);
  });

  it.each([
    [
      'evidence in its own words',
      'Upgraded the orders database to Postgres 16 with a 4-second cutover',
    ],
    [
      'an expectation with four words added',
      'I always Leads incident reviews for the whole team, every week',
    ],
    ['an expectation with two words missing', 'Plans and runs upgrades of databases without'],
    [
      'an expectation with three words changed',
      'Plans and runs migrations of staging systems without downtime',
    ],
    ['a short text', 'Short one'],
  ])('leaves %s alone', (_, text) => {
    expect(restates(item(text), STATEMENTS)).toBe(false);
  });
});
