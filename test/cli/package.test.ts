// The package as a user gets it: `npm pack`, installed from the tarball into an empty git
// repository without the network, then `npx ladder` run there as processes (bin/ladder.js and
// the built CLI, exit codes, stdout and stderr).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionlint } from '../helpers/actionlint';
import { ROOT } from '../helpers/paths';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

let packed: string[] = [];
let repo = '';

/** `npx --offline ladder ARGS` in the scratch repository (or a folder of it). */
function npx(args: readonly string[], cwd = repo) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const run = spawnSync('npx', ['--offline', 'ladder', ...args], { cwd, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'ladder-pack-'));
  // The CLI was built by the tests' global setup; --ignore-scripts keeps it as it is.
  const json = execFileSync(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', out],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const [result] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
  if (!result) throw new Error('npm pack printed no result');
  packed = result.files.map((f) => f.path);
  repo = join(out, 'repo');
  mkdirSync(repo);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  writeFileSync(join(repo, 'package.json'), '{ "name": "acme-ladders", "private": true }\n');
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', join(out, result.filename)],
    { cwd: repo, stdio: 'pipe' },
  );
}, 120_000);

describe('the packed package', () => {
  it('ships the built CLI, the schemas and the action, and nothing of the repository content', () => {
    for (const path of [
      'bin/ladder.js',
      'dist/cli.js',
      'schema/ladder.schema.json',
      'schema/config.schema.json',
      'schema/packet.schema.json',
      'action.yml',
      'action/dist/index.js',
      'package.json',
      'README.md',
    ])
      expect(packed, path).toContain(path);
    const stray = packed.filter((p) =>
      /^(test|ladders|promotions|bench|src|scripts|examples|docs|node_modules)\//.test(p),
    );
    expect(stray).toEqual([]);
  });

  it('needs nothing installed beside it: everything the CLI uses is bundled', () => {
    const manifest = JSON.parse(
      readFileSync(join(repo, 'node_modules/ladder-as-code/package.json'), 'utf8'),
    ) as { dependencies?: object; private?: boolean };
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
  });

  it('runs as npx ladder: version, init, then check from a subfolder', async () => {
    const v = npx(['--version']);
    expect(v.stdout).toBe(`${version}\n`);
    expect(v.status).toBe(0);
    const init = npx(['init']);
    expect(init.status).toBe(0);
    const check = npx(['check'], join(repo, 'ladders'));
    expect(check.stdout).toBe('No problems found.\n');
    expect(check.status).toBe(0);
    // The editor's schema: the modeline resolves to the installed package's schema.
    const ladder = join(repo, 'ladders/engineering.yml');
    const target = /\$schema=(\S+)/.exec(readFileSync(ladder, 'utf8'))?.[1] ?? '';
    expect(existsSync(resolve(dirname(ladder), target))).toBe(true);
    // The workflow it wrote uses the installed package as the action, and passes actionlint.
    const workflow = readFileSync(join(repo, '.github/workflows/ladders.yml'), 'utf8');
    expect(workflow).toContain('uses: ./node_modules/ladder-as-code\n');
    expect(existsSync(join(repo, 'node_modules/ladder-as-code/action.yml'))).toBe(true);
    expect(await actionlint(workflow)).toEqual([]);
  });

  it('exits 1 on problems and 2 on usage errors, with the message on the right stream', () => {
    writeFileSync(join(repo, 'ladders/broken.yml'), 'id: broken\ntitle: [unclosed\n');
    const broken = npx(['validate', 'ladders/broken.yml']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^ladders\/broken\.yml:\d+:\d+ {2}error {2}yaml-syntax/);
    expect(broken.stderr).toBe('');
    const typo = npx(['valdate']);
    expect(typo.status).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr.trim().split('\n')).toHaveLength(1);
    expect(typo.stderr).toContain('Did you mean `validate`?');
  });
});
