/**
 * End-to-end tests of the action against the GitHub REST API stand-in on 127.0.0.1: its entry
 * logic in this process, and in the scenarios marked `bundle: true` the committed bundle
 * (action/dist/index.js) run as the runner runs it, as a process (docs/architecture.md says
 * which and why). Each test counts the API requests of its runs; no run may print packet text
 * (the log can be public when the comment is not).
 */
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { FILE_MESSAGES } from '../../src/diagnostics/file-messages';
import { runProcess } from '../helpers/cli';
import { ACTIONS_BOT, blobSha, HUMAN, NOT_ACCESSIBLE, SECONDARY_RATE_LIMIT } from './api-stand-in';
import {
  annotations,
  BUNDLE,
  FIXTURES,
  otherPayload,
  pushPayload,
  type RunResult,
  writeWorkspace,
} from './harness';
import {
  baseTree,
  baseWorkspace,
  mergeWorkspace,
  openPullRequest,
  type PullRequestFixture,
  renderedPages,
  sha,
} from './scenario';
import { graphqlFault, requestLine, useActionSuite } from './suite';

const MARKER = '<!-- ladder-as-code:pr-comment -->';
const PACKET = 'promotions/rivera-dana-L2.md';
/** A word that occurs only in the packet's evidence: it must never reach the log. */
const PACKET_TEXT = /Zanzibar/;
/** The base branch's packet (its text is a canary too: see `PACKET_CANARIES`). */
const BASE_PACKET = 'promotions/2026-h1/kim-jo-L2.md';
/** A packet over the default `limits.maxPacketBytes` (256 KiB). */
const BIG_PACKET = 'promotions/long-L2.md';
/** Ladder files that are symbolic links: out of the repository, and to themselves. */
const LINK_OUT = 'ladders/outside.yml';
const LINK_LOOP = 'ladders/loop.yml';
/** A symbolic link to a folder outside the checkout, among the ladder files. */
const LINK_DIR = 'ladders/outside-folder';

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const { api, run, ws, onPullRequest, onPullRequestTarget, botComments, onPush } = useActionSuite();

function equalBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.from(a).equals(Buffer.from(b));
}

/** The packet with one more evidence item: a second push to the same pull request. */
function editedPacket(pr: PullRequestFixture): Map<string, Uint8Array> {
  const text = new TextDecoder().decode(pr.head.get(PACKET));
  const more = `${text}- Reviewed the Zanzibar capacity plan ([doc](https://github.com/acme/infra/pull/52)).\n`;
  return new Map([[PACKET, new TextEncoder().encode(more)]]);
}

