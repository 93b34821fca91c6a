// The CLI's conventions, in process: help that lists every option with its default and an
// example, one-line usage errors with a did-you-mean (exit 2), the repository root found from any
// folder, paths relative to the current folder, one file checked against the whole repository,
// and `ladder diff` on the default branch.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli/args';
import { runCli } from '../helpers/cli';
import { FIXTURES, ROOT } from '../helpers/paths';

const COMMANDS = ['check', 'diff', 'health', 'init', 'new-packet', 'render', 'review', 'validate'];

/** A scratch copy of the two-ladder fixture: backend.yml advances to manager.yml's M1. */
function twoLadders(options: { git?: boolean; config?: boolean } = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ladder-conv-')));
  cpSync(join(FIXTURES, 'cli/two-ladders'), dir, { recursive: true });
  if (options.git) execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  if (options.config) writeFileSync(join(dir, 'ladder.config.yml'), 'ladders: ladders\n');
  return dir;
}

/** Runs git in `dir` with a throwaway identity (commits need one). */
function gitIn(dir: string, ...args: string[]): Buffer {
  return execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
  });
}

describe('help', () => {
  it.each(COMMANDS)(
    '`ladder help %s` (and the command with --help) lists every option with its default and an example',
    async (name) => {
      const viaHelp = await runCli(['help', name]);
      const viaFlag = await runCli([name, '--help']);
      expect(viaHelp.status).toBe(0);
      expect(viaFlag.stdout).toBe(viaHelp.stdout);
      const { spec } = (await import(`../../src/cli/commands/${name}.ts`)) as {
        spec: Parameters<typeof commandHelp>[1];
      };
      expect(viaHelp.stdout).toBe(commandHelp(name, spec));
      for (const option of Object.keys(spec.options)) {
        const row = viaHelp.stdout.split('\n').find((l) => l.trimStart().startsWith(`--${option}`));
        expect(row, `--${option}`).toMatch(/Default: .+\.$/);
      }
      expect(viaHelp.stdout).toMatch(/\nExample:\n {2}npx ladder \S/);
    },
  );

  it('`ladder help health` names the environment variable it reads', async () => {
    const run = await runCli(['help', 'health']);
    expect(run.stdout).toMatch(
      /\nEnvironment:\n {2}SOURCE_DATE_EPOCH +The report date, in whole seconds/,
    );
  });

  it('names every environment variable a command reads: its own in its help, the rest in `ladder help`', async () => {
    /** The variables a source file reads (`env.NAME`, `env['NAME']`, or a name in a list of them). */
    const read = (file: string) => {
      const text = readFileSync(join(ROOT, 'src/cli', file), 'utf8');
      return [...text.matchAll(/env(?:\.|\[')([A-Z][A-Z0-9_]+)|'([A-Z][A-Z0-9_]+)'/g)]
        .map((m) => m[1] ?? m[2] ?? '')
        .filter((name) => /^(GITHUB|GH|GIT|LADDER|SOURCE|NO|FORCE|TERM)(_|$)/.test(name));
    };
    const own: Record<string, string[]> = {
      review: ['commands/review.ts', 'github.ts'],
      health: ['commands/health.ts', 'source-date.ts'],
    };
    for (const name of COMMANDS) {
      const help = (await runCli(['help', name])).stdout;
      const environment = help.split('\nEnvironment:\n')[1]?.split('\n\n')[0] ?? '';
      const wanted = new Set((own[name] ?? [`commands/${name}.ts`]).flatMap(read));
      const listed = [...environment.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]);
      expect(listed, name).toEqual(expect.arrayContaining([...wanted]));
      expect(wanted.size === 0, name).toBe(environment === '');
    }
    expect(read('github.ts')).toEqual(
      expect.arrayContaining(['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_API_URL']),
    );
    const general = (await runCli(['help'])).stdout;
    for (const file of ['main.ts', 'format.ts', 'root.ts'])
      for (const variable of read(file)) expect(general, variable).toContain(variable);
  });

  it('`ladder help` lists every command and how to get its options', async () => {
    const run = await runCli(['help']);
    expect(run.status).toBe(0);
    for (const name of COMMANDS) expect(run.stdout).toContain(`\n  ${name} `);
    expect(run.stdout).toContain('ladder help COMMAND');
    expect(run.stdout).toMatch(
      /Exit status: 0 ok, 1 problems found, 2 usage error,\s+3 internal error/,
    );
  });
});

describe('usage errors: one line, a did-you-mean, exit 2', () => {
  it.each([
    [
      ['valdate'],
      'ladder: unknown command `valdate`. Did you mean `validate`? Run `ladder help` for the commands.',
    ],
    [
      ['help', 'reveiw'],
      'ladder: unknown command `reveiw`. Did you mean `review`? Run `ladder help` for the commands.',
    ],
    [
      ['validate', '--fromat', 'json'],
      'ladder validate: unknown option `--fromat`. Did you mean `--format`? See `ladder help validate`.',
    ],
    [
      ['render', '--chek'],
      'ladder render: unknown option `--chek`. Did you mean `--check`? See `ladder help render`.',
    ],
    [
      ['check', '--zzzzzzzz'],
      'ladder check: unknown option `--zzzzzzzz`. See `ladder help check`.',
    ],
    [
      ['validate', '--format'],
      'ladder validate: `--format` needs a value: `--format text|json|github`. See `ladder help validate`.',
    ],
    [
      ['validate', '--format', '--colour'],
      'ladder validate: `--format` needs a value (`--format text|json|github`), not the option `--colour`; for a value that starts with `-`, write `--format=--colour`. See `ladder help validate`.',
    ],
    [
      ['validate', '--format', 'yaml'],
      'ladder validate: unknown format `yaml`; use one of: text, json, github. See `ladder help validate`.',
    ],
    [
      ['check', 'extra-arg'],
      'ladder check: unexpected argument `extra-arg`: this command takes options only. See `ladder help check`.',
    ],
    [
      ['render', '--check=yes'],
      'ladder render: `--check` takes no value; write it alone. See `ladder help render`.',
    ],
  ])('ladder %j', async (args, line) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.stdout).toBe('');
  });
});

describe('the repository root', () => {
  it('is found from a subfolder: the nearest ladder.config.yml upward', async () => {
    const dir = twoLadders({ config: true });
    mkdirSync(join(dir, 'docs/notes'), { recursive: true });
    const run = await runCli(['validate', '--format', 'json'], { cwd: join(dir, 'docs/notes') });
    const files = (JSON.parse(run.stdout).diagnostics as { file: string }[]).map((d) => d.file);
    expect(files).toEqual(['ladders/manager.yml']);
  });

  it('is the git top level when there is no config', async () => {
    const dir = twoLadders({ git: true });
    const run = await runCli(['validate', '--format', 'json'], { cwd: join(dir, 'ladders') });
    expect((JSON.parse(run.stdout).diagnostics as { file: string }[])[0]?.file).toBe(
      'ladders/manager.yml',
    );
  });

  it('finds the git top level without running git, through a worktree’s `.git` file too', async () => {
    const dir = twoLadders({ git: true });
    const git = (...args: string[]) => gitIn(dir, ...args);
    git('add', '-A');
    git('commit', '-qm', 'Ladders');
    const worktree = join(dir, 'wt');
    git('worktree', 'add', '-q', '-b', 'other', worktree);
    // A git on the PATH that only writes down that it ran.
    const bin = mkdtempSync(join(tmpdir(), 'ladder-conv-bin-'));
    writeFileSync(join(bin, 'git'), `#!/bin/sh\ntouch "${bin}/ran"\nexit 1\n`, { mode: 0o755 });
    const env = { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
    for (const [top, from] of [
      [dir, join(dir, 'ladders')],
      [worktree, join(worktree, 'ladders')],
    ] as const) {
      const outside = await runCli(['validate', '../..', '--format', 'json'], { cwd: from, env });
      const [problem] = JSON.parse(outside.stdout).diagnostics as { message: string }[];
      expect(problem?.message).toContain(`The repository root is ${top}.`);
    }
    expect(existsSync(join(bin, 'ran'))).toBe(false);
    rmSync(bin, { recursive: true, force: true });
  });

  it('takes paths relative to the current folder, and refuses one outside, naming the root', async () => {
    const dir = twoLadders({ git: true });
    const inside = await runCli(['validate', 'manager.yml', '--format', 'json'], {
      cwd: join(dir, 'ladders'),
    });
    expect((JSON.parse(inside.stdout).diagnostics as { file: string }[])[0]?.file).toBe(
      'ladders/manager.yml',
    );
    const outside = await runCli(['validate', '../..', '--format', 'json'], {
      cwd: join(dir, 'ladders'),
    });
    expect(outside.status).toBe(1);
    const [problem] = JSON.parse(outside.stdout).diagnostics as { code: string; message: string }[];
    expect(problem?.code).toBe('outside-repository');
    expect(problem?.message).toContain(`The repository root is ${dir}.`);
  });
});

describe('checking one file', () => {
  it('checks it against the whole repository and prints only its own problems', async () => {
    const dir = twoLadders({ git: true });
    const backend = await runCli(['validate', 'ladders/backend.yml'], { cwd: dir });
    // manager/M1 resolves from ladders/manager.yml, whose own error is not printed here.
    expect(backend.stdout).toBe('No problems found.\n');
    expect(backend.status).toBe(0);
    const manager = await runCli(['validate', 'ladders/manager.yml', '--format', 'json'], {
      cwd: dir,
    });
    expect(
      (JSON.parse(manager.stdout).diagnostics as { code: string; file: string }[]).map(
        (d) => `${d.file} ${d.code}`,
      ),
    ).toEqual(['ladders/manager.yml unknown-dimension']);
    expect(manager.status).toBe(1);
  });

  it('reports a copy of a ladder in the ladders folder on the copy, whichever file is checked', async () => {
    const dir = twoLadders({ git: true });
    cpSync(join(dir, 'ladders/backend.yml'), join(dir, 'ladders/copy.YML'));
    mkdirSync(join(dir, 'ladders/team'));
    cpSync(join(dir, 'ladders/backend.yml'), join(dir, 'ladders/team/backend.yml'));
    const problems = async (...paths: string[]) => {
      const run = await runCli(['validate', ...paths, '--format', 'json'], { cwd: dir });
      return (JSON.parse(run.stdout).diagnostics as { code: string; file: string }[])
        .filter((d) => d.code !== 'unknown-dimension')
        .map((d) => `${d.file} ${d.code}`);
    };
    const copies = [
      'ladders/copy.YML duplicate-id',
      'ladders/copy.YML file-name-mismatch',
      'ladders/team/backend.yml duplicate-id',
    ];
    // The file named after the id keeps it: the copies are blamed, in the full run and when
    // each file is checked on its own against the others.
    expect(await problems()).toEqual(copies);
    expect(await problems('ladders/backend.yml')).toEqual([]);
    expect(await problems('ladders/copy.YML')).toEqual(copies.slice(0, 2));
    expect(await problems('ladders/team/backend.yml')).toEqual(copies.slice(2));
  });

  it('a copy kept outside the ladders folder stands in for the ladder of the same name', async () => {
    const dir = twoLadders({ git: true });
    mkdirSync(join(dir, 'drafts'));
    cpSync(join(dir, 'ladders/backend.yml'), join(dir, 'drafts/backend.yml'));
    const run = await runCli(['validate', 'drafts/backend.yml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe('ladder diff on the default branch', () => {
  it('compares with the commit before HEAD, and says so', async () => {
    const dir = twoLadders({ git: true });
    const git = (...args: string[]) => gitIn(dir, ...args);
    const manager = join(dir, 'ladders/manager.yml');
    writeFileSync(manager, readFileSync(manager, 'utf8').replace('peeple', 'people'));
    git('add', '-A');
    git('commit', '-qm', 'Ladders: first');
    const first = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
    const backend = join(dir, 'ladders/backend.yml');
    writeFileSync(
      backend,
      readFileSync(backend, 'utf8')
        .replace('version: 1.0.0', 'version: 1.1.0')
        .replace('Ships small changes safely.', 'Ships small changes safely, with tests.'),
    );
    git('commit', '-qam', 'Ladders: reword B1');
    const run = await runCli(['diff', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(run.stdout) as { base: { ref: string; sha: string } };
    expect(json.base.sha).toBe(first);
    expect(json.base.ref).toContain('HEAD~1');
    const text = await runCli(['diff'], { cwd: dir });
    expect(text.stdout).toContain(first.slice(0, 7));
    expect(text.stdout).not.toContain('No changes');
  });
});
