/**
 * The hostile corpus of test/fixtures/hostile: committed files with their expectations beside
 * them (`expect.json`), files too large to commit built from recipes (`generated.json`), and
 * symbolic links made at test time. Everything here is deterministic: the same recipe gives the
 * same bytes on every machine.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { expect } from 'vitest';
import { COMMENT_LIMIT, COMMENT_MARKER } from '../../src/report/pr-comment';
import { FIXTURES } from '../helpers/paths';

/** The corpus folder. */
export const HOSTILE = join(FIXTURES, 'hostile');

/** Text that only files outside the repository hold: it must never show up in any output. */
export const OUTSIDE_CANARY = 'OUTSIDE-CANARY-7f3a9c';

/** How a generated file is built: `head`, `repeat` (with `{i}` numbered) `count` times or to `bytes`, `tail`. */
export interface Recipe {
  readonly head: string;
  readonly repeat: string;
  readonly count?: number;
  readonly bytes?: number;
  readonly tail: string;
}

/** Where a symbolic link made at test time points. */
export type LinkTarget = 'outside-file' | 'outside-folder' | 'itself';

/** What a packet's review should say: its verdict and the distinct codes of its findings. */
export interface PacketExpectation {
  readonly verdict: 'complete' | 'thin' | 'missing' | 'invalid';
  readonly codes: readonly string[];
}

/** One file of the corpus and what is expected of it. */
export type CorpusFile<E> =
  | { readonly name: string; readonly kind: 'committed'; readonly expect: E }
  | {
      readonly name: string;
      readonly kind: 'generated';
      readonly recipe: Recipe;
      readonly expect: E;
    }
  | { readonly name: string; readonly kind: 'link'; readonly to: LinkTarget; readonly expect: E };

