/**
 * Which dimension a heading names. Headings match a dimension's title, id or one of its
 * `aliases`, read as people read them (`normaliseText`: case, punctuation, dashes, invisible and
 * look-alike characters aside), after any common outline numbering (`1.`, `1.1`, `1.2.`, `III.`,
 * `(e)`, `a)`), with a suffix after a dash or colon (`Trust — evidence`, `Mastery: what I did`),
 * by the part of a title before a dash (`Ownership` for "Ownership — Manager of One"), and with a
 * group prefix (`Skill: Mastery`). A heading made of two or more dimensions' names and nothing else
 * (`Flexibility & Trust`, `Communication/Planning`) names no one dimension, but says which it holds.
 */

import type { Ladder } from '../model/types';
import { normaliseText } from '../packet/evidence';
import { disguises } from '../packet/visible-text';
import { closestOf } from '../util/suggest';

/** What a heading is to the review. */
export type HeadingMatch =
  | {
      readonly kind: 'dimension';
      readonly id: string;
      /** Invisible or look-alike characters without which the heading would not have matched. */
      readonly disguised?: readonly string[];
    }
  | { readonly kind: 'group'; readonly id: string }
  | {
      readonly kind: 'other';
      readonly suggestion?: string;
      /** The dimensions (two or more) a heading made only of their names names together. */
      readonly several?: readonly string[];
    };

/** Lookup tables for one ladder's dimensions and groups. */
export interface Matcher {
  /**
   * What `heading` names. With `suggest` false, a heading that names nothing gets no "did you
   * mean" suggestion (it costs an edit distance per title; callers that never show it skip it).
   */
  match(heading: string, suggest?: boolean): HeadingMatch;
}

/** The normalised forms under which a title or id (and its aliases) is recognised. */
export function keysOf(id: string, title: string, aliases: readonly string[] = []): string[] {
  const keys = [normaliseText(title), normaliseText(id)];
  const head = title.split(/\s[—–-]\s|:/)[0];
  if (head !== undefined && head !== title) keys.push(normaliseText(head));
  for (const alias of aliases) keys.push(normaliseText(alias));
  return [...new Set(keys.filter((k) => k !== ''))];
}

/**
 * Outline numbering before a heading's words: `1.`, `1.1`, `1.2.`, `1)`, `(1)`, `III.`, `iv)`,
 * `(e)`, `a)`, `A.`, `§ 2`, optionally followed by a dash or colon.
 */
