// Nothing a user wrote acts in the log. Git allows a line break, ESC or a right-to-left override
// in a file name; the action prints packet paths (the log, annotations, the job summary, the
// outputs) and `ladder check --format github` prints diagnostics as workflow commands. A file
// named `a\n::stop-commands::zz\nb.md` must not silence later annotations, one named
// `b\n::notice ...::Packet approved\nc.md` must not forge an annotation, and no raw control or
// bidi character may reach any of them. The bundle runs as a process, as the runner runs it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, type RunResult } from '../action/harness';
import { baseWorkspace, openPullRequest } from '../action/scenario';
import { useActionSuite } from '../action/suite';
import { runCli } from '../helpers/cli';

/** File names that try to act: forge commands, drive the terminal, reverse what is read. */
export const HOSTILE_NAMES = [
  'a\n::stop-commands::zz\nb.md',
  'b\n::notice file=promotions/other.md,line=1,title=Approved by HR::Packet approved\nc.md',
  'c\r::warning::carriage return.md',
  'esc-\u001b[2J\u001b[31mred.md',
  'rlo-\u202Egpj.md',
  '::error::starts with a command.md',
] as const;

/** A raw control (but LF and tab), separator or bidi control. */
const RAW = /[^\P{Cc}\n\t]|[\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** The workflow commands in a log: every line that starts with `::` after white space. */
function commands(log: string): string[] {
  return log
    .split('\n')
    .map((l) => l.trimStart())
    .filter((l) => l.startsWith('::'))
    .map((l) => /^::([^ :]*)/.exec(l)?.[1] ?? '');
}

const packet = readFileSync(join(FIXTURES, 'pr-packet/promotions/rivera-dana-L2.md'));
const files = new Map(
  HOSTILE_NAMES.map((name) => [`promotions/${name}`, new Uint8Array(packet)] as const),
);

// The bundle as a process: what is tested is the stdout the runner reads workflow commands from.
const { api, ws, onPullRequest, onPullRequestTarget } = useActionSuite({ bundle: true });

function assertInert(result: RunResult): void {
  for (const [channel, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
    ['summary', result.summary],
    ['outputs', JSON.stringify(result.outputs)],
  ] as const)
    expect(RAW.test(text), `${channel}: ${JSON.stringify(text.match(RAW)?.[0])}`).toBe(false);
  for (const value of Object.values(result.outputs))
    expect(RAW.test(value), 'an output value').toBe(false);
  // Only the commands the action writes itself: no stop-commands, no forged notice.
  expect(new Set(commands(result.stdout))).toEqual(
    new Set(commands(result.stdout).filter((c) => ['error', 'warning', 'add-mask'].includes(c))),
  );
  expect(commands(result.stdout)).not.toContain('stop-commands');
  expect(commands(result.stdout)).not.toContain('notice');
  expect(result.stdout).not.toMatch(/^\s*::[a-z-]+[^\n]*Approved by HR/m);
}

describe('file names that try to act in the log', () => {
  it('under pull_request: reviewed, shown escaped, no command forged', async () => {
    const pr = openPullRequest(api, 71, { files });
    const result = await onPullRequest(pr);
    assertInert(result);
    const reviewed = JSON.parse(result.outputs.packets ?? '[]') as { path: string }[];
    // The outputs still name the real files (JSON escapes are read back as the characters).
    expect(reviewed.map((p) => p.path).sort()).toEqual(
      HOSTILE_NAMES.map((n) => `promotions/${n}`).sort(),
    );
    expect(result.stdout).toContain('promotions/a␊::stop-commands::zz␊b.md');
    expect(result.stdout).toContain('promotions/rlo-\\u{202E}gpj.md');
    expect(result.summary).toContain('esc-␛[2J␛[31mred.md');
  });

  it('under pull_request_target (read through the API): the same', async () => {
    const pr = openPullRequest(api, 72, { files, fork: 'mallory/ladders' });
    const result = await onPullRequestTarget(pr, { workspace: ws(baseWorkspace(pr)) });
    assertInert(result);
    expect(JSON.parse(result.outputs.packets ?? '[]')).toHaveLength(HOSTILE_NAMES.length);
  });
});

describe('ladder check --format github', () => {
  const root = mkdtempSync(join(tmpdir(), 'ladder-log-injection-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes every diagnostic as one command, with the names made visible', async () => {
    mkdirSync(join(root, 'ladders'));
    mkdirSync(join(root, 'promotions'));
    writeFileSync(
      join(root, 'ladders/demo.yml'),
      readFileSync(join(FIXTURES, 'base/ladders/demo.yml')),
    );
    // `check` validates the ladders (packets are judged on their pull request): invalid ladder
    // files, each with an error whose `file` is its hostile name.
    for (const name of HOSTILE_NAMES) {
      const full = join(root, 'ladders', name.replace(/\.md$/, '.yml'));
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, '[not, a, mapping]\n');
    }
    const result = await runCli(['check', '--format', 'github'], { cwd: root });
    expect(result.status).toBe(1);
    expect(RAW.test(result.stdout)).toBe(false);
    const lines = result.stdout.trimEnd().split('\n');
    expect(commands(result.stdout)).toHaveLength(lines.length);
    expect(new Set(commands(result.stdout))).toEqual(new Set(['error']));
    expect(
      new Set(lines.map((l) => /file=([^,]*)/.exec(l)?.[1]).filter((f) => f?.includes('.yml')))
        .size,
    ).toBeGreaterThanOrEqual(HOSTILE_NAMES.length);
  });
});