describe('a pull request that adds a promotion packet', () => {
  it('gets one comment, then the same comment updated in place, in at most 4 requests', async () => {
    const pr = openPullRequest(api, 7, { fixture: 'pr-packet' });
    // The bundle as a process: a pull request's first run, a second push and a re-run.
    const first = await onPullRequest(pr, { bundle: true });
    expect(first.code, first.stdout).toBe(0);
    // The first page of comments comes with the evidence check; after the create, the list is
    // read again, in case another run created one at the same time.
    expect(first.requests.map(requestLine)).toEqual([
      'GET /pulls/7/files',
      'POST /graphql LadderVerify',
      'POST /issues/7/comments',
      'POST /graphql LadderComments',
    ]);
    const [comment] = botComments(7);
    expect(botComments(7)).toHaveLength(1);
    expect(comment?.body.startsWith(MARKER)).toBe(true);
    expect(comment?.body).toContain(pr.headSha.slice(0, 7));
    expect(comment?.body).toContain(
      `https://github.com/acme/ladders/blob/${pr.headSha}/${PACKET}#L`,
    );
    expect(JSON.parse(first.outputs.packets ?? '')).toEqual([
      { path: PACKET, verdict: 'complete' },
    ]);
    expect(first.outputs.errors).toBe('0');
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/acme/ladders/pull/7#issuecomment-${comment?.id}`,
    );
    expect(first.outputs['comment-id']).toBe(String(comment?.id));
    expect(first.summary).toContain(PACKET);
    expect(first.summary).not.toMatch(PACKET_TEXT);

    // A second push: the packet changes, the comment is edited, not duplicated.
    const second = openPullRequest(api, 7, { files: editedPacket(pr), push: 2 });
    const again = await onPullRequest(second, { bundle: true });
    expect(again.code).toBe(0);
    expect(again.requests.map(requestLine)).toEqual([
      'GET /pulls/7/files',
      'POST /graphql LadderVerify',
      `PATCH /issues/comments/${comment?.id}`,
    ]);
    expect(botComments(7)).toHaveLength(1);
    expect(botComments(7)[0]?.id).toBe(comment?.id);
    expect(botComments(7)[0]?.body).toContain(second.headSha.slice(0, 7));

    // A re-run of the same commit changes nothing and writes nothing.
    const rerun = await onPullRequest(second, { bundle: true });
    expect(rerun.code).toBe(0);
    expect(rerun.requests.map(requestLine)).toEqual([
      'GET /pulls/7/files',
      'POST /graphql LadderVerify',
    ]);
    expect(rerun.outputs['comment-url']).toBe(first.outputs['comment-url']);
  });

  it('finds its comment among 150 others (pagination, 100 per page)', async () => {
    const pr = openPullRequest(api, 8, { fixture: 'pr-packet' });
    for (let i = 0; i < 120; i += 1) api.addComment(8, `LGTM ${i}`, HUMAN);
    const ours = api.addComment(8, `${MARKER}\nold review`, ACTIONS_BOT);
    for (let i = 0; i < 30; i += 1) api.addComment(8, `nit ${i}`, HUMAN);
    const result = await onPullRequest(pr);
    expect(result.code).toBe(0);
    // The first page with the evidence check, the second on its own.
    expect(result.requests.map(requestLine)).toEqual([
      'GET /pulls/8/files',
      'POST /graphql LadderVerify',
      'POST /graphql LadderComments',
      `PATCH /issues/comments/${ours.id}`,
    ]);
    expect(botComments(8).map((c) => c.id)).toEqual([ours.id]);
    expect(botComments(8)[0]?.body).not.toContain('old review');
  });

  it('never edits a human comment that carries the marker', async () => {
    const pr = openPullRequest(api, 9, { fixture: 'pr-packet' });
    const forged = api.addComment(9, `${MARKER}\nI am totally the bot`, HUMAN);
    const result = await onPullRequest(pr);
    expect(result.code).toBe(0);
    expect(result.requests.some((r) => r.path.endsWith(`/comments/${forged.id}`))).toBe(false);
    expect(api.commentsOn(9).find((c) => c.id === forged.id)?.body).toBe(
      `${MARKER}\nI am totally the bot`,
    );
    expect(botComments(9)).toHaveLength(1);
  });

  it('under pull_request_target reads the packet at the head through the API, not from disk', async () => {
    const pr = openPullRequest(api, 10, { fixture: 'pr-packet', fork: 'contributor/ladders' });
    const workspace = ws(baseWorkspace(pr));
    // The bundle as a process: a fork's pull request under pull_request_target.
    const result = await onPullRequestTarget(pr, { workspace, bundle: true });
    expect(result.code, result.stdout).toBe(0);
    expect(existsSync(join(workspace, PACKET))).toBe(false);
    expect(result.requests.map(requestLine)).toEqual([
      'GET /pulls/10/files',
      `GET /contents/${PACKET}`,
      'POST /graphql LadderVerify',
      'POST /issues/10/comments',
      'POST /graphql LadderComments',
    ]);
    expect(result.requests[1]?.query).toBe(`?ref=${pr.headSha}`);
    expect(JSON.parse(result.outputs.packets ?? '')).toEqual([
      { path: PACKET, verdict: expect.any(String) },
    ]);
    expect(botComments(10)).toHaveLength(1);
  });

  it('with no checkout at all reads the head commit through the API', async () => {
    const pr = openPullRequest(api, 11, { fixture: 'pr-packet' });
    const result = await onPullRequest(pr, { workspace: ws(writeWorkspace(new Map())) });
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(requestLine)).toContain(`GET /git/trees/${pr.headSha}`);
    expect(JSON.parse(result.outputs.packets ?? '')).toHaveLength(1);
  });

  it('reviews a `.markdown` packet (any letter case) and skips a folder README, as the CLI does', async () => {
    const bytes = readFileSync(join(FIXTURES, 'pr-packet', PACKET));
    const packet = 'promotions/rivera-dana-L2.Markdown';
    // READMEs that hold a whole packet: they would be reviewed if they counted as packets.
    const readmes = ['promotions/2026-h1/README.markdown', 'promotions/2026-h2/ReadMe.MD'];
    const files = new Map([packet, ...readmes].map((path) => [path, new Uint8Array(bytes)]));
    const pr = openPullRequest(api, 14, { files });
    for (const result of [await onPullRequest(pr), await onPullRequestTarget(pr)]) {
      expect(result.code, result.stdout).toBe(0);
      expect(JSON.parse(result.outputs.packets ?? '')).toEqual([
        { path: packet, verdict: 'complete' },
      ]);
    }
    expect(botComments(14)[0]?.body).toContain(`blob/${pr.headSha}/${packet}#L`);
  });
});