interface Manifest<E> {
  readonly files: Readonly<Record<string, Recipe & { readonly expect: E }>>;
  readonly links: Readonly<Record<string, { readonly to: LinkTarget; readonly expect: E }>>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Generated files by recipe: test files share a worker's modules, and the largest is 20 MB. */
const generated = new Map<string, Buffer>();

/** Builds a generated file's bytes from its recipe (once per recipe). */
export function generate(recipe: Recipe): Buffer {
  const key = JSON.stringify(recipe);
  const known = generated.get(key);
  if (known) return known;
  const bytes = Buffer.from(`${recipe.head}${body(recipe)}${recipe.tail}`, 'utf8');
  generated.set(key, bytes);
  return bytes;
}

/** The repeated part: `count` pieces, or as many as bring the text to `bytes` characters. */
function body(recipe: Recipe): string {
  const { head, repeat, count, bytes } = recipe;
  if (!repeat.includes('{i}')) {
    const toSize =
      bytes === undefined ? Infinity : Math.ceil((bytes - head.length) / repeat.length);
    const n = Math.max(0, Math.min(count ?? Infinity, toSize));
    return Number.isFinite(n) ? repeat.repeat(n) : '';
  }
  const parts: string[] = [];
  let length = head.length;
  for (let i = 0; ; i += 1) {
    if (count !== undefined && i >= count) break;
    if (bytes !== undefined && length >= bytes) break;
    if (count === undefined && bytes === undefined) break;
    const piece = repeat.replaceAll('{i}', String(i));
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}

function corpus<E>(folder: 'ladders' | 'packets', extension: string): CorpusFile<E>[] {
  const dir = join(HOSTILE, folder);
  const committed = readJson<Record<string, E>>(join(dir, 'expect.json'));
  const manifest = readJson<Manifest<E>>(join(dir, 'generated.json'));
  const files: CorpusFile<E>[] = [];
  for (const [name, expect] of Object.entries(committed)) {
    if (!name.endsWith(extension)) throw new Error(`${folder}/expect.json: ${name}`);
    files.push({ name, kind: 'committed', expect });
  }
  for (const [name, { expect, ...recipe }] of Object.entries(manifest.files))
    files.push({ name, kind: 'generated', recipe, expect });
  for (const [name, { to, expect }] of Object.entries(manifest.links))
    files.push({ name, kind: 'link', to, expect });
  return files.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Every hostile ladder file, with the codes `validate` reports for it alone. */
export function ladderCorpus(): CorpusFile<readonly string[]>[] {
  return corpus<readonly string[]>('ladders', '.yml');
}

/** Every hostile packet, with the verdict and codes of its review against the demo ladder. */
export function packetCorpus(): CorpusFile<PacketExpectation>[] {
  return corpus<PacketExpectation>('packets', '.md');
}

/**
 * Generated files whose only hazard is the parser's work: thousands of blocks or brackets (just
 * under the limits, so parsed in full), or 100,000 list items. Their reviews and diagnostics are
 * plain (no findings, or one), so a test that runs the corpus through several channels asserts
 * each of them through one (the JSON channel, with its exact verdict and codes) and leaves them
 * out of the others: formatting and reading them is that of any plain file. What they cost is in
 * `npm run bench` (bench/hostile.mjs).
 */
export const PARSER_WORK: ReadonlySet<string> = new Set([
  'setext-4900.md',
  'list-paragraph-2400.md',
  'many-unclosed.md',
  'many-items.yml',
  'many-keys.yml',
]);

/** The corpus without the files of PARSER_WORK. */
export function withoutParserWork<E>(files: readonly CorpusFile<E>[]): CorpusFile<E>[] {
  return files.filter((f) => !PARSER_WORK.has(f.name));
}

/** A scratch area: `repo/` (the repository) and `outside/` (files the tools must never read). */
export interface Scratch {
  readonly root: string;
  readonly repo: string;
  readonly outside: string;
}

/** Makes a scratch area whose `outside/` holds canary files and a canary folder. */
export function scratch(prefix = 'ladder-hostile-'): Scratch {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const repo = join(root, 'repo');
  const outside = join(root, 'outside');
  mkdirSync(repo, { recursive: true });
  mkdirSync(join(outside, 'folder'), { recursive: true });
  const secretLadder = `id: secret\ntitle: ${OUTSIDE_CANARY}\nlevels: [{id: L1, title: ${OUTSIDE_CANARY}}]\nbroken: [${OUTSIDE_CANARY}\n`;
  writeFileSync(join(outside, 'secret.yml'), secretLadder);
  writeFileSync(join(outside, 'folder', 'secret.yml'), secretLadder);
  writeFileSync(
    join(outside, 'secret.md'),
    `---\ncandidate: ${OUTSIDE_CANARY}\nladder: demo\nto: L2\n---\n\n## Mastery\n\n- ${OUTSIDE_CANARY}\n`,
  );
  writeFileSync(join(outside, 'folder', 'secret.md'), readFileSync(join(outside, 'secret.md')));
  return { root, repo, outside };
}

/** The bytes of a committed or generated corpus file. */
export function corpusBytes<E>(folder: 'ladders' | 'packets', file: CorpusFile<E>): Buffer {
  if (file.kind === 'committed') return readFileSync(join(HOSTILE, folder, file.name));
  if (file.kind === 'generated') return generate(file.recipe);
  throw new Error(`${file.name} is a link`);
}

/**
 * Writes corpus files into `dir` (inside `area.repo`): committed files copied, generated files
 * built, links pointing at `area.outside` (or at themselves).
 */
export function materialise<E>(
  area: Scratch,
  folder: 'ladders' | 'packets',
  dir: string,
  files: readonly CorpusFile<E>[],
): void {
  mkdirSync(dir, { recursive: true });
  const ext = folder === 'ladders' ? 'yml' : 'md';
  for (const file of files) {
    const path = join(dir, file.name);
    if (file.kind === 'committed') cpSync(join(HOSTILE, folder, file.name), path);
    else if (file.kind === 'generated') writeFileSync(path, generate(file.recipe));
    else if (file.to === 'itself') symlinkSync(path, path);
    else
      symlinkSync(
        file.to === 'outside-file'
          ? join(area.outside, `secret.${ext}`)
          : join(area.outside, 'folder'),
        path,
      );
  }
}

/** A stack trace, or an uncaught error, in a process's output. */
export const STACK_TRACE =
  /^\s+at \S.*(\(.*:\d+:\d+\)|:\d+:\d+)$|\bnode:internal\b|^\w*Error: |internal error|\(node:\d+\) \w*Warning/m;

/** Whether text holds a control character a terminal would act on (an escape, a bell, ...). */
export function hasRawControl(text: string): boolean {
  for (const match of text.matchAll(/\p{Cc}/gu))
    if (match[0] !== '\n' && match[0] !== '\t') return true;
  return false;
}

/** HTML the action itself writes into its comment: the marker, folded sections, small print. */
const OUR_HTML = [
  /^<!-- ladder-as-code:pr-comment -->$/,
  /^<details><summary>[^<>]*<\/summary>$/,
  /^<\/details>$/,
  /^<\/?sub>$/,
];

/**
 * Asserts what the action's comment body promises, whatever went into it: the marker once and
 * first, no HTML but the action's own, no image, no link but to the head commit's files, no
 * text that GitHub would turn into a mention, an issue reference or a link, and at most
 * 65,536 characters.
 */
export function assertActionComment(body: string, blobBase: string): void {
  expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  expect(body.indexOf(COMMENT_MARKER, 1)).toBe(-1);
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  // What breaks a rule is gathered and asserted once, not with an `expect` per node.
  const broken: string[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'definition')
      broken.push(node.type);
    if (node.type === 'html' && !OUR_HTML.some((re) => re.test(node.value)))
      broken.push(`html: ${node.value}`);
    if (node.type === 'link' && !node.url.startsWith(blobBase)) broken.push(`link: ${node.url}`);
    if (node.type === 'text') {
      if (/(^|[^\p{L}\p{N}_])@[\p{L}\p{N}]/u.test(node.value))
        broken.push(`mention: ${node.value}`);
      if (/#\d/.test(node.value)) broken.push(`issue reference: ${node.value}`);
      if (/:\/\/|\bwww\./.test(node.value)) broken.push(`link text: ${node.value}`);
    }
  });
  expect(broken).toEqual([]);
}
