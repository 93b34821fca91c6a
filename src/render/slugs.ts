/**
 * Heading anchors as GitHub makes them, one page at a time: github-slugger's `slug` of the
 * heading text, then `-1`, `-2`, ... for a slug the page already has, exactly as
 * `GithubSlugger#slug` (test/render/slugs.test.ts compares the two). Most headings recur on every
 * level page (a ladder's group and dimension titles, the section titles) and github-slugger's
 * pattern is long, so the slug of a text is remembered: at most `REMEMBERED` texts, all
 * forgotten at once when full, so the memory stays small whatever the input (issue 7).
 */
import { slug } from 'github-slugger';

const REMEMBERED = 2_000;
const remembered = new Map<string, string>();

function slugOf(text: string): string {
  let result = remembered.get(text);
  if (result === undefined) {
    if (remembered.size >= REMEMBERED) remembered.clear();
    result = slug(text);
    remembered.set(text, result);
  }
  return result;
}

/** The anchors of one page's headings. */
export class PageSlugs {
  /** How often each slug has been repeated on the page so far. */
  private readonly occurrences = new Map<string, number>();

  /** The anchor of the page's next heading, whose text is `text`. */
  next(text: string): string {
    const original = slugOf(text);
    let result = original;
    while (this.occurrences.has(result)) {
      const repeats = (this.occurrences.get(original) ?? 0) + 1;
      this.occurrences.set(original, repeats);
      result = `${original}-${repeats}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}
