/**
 * Which dimension a heading names. Headings match a dimension's title or id without regard to
 * case, punctuation or dashes (`Tech & Tooling`, `tech-and-tooling`), by the part of a title
 * before a dash (`Ownership` for "Ownership — Manager of One"), with a group prefix
 * (`Skill: Mastery`) and with leading numbering (`1. Mastery`).
 */

import type { Ladder } from '../model/types';
import { normaliseText } from '../packet/evidence';
import { closest } from '../util/suggest';

/** What a heading is to the review. */
export type HeadingMatch =
  | { readonly kind: 'dimension'; readonly id: string }
  | { readonly kind: 'group'; readonly id: string }
  | { readonly kind: 'other'; readonly suggestion?: string };

/** Lookup tables for one ladder's dimensions and groups. */
export interface Matcher {
  /**
   * What `heading` names. With `suggest` false, a heading that names nothing gets no "did you
   * mean" suggestion (it costs an edit distance per title; callers that never show it skip it).
   */
  match(heading: string, suggest?: boolean): HeadingMatch;
}

/** The normalised forms under which a title or id is recognised. */
export function keysOf(id: string, title: string): string[] {
  const keys = [normaliseText(title), normaliseText(id)];
  const head = title.split(/\s[—–-]\s|:/)[0];
  if (head !== undefined && head !== title) keys.push(normaliseText(head));
  return [...new Set(keys.filter((k) => k !== ''))];
}

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

function buildMatcher(ladder: Ladder): Matcher {
  const dimensions = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const d of ladder.dimensions) {
    titles.set(normaliseText(d.title), d.title);
    for (const key of keysOf(d.id, d.title)) if (!dimensions.has(key)) dimensions.set(key, d.id);
  }
  const groups = new Map<string, string>();
  for (const g of ladder.groups)
    for (const key of keysOf(g.id, g.title)) if (!groups.has(key)) groups.set(key, g.id);
  // Packets for a ladder repeat the same headings; "did you mean" costs an edit distance per title.
  const known = new Map<string, HeadingMatch>();
  const match = (heading: string, suggest: boolean): HeadingMatch => {
    const text = normaliseText(heading.replace(/^\s*(?:\d{1,3}|[a-z])[.)]\s+/i, ''));
    const direct = dimensions.get(text);
    if (direct !== undefined) return { kind: 'dimension', id: direct };
    const group = groups.get(text);
    if (group !== undefined) return { kind: 'group', id: group };
    for (const key of groups.keys()) {
      if (!text.startsWith(`${key} `)) continue;
      const rest = dimensions.get(text.slice(key.length + 1));
      if (rest !== undefined) return { kind: 'dimension', id: rest };
    }
    if (text.length > 60 || !suggest) return { kind: 'other' };
    const near = closest(text, titles.keys());
    const suggestion = near === undefined ? undefined : titles.get(near);
    return suggestion === undefined ? { kind: 'other' } : { kind: 'other', suggestion };
  };
  return {
    match(heading, suggest = true) {
      const seen = known.get(heading);
      if (seen) return suggest || seen.kind !== 'other' ? seen : { kind: 'other' };
      const result = match(heading, suggest);
      if (suggest && known.size < MAX_REMEMBERED_HEADINGS) known.set(heading, result);
      return result;
    },
  };
}
