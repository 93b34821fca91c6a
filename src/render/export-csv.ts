/**
 * The CSV export, for spreadsheets and HR tools: the header on the first row, then one row per
 * level, dimension and statement, and for a level written in prose one row per paragraph (with
 * no dimension); each row has the statement's id (statement-id.ts) and rating, and the level's
 * label and band. RFC 4180 quoting, LF line ends, optionally a UTF-8 byte order mark (Excel on
 * Windows needs one to read `’` and `—`). The file carries no generated-file marker: it would
 * be taken for the header; `index.json` lists the CSV files as generated, and `render`
 * recognises one by its header row. A cell that starts with `=`, `+`, `-`, `@` or a control
 * character gets a leading `'`, so a spreadsheet shows it as text instead of running it as a
 * formula; the JSON has the exact text.
 */
import { statementIds } from '../model/statement-id';
import type { Ladder, Level, Statement } from '../model/types';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'ladder',
  'version',
  'level',
  'level_order',
  'level_title',
  'group',
  'group_title',
  'dimension',
  'dimension_title',
  'statement_id',
  'statement_number',
  'statement',
  'rating',
  'level_label',
  'band',
] as const;

/** The header row as written (the first line of every CSV export, after an optional BOM). */
export const CSV_HEADER = CSV_COLUMNS.join(',');

/** The UTF-8 byte order mark, as the first character of the text. */
export const BOM = '\uFEFF';

/** One cell as CSV: formula-safe, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  if (!/[",\r\n]/.test(safe)) return safe;
  return `"${safe.includes('"') ? safe.replace(/"/g, '""') : safe}"`;
}

/** The CSV export of one ladder; with `bom`, the text starts with a byte order mark. */
export function ladderCsvFile(ladder: Ladder, bom = false): string {
  const lines = [CSV_HEADER];
  const version = ladder.version ?? '';
  ladder.levels.forEach((level, index) => {
    // The cells a level's rows share, and a dimension's, are written once for all its rows.
    const levelCells = [ladder.id, version, level.id, String(index + 1), level.title]
      .map(csvCell)
      .join(',');
    const levelTail = [
      level.label ?? '',
      ladder.bands.find((b) => b.id === level.band)?.title ?? '',
    ]
      .map(csvCell)
      .join(',');
    const row = (dimensionCells: string, statements: readonly Statement[]) => {
      statements.forEach((statement, i) => {
        const rating =
          ladder.ratings.find((r) => r.id === statement.rating)?.title ?? statement.rating ?? '';
        lines.push(
          `${levelCells},${dimensionCells},${csvCell(statement.id)},${i + 1},${csvCell(statement.text)},${csvCell(rating)},${levelTail}`,
        );
      });
    };
    // Its summary first (and a level written in prose, its paragraphs), as its page reads: no
    // group or dimension, and ids derived as a statement's are (unique against its statements).
    row(',,,', proseStatements(level));
    for (const e of level.expectations) {
      const dimension = ladder.dimensions.find((d) => d.id === e.dimension);
      const group = ladder.groups.find((g) => g.id === dimension?.group);
      const dimensionCells = [
        dimension?.group ?? '',
        group?.title ?? '',
        e.dimension,
        dimension?.title ?? e.dimension,
      ]
        .map(csvCell)
        .join(',');
      row(dimensionCells, e.statements);
    }
  });
  return `${bom ? BOM : ''}${lines.join('\n')}\n`;
}

/** A level's summary and prose paragraphs as statements, with ids as statement-id.ts derives them. */
function proseStatements(level: Level): Statement[] {
  const texts = [...(level.summary !== undefined ? [level.summary] : []), ...level.prose];
  if (texts.length === 0) return [];
  const written = level.expectations.flatMap((e) => e.statements);
  const ids = statementIds([...written, ...texts.map((text) => ({ text }))]).slice(written.length);
  return texts.map((text, i) => ({ id: ids[i] ?? '', text, examples: [], signals: [], links: [] }));
}
