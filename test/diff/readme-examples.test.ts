// The manual's `ladder diff` and `ladder health` examples are the real output of the golden
// scenarios; this keeps them in step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/paths';

const readme = ['docs/ladder-changes.md', 'docs/health.md']
  .map((page) => readFileSync(join(ROOT, page), 'utf8'))
  .join('\n');

describe('docs examples', () => {
  it.each(['diff/scenario/expected.txt', 'health/expected.txt'])('shows %s as it is', (golden) => {
    expect(readme).toContain(`\`\`\`text\n${readFileSync(join(FIXTURES, golden), 'utf8')}\`\`\``);
  });
});
