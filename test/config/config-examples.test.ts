// docs/diagnostics.md shows the mistakes most often made in ladder.config.yml and the message
// each gets: the files under test/fixtures/config-examples, each named after the code it gets
// (`invalid-value-cycle.yml`: `invalid-value`), read as the config file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, parseConfig } from '../../src/config/config';
import { checkSection, type Example, linesAt } from '../helpers/doc-examples';
import { FIXTURES } from '../helpers/paths';

const FOLDER = join(FIXTURES, 'config-examples');
/** The order they are shown in: reading, then the schema, then the settings' own checks. */
const ORDER = [
  'yaml-syntax',
  'missing-key',
  'unknown-key',
  'unknown-key-rules',
  'wrong-type',
  'invalid-value-rules',
  'invalid-value-trackers',
  'invalid-value-cycle',
];

describe('docs/diagnostics.md examples of the config file', () => {
  it('shows each bad config with the message it gets today', () => {
    const names = readdirSync(FOLDER).map((n) => n.replace(/\.yml$/, ''));
    expect([...names].sort()).toEqual([...ORDER].sort());
    const examples = new Map<string, Example>();
    for (const name of ORDER) {
      const text = readFileSync(join(FOLDER, `${name}.yml`), 'utf8');
      const { diagnostics } = parseConfig(CONFIG_FILE, Buffer.from(text));
      const diagnostic = diagnostics[0];
      expect(diagnostics, name).toHaveLength(1);
      expect(diagnostic && name.startsWith(diagnostic.code), name).toBe(true);
      if (!diagnostic) continue;
      examples.set(name, {
        input: linesAt(text, diagnostic.line),
        diagnostic,
        code: diagnostic.code,
      });
    }
    checkSection('config', 'test/config/config-examples.test.ts', examples, ORDER);
  });
});
