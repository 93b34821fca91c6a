/**
 * One list item as a piece of evidence: its text, a short excerpt, its links and issue
 * references, whether it is a placeholder, and which expectations it says it addresses
 * (`(addresses: …)` notes, see `addresses.ts`; quoting three or more words of an expectation in
 * double quotes works too).
 */
import type { Definition, FootnoteDefinition, ListItem, Nodes, PhrasingContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { clip } from '../util/text';
import { NOTE_PATTERN, notesIn } from './addresses';
import { htmlHrefs, linkTarget } from './links';
import { placeholderReason } from './placeholders';
import { struckThrough } from './struck';
import type { AddressNote, NestedPlaceholder, PacketItem, PacketLink } from './types';
import { visibleText } from './visible-text';

const MAX_TEXT = 2000;
const MAX_EXCERPT = 160;

/**
 * Issue references GitHub links in plain text: `#123`, `org/repo#123`, `GH-123`, and `PR#123`
 * as people write it. An `(addresses: …)` note is matched first and skipped whole: its `#2` is an
 * expectation, not an issue.
 */
const REFERENCE = new RegExp(
  `${NOTE_PATTERN}|${String.raw`(?<![\w/#-])(?<reference>(?:[A-Za-z0-9][\w.-]{0,38}\/[\w.-]{1,100})?#\d{1,9}|GH-\d{1,9}|[Pp][Rr] ?#\d{1,9})(?![\w-])`}`,
  'g',
);

/** Tracker keys (`OPS-42`); they count only for the prefixes `evidence.trackers` declares. */
const TRACKER_KEY = /(?<![\w/#-])([A-Z][A-Z0-9]{0,9}-\d{1,9})(?![\w-])/g;

const QUOTE = /"([^"\n]{5,300})"|“([^”\n]{5,300})”/g;

/**
 * Non-ASCII characters that are neither letters nor digits and that NFKC leaves so, or turns into
 * other such characters (dashes, quotes, bullets, an arrow, the no-break space, the ellipsis).
 */
const SEPARATOR_CHARACTERS =
  /[\u00a0\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2192]/g;
const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * Text as people read it (`visibleText`: NFKC, no invisible characters, look-alikes folded),
 * lower-cased and reduced to letters, digits and single spaces, for comparisons.
 */
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
  return visibleText(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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

/** What an item needs from the rest of the packet: its path, and definitions anywhere in it. */
export interface ItemContext {
  /** The packet's repository path, to resolve relative links and spot links to itself. */
  readonly path: string;
  /** The packet's text, which the positions of the tree count in (to place `(addresses: …)`). */
  readonly source: string;
  /** Link reference definitions by lower-case label (the first of a label wins). */
  readonly definitions: ReadonlyMap<string, Definition>;
  /** Footnote definitions by lower-case label. */
  readonly footnotes: ReadonlyMap<string, FootnoteDefinition>;
}

/** What the walk of one item (or one nested item) found. */
interface Found {
  readonly links: PacketLink[];
  readonly references: Set<string>;
  readonly keys: Set<string>;
  image: boolean;
}

/** Reads one top-level list item: its links and references wherever GitHub renders them. */
export function readItem(item: ListItem, context: ItemContext): PacketItem {
  const start = item.position?.start ?? { line: 1, column: 1 };
  const end = item.position?.end ?? start;
  const text = clip(shownText(item), MAX_TEXT);
  const found: Found = { links: [], references: new Set(), keys: new Set(), image: false };
  const nested: NestedPlaceholder[] = [];
  const footnotesSeen = new Set<string>();
  // Depth first, in document order: links are read whole, code is not evidence text.
  const walk = (node: Nodes, into: Found): void => {
    switch (node.type) {
      case 'link':
      case 'linkReference': {
        const url =
          node.type === 'link'
            ? node.url
            : (context.definitions.get(node.identifier.toLowerCase())?.url ?? '');
        const label = visibleText(mdastToString(node, { includeImageAlt: false })).trim();
        const shows =
          label !== '' ||
          node.children.some((c) => c.type === 'image' || c.type === 'imageReference');
        into.links.push(packetLink(url, node.position?.start ?? start, context.path, shows));
        if (!shows) return;
        for (const child of node.children)
          if (child.type === 'image' || child.type === 'imageReference') into.image = true;
        return;
      }
      case 'image':
      case 'imageReference':
        into.image = true;
        return;
      case 'footnoteReference': {
        const id = node.identifier.toLowerCase();
        const definition = context.footnotes.get(id);
        if (!definition || footnotesSeen.has(id)) return;
        footnotesSeen.add(id);
        // The footnote's links and references belong to the item that cites it.
        for (const child of definition.children) walk(child, into);
        return;
      }
      case 'html':
        for (const href of htmlHrefs(withoutComments(node.value)))
          into.links.push(packetLink(href, node.position?.start ?? start, context.path, true));
        return;
      case 'inlineCode':
      case 'code':
      case 'definition':
      case 'footnoteDefinition':
        return;
      case 'text':
        // `exec` in a loop rather than `matchAll`, which copies the expression for every text.
        REFERENCE.lastIndex = 0;
        for (let match = REFERENCE.exec(node.value); match; match = REFERENCE.exec(node.value)) {
          const reference = match.groups?.reference;
          if (reference) into.references.add(reference.replace(/^pr ?/i, 'PR'));
        }
        TRACKER_KEY.lastIndex = 0;
        for (let match = TRACKER_KEY.exec(node.value); match; match = TRACKER_KEY.exec(node.value))
          if (match[1] && !match[1].startsWith('GH-')) into.keys.add(match[1]);
        return;
      case 'list':
        // Nested items belong to the item above, but a placeholder among them is its own.
        for (const child of node.children) {
          const own: Found = { links: [], references: new Set(), keys: new Set(), image: false };
          for (const grandchild of child.children) walk(grandchild, own);
          const at = child.position?.start ?? start;
          const why = ownPlaceholder(child, own, true);
          if (why !== undefined)
            nested.push({ line: at.line, column: at.column, placeholder: why });
          else {
            into.links.push(...own.links);
            for (const r of own.references) into.references.add(r);
            for (const k of own.keys) into.keys.add(k);
          }
        }
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) walk(child, into);
    }
  };
  for (const child of item.children) walk(child, found);
  const excerpt = clip(excerptOf(item), MAX_EXCERPT);
  const normalised = normaliseText(text);
  const placeholder = ownPlaceholder(item, found);
  const notes = addressNotes(text, item, context.source);
  return {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    text,
    normalised,
    ...claimsOf(item),
    excerpt,
    links: found.links,
    references: [...found.references],
    keys: [...found.keys],
    ...(placeholder ? { placeholder } : {}),
    ...(item.checked === false
      ? { task: 'open' as const }
      : item.checked === true
        ? { task: 'done' as const }
        : {}),
    nested,
    notes,
    addresses: [...new Set(notes.flatMap((n) => n.numbers.filter((k) => k >= 1)))],
    addressedIds: [...new Set(notes.flatMap((n) => n.ids))],
    quotes: [...text.matchAll(QUOTE)]
      .map((m) => m[1] ?? m[2] ?? '')
      .filter((q) => normaliseText(q).split(' ').length >= 3),
  };
}

function packetLink(
  url: string,
  at: { line: number; column: number },
  path: string,
  shows: boolean,
): PacketLink {
  const target = linkTarget(url, path);
  const base = { url, line: at.line, column: at.column };
  if (target.kind === 'none') return { ...base, placeholder: target.why };
  if (!shows) return { ...base, placeholder: 'the link has no text to click' };
  return target.kind === 'file' ? { ...base, path: target.path } : base;
}

/**
 * An item's text as mdast-util-to-string gives it (image descriptions left out), but without HTML
 * comments: GitHub shows none of them, so a hint left in one (`<!-- e.g. (addresses: 1) -->`, a
 * quote, a TODO) is not something the item says. Other HTML stays: `<link>` in a template is a
 * placeholder its author meant to replace.
 */
function shownText(node: Nodes): string {
  if (node.type === 'html') return withoutComments(node.value);
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(shownText).join('');
  return '';
}

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const withoutComments = (html: string): string => html.replace(HTML_COMMENT, '');

/** The text of an item without its nested lists, its code between backticks (not a marker left). */
function ownText(item: ListItem): string {
  const parts: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'list') return;
    if (node.type === 'inlineCode' || node.type === 'code') parts.push(`\`${node.value}\``);
    else if (node.type === 'html') parts.push(withoutComments(node.value));
    else if ('value' in node) parts.push(node.value);
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const child of item.children) walk(child);
  return parts.join('');
}

/**
 * Why an item (judged on its own words, not its nested items') is a placeholder; a `detail` struck
 * through is a correction, not one.
 */
function ownPlaceholder(item: ListItem, found: Found, detail = false): string | undefined {
  const own = item.children.filter((c) => c.type !== 'list');
  return placeholderReason({
    text: clip(ownText(item), MAX_TEXT),
    realLink: found.links.some((l) => l.placeholder === undefined),
    anyLink: found.links.length > 0,
    image: found.image,
    struck: !detail && struckThrough(own, (text) => text.replace(REFERENCE, ' ')),
    ...(found.links.length > 0 ? { bare: clip(wordsOutsideLinks(own), MAX_TEXT) } : {}),
  });
}

/** The text of nodes without the labels of their links. */
function wordsOutsideLinks(nodes: readonly Nodes[]): string {
  const parts: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'list') return;
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
    parts.push(' ');
  };
  for (const node of nodes) walk(node);
  return parts.join('');
}

