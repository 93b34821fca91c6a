// Every packet code is documented in docs/diagnostics.md with its severity; the front matter
// type and its schema name the same keys.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packetSchema from '../../schema/packet.schema.json';
import type { FrontMatter } from '../../src/packet/types';
import { CHECKS } from '../../src/review/checks/index';
import { STAGE_CODES } from '../../src/review/codes';
import { ROOT } from '../helpers/paths';

describe('documentation of packet codes', () => {
  const docs = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Promotion packets'));
  it.each([...STAGE_CODES, ...CHECKS].map((c) => [c.code, c.severity] as const))(
    '%s',
    (code, severity) => {
      expect(section).toContain(`| \`${code}\` | ${severity} |`);
    },
  );

  it('has unique codes', () => {
    const codes = [...STAGE_CODES, ...CHECKS].map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('the packet schema and the FrontMatter type', () => {
  it('name the same keys, and every key is described', () => {
    const keys: Record<keyof FrontMatter, true> = {
      candidate: true,
      github: true,
      ladder: true,
      from: true,
      to: true,
      cycle: true,
      sponsor: true,
      role: true,
      milestones: true,
    };
    expect(Object.keys(packetSchema.properties).sort()).toEqual(Object.keys(keys).sort());
    expect(packetSchema.additionalProperties).toBe(false);
    for (const value of Object.values(packetSchema.properties))
      expect(typeof value.description).toBe('string');
  });
});
