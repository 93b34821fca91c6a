// Path safety: nothing a repository holds or a command line names makes the CLI read or write
// outside the repository. Paths given as arguments, the folders in ladder.config.yml, `--out`,
// values in a packet's front matter that look like paths, and links in packets: each is tried
// against files outside the repository that hold a canary, through `..`, absolute paths and
// symbolic links (a link as the file itself, or as a folder on the way). No canary may show up in
// any output, and the outside folder must be exactly as it was.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { FILE_MESSAGES } from '../../src/diagnostics/file-messages';
import type { PacketReview } from '../../src/review/index';
import { FIXTURES } from '../helpers/paths';
import { type Scratch, scratch } from './corpus';
import { expectClean, runCliAsync, type TimedRun } from './run';

let area: Scratch;
let before: string;

/** Every file under a folder with its size and modification time, to see that nothing changed. */
function snapshot(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else out.push(`${full} ${info.size} ${info.mtimeMs}`);
    }
  };
  walk(dir);
  return out.join('\n');
}

/** A repository with the demo ladder, a packet, a link to the outside folder, and `config`. */
function repo(name: string, config?: string): string {
  const root = join(area.root, name);
  mkdirSync(join(root, 'ladders'), { recursive: true });
  cpSync(join(FIXTURES, 'action/base/ladders/demo.yml'), join(root, 'ladders/demo.yml'));
  cpSync(join(FIXTURES, 'action/pr-packet/promotions'), join(root, 'promotions'), {
    recursive: true,
  });
  symlinkSync(join(area.outside, 'folder'), join(root, 'linkdir'));
  if (config !== undefined) writeFileSync(join(root, 'ladder.config.yml'), config);
  return root;
}

async function cli(args: readonly string[], cwd: string, statuses = [1, 2]): Promise<TimedRun> {
  const run = await runCliAsync(args, cwd);
  expectClean(run, statuses);
  return run;
}

beforeAll(() => {
  area = scratch('ladder-paths-');
  before = snapshot(area.outside);
});

afterAll(() => {
  if (area) {
    // Nothing was written, moved or touched outside the repositories.
    expect(snapshot(area.outside)).toBe(before);
    rmSync(area.root, { recursive: true, force: true });
  }
});

describe('path arguments', () => {
  it.each([
    ['validate', '../outside/secret.yml'],
    ['validate', 'ladders/../../outside/secret.yml'],
    ['validate', 'linkdir'],
    ['validate', 'linkdir/secret.yml'],
    ['review', '../outside/secret.md'],
    ['review', 'linkdir/secret.md'],
  ])('`ladder %s %s` is refused', async (command, path) => {
    const root = repo(`args-${command}-${path.replace(/\W+/g, '-')}`);
    const run = await cli([command, path, '--format', 'json'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('outside-repository');
  });

  it('an absolute path outside is refused', async () => {
    const root = repo('args-absolute');
    const run = await cli(['validate', join(area.outside, 'secret.yml')], root);
    expect(run.stdout).toContain('outside-repository');
    // In the words the action uses too (action/src/files.ts).
    const json = await cli(
      ['validate', join(area.outside, 'secret.yml'), '--format', 'json'],
      root,
    );
    const { diagnostics } = JSON.parse(json.stdout) as { diagnostics: Diagnostic[] };
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'outside-repository',
        `${FILE_MESSAGES.outside} The repository root is ${realpathSync(root)}.`,
      ],
    ]);
  });
});

describe('folders in ladder.config.yml', () => {
  it.each([
    ['ladders: ../outside\n', ['validate']],
    ['ladders: /etc\n', ['validate']],
    ['pages: ../outside\n', ['render']],
    ['packets: ../outside/folder\n', ['check']],
  ])('`%s` is a config error, and the defaults are used', async (config, args) => {
    const root = repo(`config-${config.replace(/\W+/g, '-')}`, config);
    const run = await cli([...args], root);
    expect(run.stdout).toMatch(/ladder\.config\.yml:1:\d+ {2}error/);
  });

  it('a ladder.config.yml that is a link out, or points nowhere, is reported and not read', async () => {
    const out = repo('config-file-link-out');
    symlinkSync(join(area.outside, 'secret.yml'), join(out, 'ladder.config.yml'));
    const outRun = await cli(['validate'], out);
    expect(outRun.stdout).toMatch(/ladder\.config\.yml:1:1 {2}error {2}outside-repository/);
    const dangling = repo('config-file-link-dangling');
    symlinkSync(join(area.outside, 'missing.yml'), join(dangling, 'ladder.config.yml'));
    const danglingRun = await cli(['validate'], dangling);
    expect(danglingRun.stdout).toMatch(/ladder\.config\.yml:1:1 {2}error {2}unreadable-file/);
  });

  it('a ladders folder that is a link out is not read', async () => {
    const root = repo('config-ladders-link', 'ladders: linkdir\n');
    const run = await cli(['validate'], root);
    expect(run.stdout).toContain('outside-repository');
  });

  it('a packets folder that is a link out is not read', async () => {
    const root = repo('config-packets-link', 'packets: linkdir\n');
    const run = await cli(['review', '--format', 'json'], root);
    const { packets } = JSON.parse(run.stdout) as { packets: PacketReview[] };
    expect(packets.map((p) => [p.path, p.verdict, p.findings[0]?.code])).toEqual([
      ['linkdir', 'invalid', 'outside-repository'],
    ]);
  });

  it('a pages folder that is a link out is not written, nor checked', async () => {
    const root = repo('config-pages-link', 'pages: linkdir\n');
    for (const command of ['render', 'check']) {
      const run = await cli([command], root);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('linkdir:1:1  error  outside-repository');
      expect(run.stdout).toContain(`The repository root is ${root}.`);
    }
  });
});

