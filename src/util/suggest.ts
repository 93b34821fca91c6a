/** "Did you mean" suggestions for unknown names. */

/** Edit distance between two short strings (bounded inputs only: ids and keys). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest candidate to `name`, if one is close enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const needle = name.toLowerCase().slice(0, 100);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase().slice(0, 100));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(needle.length / 3));
  return best !== undefined && bestDistance <= allowed && bestDistance < needle.length
    ? best
    : undefined;
}

/** `; did you mean \`x\`?` or the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closest(name, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}

/** `; did you mean \`x\`?` when a close match exists, else `; ${otherwise}.` */
export function didYouMeanOr(
  name: string,
  candidates: Iterable<string>,
  otherwise: string,
): string {
  return didYouMean(name, candidates) || `; ${otherwise}.`;
}
