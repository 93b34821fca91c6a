/**
 * The packet stage: bytes in, front matter and the Markdown structure out, with positions.
 * The size is checked before anything decodes the bytes, and the text's complexity before any
 * Markdown parser sees it; nothing here throws on any input.
 */
import type { Definition, Nodes, Root, RootContent } from 'mdast';
import { type Extension, fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as mdastToString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { decodeUtf8 } from '../load/yaml-document';
import { clip } from '../util/text';
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

/**
 * Could a text node hold a GFM autolink literal that the tokenizer left as text? The
 * autolink-literal transform of mdast-util-gfm only rewrites text matching `http://`, `https://`
 * or `www.` (any case), or containing `@` (email, `mailto:`, `xmpp:`), outside links.
 */
const AUTOLINK_CANDIDATE = /https?:\/\/|www\.|@/i;

/** Whether a text node outside links and link references could hold an autolink literal. */
export function hasAutolinkCandidate(node: Nodes): boolean {
  if (node.type === 'text') return AUTOLINK_CANDIDATE.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false;
  for (const child of node.children) if (hasAutolinkCandidate(child)) return true;
  return false;
}

/** micromark's GFM syntax extension. */
type SyntaxExtension = ReturnType<typeof gfm>;

/** The fields of a syntax extension that map characters to constructs. */
const CONSTRUCT_FIELDS = [
  'document',
  'contentInitial',
  'flowInitial',
  'flow',
  'string',
  'text',
] as const;

/** `extension` without the constructs called `names` (what micromark's `disable` names). */
function withoutConstructs(
  extension: SyntaxExtension,
  names: ReadonlySet<string>,
): SyntaxExtension {
  const out: SyntaxExtension = { ...extension };
  for (const field of CONSTRUCT_FIELDS) {
    const record = extension[field];
    if (!record) continue;
    const kept: NonNullable<SyntaxExtension[typeof field]> = {};
    for (const [code, value] of Object.entries(record)) {
      const list = (Array.isArray(value) ? value : [value]).filter(
        (construct): construct is NonNullable<typeof construct> =>
          construct !== undefined && !names.has(construct.name ?? ''),
      );
      if (list.length > 0) kept[code] = list;
    }
    out[field] = kept;
  }
  return out;
}

/**
 * The GFM extensions, made once (remark-gfm does the same per processor; they hold no state
 * between documents), in up to four variants. Two GFM constructs cost a packet of ordinary prose
 * a fifth more time than CommonMark alone: the email autolink literal, tried at the start of
 * every word, and the table, tried at the start of every line. Neither can succeed in text
 * without the characters it needs, so for such text it is left out, and the tree is exactly
 * the one the full extension gives (micromark backs out of a construct that fails without a
 * trace): an email address needs an `@`, and a table's delimiter row needs a `|`, or a `:`
 * next to a `-` (`:--`, `--:`).
 *
 * The autolink-literal transform of mdast-util-gfm walks every text node of the tree four
 * times, one regular expression each; it is skipped when no text node could match any of them,
 * which leaves the tree exactly as the transform would.
 */
const parseOptions = new Map<string, Options>();
let mdastExtensions: Extension[] | undefined;
function markdownOptions(text: string): Options {
  const email = text.includes('@');
  const table = text.includes('|') || text.includes(':-') || text.includes('-:');
  const key = `${email}/${table}`;
  const known = parseOptions.get(key);
  if (known) return known;
  mdastExtensions ??= gfmFromMarkdown().map((extension): Extension => {
    const transforms = extension.transforms;
    // Only the autolink-literal extension handles `literalAutolink` tokens.
    if (!transforms || !extension.enter || !Object.hasOwn(extension.enter, 'literalAutolink'))
      return extension;
    return {
      ...extension,
      transforms: transforms.map(
        (transform) => (tree: Root) => (hasAutolinkCandidate(tree) ? transform(tree) : undefined),
      ),
    };
  });
  const left = new Set([...(email ? [] : ['emailAutolink']), ...(table ? [] : ['table'])]);
  const syntax = left.size === 0 ? gfm() : withoutConstructs(gfm(), left);
  const options = { extensions: [syntax], mdastExtensions };
  parseOptions.set(key, options);
  return options;
}

/** A packet body as a Markdown tree: `fromMarkdown` with the GFM extensions. */
export function markdownTree(text: string): Root {
  return fromMarkdown(text, markdownOptions(text));
}

/** Headings and the blocks under them; lists become evidence items. */
function readBody(text: string): PacketBody {
  const tree = markdownTree(text);
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