const NUMBERING =
  /^\s*(?:§\s*|#)?(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(\d{1,3}\)|\d{1,3}\)|[ivxlcdm]{1,7}[.)]|\([ivxlcdm]{1,7}\)|[a-z][.)]|\([a-z]\))(?:\s*[-–—:])?\s+/i;

/** Where a heading's name may end and a suffix begin: a dash between spaces, a colon, a bracket. */
const SUFFIX = /\s[—–-]+\s|\s*[—–:|([]/g;

/**
 * Where other words may end and a dimension's name begin: a dash between spaces, a colon, a slash
 * between spaces, a bracket.
 */
const LEAD = /\s[—–-]+\s|\s*[—–:|([]\s*|\s+\/\s+/g;

/** Words that join names in a heading (`&` reads as `and`; `/`, `+` and commas read as spaces). */
const JOINERS = new Set(['and', 'or', 'plus']);

/** Headings longer than this (in words) are not read as a list of names. */
const MAX_LISTED_WORDS = 24;

/** Headings remembered per ladder, so that a packet full of odd headings cannot grow it. */
const MAX_REMEMBERED_HEADINGS = 200;

/** One matcher per ladder: the model is immutable, and every packet for a ladder needs it. */
const matchers = new WeakMap<Ladder, Matcher>();

/** The matcher for a ladder, built on first use. */
export function matcherFor(ladder: Ladder): Matcher {
  let matcher = matchers.get(ladder);
  if (!matcher) {
    matcher = buildMatcher(ladder);
    matchers.set(ladder, matcher);
  }
  return matcher;
}

/** The text a heading may name a dimension by: whole, without numbering, without a suffix. */
function candidates(heading: string): string[] {
  const out = [heading];
  const unnumbered = heading.replace(NUMBERING, '');
  if (unnumbered !== heading && unnumbered.trim() !== '') out.push(unnumbered);
  for (const text of [...out]) {
    const cuts = [...text.matchAll(SUFFIX)].map((m) => m.index).filter((i) => i > 0);
    // Longest first: `Skill: Mastery — evidence` is `Skill: Mastery` before it is `Skill`.
    for (const cut of cuts.reverse()) out.push(text.slice(0, cut));
  }
  return out;
}

/** Lower case, letters and digits only, without reading invisible or look-alike characters away. */
function plainKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function buildMatcher(ladder: Ladder): Matcher {
  const dimensions = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const d of ladder.dimensions) {
    titles.set(normaliseText(d.title), d.title);
    for (const alias of d.aliases) titles.set(normaliseText(alias), d.title);
    for (const key of keysOf(d.id, d.title, d.aliases))
      if (!dimensions.has(key)) dimensions.set(key, d.id);
  }
  const groups = new Map<string, string>();
  for (const g of ladder.groups)
    for (const key of keysOf(g.id, g.title)) if (!groups.has(key)) groups.set(key, g.id);
  /** The dimension or group a normalised key names. */
  const lookup = (text: string): HeadingMatch | undefined => {
    const direct = dimensions.get(text);
    if (direct !== undefined) return { kind: 'dimension', id: direct };
    for (const key of groups.keys()) {
      if (!text.startsWith(`${key} `)) continue;
      const rest = dimensions.get(text.slice(key.length + 1));
      if (rest !== undefined) return { kind: 'dimension', id: rest };
    }
    const group = groups.get(text);
    if (group !== undefined) return { kind: 'group', id: group };
    return undefined;
  };
  /** The first dimension any candidate names, else the first group. */
  const leading = (heading: string, key: (text: string) => string): HeadingMatch | undefined => {
    let group: HeadingMatch | undefined;
    for (const candidate of candidates(heading)) {
      const found = lookup(key(candidate));
      if (found?.kind === 'dimension') return found;
      group ??= found;
    }
    return group;
  };
  /**
   * The one dimension named after other words, behind a dash, colon or slash or in brackets
   * (`Beherrschung (Mastery)`, `Umfang — Scope`: a packet in another language gives the ladder's
   * name beside its own), when the words before it name no dimension (`Flexibility / Trust` names
   * two).
   */
  const trailing = (heading: string, key: (text: string) => string): HeadingMatch | undefined => {
    const text = heading.replace(NUMBERING, '');
    const cuts = [...text.matchAll(LEAD)].filter((m) => m.index > 0);
    const first = cuts[0];
    if (first === undefined || lookup(key(text.slice(0, first.index)))?.kind === 'dimension')
      return undefined;
    const ids = new Set<string>();
    let group: HeadingMatch | undefined;
    for (const cut of cuts) {
      const found = leading(text.slice(cut.index + cut[0].length).replace(/[)\]]+$/, ''), key);
      if (found?.kind === 'dimension') ids.add(found.id);
      else group ??= found;
    }
    const [id] = ids;
    if (ids.size > 1) return undefined;
    return id !== undefined ? { kind: 'dimension', id } : group;
  };
  const named = (heading: string, key: (text: string) => string): HeadingMatch | undefined => {
    const found = leading(heading, key);
    if (found?.kind === 'dimension') return found;
    return trailing(heading, key) ?? found;
  };
  /** A dimension whose name the heading holds as whole words, when exactly one does. */
  const mentioned = (text: string): string | undefined => {
    const found = new Set<string>();
    for (const [key, title] of titles)
      if (key.length >= 4 && ` ${text} `.includes(` ${key} `)) found.add(title);
    return found.size === 1 ? [...found][0] : undefined;
  };
  /** Words in the longest name: no longer run of a heading's words can be one. */
  const longest = Math.max(
    1,
    ...[...dimensions.keys(), ...groups.keys()].map((k) => k.split(' ').length),
  );
  /**
   * The dimensions a heading lists, when its words are dimensions' names (longest first, so that
   * `Tech and Tooling & Trust` is two), joiners and group names, and nothing else.
   */
  const listed = (text: string): string[] | undefined => {
    const words = text.split(' ');
    if (words.length > MAX_LISTED_WORDS) return undefined;
    const ids: string[] = [];
    let i = 0;
    next: while (i < words.length) {
      for (let j = Math.min(words.length, i + longest); j > i; j--) {
        const key = words.slice(i, j).join(' ');
        const id = dimensions.get(key);
        if (id === undefined && !groups.has(key)) continue;
        if (id !== undefined && !ids.includes(id)) ids.push(id);
        i = j;
        continue next;
      }
      if (!JOINERS.has(words[i] ?? '')) return undefined;
      i++;
    }
    return ids.length >= 2 ? ids : undefined;
  };
  /** The dimensions the first candidate that lists several of them lists. */
  const several = (heading: string): string[] | undefined => {
    for (const candidate of candidates(heading)) {
      const ids = listed(normaliseText(candidate));
      if (ids) return ids;
    }
    return undefined;
  };
  // Packets for a ladder repeat the same headings; "did you mean" costs an edit distance per title.
  const known = new Map<string, HeadingMatch>();
  const match = (heading: string, suggest: boolean): HeadingMatch => {
    const found = named(heading, normaliseText);
    if (found?.kind === 'dimension') {
      const hidden = disguises(heading);
      if (hidden.length === 0) return found;
      const plain = named(heading, plainKey);
      return plain?.kind === 'dimension' && plain.id === found.id
        ? found
        : { ...found, disguised: hidden };
    }
    const ids = several(heading);
    if (ids) return { kind: 'other', several: ids };
    if (found) return found;
    const text = normaliseText(heading.replace(NUMBERING, ''));
    if (text.length > 60 || !suggest) return { kind: 'other' };
    const suggestion = closestOf(text, titles) ?? mentioned(text);
    return suggestion === undefined ? { kind: 'other' } : { kind: 'other', suggestion };
  };
  return {
    match(heading, suggest = true) {
      const seen = known.get(heading);
      if (seen) return suggest || seen.kind !== 'other' || seen.several ? seen : { kind: 'other' };
      const result = match(heading, suggest);
      if (suggest && known.size < MAX_REMEMBERED_HEADINGS) known.set(heading, result);
      return result;
    },
  };
}
