/**
 * When each ladder, level, dimension and ability last changed, from `git blame`: the newest
 * commit time among the lines that define it. Pure: the CLI runs git and passes its output in.
 */
import { loadYaml } from '../load/yaml-document';
import type { RawLadder } from '../model/raw';
import type { InputFile } from '../validate/index';

/** When a subject last changed (ms since the epoch) and the line where it is defined. */
export interface SubjectHistory {
  readonly lastChanged: number;
  readonly line: number;
}

/**
 * History by subject key (`ladder:ops`, `level:ops/L3`, `dimension:ops/judgment`,
 * `ability:ops/x`).
 */
export type History = ReadonlyMap<string, SubjectHistory>;

/**
 * The commit time (ms) of every line of a file from `git blame --porcelain`; index 0 is line 1.
 * Lines not committed yet carry the time git gives them (now).
 */
export function parseBlame(porcelain: string): number[] {
  const times: number[] = [];
  const commitTimes = new Map<string, number>();
  let sha = '';
  let line = 0;
  for (const row of porcelain.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(row);
    if (header) {
      sha = header[1] ?? '';
      line = Number(header[2]);
      continue;
    }
    if (row.startsWith('committer-time ')) {
      commitTimes.set(sha, Number(row.slice('committer-time '.length)) * 1000);
      continue;
    }
    if (row.startsWith('\t') && line > 0) times[line - 1] = commitTimes.get(sha) ?? 0;
  }
  return times;
}

type Span = readonly [number, number];

/** The line spans that define each subject of a ladder file. */
export function subjectSpans(file: InputFile): Map<string, Span[]> {
  const spans = new Map<string, Span[]>();
  const loaded = loadYaml(file.path, file.bytes);
  if (!loaded.ok) return spans;
  const yaml = loaded.file;
  const data = yaml.data as Partial<RawLadder>;
  if (typeof data.id !== 'string') return spans;
  const ladder = data.id;
  const add = (key: string, span: Span) => spans.set(key, [...(spans.get(key) ?? []), span]);
  const span = (path: readonly (string | number)[], from: 'key' | 'value' = 'value'): Span => {
    const start = yaml.locate(path, from);
    const value = yaml.locate(path);
    // A block node's range ends at the start of the line after it.
    const end =
      value.endColumn === 1 && value.endLine > start.line ? value.endLine - 1 : value.endLine;
    return [start.line, Math.max(start.line, end)];
  };
  add(`ladder:${ladder}`, [1, lineCount(file.bytes)]);
  (data.levels ?? []).forEach((level, i) => {
    add(`level:${ladder}/${level.id}`, span(['levels', i]));
  });
  (data.dimensions ?? []).forEach((dimension, j) => {
    const key = `dimension:${ladder}/${dimension.id}`;
    add(key, span(['dimensions', j]));
    (data.levels ?? []).forEach((level, i) => {
      if (level.expectations && Object.hasOwn(level.expectations, dimension.id))
        add(key, span(['levels', i, 'expectations', dimension.id], 'key'));
    });
  });
  (data.abilities ?? []).forEach((ability, k) => {
    add(`ability:${ladder}/${ability.id}`, span(['abilities', k]));
  });
  return spans;
}

/**
 * The history of every subject of the given ladder files, from each file's blame output
 * (files without one, e.g. never committed, have no history).
 */
export function ladderHistory(
  files: readonly InputFile[],
  blames: ReadonlyMap<string, string>,
): History {
  const history = new Map<string, SubjectHistory>();
  for (const file of files) {
    const porcelain = blames.get(file.path);
    if (porcelain === undefined) continue;
    const times = parseBlame(porcelain);
    for (const [key, spans] of subjectSpans(file)) {
      let newest = 0;
      for (const [from, to] of spans)
        for (let n = from; n <= to; n += 1) newest = Math.max(newest, times[n - 1] ?? 0);
      if (newest > 0) history.set(key, { lastChanged: newest, line: spans[0]?.[0] ?? 1 });
    }
  }
  return history;
}

/**
 * A coarser history when only each file's last commit is known (the action without a full
 * clone asks the commits API once per ladder file): every subject of a file last changed when
 * the file did. It can only make content look newer than it is, never stale when it is not.
 */
export function fileHistory(
  files: readonly InputFile[],
  lastChanged: ReadonlyMap<string, number>,
): History {
  const history = new Map<string, SubjectHistory>();
  for (const file of files) {
    const time = lastChanged.get(file.path);
    if (time === undefined) continue;
    for (const [key, spans] of subjectSpans(file))
      history.set(key, { lastChanged: time, line: spans[0]?.[0] ?? 1 });
  }
  return history;
}

/** Lines in a file: one more than its line feeds. */
function lineCount(bytes: Uint8Array): number {
  let count = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) count += 1;
  return count;
}
