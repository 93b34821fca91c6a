/**
 * The CSV export, for spreadsheets: one row per level, dimension and statement (with the
 * statement's id and rating, the level's label and band). RFC 4180
 * quoting, LF line ends. The first row is the generated-file marker (a `#` comment padded with
 * empty cells so every row has the same number of columns); the header is the second row.
 * A cell that starts with `=`, `+`, `-`, `@` or a control character gets a leading `'`, so a
 * spreadsheet shows it as text instead of running it as a formula; the JSON has the exact text.
 */
import type { Ladder } from '../model/types';
import { csvMarker } from './marker';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'ladder',
  'level',
  'level_title',
  'group',
  'group_title',
  'dimension',
  'dimension_title',
  'statement_number',
  'statement',
  'statement_id',
  'rating',
  'level_label',
  'band',
] as const;

/** One cell as CSV: formula-safe, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  if (!/[",\r\n]/.test(safe)) return safe;
  return `"${safe.includes('"') ? safe.replace(/"/g, '""') : safe}"`;
}

/** The CSV export of one ladder. */
export function ladderCsvFile(ladder: Ladder, command: string): string {
  const marker = csvMarker([ladder.origin.file], command) + ','.repeat(CSV_COLUMNS.length - 1);
  const lines = [marker, CSV_COLUMNS.map(csvCell).join(',')];
  for (const level of ladder.levels) {
    // The cells a level's rows share, and a dimension's, are written once for all its rows.
    const levelCells = [ladder.id, level.id, level.title].map(csvCell).join(',');
    const levelTail = [
      level.label ?? '',
      ladder.bands.find((b) => b.id === level.band)?.title ?? '',
    ]
      .map(csvCell)
      .join(',');
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
      e.statements.forEach((statement, i) => {
        lines.push(
          `${levelCells},${dimensionCells},${csvCell(String(i + 1))},${csvCell(statement.text)},${csvCell(statement.id)},${csvCell(ladder.ratings.find((r) => r.id === statement.rating)?.title ?? statement.rating ?? '')},${levelTail}`,
        );
      });
    }
  }
  return `${lines.join('\n')}\n`;
}