describe('--out', () => {
  it.each([['../out'], ['linkdir'], ['linkdir/pages']])(
    '`ladder render --out %s` is refused as outside-repository, naming the root',
    async (out) => {
      const root = repo(`render-out-${out.replace(/\W+/g, '-')}`);
      const run = await cli(['render', '--out', out], root);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`${out}:1:1  error  outside-repository`);
      expect(run.stdout).toContain(`The repository root is ${root}.`);
    },
  );

  it('`ladder render --out .` (the root itself) is a usage error', async () => {
    const root = repo('render-out-root');
    const run = await cli(['render', '--out', '.'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`not its root (${root})`);
  });

  it('`ladder render --out` an absolute folder outside is refused', async () => {
    const root = repo('render-out-absolute');
    const run = await cli(['render', '--out', join(area.outside, 'pages')], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('outside-repository');
    expect(existsSync(join(area.outside, 'pages'))).toBe(false);
  });

  it('a folder inside the pages that is a link out is not written through', async () => {
    const root = repo('render-inner-link');
    mkdirSync(join(root, 'docs/ladders'), { recursive: true });
    symlinkSync(join(area.outside, 'folder'), join(root, 'docs/ladders/demo'));
    const run = await cli(['render'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('docs/ladders/demo/README.md:1:1  error  outside-repository');
    expect(run.stdout).toContain('A symbolic link leads this path outside the repository');
  });

  it.each([['../x.md'], ['linkdir/x.md']])(
    '`ladder new-packet --out %s` is refused',
    async (out) => {
      const root = repo(`new-packet-${out.replace(/\W+/g, '-')}`);
      const run = await cli(['new-packet', '--ladder', 'demo', '--to', 'L2', '--out', out], root);
      expect(run.stdout).not.toContain('Wrote');
    },
  );

  it('a candidate name that climbs out still gives a file inside promotions/', async () => {
    const root = repo('new-packet-candidate');
    const run = await cli(
      ['new-packet', '--ladder', 'demo', '--to', 'L2', '--candidate', '../../../../outside/evil'],
      root,
      [0],
    );
    expect(run.stdout).toContain('Wrote promotions/outside-evil-demo-l2.md');
    expect(existsSync(join(root, 'promotions/outside-evil-demo-l2.md'))).toBe(true);
  });
});

describe('paths inside packets', () => {
  it('front matter values that look like paths are only names', async () => {
    const root = repo('front-matter-paths');
    writeFileSync(
      join(root, 'promotions/paths.md'),
      `---\ncandidate: ../../outside/secret\nladder: ../../outside/secret\nfrom: /etc/passwd\nto: ../outside/folder/secret\n---\n\n## Mastery\n\n- x\n`,
    );
    const run = await cli(['review', 'promotions/paths.md', '--format', 'json'], root);
    const { packets } = JSON.parse(run.stdout) as { packets: PacketReview[] };
    expect(packets[0]?.verdict).toBe('invalid');
  });

  it('links out of the repository are never followed, and a file: link is no evidence', async () => {
    const root = repo('packet-links');
    cpSync(
      join(FIXTURES, 'hostile/packets/links-outside.md'),
      join(root, 'promotions/links-outside.md'),
    );
    writeFileSync(
      join(root, 'promotions/file-link.md'),
      `---\ncandidate: x\nladder: demo\nfrom: L1\nto: L2\n---\n\n## Mastery\n\n- Notes ([notes](file://${join(area.outside, 'secret.md')}))\n\n## Judgment\n\n- See [secret](${join(area.outside, 'secret.md')})\n`,
    );
    const run = await cli(['review', '--format', 'json'], root, [0, 1]);
    const { packets } = JSON.parse(run.stdout) as { packets: PacketReview[] };
    const fileLink = packets.find((p) => p.path === 'promotions/file-link.md');
    expect(fileLink?.dimensions.find((d) => d.id === 'mastery')?.status).toBe('thin');
    const text = await cli(['review'], root, [0, 1]);
    expect(text.stdout).toContain('promotions/links-outside.md');
    expect(readFileSync(join(area.outside, 'secret.md'), 'utf8')).toContain('Mastery');
  });
});

describe('links into .git', () => {
  // `.git` is inside the root but is git's own store, never walked; its config can hold the
  // checkout's token (actions/checkout writes it there unless `persist-credentials: false`).
  it('a ladder, a packet or a folder that is a link into .git is reported and not read', async () => {
    const root = repo('git-links');
    mkdirSync(join(root, '.git'));
    const canary = '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic gitcanary\n';
    writeFileSync(join(root, '.git/config'), canary);
    symlinkSync('../.git/config', join(root, 'ladders/config.yml'));
    symlinkSync('../.git/config', join(root, 'promotions/config.md'));
    symlinkSync('.git', join(root, 'gitdir'));
    const runs = [
      await cli(['validate', '--format', 'json'], root),
      await cli(['review', 'promotions/config.md'], root),
      await cli(['validate', 'gitdir/config', '--format', 'json'], root),
    ];
    for (const run of runs) {
      expect(run.stdout).toContain('outside-repository');
      expect(run.stdout + run.stderr).not.toMatch(/gitcanary|extraheader|AUTHORIZATION/);
    }
  });
});