describe("the runner's proxy", () => {
  it('goes through HTTP_PROXY to a remote API, as @actions/github would, and straight to one on loopback', async () => {
    // A CONNECT proxy (what undici's ProxyAgent speaks) that tunnels every connection to the
    // stand-in. The API is named `api.test` so that it is not loopback, which is never proxied.
    const tunnels: string[] = [];
    const standIn = Number(new URL(api.url).port);
    const proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const upstream = connect(standIn, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((listening) => proxy.listen(0, '127.0.0.1', listening));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const pr = openPullRequest(api, 12, { fixture: 'pr-packet' });
      const remote = api.url.replace('127.0.0.1', 'api.test');
      // The bundle as a process: it loads @actions/github's proxy fetch on the first request,
      // and that module reads the API's address and the proxy when it is first imported.
      const proxied = await onPullRequest(pr, {
        bundle: true,
        env: {
          GITHUB_API_URL: remote,
          HTTP_PROXY: proxyUrl,
          HTTPS_PROXY: proxyUrl,
          ACTIONS_ORCHESTRATION_ID: 'run 7/attempt 1',
        },
      });
      expect(proxied.code, proxied.stdout).toBe(0);
      expect(proxied.requests.map(requestLine)).toContain('GET /pulls/12/files');
      // The user agent that @actions/github gives: the orchestration id, then octokit's own.
      for (const r of proxied.requests)
        expect(r.userAgent).toMatch(
          /^actions_orchestration_id\/run_7_attempt_1 octokit-rest\.js\/[\d.]+ octokit-core\.js\//,
        );
      expect(tunnels.length).toBeGreaterThan(0);
      expect(new Set(tunnels)).toEqual(new Set([`api.test:${standIn}`]));
      expect(botComments(12)).toHaveLength(1);

      tunnels.splice(0);
      const direct = await onPullRequest(pr, { bundle: true, env: { HTTP_PROXY: proxyUrl } });
      expect(direct.code, direct.stdout).toBe(0);
      expect(direct.requests.length).toBeGreaterThan(0);
      expect(tunnels).toEqual([]);
    } finally {
      proxy.close();
    }
  });
});

