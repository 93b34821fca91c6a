// The runner reads two forms of workflow command: `::name::data` at the start of a line, and the
// legacy `##[name key=value;]data` anywhere in one (actions/runner, ActionCommand.TryParse). The
// action prints packet paths in log lines (`  promotions/<name>: missing`), so a file named
// `##[stop-commands]zz.md` would pause command processing for the rest of the step (every later
// annotation lost), `##[error]…` would forge an annotation and `##[add-mask]…` hide a word.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logLine } from '../../src/report/visible';
import { FIXTURES, type RunResult } from '../action/harness';
import { baseWorkspace, openPullRequest } from '../action/scenario';
import { useActionSuite } from '../action/suite';
import { runCli } from '../helpers/cli';

/** File names that carry a legacy workflow command. */
const LEGACY_NAMES = [
  '##[stop-commands]zz.md',
  'x ##[error title=Approved by HR]Packet approved.md',
  '##[add-mask]missing.md',
  'y ###[set-output name=result;]pass.md',
] as const;

/**
 * The lines in which the runner would read a legacy command: `##[` anywhere in a line that is
 * not a `::` command (the runner tries the legacy form only when the `::` form does not parse).
 */
function legacyCommands(log: string): string[] {
  return log.split('\n').filter((l) => l.includes('##[') && !l.trimStart().startsWith('::'));
}

const packet = readFileSync(join(FIXTURES, 'pr-packet/promotions/rivera-dana-L2.md'));
const files = new Map(
  LEGACY_NAMES.map((name) => [`promotions/${name}`, new Uint8Array(packet)] as const),
);

const { api, ws, onPullRequest, onPullRequestTarget } = useActionSuite();

function assertNoLegacyCommand(result: RunResult): void {
  expect(legacyCommands(result.stdout)).toEqual([]);
  expect(legacyCommands(result.stderr)).toEqual([]);
  // The names are still in the log, readable.
  expect(result.stdout).toContain('promotions/#\\u{23}[stop-commands]zz.md');
}

describe('file names that carry a legacy workflow command (##[…])', () => {
  it('under pull_request: reviewed, named in the log, no command', async () => {
    const pr = openPullRequest(api, 81, { files });
    const result = await onPullRequest(pr);
    assertNoLegacyCommand(result);
    const reviewed = JSON.parse(result.outputs.packets ?? '[]') as { path: string }[];
    expect(reviewed.map((p) => p.path).sort()).toEqual(
      LEGACY_NAMES.map((n) => `promotions/${n}`).sort(),
    );
  });

  it('under pull_request_target: the same', async () => {
    const pr = openPullRequest(api, 82, { files, fork: 'mallory/ladders' });
    const result = await onPullRequestTarget(pr, { workspace: ws(baseWorkspace(pr)) });
    assertNoLegacyCommand(result);
  });

  it('logLine writes every ##[ so that the runner reads no command, overlapping ones too', () => {
    for (const text of ['##[error]x', 'a ###[error]x', '##[##[error]x]', '  ##[group]g'])
      expect(logLine(text)).not.toContain('##[');
    expect(logLine('promotions/##[add-mask]missing.md: missing')).toBe(
      'promotions/#\\u{23}[add-mask]missing.md: missing',
    );
  });
});

describe('the CLI in a workflow log', () => {
  it('prints no ##[ in its text output either (npx ladder review and check in a workflow)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ladder-legacy-'));
    try {
      cpSync(join(FIXTURES, 'base'), root, { recursive: true });
      mkdirSync(join(root, 'promotions'), { recursive: true });
      for (const name of LEGACY_NAMES) writeFileSync(join(root, 'promotions', name), packet);
      // A ladder line with `##[` is shown in a code frame.
      writeFileSync(
        join(root, 'ladders', 'broken.yml'),
        'id: broken\ntitle: "##[error]x"\nlevels: 3\n',
      );
      for (const args of [['review'], ['check'], ['validate']]) {
        const run = await runCli(args, { cwd: root });
        expect(run.stdout + run.stderr).toContain('#\\u{23}[');
        expect(legacyCommands(run.stdout), args.join(' ')).toEqual([]);
        expect(legacyCommands(run.stderr), args.join(' ')).toEqual([]);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
