/**
 * Versions: whether each ladder and ability was bumped as its changes require (major for
 * breaking, minor for new content, patch for wording), and the `version-not-bumped` diagnostic
 * when it was not. Only things that carry a `version` are held to it.
 */
import { VERSION_NOT_BUMPED } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { loadYaml } from '../load/yaml-document';
import { splitScoped } from '../model/scoped';
import type { Model } from '../model/types';
import type { InputFile } from '../validate/index';
import { bumpCovers, maxBump } from './classify';
import { describeChange, plain } from './describe';
import type { ScopedNames } from './scoped-names';
import {
  type Bump,
  type LadderChange,
  type LadderChanges,
  unitKey,
  type VersionCheck,
  type VersionMove,
  type VersionUnit,
} from './types';

/** MAJOR.MINOR.PATCH as three numbers, or undefined when it is not that shape. */
export function parseVersion(version: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** How a version moved: the largest part that went up, `none`, or `lowered`. */
export function versionMove(before: string, after: string): VersionMove {
  const b = parseVersion(before);
  const a = parseVersion(after);
  if (!b || !a) return before === after ? 'none' : 'lowered';
  for (const [i, part] of (['major', 'minor', 'patch'] as const).entries()) {
    const x = b[i] ?? 0;
    const y = a[i] ?? 0;
    if (y > x) return part;
    if (y < x) return 'lowered';
  }
  return 'none';
}

/** The least version after `before` that makes a `bump`. */
export function nextVersion(before: string, bump: Bump): string {
  const [major, minor, patch] = parseVersion(before) ?? [0, 0, 0];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return before;
}

interface Versioned {
  readonly title: string;
  readonly version?: string;
  readonly origin: { readonly file: string };
}

function find(model: Model, unit: VersionUnit, names: ScopedNames): Versioned | undefined {
  return unit.type === 'ladder'
    ? model.ladders.find((l) => l.id === unit.id)
    : model.abilities.find((a) => names.ability(a) === unit.id);
}

/**
 * The version check of every ladder and ability that changed (or whose version changed).
 * `ids` maps base ids to head ids for likely renames.
 */
export function checkVersions(
  base: Model,
  head: Model,
  changes: readonly LadderChange[],
  ids: {
    readonly ladders: ReadonlyMap<string, string>;
    readonly abilities: ReadonlyMap<string, string>;
  },
  names: ScopedNames,
): VersionCheck[] {
  const required = new Map<string, { unit: VersionUnit; bump: Bump }>();
  const consider = (unit: VersionUnit, bump: Bump) => {
    const key = unitKey(unit);
    const seen = required.get(key);
    required.set(key, { unit, bump: seen ? maxBump(seen.bump, bump) : bump });
  };
  for (const c of changes) consider(c.unit, c.bump);
  const versionMoved = (type: VersionUnit['type'], name: string, b: Versioned) => {
    const unit: VersionUnit = { type, id: name };
    const a = find(head, unit, names);
    if (a && a.version !== b.version) consider(unit, 'none');
  };
  for (const b of base.ladders) versionMoved('ladder', ids.ladders.get(b.id) ?? b.id, b);
  for (const b of base.abilities)
    versionMoved('ability', ids.abilities.get(names.ability(b)) ?? names.ability(b), b);
  const inverse = (map: ReadonlyMap<string, string>) => new Map([...map].map(([b, a]) => [a, b]));
  const baseIds = { ladder: inverse(ids.ladders), ability: inverse(ids.abilities) };

  const checks = [...required.values()].map(({ unit, bump }): VersionCheck => {
    const after = find(head, unit, names);
    const before = find(
      base,
      { type: unit.type, id: baseIds[unit.type].get(unit.id) ?? unit.id },
      names,
    );
    const title = after?.title ?? before?.title ?? unit.id;
    const common = {
      unit,
      title,
      required: bump,
      ...(before?.version === undefined ? {} : { before: before.version }),
      ...(after?.version === undefined ? {} : { after: after.version }),
      ...(after ? { file: after.origin.file } : {}),
    };
    if (!after) return { ...common, status: 'removed' };
    if (!before) return { ...common, status: 'new' };
    if (after.version === undefined) {
      if (before.version === undefined) return { ...common, status: 'unversioned' };
      return { ...common, status: 'not-bumped', expected: nextVersion(before.version, bump) };
    }
    if (before.version === undefined) return { ...common, status: 'ok' };
    const made = versionMove(before.version, after.version);
    const ok = made !== 'lowered' && bumpCovers(made, bump);
    return ok
      ? { ...common, made, status: 'ok' }
      : { ...common, made, status: 'not-bumped', expected: nextVersion(before.version, bump) };
  });
  return checks.sort(
    (a, b) =>
      (a.unit.type === b.unit.type ? 0 : a.unit.type === 'ladder' ? -1 : 1) ||
      (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0),
  );
}

/** The position of a unit's `version` (or of the unit, when it has none) in its ladder file. */
function locateVersion(
  check: VersionCheck,
  files: readonly InputFile[],
): { line: number; column: number; endLine?: number; endColumn?: number } {
  const file = files.find((f) => f.path === check.file);
  const loaded = file ? loadYaml(file.path, file.bytes) : undefined;
  if (!loaded?.ok) return { line: 1, column: 1 };
  const data = loaded.file.data as { abilities?: { id?: unknown }[] };
  let path: (string | number)[] = [];
  if (check.unit.type === 'ability') {
    const index = (data.abilities ?? []).findIndex((a) => a.id === splitScoped(check.unit.id).id);
    if (index >= 0) path = ['abilities', index];
  }
  const at =
    check.after === undefined
      ? loaded.file.locate([...path, 'id'], 'key')
      : loaded.file.locate([...path, 'version']);
  return at;
}

/** The `version-not-bumped` diagnostics, positioned on each `version` in the head's files. */
export function versionDiagnostics(
  result: LadderChanges,
  headFiles: readonly InputFile[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of result.versions) {
    if (check.status !== 'not-bumped' || check.file === undefined) continue;
    const what = `${check.unit.type === 'ladder' ? 'Ladder' : 'Ability'} \`${check.unit.id}\``;
    const reasons = result.changes.filter(
      (c) => unitKey(c.unit) === unitKey(check.unit) && c.bump === check.required,
    );
    // A removal or a raised requirement explains a major bump better than a likely rename.
    const reason = reasons.find((c) => c.kind !== 'likely-renamed') ?? reasons[0];
    const because = reason ? `: ${plain(describeChange(reason, result.titles))}` : '';
    const more = reasons.length > 1 ? ` and ${reasons.length - 1} more` : '';
    const calls =
      check.required === 'none'
        ? 'no bump'
        : `a ${check.required} version bump (${check.required === 'major' ? 'breaking' : check.required === 'minor' ? 'new content' : 'wording'}${because}${more})`;
    const set = `set \`version: ${check.expected}\``;
    let message: string;
    if (check.after === undefined)
      message = `${what} had version ${check.before} and its changes call for ${calls}, but its \`version\` was removed; keep it and ${set}.`;
    else if (check.made === 'lowered')
      message = `${what}: its version went down from ${check.before} to ${check.after}; versions never go back. Its changes call for ${calls}; ${set}.`;
    else if (check.made === 'none')
      message = `${what} changed in ways that call for ${calls}, but its version stayed ${check.before}; ${set}.`;
    else
      message = `${what} changed in ways that call for ${calls}, but its version only went from ${check.before} to ${check.after} (${check.made}); ${set}.`;
    out.push({
      code: VERSION_NOT_BUMPED,
      severity: 'error',
      message,
      file: check.file,
      ...locateVersion(check, headFiles),
    });
  }
  return out;
}
