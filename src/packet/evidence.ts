/**
 * One list item as a piece of evidence: its text, a short excerpt, its links and issue
 * references, whether it is a placeholder, and which expectations it says it addresses.
 *
 * The convention for naming expectations: write `(addresses: 2)` or `(addresses: 1, 3)` in the
 * item, where the numbers are the target level's expectations in that dimension as `new-packet`
 * numbers them, or name them by id: `(addresses: ships-small-changes, 3)`; quoting three or more
 * words of an expectation in double quotes works too.
 */
import type { Definition, ListItem, Nodes, PhrasingContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { PacketItem, PacketLink } from './types';

const MAX_TEXT = 2000;
const MAX_EXCERPT = 160;

/** Whole-item texts that mean "nothing here yet". */
const PLACEHOLDER_TEXTS = new Set([
  'tbd',
  'tba',
  'todo',
  'fixme',
  'xxx',
  'wip',
  'n a',
  'na',
  'none',
  'nothing',
  'placeholder',
  'evidence',
  'link',
  'add evidence',
  'add evidence here',
  'evidence here',
  'coming soon',
]);

/** Upper-case markers that flag unfinished text anywhere in an item. */
const PLACEHOLDER_MARKER = /\b(TBD|TBA|TODO|FIXME|XXX)\b/;

/** Hosts reserved for examples (RFC 2606); a link there is a placeholder. */
const EXAMPLE_HOST = /(^|\.)example\.(com|org|net)$/i;

/** Issue references in plain text: `#123`, `org/repo#123`, `GH-123`, tracker keys `OPS-42`. */
const REFERENCE =
  /(?<![\w/#-])((?:[A-Za-z0-9][\w.-]{0,38}\/[\w.-]{1,100})?#\d{1,9}|GH-\d{1,9}|[A-Z]{2,10}-\d{1,9})(?![\w-])/g;

const ADDRESSES =
  /\baddress(?:es|ed|ing)?\s*:?\s*((?:expectations?\s*)?#?\d{1,2}(?:\s*(?:,|&|and|\+)\s*#?\d{1,2})*)/gi;

/** `(addresses: a, b)`: the list inside the parentheses, where statement ids are read. */
const ADDRESSED_LIST = /\(\s*address(?:es|ed|ing)?\s*:\s*([^()\n]{1,300})\)/gi;

const QUOTE = /"([^"\n]{5,300})"|“([^”\n]{5,300})”/g;

/**
 * Non-ASCII characters that are neither letters nor digits and that NFKC leaves so, or turns into
 * other such characters (dashes, quotes, bullets, an arrow, the no-break space, the ellipsis).
 */
const SEPARATOR_CHARACTERS =
  /[\u00a0\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2192]/g;
const NOT_ASCII = /[\u0080-\uffff]/;

/** Lower-cases and reduces text to letters, digits and single spaces, for comparisons. */
export function normaliseText(text: string): string {
  // Most text is ASCII with a dash or quote here and there: NFKC changes none of it, and its
  // letters and digits are [A-Za-z0-9], so this gives the general path's result at less cost.
  let plain = text;
  if (NOT_ASCII.test(plain)) {
    plain = plain.replace(SEPARATOR_CHARACTERS, ' ');
    if (NOT_ASCII.test(plain)) return normaliseUnicode(text);
  }
  return plain
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function normaliseUnicode(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Collapses whitespace and clips to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** `host/path` of a URL, without the scheme, for excerpts. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '');
    return clip(`${parsed.host}${path}`, 60);
  } catch {
    return clip(url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''), 60);
  }
}

