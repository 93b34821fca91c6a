/**
 * Names a place in a ladder file in ladder terms, for messages: `level L3 (Senior SRE)`, `the 4th
 * advancement of level B4 (Staff Engineer)`, `milestone 2 of ability \`ops-skill\``, instead of
 * `levels.3.next.3`. Works on any data, valid or not: what cannot be named by its id is named
 * by its position (`the 2nd level`). The machine path stays beside it (Diagnostic.dataPath).
 */
import { quote } from '../util/text';
import { childValue, type Segments } from './schema-walk';

const ID = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9_-])?$/;

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st` ... */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function idOf(item: unknown): string | undefined {
  const id = childValue(item, 'id');
  return typeof id === 'string' && ID.test(id) ? id : undefined;
}

function titleOf(item: unknown, key = 'title'): string | undefined {
  const title = childValue(item, key);
  return typeof title === 'string' && title.trim() !== '' ? quote(title, 40) : undefined;
}

/** `level L3 (Senior SRE)`, or `the 2nd level` when the level has no usable id. */
export function levelName(level: unknown, index?: number): string {
  const id = idOf(level);
  const title = titleOf(level);
  if (id === undefined) return index === undefined ? 'a level' : `the ${ordinal(index + 1)} level`;
  return title === undefined ? `level ${id}` : `level ${id} (${title})`;
}

/** How the items of each top-level list of a ladder are named. */
const THINGS: Readonly<Record<string, (item: unknown, index: number) => string>> = {
  levels: levelName,
  groups: named('group'),
  dimensions: named('dimension'),
  threads: named('thread'),
  signals: named('signal list'),
  areas: named('area'),
  abilities: named('ability'),
  roles: named('role'),
  tracks: named('track'),
  bands: named('band'),
  ratings: named('rating'),
  questions: (_, i) => `the ${ordinal(i + 1)} question`,
  sections: (item, i) => {
    const title = titleOf(item);
    return `the ${ordinal(i + 1)} section${title === undefined ? '' : ` (${title})`}`;
  },
  source: (item, i) => {
    const title = titleOf(item);
    return `the ${ordinal(i + 1)} source${title === undefined ? '' : ` (${title})`}`;
  },
};

function named(noun: string): (item: unknown, index: number) => string {
  return (item, index) => {
    const id = idOf(item);
    return id === undefined ? `the ${ordinal(index + 1)} ${noun}` : `${noun} \`${id}\``;
  };
}

/** How the items of a list inside a thing are named: `the 2nd required dimension`. */
const ITEMS: Readonly<Record<string, string>> = {
  next: 'advancement',
  requires: 'required dimension',
  formerly: 'former title',
  focus: 'focus line',
  prose: 'paragraph',
  paragraphs: 'paragraph',
  items: 'item',
  owners: 'owner',
  examples: 'example',
  signals: 'signal',
  links: 'link',
};

function keyName(key: string | number): string {
  return `\`${quote(String(key))}\``;
}

/**
 * The place at `segments` of a ladder file's `data`, in ladder terms, starting in lower case
 * (`capitalised` for the start of a sentence).
 */
export function ladderPlace(data: unknown, segments: Segments): string {
  if (segments.length === 0) return 'the ladder';
  const [list, index, ...rest] = segments;
  const thing = typeof list === 'string' && Object.hasOwn(THINGS, list) ? THINGS[list] : undefined;
  if (typeof list === 'string' && Object.hasOwn(ITEMS, list) && typeof index === 'number')
    return within(segments, 'the ladder');
  if (thing === undefined || list === undefined || typeof index !== 'number')
    return `${keyPath(segments)} of the ladder`;
  const item = childValue(childValue(data, list), index);
  return within(rest, thing(item, index), item);
}

/** A place inside one thing (level, ability, ...) named `owner`; `item` is the thing's data. */
function within(rest: Segments, owner: string, item?: unknown): string {
  const [key, sub, ...more] = rest;
  if (key === undefined) return owner;
  if (sub === undefined) return `${keyName(key)} of ${owner}`;
  if (key === 'expectations') {
    const dimension = `dimension ${keyName(sub)}`;
    if (more.length === 0) return `the expectations for ${dimension} in ${owner}`;
    const [k, ...deeper] = more;
    if (typeof k === 'number') {
      const expectation = `the ${ordinal(k + 1)} expectation for ${dimension} in ${owner}`;
      return deeper.length === 0 ? expectation : within(deeper, expectation);
    }
  }
  if (key === 'abilities' || (key === 'requires' && typeof sub === 'string')) {
    if (more.length === 0) return `the milestone ${owner} requires of ability ${keyName(sub)}`;
  }
  if (key === 'steps' && more.length === 0) return `the step for level ${keyName(sub)} of ${owner}`;
  if (key === 'milestones' && typeof sub === 'number') {
    // Milestones are numbered from 1, or from 0 with `firstMilestone: 0`.
    const first = childValue(item, 'firstMilestone') === 0 ? 0 : 1;
    const milestone = `milestone ${sub + first} of ${owner}`;
    return more.length === 0 ? milestone : within(more, milestone);
  }
  if (typeof key === 'string' && Object.hasOwn(ITEMS, key) && typeof sub === 'number') {
    const place = `the ${ordinal(sub + 1)} ${ITEMS[key]} of ${owner}`;
    return more.length === 0 ? place : `${keyPath(more)} of ${place}`;
  }
  return `${keyPath(rest)} of ${owner}`;
}

function keyPath(segments: Segments): string {
  return `\`${segments.map((s) => quote(String(s))).join('.')}\``;
}

/** The place at `segments` of any other file's data (config, front matter): its key path. */
export function keyPlace(top: string): (data: unknown, segments: Segments) => string {
  return (_, segments) => (segments.length === 0 ? top : keyPath(segments));
}

/**
 * The place at `segments` named without repeating anything the author wrote: the top-level key
 * (one the schema defines), and for a place below it `one of the entries of \`milestones\``.
 * For front matter, whose text must never reach the workflow log.
 */
export function describedPlace(top: string): (data: unknown, segments: Segments) => string {
  return (_, [first, ...rest]) => {
    if (first === undefined) return top;
    const key = keyName(first);
    return rest.length === 0 ? key : `one of the entries of ${key}`;
  };
}

/** `text` with its first letter in upper case, for a place at the start of a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
