/**
 * "Did you mean" suggestions for unknown names, as whole sentences for messages:
 * `Unknown dimension \`judgement\` in level L3. Did you mean \`judgment\`?`.
 */

/**
 * Edit distance between two short strings (bounded inputs only: ids and keys), counting a swap
 * of two neighbouring letters (`titel`) as one edit.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The edits a name of this length may be away from a candidate: one for a short name, up to
 * three for a long one, and always fewer than its length (`x` is not a typo of `y`).
 */
function allowedEdits(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 3)), length - 1);
}

/** The candidates nearest to `name` within the allowed edits (case ignored), in their order. */
function nearest(name: string, candidates: Iterable<string>): string[] {
  const needle = name.toLowerCase().slice(0, 100);
  const allowed = allowedEdits(needle.length);
  let best: string[] = [];
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase().slice(0, 100);
    // A name cut short (`plan` for `planned`) is as likely a slip as a letter wrong.
    const distance =
      needle.length >= 3 && other.startsWith(needle)
        ? Math.min(1, editDistance(needle, other))
        : editDistance(needle, other);
    if (distance > allowed) continue;
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance && !best.includes(candidate)) best.push(candidate);
  }
  return best;
}

/** The one candidate close enough to `name` to be a likely typo; none when two are as close. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const best = nearest(name, candidates);
  return best.length === 1 ? best[0] : undefined;
}

/**
 * The one value whose names come closest to `name` (see `closest`), where several names may mean
 * one value (a dimension's title and its aliases): those are one guess, not a tie.
 */
export function closestOf<T>(name: string, named: ReadonlyMap<string, T>): T | undefined {
  const values = new Set(nearest(name, named.keys()).map((n) => named.get(n)));
  return values.size === 1 ? [...values][0] : undefined;
}

const NUMBERED = /^(.*?)(\d{1,6})$/;

/**
 * The level `name` most likely means, of a ladder whose level ids are `levels` (in order): the
 * one closest by spelling; when several are (`B6` is one edit from `B1` ... `B5`), the one next
 * to it in the ladder's order (`B5`), or none: a level far away in the order is worse than none.
 */
export function closestLevel(name: string, levels: readonly string[]): string | undefined {
  const best = nearest(name, levels);
  if (best.length <= 1) return best[0];
  const numbered = NUMBERED.exec(name);
  if (!numbered) return undefined;
  const [, stem = '', digits = ''] = numbered;
  const near = best.filter((id) => {
    const other = NUMBERED.exec(id);
    return (
      other !== null &&
      (other[1] ?? '').toLowerCase() === stem.toLowerCase() &&
      Math.abs(Number(other[2]) - Number(digits)) === 1
    );
  });
  return near.length === 1 ? near[0] : undefined;
}

/** ` Did you mean \`x\`?` for a match, else the empty string. */
function sentence(match: string | undefined): string {
  return match === undefined ? '' : ` Did you mean \`${match}\`?`;
}

/** ` Did you mean \`x\`?` when a candidate is close to `name`, else the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  return sentence(closest(name, candidates));
}

/** ` Did you mean \`x\`?` when a close match exists, else ` ${otherwise}` (a sentence). */
export function didYouMeanOr(
  name: string,
  candidates: Iterable<string>,
  otherwise: string,
): string {
  return didYouMean(name, candidates) || ` ${otherwise}`;
}

/** ` Did you mean \`B5\`?` for an unknown level id (see `closestLevel`), else the empty string. */
export function didYouMeanLevel(name: string, levels: readonly string[]): string {
  return sentence(closestLevel(name, levels));
}

/**
 * ` The ${noun} are \`a\`, \`b\`.`, ` The only level is \`a\`.` for one (`noun` is plural, its first
 * word singular in -s or -ies), or ` ${none}` when there are none: for when nothing is close.
 * Each id once.
 */
export function knownList(noun: string, listed: readonly string[], none: string): string {
  // An id written twice (itself a `duplicate-id`) is listed once.
  const ids = [...new Set(listed)];
  if (ids.length === 0) return ` ${none}`;
  if (ids.length === 1) return ` The only ${singular(noun)} is \`${ids[0]}\`.`;
  return ` The ${noun} are ${ids.map((id) => `\`${id}\``).join(', ')}.`;
}

/** `level above \`L2\`` for `levels above \`L2\``: the first word without its -s (-ies: -y). */
function singular(noun: string): string {
  return noun.replace(/^(\w+?)(ies|s)\b/, (_, stem: string, end: string) =>
    end === 'ies' ? `${stem}y` : stem,
  );
}
