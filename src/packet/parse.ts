/**
 * The packet stage: bytes in, front matter and the Markdown structure out, with positions.
 * The size is checked before anything decodes the bytes, and the text's complexity before any
 * Markdown parser sees it; nothing here throws on any input.
 */
import type { Definition, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as mdastToString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { decodeUtf8 } from '../load/yaml-document';
import { complexityProblem } from './complexity';
import { clip, readItem } from './evidence';
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

/** Parses one packet file. Never throws. */
export function parsePacket(path: string, bytes: Uint8Array, limits: PacketLimits): ParsedPacket {
  if (bytes.byteLength > limits.maxBytes) {
    return { path, findings: [packetTooLarge(path, bytes.byteLength, limits.maxBytes)] };
  }
  const decoded = decodeUtf8(path, bytes);
  if (!decoded.ok) return { path, findings: [decoded.diagnostic] };
  return parsePacketText(path, decoded.text);
}

/** Parses decoded packet text (the caller has checked its size). Never throws. */
export function parsePacketText(path: string, text: string): ParsedPacket {
  const findings: Diagnostic[] = [];
  const split = splitFrontMatter(text);
  let frontMatter: FrontMatterBlock | undefined;
  if (split.kind === 'none') {
    findings.push({
      code: 'front-matter-missing',
      severity: 'error',
      message:
        'The packet has no front matter; start it with a `---` line, then `candidate:`, `ladder:`, `from:` and `to:` lines, then `---` (or scaffold one with `npx ladder new-packet`).',
      file: path,
      line: 1,
      column: 1,
    });
  } else if (split.kind === 'unclosed') {
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
  } else {
    const read = readFrontMatter(path, split.yaml, 1, {
      line: 1,
      column: 1,
      endLine: split.endLine,
      endColumn: 4,
    });
    frontMatter = read.frontMatter;
    findings.push(...read.findings);
  }
  const tooComplex = complexityProblem(path, text);
  if (tooComplex) {
    findings.push(tooComplex);
    return { path, text, ...(frontMatter ? { frontMatter } : {}), findings };
  }
  let body: PacketBody;
  try {
    body = readBody(split.kind === 'block' ? split.body : text);
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
    return { path, text, ...(frontMatter ? { frontMatter } : {}), findings };
  }
  return { path, text, ...(frontMatter ? { frontMatter } : {}), body, findings };
}

type Split =
  | { readonly kind: 'none' }
  | { readonly kind: 'unclosed' }
  | {
      readonly kind: 'block';
      readonly yaml: string;
      /** Line of the closing `---`. */
      readonly endLine: number;
      /** The text with the front matter replaced by as many empty lines, so lines still match. */
      readonly body: string;
    };

/**
 * Finds the front matter: `---` alone on the first line, closed by the next line that is `---`
 * alone. The Markdown parser never sees it: it gets empty lines in its place.
 */
function splitFrontMatter(text: string): Split {
  const open = /^---[ \t]*(\r?\n|$)/.exec(text);
  if (!open) return { kind: 'none' };
  const close = /^---[ \t]*\r?$/m.exec(text.slice(open[0].length));
  if (!close) return { kind: 'unclosed' };
  const yaml = text.slice(open[0].length, open[0].length + close.index).replace(/\r?\n$/, '');
  const endLine = 2 + countNewlines(text.slice(open[0].length, open[0].length + close.index));
  const rest = text.slice(open[0].length + close.index + close[0].length);
  return { kind: 'block', yaml, endLine, body: '\n'.repeat(endLine - 1) + rest };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** Headings and the blocks under them; lists become evidence items. */
function readBody(text: string): PacketBody {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const definitions = new Map<string, Definition>();
  for (const node of tree.children)
    if (node.type === 'definition' && !definitions.has(node.identifier.toLowerCase()))
      definitions.set(node.identifier.toLowerCase(), node);
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
        items: node.children.map((item) => readItem(item, definitions)),
      });
    } else {
      blocks.push({ kind: 'prose', heading, line: node.position?.start.line ?? 1 });
    }
  }
  return { headings, blocks };
}

/** Front matter, HTML (comments, the scaffold's hints), rules and definitions are not content. */
function classify(node: RootContent): 'ignore' | 'content' {
  switch (node.type) {
    case 'html':
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
      return 'ignore';
    default:
      return 'content';
  }
}
