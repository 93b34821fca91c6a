// A list over its limit is counted in words that fit a plural place as well as a singular one
// ("the expectations for dimension `mastery` ... is over the limit" read wrong).
import { describe, expect, it } from 'vitest';
import { validateLadders } from '../../src/validate/index';

describe('a list over its limit', () => {
  it('says how many items the place may hold, at the list', () => {
    const statements = Array.from({ length: 501 }, (_, i) => `        - Statement ${i}.`).join(
      '\n',
    );
    const text = `id: demo\ntitle: Demo\nversion: 1.0.0\ndimensions:\n  - id: mastery\n    title: Mastery\nlevels:\n  - id: L1\n    title: Junior\n    expectations:\n      mastery:\n${statements}\n`;
    const { diagnostics } = validateLadders([{ path: 'demo.yml', bytes: Buffer.from(text) }]);
    expect(diagnostics).toMatchObject([
      {
        code: 'too-long',
        line: 12,
        column: 9,
        message:
          'There are more items in the expectations for dimension `mastery` in level L1 (Junior) than the limit of 500; remove some or split it up.',
      },
    ]);
  });
});
