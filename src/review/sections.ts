/**
 * Assigns the packet's content to dimensions. A heading that names a dimension opens its section;
 * the section runs to the next heading of the same or a higher level, so sub-headings inside it
 * belong to it. A group heading (`## Skill`) opens no section; the dimension headings under it do.
 */
import type { Ladder, Level } from '../model/types';
import { normaliseText } from '../packet/evidence';
import type { PacketBody, PacketHeading, PacketItem, ProseBlock } from '../packet/types';
import { matcherFor } from './match';
import type { SectionUnit } from './types';

/**
 * How a level is judged, and so what a packet's sections are: its dimensions (the level requires
 * some), else its abilities (it asks for milestones or points), else the level as a whole (one
 * Evidence section).
 */
export function sectionUnit(level: Level): SectionUnit {
  if (level.requires.length > 0) return 'dimension';
  return level.points !== undefined || level.abilities.length > 0 ? 'ability' : 'section';
}

/** The content a packet gives one dimension (several sections are merged). */
export interface DimensionSection {
  readonly id: string;
  readonly headings: readonly PacketHeading[];
  readonly items: readonly PacketItem[];
  /** Content that is not a list (paragraphs, tables, quotes, code). */
  readonly prose: readonly ProseBlock[];
}

/** What each heading is. */
export type HeadingRole =
  | {
      readonly kind: 'dimension';
      readonly id: string;
      readonly duplicate: boolean;
      /** Invisible or look-alike characters without which the heading would not have matched. */
      readonly disguised?: readonly string[];
    }
  | { readonly kind: 'group'; readonly id: string }
  | { readonly kind: 'inside'; readonly dimension: string }
  | {
      readonly kind: 'other';
      readonly suggestion?: string;
      /** The dimensions a heading such as `Flexibility & Trust` names together. */
      readonly several?: readonly string[];
    };

/** Sections by dimension id, and the role of every heading (same order as the headings). */
export interface SectionAnalysis {
  readonly sections: ReadonlyMap<string, DimensionSection>;
  readonly roles: readonly HeadingRole[];
  /**
   * The first heading outside every section that names each dimension together with others
   * (`## Flexibility & Trust`): nothing under it counts, and the advice for the dimension says so.
   */
  readonly combined: ReadonlyMap<string, CombinedHeading>;
  /**
   * The first line outside every section that names each dimension in bold or before a colon
   * (`**Mastery**`, `Trust:`): a paragraph to Markdown, which its author took for a heading.
   */
  readonly labels: ReadonlyMap<string, NameLine>;
}

/** A line that names a dimension without being a heading, and the heading level it would take. */
export interface NameLine {
  readonly line: number;
  /** One below the heading above it (`###` under `## Skill`), `##` above every heading. */
  readonly depth: number;
}

/** A heading that names several dimensions, as seen from one of them. */
export interface CombinedHeading {
  readonly line: number;
  /** How many other dimensions it names. */
  readonly others: number;
}

/** Splits the body into dimension sections. */
export function analyseSections(ladder: Ladder, body: PacketBody): SectionAnalysis {
  const matcher = matcherFor(ladder);
  const roles: HeadingRole[] = [];
  const owners: (string | undefined)[] = [];
  const stack: { depth: number; owner: string | undefined }[] = [];
  const seen = new Set<string>();
  for (const heading of body.headings) {
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= heading.depth) stack.pop();
    const parent = stack[stack.length - 1]?.owner;
    // A suggestion is shown only for a heading of level 2 or more outside a dimension's section.
    const match = matcher.match(heading.text, heading.depth >= 2 && parent === undefined);
    let owner: string | undefined;
    if (match.kind === 'dimension') {
      roles.push({
        kind: 'dimension',
        id: match.id,
        duplicate: seen.has(match.id),
        ...(match.disguised ? { disguised: match.disguised } : {}),
      });
      seen.add(match.id);
      owner = match.id;
    } else if (match.kind === 'group') {
      roles.push(match);
    } else if (parent !== undefined) {
      roles.push({ kind: 'inside', dimension: parent });
      owner = parent;
    } else {
      roles.push(match);
    }
    owners.push(owner);
    stack.push({ depth: heading.depth, owner });
  }
  const sections = new Map<
    string,
    { headings: PacketHeading[]; items: PacketItem[]; prose: ProseBlock[] }
  >();
  body.headings.forEach((heading, i) => {
    const role = roles[i];
    if (role?.kind !== 'dimension') return;
    const section = sections.get(role.id) ?? { headings: [], items: [], prose: [] };
    section.headings.push(heading);
    sections.set(role.id, section);
  });
  const labels = new Map<string, NameLine>();
  for (const block of body.blocks) {
    const owner = block.heading >= 0 ? owners[block.heading] : undefined;
    const section = owner === undefined ? undefined : sections.get(owner);
    if (!section && block.kind === 'prose' && block.label !== undefined) {
      const named = matcher.match(block.label, false);
      const depth = Math.min(6, (body.headings[block.heading]?.depth ?? 1) + 1);
      if (named.kind === 'dimension' && !labels.has(named.id))
        labels.set(named.id, { line: block.line, depth });
    }
    if (!section) continue;
    if (block.kind === 'list') section.items.push(...block.items);
    else section.prose.push(block);
  }
  const combined = new Map<string, CombinedHeading>();
  body.headings.forEach((heading, i) => {
    const role = roles[i];
    if (role?.kind !== 'other' || role.several === undefined) return;
    const others = role.several.length - 1;
    for (const id of role.several)
      if (!combined.has(id)) combined.set(id, { line: heading.line, others });
  });
  return {
    sections: new Map([...sections].map(([id, s]) => [id, { id, ...s }])),
    roles,
    combined,
    labels,
  };
}

/**
 * Every item and prose block of the body as one section (levels without dimensions), with the
 * headings named `title` (the `## Evidence` that new-packet writes), where evidence is asked for.
 */
export function wholeBody(id: string, title: string, body: PacketBody): DimensionSection {
  const items: PacketItem[] = [];
  const prose: ProseBlock[] = [];
  for (const block of body.blocks) {
    if (block.kind === 'list') items.push(...block.items);
    else prose.push(block);
  }
  const name = normaliseText(title);
  const headings = body.headings.filter((h) => normaliseText(h.text) === name);
  return { id, headings, items, prose };
}