/**
 * The item's own words as a claim, normalised: without nested items, link addresses, issue
 * references and `(addresses: N)` or `(addresses: some-id)`; with the labels of its links, and
 * without them.
 */
function claimsOf(item: ListItem): { claim: string; bareClaim: string } {
  const withLabels: string[] = [];
  const bare: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'list' || node.type === 'inlineCode' || node.type === 'code') return;
    if (node.type === 'link' || node.type === 'linkReference') {
      const label = mdastToString(node, { includeImageAlt: false });
      // An autolink shows its address, which is not a claim.
      if (!(node.type === 'link' && (label === node.url || /^(https?:\/\/|www\.)/i.test(label))))
        withLabels.push(` ${label} `);
      return;
    }
    if (node.type === 'text') {
      withLabels.push(node.value);
      bare.push(node.value);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
    withLabels.push(' ');
    bare.push(' ');
  };
  for (const child of item.children) walk(child);
  // REFERENCE takes out `(addresses: …)` notes with the references.
  const clean = (parts: string[]) =>
    normaliseText(parts.join('').replace(REFERENCE, ' ').slice(0, MAX_TEXT));
  return { claim: clean(withLabels), bareClaim: clean(bare) };
}

/**
 * Why a piece of text is a placeholder, or undefined when it is real evidence (for tests and
 * callers without a Markdown tree).
 */
