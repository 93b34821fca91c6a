// The TypeScript types of the raw ladder (src/model/raw.ts) and the JSON Schema must not drift:
// the key lists below are checked against the types by the compiler (`satisfies`) and against
// the schema by the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawLadder, RawLevel } from '../../src/model/raw';
import { ROOT } from '../helpers/paths';

type Keys<T> = { readonly [K in keyof Required<T>]: true };

const ladderKeys = {
  id: true,
  title: true,
  version: true,
  description: true,
  cumulative: true,
  source: true,
  owners: true,
  evidence: true,
  groups: true,
  dimensions: true,
  levels: true,
  threads: true,
  signals: true,
  questions: true,
  areas: true,
  parts: true,
  sections: true,
  tracks: true,
  bands: true,
  ratings: true,
  abilities: true,
  roles: true,
} as const satisfies Keys<RawLadder>;

const levelKeys = {
  id: true,
  title: true,
  label: true,
  grade: true,
  track: true,
  band: true,
  formerly: true,
  aliases: true,
  theme: true,
  focus: true,
  summary: true,
  prose: true,
  transition: true,
  impact: true,
  influence: true,
  expectations: true,
  requires: true,
  abilities: true,
  points: true,
  next: true,
} as const satisfies Keys<RawLevel>;

type Schema = {
  properties: Record<string, unknown>;
  required?: string[];
  $defs: { level: { properties: Record<string, unknown>; required: string[] } };
};
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/ladder.schema.json'), 'utf8')) as Schema;

describe('raw types and schema agree', () => {
  it('on the keys of a ladder', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(ladderKeys).sort());
  });

  it('on the keys of a level', () => {
    expect(Object.keys(schema.$defs.level.properties).sort()).toEqual(
      Object.keys(levelKeys).sort(),
    );
  });

  it('on which keys are required', () => {
    expect(schema.required?.sort()).toEqual(['id', 'levels', 'title']);
    expect(schema.$defs.level.required.sort()).toEqual(['id', 'title']);
  });
});
