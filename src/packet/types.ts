/**
 * A promotion packet as read from Markdown, before it is compared with any ladder: its front
 * matter, its headings, and the evidence items and prose under each heading, with positions.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';

/** A 1-based range in the packet file. */
export interface PacketRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The packet's front matter after it passed `schema/packet.schema.json`. */
export interface FrontMatter {
  readonly candidate: string;
  /** The candidate's GitHub login, for evidence verification. */
  readonly github?: string;
  readonly ladder: string;
  readonly from?: string;
  readonly to: string;
  readonly cycle?: string;
  readonly sponsor?: string;
  readonly role?: string;
  readonly milestones?: Readonly<Record<string, number>>;
}

/** The front matter block: valid data (when it passed the schema) and positions of its keys. */
export interface FrontMatterBlock {
  /** Present only when the YAML parsed and passed the schema. */
  readonly data?: FrontMatter;
  /** Text values of the keys that could be read, even from invalid front matter (for display). */
  readonly strings: Readonly<Record<string, string>>;
  /** Where the value (or key) at `path` is in the packet; the whole block when it is absent. */
  locate(path: readonly (string | number)[], at?: 'key' | 'value'): PacketRange;
}

/** A link found in an evidence item. */
export interface PacketLink {
  readonly url: string;
  readonly line: number;
  readonly column: number;
  /**
   * Why the link does not count as evidence: it opens nothing outside the packet (`#anchor`,
   * `mailto:`, `localhost`, `example.com`, the packet itself, a `TODO` in the URL, no text).
   */
  readonly placeholder?: string;
  /** For a relative link: the repository path it leads to (the review checks that it exists). */
  readonly path?: string;
}

/** A nested item that is a placeholder: it does not count, and it is reported on its line. */
export interface NestedPlaceholder {
  readonly line: number;
  readonly column: number;
  readonly placeholder: string;
}

/** One top-level list item: a piece of evidence. Nested items belong to it. */
export interface PacketItem extends PacketRange {
  /** The item's text, nested items included, whitespace collapsed (at most 2,000 characters). */
  readonly text: string;
  /** `text` lower-cased and reduced to letters, digits and single spaces (`normaliseText`). */
  readonly normalised: string;
  /**
   * The item's own words as a claim, normalised: without nested items, link addresses, issue
   * references and `(addresses: N)` (compared with the expectations' wording).
   */
  readonly claim: string;
  /** `claim` without the labels of the item's links. */
  readonly bareClaim: string;
  /** A short rendering of the item's own text: links shown by their text, at most 160 characters. */
  readonly excerpt: string;
  readonly links: readonly PacketLink[];
  /** Issue references: `#123`, `org/repo#123`, `GH-123`, `PR#123`. */
  readonly references: readonly string[];
  /** Words shaped like tracker keys (`OPS-42`, but also `SEV-2`); the review keeps declared ones. */
  readonly keys: readonly string[];
  /** Why the item's own text is a placeholder rather than evidence (TBD, TODO, lorem ipsum ...). */
  readonly placeholder?: string;
  /** A task list item: `open` (`- [ ]`, a plan) or `done` (`- [x]`). */
  readonly task?: 'open' | 'done';
  /** Nested items that are placeholders (the item itself may still be evidence). */
  readonly nested: readonly NestedPlaceholder[];
  /** The item's `(addresses: …)` notes, nested items' included, where each is written. */
  readonly notes: readonly AddressNote[];
  /** Expectation numbers the item names with `(addresses: 2)` or `(addresses: 1, 3)`, from 1. */
  readonly addresses: readonly number[];
  /** Statement ids the item names with `(addresses: some-id)`, lower case. */
  readonly addressedIds: readonly string[];
  /** Phrases the item quotes (in double quotes), for matching against expectation wording. */
  readonly quotes: readonly string[];
}

/** An `(addresses: …)` note: where it starts, and what it names. */
export interface AddressNote {
  readonly line: number;
  readonly column: number;
  /** Expectation numbers as written, 0 included (it is reported: numbering starts at 1). */
  readonly numbers: readonly number[];
  /** Statement ids, lower case. */
  readonly ids: readonly string[];
  /** Entries that are neither a number nor an id (`Mastery 2`), clipped, for the comment only. */
  readonly unreadable: readonly string[];
}

/** A heading with its level (1-6), its plain text and where it is. */
export interface PacketHeading extends PacketRange {
  readonly depth: number;
  /** Plain text, at most 200 characters. */
  readonly text: string;
}

/** Content that is not a list (a paragraph, a table, a quote, code): where it starts. */
export interface ProseBlock {
  readonly line: number;
  /** A table: people put evidence in one, but its rows are not evidence items. */
  readonly table: boolean;
  /**
   * The text of a paragraph that looks like a heading without being one: one short line all in
   * bold or italics, or ending with a colon (`**Mastery**`, `Trust:`), without the colon.
   */
  readonly label?: string;
}

/** Content between headings: a list of evidence items, or anything else ("prose"). */
export type PacketBlock =
  | {
      readonly kind: 'list';
      /** Index into `headings` of the heading above, or -1 before the first heading. */
      readonly heading: number;
      readonly items: readonly PacketItem[];
    }
  | ({ readonly kind: 'prose'; readonly heading: number } & ProseBlock);

/** The Markdown body, parsed. */
export interface PacketBody {
  readonly headings: readonly PacketHeading[];
  readonly blocks: readonly PacketBlock[];
}

/** A packet file after parsing; the parts that could not be read are absent. */
export interface ParsedPacket {
  readonly path: string;
  /** The decoded text, when the file was small enough and valid UTF-8. */
  readonly text?: string;
  readonly frontMatter?: FrontMatterBlock;
  /** Absent when the file could not be parsed as Markdown at all. */
  readonly body?: PacketBody;
  /** Problems reading the file: size, encoding, complexity, front matter. */
  readonly findings: readonly Diagnostic[];
}