export function itemPlaceholder(text: string, links: readonly PacketLink[]): string | undefined {
  return placeholderReason({
    text,
    realLink: links.some((l) => l.placeholder === undefined),
    anyLink: links.length > 0,
    image: false,
  });
}

/**
 * The item's `(addresses: …)` notes, each where it is written: found again, in the same order,
 * in the item's Markdown (only items with a note pay for that); at the item when the two readings
 * do not agree (a note split by emphasis, say).
 */
function addressNotes(text: string, item: ListItem, source: string): AddressNote[] {
  const found = notesIn(text);
  if (found.length === 0) return [];
  const start = item.position?.start ?? { line: 1, column: 1 };
  const from = start.offset ?? 0;
  const markdown = source.slice(from, item.position?.end.offset ?? from);
  const written = notesIn(markdown);
  return found.map((note, k) => {
    const at = written.length === found.length ? written[k]?.index : undefined;
    const { numbers, ids, unreadable } = note;
    if (at === undefined)
      return { line: start.line, column: start.column, numbers, ids, unreadable };
    const before = markdown.slice(0, at);
    const breaks = before.split('\n').length - 1;
    const column = breaks === 0 ? start.column + at : at - before.lastIndexOf('\n');
    return { line: start.line + breaks, column, numbers, ids, unreadable };
  });
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
