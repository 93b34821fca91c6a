/**
 * The seed documents, for the two tests that hold the shipped content to them (seeds.test.ts:
 * the YAML; seed-pages.test.ts: the committed pages). They live beside the repository, not in it
 * (`../shared/seeds`, or the folder `LADDER_SEEDS` names); without them those tests skip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const seedsDir = path.resolve(root, process.env.LADDER_SEEDS ?? '../shared/seeds');
export const pagesDir = path.join(root, 'docs/ladders');
export const haveSeeds = existsSync(seedsDir);

/**
 * The text of the one seed whose file name starts with `prefix` (e.g. `001_`); empty without
 * the seeds, when the tests that read it are skipped.
 */
export function seed(prefix: string): string {
  if (!haveSeeds) return '';
  const names = readdirSync(seedsDir).filter((name) => name.startsWith(prefix));
  if (names.length !== 1) throw new Error(`expected one seed ${prefix}*, found ${names.length}`);
  return readFileSync(path.join(seedsDir, names[0] as string), 'utf8');
}

/** Lines without trailing white space (Markdown hard breaks are two trailing spaces). */
export function lines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trimEnd());
}

/** Text without Markdown bold markers. */
export function plain(text: string): string {
  return text.replace(/\*\*/g, '');
}

/** A level of the career-ladder seed (003): its title, its paragraphs and its advancement line. */
export interface CareerLevel {
  readonly title: string;
  readonly prose: readonly string[];
  /** What `_Career advancement: …_` names, as written. */
  readonly advancement: string | undefined;
}

/**
 * The `## ` sections of a seed's lines after the first (the ladder's title), each as a level: the
 * lines up to the next heading, blank lines left out, the advancement line apart.
 */
export function careerLevels(text: readonly string[]): CareerLevel[] {
  const titles = text.map((l) => l.match(/^## (.+)$/)?.[1]).filter((h) => h !== undefined);
  return titles.slice(1).map((title) => {
    const start = text.indexOf(`## ${title}`) + 1;
    const end = text.findIndex((l, i) => i >= start && l.startsWith('#'));
    const body = text.slice(start, end === -1 ? undefined : end).filter((l) => l !== '');
    return {
      title,
      prose: body.filter((l) => !l.startsWith('_Career advancement:')),
      advancement: body.map((l) => l.match(/^_Career advancement: (.+)_$/)?.[1]).find(Boolean),
    };
  });
}