describe('what the review says', () => {
  it('fails a packet with a missing dimension and annotates it', async () => {
    const pr = openPullRequest(api, 12, { fixture: 'pr-packet-missing' });
    const result = await onPullRequest(pr);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.outputs.packets ?? '')).toEqual([
      { path: 'promotions/lee-sam-L2.md', verdict: 'missing' },
    ]);
    const missing = annotations(result.stdout).find((a) => a.props.title === 'dimension-missing');
    expect(missing?.props.file).toBe('promotions/lee-sam-L2.md');
    expect(botComments(12)[0]?.body).toMatch(/Judgment/);
  });

  it('keeps a hostile packet from pinging, injecting HTML or forging the marker', async () => {
    const pr = openPullRequest(api, 13, { fixture: 'pr-packet-hostile' });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    const body = botComments(13)[0]?.body ?? '';
    expect(body.split(MARKER)).toHaveLength(2);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).not.toMatch(/(^|[^`\w])@(octocat|acme\/sre-managers)\b/);
    expect(body).not.toMatch(/<img|<script/i);
    // Found again by author and marker on the next run: updated, not duplicated.
    const again = await onPullRequest(
      openPullRequest(api, 13, { fixture: 'pr-packet-hostile', push: 2 }),
    );
    expect(again.code).toBe(0);
    expect(botComments(13)).toHaveLength(1);
  });
});

describe('what the action will not read', () => {
  it('refuses a packet that is a symbolic link out of the checkout', async () => {
    const pr = openPullRequest(api, 60, { fixture: 'pr-packet' });
    const workspace = ws(mergeWorkspace(pr));
    const secret = ws(
      writeWorkspace(new Map([['secret.md', new TextEncoder().encode('Zanzibar secret')]])),
    );
    rmSync(join(workspace, PACKET));
    symlinkSync(join(secret, 'secret.md'), join(workspace, PACKET));
    const result = await onPullRequest(pr, { workspace });
    const found = annotations(result.stdout).find((a) => a.props.file === PACKET);
    expect(found?.props.title).toBe('outside-repository');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.outputs.packets ?? '')).toEqual([
      { path: PACKET, verdict: 'invalid' },
    ]);
    expect(botComments(60)[0]?.body).not.toMatch(PACKET_TEXT);
  });

  it('refuses a changed path that climbs out of the repository', async () => {
    const pr = openPullRequest(api, 61, { fixture: 'pr-packet' });
    api.pulls.set(61, [{ filename: 'promotions/../../../etc/passwd.md', status: 'added' }]);
    const result = await onPullRequestTarget(pr);
    const found = annotations(result.stdout).find((a) => a.props.title === 'outside-repository');
    expect(found?.props.file).toBe('promotions/../../../etc/passwd.md');
    // In the CLI's words for a path out of the repository (src/cli/io.ts).
    expect(found?.message).toBe(FILE_MESSAGES.outside);
    expect(result.requests.some((r) => r.path.includes('/contents/'))).toBe(false);
  });

  it('reports ladder files and folders that link out of the checkout or nowhere, as the CLI does', async () => {
    const secret = ws(writeWorkspace(new Map([['secret.yml', encode('id: Zanzibar\n')]])));
    const target = join(secret, 'secret.yml');
    // What Git stores for a link: its target.
    const links = new Map([
      [LINK_OUT, encode(target)],
      [LINK_LOOP, encode('loop.yml')],
      [LINK_DIR, encode(secret)],
    ]);
    // The ladder file the pull request breaks is still checked beside the links.
    const pr = openPullRequest(api, 63, { fixture: 'pr-ladder-errors', files: links });
    const workspace = ws(mergeWorkspace(pr));
    for (const path of links.keys()) rmSync(join(workspace, path));
    symlinkSync(target, join(workspace, LINK_OUT));
    symlinkSync('loop.yml', join(workspace, LINK_LOOP));
    // A link to a folder has no extension: it is reported all the same, as the CLI does.
    symlinkSync(secret, join(workspace, LINK_DIR));
    const expected = [
      ['error', 'ladders/demo.yml', 'unknown-dimension', '27', '7', expect.any(String)],
      ['error', 'ladders/demo.yml', 'unknown-level', '34', '7', expect.any(String)],
      ['error', LINK_LOOP, 'unreadable-file', '1', '1', FILE_MESSAGES.linkNowhere],
      ['error', LINK_DIR, 'outside-repository', '1', '1', FILE_MESSAGES.linkOutside],
      ['error', LINK_OUT, 'outside-repository', '1', '1', FILE_MESSAGES.linkOutside],
    ];
    const ladderAnnotations = (stdout: string) =>
      annotations(stdout)
        .filter((a) => a.props.file?.startsWith('ladders/'))
        .map((a) => [a.kind, a.props.file, a.props.title, a.props.line, a.props.col, a.message]);

    const result = await onPullRequest(pr, { workspace });
    expect(result.code).toBe(1);
    expect(ladderAnnotations(result.stdout)).toEqual(expected);
    expect(result.outputs.errors).toBe('5');
    expect(botComments(63)[0]?.body).toContain('outside-repository');

    // On push, from the same checkout: the same, and no API request.
    const head = sha('push-ladder-link');
    const push = await run({
      event: 'push',
      payload: pushPayload(api.owner, api.repo, head),
      workspace,
      sha: head,
    });
    expect(push.code).toBe(1);
    expect(ladderAnnotations(push.stdout)).toEqual(expected);
    expect(push.requests).toEqual([]);
  });

  it('reports a ladder file that is a symbolic link in the commit it reads through the API', async () => {
    const link = encode('/etc/passwd');
    const pr = openPullRequest(api, 64, { files: new Map([[LINK_OUT, link]]) });
    api.links.add(LINK_OUT);
    const outside = (result: RunResult) =>
      annotations(result.stdout)
        .filter((a) => a.props.file === LINK_OUT)
        .map((a) => a.props.title);

    // pull_request_target: the changed file at the head, where the contents API describes a link.
    const target = await onPullRequestTarget(pr);
    expect(target.code).toBe(1);
    expect(outside(target)).toEqual(['outside-repository']);
    expect(target.requests.map(requestLine)).toContain(`GET /contents/${LINK_OUT}`);

    // No checkout: the head commit's tree gives the link mode 120000, and its blob the target,
    // which leads out of the repository: the CLI's words.
    const none = await onPullRequest(pr, { workspace: ws(writeWorkspace(new Map())) });
    expect(none.code).toBe(1);
    expect(outside(none)).toEqual(['outside-repository']);
    expect(annotations(none.stdout).find((a) => a.props.file === LINK_OUT)?.message).toBe(
      FILE_MESSAGES.linkOutside,
    );
    expect(none.requests.map(requestLine)).toContain(`GET /git/trees/${pr.headSha}`);
    expect(none.requests.map(requestLine)).toContain(`GET /git/blobs/${blobSha(link)}`);
  });

  it('follows links to a ladder file and a folder in the commit it reads through the API, as in a checkout', async () => {
    // What Git stores: a link's target, and the files it leads to elsewhere in the repository.
    const linked = new Map([
      ['ladders/one.yml', encode('../shared/one.yml')],
      ['ladders/more', encode('../shared/more')],
      ['ladders/nowhere.yml', encode('../shared/missing.yml')],
    ]);
    const files = new Map([
      ...linked,
      ['shared/one.yml', encode('id: one\n')],
      ['shared/more/two.yml', encode('id: two\n')],
    ]);
    const pr = openPullRequest(api, 66, { files });
    for (const path of linked.keys()) api.links.add(path);
    const ladderAnnotations = (stdout: string) =>
      annotations(stdout)
        .filter((a) => a.props.file?.startsWith('ladders/'))
        .map((a) => [a.props.file, a.props.title, a.props.line, a.message]);

    const workspace = ws(mergeWorkspace(pr));
    for (const [path, target] of linked) {
      rmSync(join(workspace, path));
      symlinkSync(new TextDecoder().decode(target), join(workspace, path));
    }
    const checkout = await onPullRequest(pr, { workspace });
    const none = await onPullRequest(pr, { workspace: ws(writeWorkspace(new Map())) });
    const found = ladderAnnotations(checkout.stdout);
    expect(found.map(([file, title]) => [file, title])).toEqual(
      expect.arrayContaining([
        ['ladders/more/two.yml', 'missing-key'],
        ['ladders/nowhere.yml', 'unreadable-file'],
        ['ladders/one.yml', 'missing-key'],
      ]),
    );
    expect(ladderAnnotations(none.stdout)).toEqual(found);
    expect(none.code).toBe(checkout.code);
  });

  it('lists ladder files behind links as the CLI does: a file under two names, a folder twice, a loop', async () => {
    const linked = new Map([
      ['ladders/b.yml', encode('demo.yml')],
      ['ladders/loop', encode('.')],
      ['ladders/more', encode('../shared/more')],
      ['ladders/again', encode('../shared/more')],
    ]);
    const files = new Map([...linked, ['shared/more/two.yml', encode('id: two\n')]]);
    const pr = openPullRequest(api, 67, { files });
    for (const path of linked.keys()) api.links.add(path);
    const workspace = ws(mergeWorkspace(pr));
    for (const [path, target] of linked) {
      rmSync(join(workspace, path));
      symlinkSync(new TextDecoder().decode(target), join(workspace, path));
    }
    const fromAction = (stdout: string) =>
      annotations(stdout)
        .filter((a) => a.props.file?.startsWith('ladders/'))
        .map((a) => `${a.props.file}:${a.props.line} ${a.props.title}`)
        .sort();
    const cli = runProcess(['validate', '--format', 'json'], { cwd: workspace });
    const expected = (JSON.parse(cli.stdout).diagnostics as Diagnostic[])
      .map((d) => `${d.file}:${d.line} ${d.code}`)
      .sort();
    expect(expected).toEqual(
      expect.arrayContaining([
        'ladders/again/two.yml:1 missing-key',
        // The link is the copy: demo.yml, named after the id, keeps it.
        'ladders/b.yml:1 duplicate-id',
        'ladders/b.yml:1 file-name-mismatch',
        'ladders/more/two.yml:1 missing-key',
      ]),
    );
    expect(expected.filter((e) => e.includes('loop/'))).toEqual([]);
    const checkout = await onPullRequest(pr, { workspace });
    expect(fromAction(checkout.stdout)).toEqual(expected);
    const none = await onPullRequest(pr, { workspace: ws(writeWorkspace(new Map())) });
    expect(fromAction(none.stdout)).toEqual(expected);
  });

  it('refuses a packet over the size limit as packet-too-large, as the CLI does', async () => {
    const packet = new TextDecoder().decode(baseTree().get(BASE_PACKET));
    const item = '- Ran the quarterly failover drill for the payments cluster.\n';
    const big = encode(`${packet}\n## Notes\n\n${item.repeat(Math.ceil(262_144 / item.length))}`);
    expect(big.length).toBeGreaterThan(262_144);
    const pr = openPullRequest(api, 65, { files: new Map([[BIG_PACKET, big]]) });
    const tooLarge = (result: RunResult) =>
      annotations(result.stdout)
        .filter((a) => a.props.file === BIG_PACKET)
        .map((a) => [
          a.kind,
          a.props.title,
          a.props.line,
          a.props.col,
          a.message.includes(String(big.length)),
        ]);
    const expected = [['error', 'packet-too-large', '1', '1', true]];

    // From the checkout (its size on disk) and through the API (the size the contents API gives).
    for (const result of [await onPullRequest(pr), await onPullRequestTarget(pr)]) {
      expect(result.code).toBe(1);
      expect(tooLarge(result)).toEqual(expected);
      expect(JSON.parse(result.outputs.packets ?? '')).toEqual([
        { path: BIG_PACKET, verdict: 'invalid' },
      ]);
    }
    expect(botComments(65)[0]?.body).toContain('packet-too-large');
  });
});

