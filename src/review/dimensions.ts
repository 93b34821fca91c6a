/**
 * The status of one required dimension:
 * - `missing`: no section, or a section with nothing in it;
 * - `evidenced`: at least `minimum` real items, at least one with a link, no placeholder left;
 * - `thin`: anything in between (prose but no items, too few items, no link, placeholders).
 */
import { plural } from '../markdown/plural';
import type { Statement } from '../model/types';
import type { PacketItem } from '../packet/types';
import { series } from '../util/text';
import { coverage, restaterFor } from './coverage';
import type { CombinedHeading, DimensionSection, NameLine } from './sections';
import type { DimensionReview, EvidenceItem, ExpectationCheck } from './types';

/** What the review knows about a dimension before looking at the packet. */
export interface DimensionSpec {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  /** The target level's expectations in this dimension. */
  readonly statements: readonly Statement[];
  /** Every expectation of the target level: an item that only repeats one is not evidence. */
  readonly levelStatements?: readonly Statement[];
  /** Rating id → title, to show the rating a statement expects by its title. */
  readonly ratings?: ReadonlyMap<string, string>;
  readonly minimum: number;
  /** How the author should title the section (`## Mastery`), for advice. */
  readonly heading: string;
}

/** What decides whether a link or a reference counts, beyond the packet itself. */
export interface EvidenceRules {
  /**
   * Every file of the repository (paths with forward slashes), to check relative links; absent
   * when unknown, and then a relative link to anything but the packet counts.
   */
  readonly files?: ReadonlySet<string>;
  /** Tracker prefixes whose keys count as references (`OPS` for `OPS-42`). */
  readonly trackers: ReadonlySet<string>;
}

/**
 * Reviews one dimension against the content the packet gives it. `combined` is the heading that
 * names it together with other dimensions (`## Flexibility & Trust`), where its evidence may be;
 * `label` the line that names it in bold or before a colon (`**Mastery**`), taken for a heading.
 */
export function reviewDimension(
  spec: DimensionSpec,
  section: DimensionSection | undefined,
  rules: EvidenceRules = { trackers: new Set() },
  combined?: CombinedHeading,
  label?: NameLine,
): DimensionReview {
  const base = {
    id: spec.id,
    title: spec.title,
    ...(spec.group !== undefined ? { group: spec.group } : {}),
    minimum: spec.minimum,
  };
  const needed = plural(spec.minimum, 'evidence item');
  const asItems = spec.minimum === 1 ? 'a `- ` list item' : '`- ` list items';
  if (!section && combined !== undefined) {
    return {
      ...base,
      status: 'missing',
      line: combined.line,
      reasons: [
        `no section of its own; the heading on line ${combined.line} names it together with ${combined.others === 1 ? 'another dimension' : `${combined.others} other dimensions`}`,
      ],
      evidence: [],
      expectations: rated(coverage(spec.statements, []), spec.ratings),
      toAdd: [
        `Split the heading on line ${combined.line} into one section per dimension: a \`${spec.heading}\` section with at least ${needed} (${asItems}), at least one linking to a PR, issue, incident or document.`,
      ],
    };
  }
  if (!section && label !== undefined) {
    const heading = `${'#'.repeat(label.depth)} ${spec.title}`;
    return {
      ...base,
      status: 'missing',
      line: label.line,
      reasons: [
        `no section; line ${label.line} names it in bold or before a colon, not as a heading`,
      ],
      evidence: [],
      expectations: rated(coverage(spec.statements, []), spec.ratings),
      toAdd: [
        `Make line ${label.line} a heading (\`${heading}\`): Markdown reads a name in bold or before a colon as a paragraph, so nothing under it counts; keep at least ${needed} (${asItems}) under it, at least one linking to a PR, issue, incident or document.`,
      ],
    };
  }
  if (!section || (section.items.length === 0 && section.prose.length === 0)) {
    const at = section?.headings[0]?.line;
    return {
      ...base,
      status: 'missing',
      ...(at !== undefined ? { line: at } : {}),
      reasons: [at === undefined ? 'no section' : `the section on line ${at} is empty`],
      evidence: [],
      expectations: rated(coverage(spec.statements, []), spec.ratings),
      toAdd: [
        at === undefined
          ? `Add a \`${spec.heading}\` section with at least ${needed} (${asItems}), at least one linking to a PR, issue, incident or document.`
          : `Add at least ${needed} (${asItems}) under the heading on line ${at}, at least one linking to a PR, issue, incident or document.`,
      ],
    };
  }
  const restates = restaterFor(spec.levelStatements ?? spec.statements);
  const evidence = section.items.map((item) => evidenceItem(item, spec, rules, restates));
  const counts = (e: EvidenceItem | undefined) =>
    e !== undefined && e.placeholder === undefined && e.plan !== true;
  const real = section.items.filter((_, i) => counts(evidence[i]));
  const realEvidence = evidence.filter(counts);
  const linked = realEvidence.filter((e) => e.linked).length;
  const plans = evidence.filter((e) => e.placeholder === undefined && e.plan === true);
  // A placeholder among an item's nested details is one left in the section, on its own line.
  const placeholders = [
    ...evidence.filter((e) => e.placeholder !== undefined),
    ...evidence.flatMap((e) => (e.placeholder === undefined ? e.nested : [])),
  ].sort((a, b) => a.line - b.line);
  const reasons: string[] = [];
  const toAdd: string[] = [];
  const table = section.prose.find((p) => p.table);
  if (section.items.length === 0 && table !== undefined) {
    reasons.push(`a table on line ${table.line} but no list items`);
    toAdd.push(
      `Write each row of the table on line ${table.line} as its own list item (\`- ...\`), with its link: the rows of a table are not read as evidence.`,
    );
  } else if (section.items.length === 0) {
    reasons.push('text but no list items');
    toAdd.push(
      'Write each piece of evidence as its own list item (`- ...`), with a link to a PR, issue, incident or document.',
    );
  } else if (real.length === 0 && placeholders.length === 0) {
    const lines = plans.map((p) => p.line);
    reasons.push(
      lines.length > 1
        ? `only unchecked tasks, on lines ${listLines(lines)}: plans, not done work`
        : `only an unchecked task, on line ${listLines(lines)}: a plan, not done work`,
    );
    toAdd.push(
      `Add ${needed} of work that is done, at least one linking to a PR, issue, incident or document; tick a task (\`- [x]\`) once it is done.`,
    );
  } else if (real.length === 0) {
    const lines = placeholders.map((p) => p.line);
    const s = lines.length > 1 ? 's' : '';
    reasons.push(
      lines.length > 1
        ? `only placeholders, on lines ${listLines(lines)}`
        : `only a placeholder, on line ${listLines(lines)}`,
    );
    toAdd.push(
      `Replace the placeholder${s} on line${s} ${listLines(lines)} with ${needed}, at least one linking to a PR, issue, incident or document.`,
    );
  } else {
    if (real.length < spec.minimum) {
      reasons.push(`${real.length} of the ${needed} needed`);
      toAdd.push(`Add ${plural(spec.minimum - real.length, 'more evidence item')}.`);
    }
    if (linked === 0) {
      const fake = realEvidence.flatMap((e) => e.refused);
      reasons.push(
        fake[0] ? `no real link: ${fake[0].why}, on line ${fake[0].line}` : 'no item has a link',
      );
      toAdd.push(
        'Link at least one item to a PR, issue, incident or document (a URL, `#123` or `org/repo#123`).',
      );
    }
    if (placeholders.length > 0) {
      const lines = placeholders.map((p) => p.line);
      const s = lines.length > 1 ? 's' : '';
      reasons.push(
        `${plural(placeholders.length, 'placeholder')} left, on line${s} ${listLines(lines)}`,
      );
      toAdd.push(`Replace or remove the placeholder${s} on line${s} ${listLines(lines)}.`);
    }
  }
  const status = reasons.length === 0 ? 'evidenced' : 'thin';
  if (status === 'evidenced') reasons.push(`${plural(real.length, 'item')}, ${linked} with a link`);
  const line = section.headings[0]?.line;
  return {
    ...base,
    status,
    ...(line !== undefined ? { line } : {}),
    reasons,
    evidence,
    expectations: rated(coverage(spec.statements, real), spec.ratings),
    toAdd,
  };
}

