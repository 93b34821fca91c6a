/** The verdict of a packet and the one sentence that says it. */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { DimensionReview, PacketVerdict, PointsCheck, SectionUnit } from './types';

/**
 * `invalid` on any error finding; else the worst dimension status, and `missing` when the claims
 * fall outside the points the target level and the role ask.
 */
export function verdictOf(
  dimensions: readonly DimensionReview[],
  findings: readonly Diagnostic[],
  reviewable: boolean,
  pointsMet = true,
): PacketVerdict {
  if (!reviewable || findings.some((f) => f.severity === 'error')) return 'invalid';
  if (!pointsMet || dimensions.some((d) => d.status === 'missing')) return 'missing';
  if (dimensions.some((d) => d.status === 'thin')) return 'thin';
  return 'complete';
}

const UNITS: Readonly<Record<SectionUnit, readonly [string, string]>> = {
  dimension: ['dimension', 'dimensions'],
  ability: ['ability', 'abilities'],
  section: ['section', 'sections'],
};

/** "8 of 10 dimensions evidenced; missing: Flexibility; thin: Trust", or why it is invalid. */
export function summarise(
  verdict: PacketVerdict,
  dimensions: readonly DimensionReview[],
  findings: readonly Diagnostic[],
  points?: PointsCheck,
  unit: SectionUnit = 'dimension',
): string {
  const titles = (status: DimensionReview['status']) =>
    dimensions.filter((d) => d.status === status).map((d) => d.title);
  const evidenced = titles('evidenced').length;
  const missing = titles('missing');
  const thin = titles('thin');
  const noun = UNITS[unit][dimensions.length === 1 ? 0 : 1];
  const parts = [`${evidenced} of ${dimensions.length} ${noun} evidenced`];
  if (missing.length > 0) parts.push(`missing: ${missing.join(', ')}`);
  if (thin.length > 0) parts.push(`thin: ${thin.join(', ')}`);
  if (points)
    parts.push(
      `${points.total} point${points.total === 1 ? '' : 's'} claimed${pointsBounds(points)}`,
    );
  const counts = parts.join('; ');
  if (verdict !== 'invalid') return counts;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const fix = `${errors} error${errors === 1 ? '' : 's'} to fix before the evidence can be checked`;
  return dimensions.length > 0 ? `${fix}; so far ${counts}` : fix;
}

/** ` of 135 needed`, ` (0–15 asked)`: the bounds a points total is held against. */
function pointsBounds(points: PointsCheck): string {
  const max = points.role?.max;
  return max !== undefined ? ` (${points.required}–${max} asked)` : ` of ${points.required} needed`;
}