describe('who the comment belongs to', () => {
  it('with comment-author: auto asks GraphQL who the token is', async () => {
    const pr = openPullRequest(api, 62, { fixture: 'pr-packet' });
    const result = await onPullRequest(pr, { inputs: { 'comment-author': 'auto' } });
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(requestLine)).toContain('POST /graphql');
    expect(botComments(62)).toHaveLength(1);
    const again = await onPullRequest(pr, { inputs: { 'comment-author': 'auto' } });
    expect(again.requests.filter((r) => r.method === 'POST' && r.path !== '/graphql')).toEqual([]);
  });
});

describe('a pull request that breaks a ladder', () => {
  it('annotates the exact lines, fails, and writes the summary and the comment', async () => {
    const pr = openPullRequest(api, 20, { fixture: 'pr-ladder-errors' });
    const result = await onPullRequest(pr);
    expect(result.code).toBe(1);
    const errors = annotations(result.stdout).filter((a) => a.props.file === 'ladders/demo.yml');
    expect(errors.map((a) => [a.kind, a.props.title, a.props.line, a.props.col])).toEqual([
      ['error', 'unknown-dimension', '27', '7'],
      ['error', 'unknown-level', '34', '7'],
    ]);
    expect(result.stdout).toMatch(/^::error::Found 2 errors/m);
    expect(result.outputs.errors).toBe('2');
    expect(result.outputs.result).toBe('fail');
    expect(result.summary).toContain('unknown-dimension');
    expect(result.summary).toContain('ladders/demo.yml:27:7');
    const [comment] = botComments(20);
    expect(comment?.body).toContain('unknown-dimension');
  });

  it('under pull_request_target reads the changed ladder at the head', async () => {
    const pr = openPullRequest(api, 21, { fixture: 'pr-ladder-errors' });
    const result = await onPullRequestTarget(pr);
    expect(result.code).toBe(1);
    const titles = annotations(result.stdout).map((a) => a.props.title);
    expect(titles).toEqual(expect.arrayContaining(['unknown-dimension', 'unknown-level']));
    expect(result.requests.map(requestLine)).toContain('GET /contents/ladders/demo.yml');
  });

  it('a valid ladder change must come with its regenerated pages', async () => {
    const base = baseTree();
    // A rewording calls for a patch bump (a missing bump is the ladder-changes tests' subject).
    const ladder = new TextDecoder()
      .decode(base.get('ladders/demo.yml'))
      .replace('Decides alone.', 'Decides alone, and says why.')
      .replace('version: 1.0.0', 'version: 1.0.1');
    const edit = new Map([['ladders/demo.yml', new TextEncoder().encode(ladder)]]);
    const stale = await onPullRequest(openPullRequest(api, 23, { files: edit }));
    expect(stale.code).toBe(1);
    const titles = annotations(stale.stdout).map((a) => a.props.title);
    expect(titles).toContain('page-stale');

    const pages = [...renderedPages(new Map([...base, ...edit]))].filter(
      ([path, bytes]) => !equalBytes(base.get(path), bytes),
    );
    expect(pages.length).toBeGreaterThan(0);
    const fixed = openPullRequest(api, 23, { files: new Map([...edit, ...pages]), push: 2 });
    const result = await onPullRequest(fixed);
    expect(result.code, result.stdout).toBe(0);
    expect(botComments(23)).toHaveLength(1);
    expect(botComments(23)[0]?.body).toContain('1 ladder file checked, no problems');
  });

  it('passes with fail-on: never, still reporting the errors', async () => {
    const pr = openPullRequest(api, 22, { fixture: 'pr-ladder-errors' });
    const result = await onPullRequest(pr, { inputs: { 'fail-on': 'never', comment: 'false' } });
    expect(result.code).toBe(0);
    expect(result.outputs.errors).toBe('2');
    expect(result.requests.map(requestLine)).toEqual(['GET /pulls/22/files']);
  });
});