/** The checklist with each rating shown by its title. */
function rated(
  checks: ExpectationCheck[],
  ratings: ReadonlyMap<string, string> | undefined,
): ExpectationCheck[] {
  if (!ratings) return checks;
  return checks.map((c) =>
    c.rating === undefined ? c : { ...c, rating: ratings.get(c.rating) ?? c.rating },
  );
}

function evidenceItem(
  item: PacketItem,
  spec: DimensionSpec,
  rules: EvidenceRules,
  restates: (item: PacketItem) => boolean,
): EvidenceItem {
  const { statements } = spec;
  const placeholder =
    item.placeholder ??
    (restates(item)
      ? 'it only repeats an expectation of the level instead of giving evidence'
      : undefined);
  const links: string[] = [];
  const refused: { line: number; column: number; why: string }[] = [];
  for (const link of item.links) {
    const why =
      link.placeholder ??
      (link.path !== undefined && rules.files !== undefined && !inRepository(link.path, rules.files)
        ? 'no file of the repository is at that path'
        : undefined);
    if (why === undefined) links.push(link.url);
    else refused.push({ line: link.line, column: link.column, why });
  }
  const references = [
    ...item.references,
    ...item.keys.filter((k) => rules.trackers.has(k.slice(0, k.indexOf('-')))),
  ];
  return {
    line: item.line,
    column: item.column,
    endLine: item.endLine,
    excerpt: item.excerpt,
    links,
    references,
    linked: links.length > 0 || references.length > 0,
    ...(placeholder !== undefined ? { placeholder } : {}),
    ...(item.task === 'open' ? { plan: true } : {}),
    nested: item.nested,
    refused,
    addresses: item.addresses.filter((n) => n <= statements.length),
    addressedIds: item.addressedIds.filter((id) =>
      statements.some((s) => s.id.toLowerCase() === id),
    ),
  };
}

/** Folders of each file list, made once per list. */
const foldersOf = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** Whether `path` is a file of the repository or a folder holding one. */
function inRepository(path: string, files: ReadonlySet<string>): boolean {
  if (files.has(path)) return true;
  let folders = foldersOf.get(files);
  if (!folders) {
    const made = new Set<string>();
    for (const file of files)
      for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1))
        made.add(file.slice(0, i));
    folders = made;
    foldersOf.set(files, folders);
  }
  return folders.has(path);
}

/** `12`, `12 and 14`, `12, 14 and 20`; three or more in a row as a range: `9–13 and 20`. */
function listLines(lines: readonly number[]): string {
  const runs: number[][] = [];
  for (const line of lines) {
    const run = runs[runs.length - 1];
    if (run !== undefined && line === (run[run.length - 1] ?? 0) + 1) run.push(line);
    else runs.push([line]);
  }
  return series(
    runs.flatMap((run) =>
      run.length >= 3 ? [`${run[0]}–${run[run.length - 1]}`] : run.map(String),
    ),
  );
}
