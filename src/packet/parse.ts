/**
 * The packet stage: bytes in, front matter and the Markdown structure out, with positions.
 * The size is checked before anything decodes the bytes, and the text's complexity before any
 * Markdown parser sees it; nothing here throws on any input.
 */
import type { Definition, FootnoteDefinition, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { decodeUtf8, loneCarriageReturn } from '../load/decode';
import { clip } from '../util/text';
import './micromark-edit-map';
import { complexityProblem } from './complexity';
import { readItem } from './evidence';
import { readFrontMatter } from './front-matter';
import type {
  FrontMatterBlock,
  PacketBlock,
  PacketBody,
  PacketHeading,
  ParsedPacket,
} from './types';

/** Limits of the packet stage. */
export interface PacketLimits {
  /** Largest packet read, in bytes (config `limits.maxPacketBytes`). */
  readonly maxBytes: number;
}

/** The diagnostic for a packet over the size limit (also used before reading a file at all). */
export function packetTooLarge(path: string, size: number, limit: number): Diagnostic {
  return {
    code: 'packet-too-large',
    severity: 'error',
    message: `The packet is ${size} bytes, over the limit of ${limit}; link to long documents instead of pasting them, or raise \`limits.maxPacketBytes\` in ladder.config.yml.`,
    file: path,
    line: 1,
    column: 1,
  };
}

/** Whether any evidence item of the packet links to a path in the repository. */
export function hasRelativeLink(packet: ParsedPacket): boolean {
  return (packet.body?.blocks ?? []).some(
    (b) => b.kind === 'list' && b.items.some((i) => i.links.some((l) => l.path !== undefined)),
  );
}

/** Parses one packet file. Never throws. */
export function parsePacket(path: string, bytes: Uint8Array, limits: PacketLimits): ParsedPacket {
  if (bytes.byteLength > limits.maxBytes) {
    return { path, findings: [packetTooLarge(path, bytes.byteLength, limits.maxBytes)] };
  }
  const decoded = decodeUtf8(path, bytes);
  if (!decoded.ok) return { path, findings: [decoded.diagnostic] };
  // Markdown takes a lone CR for a line end, but the front matter's YAML, git and GitHub's
  // annotations do not: every position after it would be wrong.
  const crOnly = loneCarriageReturn(path, decoded.text);
  if (crOnly) return { path, text: decoded.text, findings: [crOnly] };
  return parsePacketText(path, decoded.text);
}

/**
 * The packet processor, built once: CommonMark with GFM, and YAML front matter (`---` lines at
 * the top) as a `yaml` node.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .freeze();

/** A packet's Markdown tree, front matter included. May throw (a parser bug). */
export function markdownTree(text: string): Root {
  return processor.parse(text);
}

/** An opening `---` line: front matter that begins but may not end. */
const OPENING_FENCE = /^---[ \t]*(\r?\n|$)/;

/** Blank lines, then what would open front matter had it been on line 1. */
const BLANK_LINES_BEFORE_FENCE = /^((?:[ \t]*\r?\n)+)---[ \t]*(\r?\n|$)/;

/** Parses decoded packet text (the caller has checked its size). Never throws. */
export function parsePacketText(path: string, text: string): ParsedPacket {
  const findings: Diagnostic[] = [];
  // Text too complex to parse whole is refused; only its front matter is parsed, for the verdict.
  const tooComplex = complexityProblem(path, text);
  let tree: Root | undefined;
  try {
    tree = markdownTree(tooComplex ? frontMatterPart(text, tooComplex.line) : text);
  } catch {
    // The complexity scan should make this unreachable; never let a parser bug crash a review.
    findings.push({
      code: 'packet-too-complex',
      severity: 'error',
      message: 'The Markdown parser could not read this packet; simplify its formatting.',
      file: path,
      line: 1,
      column: 1,
    });
    return { path, text, findings };
  }
  const first = tree.children[0];
  let frontMatter: FrontMatterBlock | undefined;
  if (first?.type === 'yaml') {
    const read = readFrontMatter(path, first.value, 1, {
      line: 1,
      column: 1,
      endLine: first.position?.end.line ?? 1,
      endColumn: 4,
    });
    frontMatter = read.frontMatter;
    findings.push(...read.findings);
  } else if (!OPENING_FENCE.test(text)) {
    // Blank lines above a `---` make it a thematic break: say so, rather than "no front matter".
    const blank = BLANK_LINES_BEFORE_FENCE.exec(text)?.[1];
    const fence = blank === undefined ? undefined : blank.split('\n').length;
    findings.push({
      code: 'front-matter-missing',
      severity: 'error',
      message:
        fence === undefined
          ? 'The packet has no front matter; start it with a `---` line, then `candidate:`, `ladder:`, `from:` and `to:` lines, then `---` (or scaffold one with `npx ladder new-packet`).'
          : `The packet has no front matter: front matter must start on line 1, and the \`---\` on line ${fence} comes after ${fence === 2 ? 'a blank line' : `${fence - 1} blank lines`}, so it is read as Markdown. Delete the blank ${fence === 2 ? 'line' : 'lines'} above it.`,
      file: path,
      line: 1,
      column: 1,
    });
  } else if (!tooComplex) {
    // (When the text is too complex, the closing `---` may lie beyond the part parsed.)
    findings.push({
      code: 'front-matter-unclosed',
      severity: 'error',
      message:
        'The front matter opened with `---` on line 1 is never closed; add a `---` line after its last key.',
      file: path,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 4,
    });
  }
  const withFrontMatter = frontMatter ? { frontMatter } : {};
  if (tooComplex) return { path, text, ...withFrontMatter, findings: [...findings, tooComplex] };
  return { path, text, ...withFrontMatter, body: readBody(path, text, tree), findings };
}

/** A line that closes the front matter, as remark-frontmatter reads it. */
const CLOSING_FENCE = /^---[ \t]*\r?$/m;

/**
 * The front matter of a text refused as too complex, with nothing after it, or nothing when it is
 * not closed before the fault (the parser would find none there either). Parsing every block up
 * to the fault, up to 5,000 of them, took seconds, and only the front matter is used.
 */
function frontMatterPart(text: string, faultLine: number): string {
  const before = linesBefore(text, faultLine);
  const opening = OPENING_FENCE.exec(before);
  if (!opening) return '';
  const closing = CLOSING_FENCE.exec(before.slice(opening[0].length));
  if (!closing) return '';
  return before.slice(0, opening[0].length + closing.index + closing[0].length);
}

/** The lines of `text` before line `line` (1-based). */
function linesBefore(text: string, line: number): string {
  let end = 0;
  for (let n = 1; n < line; n += 1) {
    const newline = text.indexOf('\n', end);
    if (newline === -1) return text;
    end = newline + 1;
  }
  return text.slice(0, end);
}

/**
 * Link reference and footnote definitions wherever they are (GitHub renders a reference defined
 * inside a list item or a quote as well as one at the top level); the first of a label wins.
 */
function definitionsOf(tree: Root): {
  definitions: Map<string, Definition>;
  footnotes: Map<string, FootnoteDefinition>;
} {
  const definitions = new Map<string, Definition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  const walk = (node: Nodes): void => {
    if (node.type === 'definition') {
      const id = node.identifier.toLowerCase();
      if (!definitions.has(id)) definitions.set(id, node);
      return;
    }
    if (node.type === 'footnoteDefinition') {
      const id = node.identifier.toLowerCase();
      if (!footnotes.has(id)) footnotes.set(id, node);
    }
    // Definitions are blocks: phrasing content holds none.
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return;
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return { definitions, footnotes };
}

/** Headings and the blocks under them; lists become evidence items. */
function readBody(path: string, source: string, tree: Root): PacketBody {
  const context = { path, source, ...definitionsOf(tree) };
  const headings: PacketHeading[] = [];
  const blocks: PacketBlock[] = [];
  for (const node of tree.children) {
    const heading = headings.length - 1;
    const kind = classify(node);
    if (kind === 'ignore') continue;
    if (node.type === 'heading') {
      const start = node.position?.start ?? { line: 1, column: 1 };
      const end = node.position?.end ?? start;
      headings.push({
        depth: node.depth,
        // An HTML comment in a heading (`## Judgment <!-- note -->`) is not part of its name.
        text: clip(mdastToString(node, { includeImageAlt: false, includeHtml: false }), 200),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      });
    } else if (node.type === 'list') {
      blocks.push({
        kind: 'list',
        heading,
        items: node.children.map((item) => readItem(item, context)),
      });
    } else {
      const label = node.type === 'paragraph' ? labelOf(node) : undefined;
      blocks.push({
        kind: 'prose',
        heading,
        line: node.position?.start.line ?? 1,
        table: node.type === 'table',
        ...(label !== undefined ? { label } : {}),
      });
    }
  }
  return { headings, blocks };
}

/** Longest text read as a label: a heading's name, not a sentence. */
const MAX_LABEL = 60;

/**
 * The text of a paragraph written as a heading (`**Mastery**`, `_Scope_`, `Trust:`), which
 * Markdown reads as a paragraph: one line, all bold or italics, or ending with a colon.
 */
function labelOf(node: Paragraph): string | undefined {
  const { start, end } = node.position ?? { start: { line: 0 }, end: { line: 1 } };
  if (start.line !== end.line) return undefined;
  const text = mdastToString(node, { includeImageAlt: false, includeHtml: false }).trim();
  if (text === '' || text.length > MAX_LABEL) return undefined;
  const [only] = node.children;
  const styled =
    node.children.length === 1 && (only?.type === 'strong' || only?.type === 'emphasis');
  if (!styled && !text.endsWith(':')) return undefined;
  return text.replace(/\s*:$/, '');
}

/** Front matter, HTML (comments, the scaffold's hints), rules and definitions are not content. */
function classify(node: RootContent): 'ignore' | 'content' {
  switch (node.type) {
    case 'yaml':
    case 'html':
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
      return 'ignore';
    default:
      return 'content';
  }
}