describe('faults', () => {
  it('retries a transient 502 and a secondary rate limit on the write', async () => {
    const pr = openPullRequest(api, 30, { fixture: 'pr-packet' });
    const existing = api.addComment(30, `${MARKER}\nold`, ACTIONS_BOT);
    api.faults.push(graphqlFault('LadderVerify', { status: 502 }), {
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 403,
      body: { message: SECONDARY_RATE_LIMIT },
      headers: { 'retry-after': '1' },
    });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map((r) => `${requestLine(r)} ${r.status}`)).toEqual([
      'GET /pulls/30/files 200',
      'POST /graphql LadderVerify 502',
      'POST /graphql LadderVerify 200',
      `PATCH /issues/comments/${existing.id} 403`,
      `PATCH /issues/comments/${existing.id} 200`,
    ]);
    expect(result.stdout).toContain('secondary rate limit');
    expect(botComments(30)).toHaveLength(1);
  });

  it('a create answered with 502 that did create the comment leaves one comment', async () => {
    const pr = openPullRequest(api, 31, { fixture: 'pr-packet' });
    api.faults.push({
      method: 'POST',
      path: /\/issues\/31\/comments$/,
      status: 502,
      afterEffect: true,
    });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map((r) => `${requestLine(r)} ${r.status}`)).toEqual([
      'GET /pulls/31/files 200',
      'POST /graphql LadderVerify 200',
      'POST /issues/31/comments 502',
      'POST /graphql LadderComments 200',
      'POST /graphql LadderComments 200',
    ]);
    expect(botComments(31)).toHaveLength(1);
    expect(result.outputs['comment-id']).toBe(String(botComments(31)[0]?.id));
  });

  it('a create that failed with 502 is made again after checking', async () => {
    const pr = openPullRequest(api, 32, { fixture: 'pr-packet' });
    api.faults.push({ method: 'POST', path: /\/issues\/32\/comments$/, status: 502 });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(
      result.requests
        .filter((r) => r.method === 'POST' && r.path !== '/graphql')
        .map((r) => r.status),
    ).toEqual([502, 201]);
    expect(botComments(32)).toHaveLength(1);
  });

  it('a secondary rate limit on the create is waited out, leaving one comment', async () => {
    const pr = openPullRequest(api, 38, { fixture: 'pr-packet' });
    api.faults.push({
      method: 'POST',
      path: /\/issues\/38\/comments$/,
      status: 403,
      body: { message: SECONDARY_RATE_LIMIT },
      headers: { 'retry-after': '1' },
    });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(
      result.requests
        .filter((r) => r.method === 'POST' && r.path !== '/graphql')
        .map((r) => r.status),
    ).toEqual([403, 201]);
    expect(botComments(38)).toHaveLength(1);
  });

  it('an API that keeps failing gives one clear line, not a stack trace', async () => {
    const pr = openPullRequest(api, 39, { fixture: 'pr-packet' });
    api.faults.push({ method: 'GET', path: /\/pulls\/39\/files$/, status: 503, times: 10 });
    // The bundle as a process: a failure exits 1 with one line and no stack trace on stderr.
    const result = await onPullRequest(pr, { bundle: true });
    expect(result.code).toBe(1);
    expect(result.requests.map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(result.stdout).toMatch(
      /^::error::GitHub's API answered 503 to GET \/repos\/acme\/ladders\/pulls\/39\/files/m,
    );
  });

  it('a 403 names the missing permission, without a stack trace', async () => {
    const pr = openPullRequest(api, 33, { fixture: 'pr-packet' });
    const result = await onPullRequest(pr, { token: 'ghs_read_only' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::.*403.*Resource not accessible by integration/m);
    expect(result.stdout).toContain('`pull-requests: write`');
    expect(result.outputs.result).toBe('fail');
    expect(result.summary).toContain('was not written');
    expect(api.commentsOn(33)).toHaveLength(0);
  });

  it('a fork under pull_request gets a warning recommending pull_request_target', async () => {
    const pr = openPullRequest(api, 34, { fixture: 'pr-packet', fork: 'contributor/ladders' });
    const result = await onPullRequest(pr, { token: 'ghs_read_only' });
    expect(result.stdout).toMatch(/^::warning::.*pull_request_target/m);
    expect(result.stdout).toContain(NOT_ACCESSIBLE);
    expect(result.outputs.packets).toContain(PACKET);
    expect(api.commentsOn(34)).toHaveLength(0);
  });

  it('recreates a comment deleted between the list and the update', async () => {
    const pr = openPullRequest(api, 35, { fixture: 'pr-packet' });
    const old = api.addComment(35, `${MARKER}\nold`, ACTIONS_BOT);
    api.faults.push({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      before: (stand) => stand.deleteComment(old.id),
    });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map((r) => `${requestLine(r)} ${r.status}`)).toEqual([
      'GET /pulls/35/files 200',
      'POST /graphql LadderVerify 200',
      `PATCH /issues/comments/${old.id} 404`,
      'POST /issues/35/comments 201',
      'POST /graphql LadderComments 200',
    ]);
    expect(botComments(35)).toHaveLength(1);
    expect(botComments(35)[0]?.id).not.toBe(old.id);
  });

  it('two runs at once leave one comment', async () => {
    const pr = openPullRequest(api, 36, { fixture: 'pr-packet' });
    // Both runs list the comments (with the evidence check) before either creates one.
    api.faults.push(graphqlFault('LadderVerify', { gate: 2, times: 2 }));
    // The bundle as two processes: two jobs at once (one in-process run at a time).
    const [a, b] = await Promise.all([
      onPullRequest(pr, { bundle: true }),
      onPullRequest(pr, { bundle: true }),
    ]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(
      api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/36/comments')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(botComments(36)).toHaveLength(1);
    expect(a.outputs['comment-id']).toBe(String(botComments(36)[0]?.id));
    expect(b.outputs['comment-id']).toBe(String(botComments(36)[0]?.id));
  });

  it('removes extra copies of its comment that an earlier race left behind', async () => {
    const pr = openPullRequest(api, 37, { fixture: 'pr-packet' });
    const keep = api.addComment(37, `${MARKER}\nfirst`, ACTIONS_BOT);
    api.addComment(37, `${MARKER}\nsecond`, ACTIONS_BOT);
    const result = await onPullRequest(pr);
    expect(result.code).toBe(0);
    expect(botComments(37).map((c) => c.id)).toEqual([keep.id]);
  });
});

describe('a pull request whose packet was removed', () => {
  it('updates the comment to the short body', async () => {
    const pr = openPullRequest(api, 40, { fixture: 'pr-packet' });
    await onPullRequest(pr);
    const [before] = botComments(40);
    // The author took the packet out again: the pull request now changes only a note.
    const removed = openPullRequest(api, 40, {
      files: new Map([['notes.md', new TextEncoder().encode('# Notes\n')]]),
      push: 2,
    });
    const result = await onPullRequest(removed);
    expect(result.code).toBe(0);
    expect(botComments(40)).toHaveLength(1);
    expect(botComments(40)[0]?.id).toBe(before?.id);
    expect(botComments(40)[0]?.body).toMatch(/no promotion packets or ladder changes/i);
    expect(JSON.parse(result.outputs.packets ?? '')).toEqual([]);
  });

  it('creates no comment on a pull request that never had one', async () => {
    const pr = openPullRequest(api, 41, {
      files: new Map([['notes.md', new TextEncoder().encode('# Notes\n')]]),
    });
    const result = await onPullRequest(pr);
    expect(result.code).toBe(0);
    expect(result.requests.map(requestLine)).toEqual([
      'GET /pulls/41/files',
      'POST /graphql LadderComments',
    ]);
    expect(api.commentsOn(41)).toHaveLength(0);
    expect(result.outputs['comment-url']).toBe('');
  });
});

describe('push, schedule and other events', () => {
  it('on push validates the ladders and finds the pages current, with no API request', async () => {
    const head = sha('push-ok');
    // The bundle as a process: a push.
    const result = await onPush(head, baseTree(), { bundle: true });
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests).toEqual([]);
    expect(result.outputs['stale-pages']).toBe('[]');
    expect(result.outputs.errors).toBe('0');
    expect(result.summary).toContain('The rendered pages are current');
  });

  it('on push reports a hand-edited page, and commits regenerated pages when asked', async () => {
    const head = sha('push-stale');
    const tree = baseTree();
    const page = 'docs/ladders/demo/README.md';
    const original = tree.get(page);
    tree.set(page, new TextEncoder().encode(`${new TextDecoder().decode(original)}\nHand edit.\n`));
    api.setCommit(head, tree);
    const spec = {
      event: 'push',
      payload: pushPayload(api.owner, api.repo, head),
      workspace: ws(writeWorkspace(tree, head)),
      sha: head,
    };
    const stale = await run(spec);
    expect(stale.code).toBe(1);
    expect(JSON.parse(stale.outputs['stale-pages'] ?? '')).toEqual([page]);
    expect(annotations(stale.stdout).find((a) => a.props.file === page)?.props.title).toBe(
      'page-stale',
    );

    const fixed = await run({ ...spec, inputs: { 'commit-pages': 'true' } });
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(fixed.requests.map(requestLine)).toEqual([
      'POST /git/trees',
      'POST /git/commits',
      'PATCH /git/refs/heads/main',
    ]);
    const commit = fixed.outputs['pages-commit'] ?? '';
    expect(api.branches.get('main')).toBe(commit);
    expect(api.commits.get(commit)?.get(page)).toEqual(original);
  });

  it('on push never commits over a file without the marker where a page goes, and fails', async () => {
    const head = sha('push-notes');
    const tree = baseTree();
    const page = 'docs/ladders/demo/README.md';
    const notes = encode('# Our notes about the demo ladder\n');
    const stalePage = 'docs/ladders/health.md';
    const original = tree.get(stalePage);
    tree.set(page, notes);
    tree.set(stalePage, encode(`${new TextDecoder().decode(original)}\nHand edit.\n`));
    api.setCommit(head, tree);
    const result = await onPush(head, tree, {
      inputs: { 'commit-pages': 'true' },
    });
    expect(result.code, result.stdout).toBe(1);
    const onFiles = annotations(result.stdout).filter((a) => a.props.file !== undefined);
    expect(onFiles.map((a) => [a.props.file, a.props.title])).toEqual([
      [page, 'page-not-generated'],
    ]);
    const commit = result.outputs['pages-commit'] ?? '';
    expect(api.commits.get(commit)?.get(stalePage)).toEqual(original);
    expect(api.commits.get(commit)?.get(page)).toEqual(notes);
  });

  it('on push without a checkout says to add actions/checkout', async () => {
    const head = sha('push-empty');
    const result = await run({
      event: 'push',
      payload: pushPayload(api.owner, api.repo, head),
      workspace: ws(writeWorkspace(new Map())),
      sha: head,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::.*actions\/checkout/m);
  });

  it('on another event prints a notice and exits 0 without calling the API', async () => {
    const result = await run({
      event: 'issues',
      payload: otherPayload('issues', api.owner, api.repo),
      workspace: ws(writeWorkspace(baseTree())),
      sha: sha('issues'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::notice::.*does nothing on this event/m);
    expect(result.requests).toEqual([]);
  });

  it('on a closed pull request does nothing', async () => {
    const pr = openPullRequest(api, 51, { fixture: 'pr-packet' });
    const payload = { ...pr.payload, action: 'closed' };
    const result = await onPullRequest(pr, { payload });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::notice::The pull request was closed/m);
    expect(result.requests).toEqual([]);
  });

  it('writes no job summary with summary: none, and the comment too with summary: full', async () => {
    const pr = openPullRequest(api, 52, { fixture: 'pr-packet' });
    const none = await onPullRequest(pr, { inputs: { summary: 'none' } });
    expect(none.summary).toBe('');
    const full = await onPullRequest(pr, { inputs: { summary: 'full' } });
    expect(full.summary).toContain(botComments(52)[0]?.body.split('\n')[1] ?? '?');
  });

  it('rejects a bad input value in one line', async () => {
    const pr = openPullRequest(api, 50, { fixture: 'pr-packet' });
    const result = await onPullRequest(pr, { inputs: { 'fail-on': 'sometimes' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error::Input `fail-on` must be one of error, warning, never/m,
    );
    expect(result.requests).toEqual([]);
  });
});

describe('the committed bundle', () => {
  it('is an ES module next to a package.json that says so', () => {
    const pkg = JSON.parse(readFileSync(join(BUNDLE, '..', 'package.json'), 'utf8'));
    expect(pkg).toEqual({ type: 'module' });
  });
});