/** Reads one top-level list item. `definitions` resolves `[text][ref]` links. */
export function readItem(item: ListItem, definitions: ReadonlyMap<string, Definition>): PacketItem {
  const start = item.position?.start ?? { line: 1, column: 1 };
  const end = item.position?.end ?? start;
  const text = clip(mdastToString(item, { includeImageAlt: false }), MAX_TEXT);
  const links: PacketLink[] = [];
  const references = new Set<string>();
  // Depth first, in document order: links are read whole, code and HTML are not evidence text.
  const walk = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'linkReference') {
      const url =
        node.type === 'link'
          ? node.url
          : (definitions.get(node.identifier.toLowerCase())?.url ?? '');
      const at = node.position?.start ?? start;
      const why = linkPlaceholder(url);
      links.push({ url, line: at.line, column: at.column, ...(why ? { placeholder: why } : {}) });
      return;
    }
    if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') return;
    if (node.type === 'text') {
      for (const match of node.value.matchAll(REFERENCE)) if (match[1]) references.add(match[1]);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(item);
  const excerpt = clip(excerptOf(item), MAX_EXCERPT);
  const normalised = normaliseText(text);
  const placeholder = itemPlaceholder(text, links, normalised);
  return {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    text,
    normalised,
    excerpt,
    links,
    references: [...references],
    ...(placeholder ? { placeholder } : {}),
    addresses: addressedNumbers(text),
    addressedIds: addressedIds(text),
    quotes: [...text.matchAll(QUOTE)]
      .map((m) => m[1] ?? m[2] ?? '')
      .filter((q) => normaliseText(q).split(' ').length >= 3),
  };
}

/**
 * Why an item is a placeholder, or undefined when it is real evidence. `plain` is
 * `normaliseText(text)`, when the caller has it already.
 */
export function itemPlaceholder(
  text: string,
  links: readonly PacketLink[],
  plain = normaliseText(text),
): string | undefined {
  const realLink = links.some((l) => l.placeholder === undefined);
  if (plain === '') return realLink ? undefined : 'the item is empty';
  if (!realLink && PLACEHOLDER_TEXTS.has(plain)) return `“${clip(text, 20)}” is a placeholder`;
  const marker = PLACEHOLDER_MARKER.exec(text);
  if (marker) return `it still says ${marker[1]}`;
  if (/\blorem ipsum\b/.test(plain)) return 'it is lorem ipsum';
  return undefined;
}

function linkPlaceholder(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed === '#' || /^\.{2,}$|^…$/.test(trimmed)) return 'the link is empty';
  // `file:` points at the reader's own disk, not at anything a reviewer can open.
  if (/^(javascript|data|vbscript|file):/i.test(trimmed)) return 'the link is not a web address';
  if (/TODO|TBD|FIXME|XXX/.test(trimmed)) return 'the link is a placeholder';
  // Parsing a URL is slow; a host the parser could turn into an example domain must spell
  // `example`, or be percent-encoded, or hold a character outside printable ASCII.
  if (!/example/i.test(trimmed) && !/[^\x21-\x7e]|%/.test(trimmed)) return undefined;
  try {
    if (EXAMPLE_HOST.test(new URL(trimmed).hostname)) return 'the link points at an example domain';
  } catch {
    // A relative link (a document in the repository) is real evidence.
  }
  return undefined;
}

/** Expectation numbers written as `addresses: 1, 3` (1..99), in order, without repeats. */
export function addressedNumbers(text: string): number[] {
  const out: number[] = [];
  for (const match of text.matchAll(ADDRESSES)) {
    for (const digits of (match[1] ?? '').match(/\d{1,2}/g) ?? []) {
      const n = Number(digits);
      if (n >= 1 && !out.includes(n)) out.push(n);
    }
  }
  return out;
}

/** Statement ids written as `(addresses: some-id, other-id)`, lower case, without repeats. */
export function addressedIds(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(ADDRESSED_LIST)) {
    for (const token of (match[1] ?? '').split(/\s*(?:,|&|\+|\band\b)\s*/)) {
      const id = token.trim().toLowerCase();
      if (/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id) && !/^\d+$/.test(id) && !out.includes(id))
        out.push(id);
    }
  }
  return out;
}

/** The item's own words (nested lists left out), links shown by their text or short address. */
function excerptOf(item: ListItem): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (parts.length > 200) return;
    switch (node.type) {
      case 'list':
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
      case 'definition':
      case 'footnoteDefinition':
        return;
      case 'text':
      case 'inlineCode':
        parts.push(node.value);
        return;
      case 'code':
        parts.push(' ');
        return;
      case 'break':
        parts.push(' ');
        return;
      case 'link': {
        const label = mdastToString(node, { includeImageAlt: false });
        parts.push(label === '' || label === node.url ? shortUrl(node.url) : label);
        return;
      }
      default:
        if ('children' in node) {
          for (const child of node.children as (PhrasingContent | Nodes)[]) walk(child);
          if (node.type === 'paragraph' || node.type === 'heading') parts.push(' ');
        }
    }
  };
  for (const child of item.children) walk(child);
  return parts.join('');
}
