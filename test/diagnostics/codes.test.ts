// src/diagnostics/codes.ts lists every code once: each list holds exactly the codes its stage
// declares (the types keep a stage from declaring one that is not listed; this test keeps a list
// from holding one that no stage reports), and docs/diagnostics.md documents them all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DIAGNOSTIC_CODES,
  PACKET_CODES,
  PAGE_CODES,
  RULE_CODES,
  SCHEMA_CODES,
} from '../../src/diagnostics/codes';
import { RENDER_CODES } from '../../src/render/index';
import { CHECKS } from '../../src/review/checks/index';
import { STAGE_CODES } from '../../src/review/codes';
import { RULES } from '../../src/validate/rules/index';
import { ROOT } from '../helpers/paths';

const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();

describe('src/diagnostics/codes.ts', () => {
  it('lists the codes of the ladder rules, beside the schema codes they share', () => {
    const declared = RULES.map((r) => r.code);
    expect(
      sorted(declared.filter((c) => !(SCHEMA_CODES as readonly string[]).includes(c))),
    ).toEqual(sorted(RULE_CODES));
  });

  it('lists the codes of the packet review: its reading, its checks, the statuses', () => {
    expect(sorted([...STAGE_CODES, ...CHECKS].map((c) => c.code))).toEqual(sorted(PACKET_CODES));
  });

  it('lists the codes of the rendered pages', () => {
    expect(sorted(RENDER_CODES)).toEqual(sorted(PAGE_CODES));
  });

  it('holds each code once', () => {
    expect(DIAGNOSTIC_CODES).toEqual([...new Set(DIAGNOSTIC_CODES)]);
  });

  const docs = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');
  it.each(DIAGNOSTIC_CODES)('docs/diagnostics.md documents `%s`', (code) => {
    expect(docs).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });
});
