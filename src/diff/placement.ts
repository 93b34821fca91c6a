/**
 * The fields of a level that place it and set its bar besides dimensions and milestones: its
 * grade, track, band and display label, and the points totals a level or role asks for. Each
 * gets its own kind of change, so `ladder diff` says what moved rather than "text changed".
 */
import type { Level, PointRange } from '../model/types';
import type { Changes } from './changes';
import type { Holder, VersionUnit } from './types';

/** The level fields compared here, left out of the generic text comparison. */
export const PLACEMENT_FIELDS = ['label', 'grade', 'track', 'band', 'points'] as const;

const present = <T>(key: string, value: T | undefined) =>
  value === undefined ? {} : { [key]: value };

/** A level's grade, track, band and label, and its points minimum. */
export function diffPlacement(
  out: Changes,
  ladder: string,
  before: Level,
  after: Level,
  unit: VersionUnit,
): void {
  const where = { ladder, level: after.id };
  if (before.grade !== after.grade)
    out.emit(
      {
        kind: 'grade-changed',
        ...where,
        ...present('before', before.grade),
        ...present('after', after.grade),
      },
      unit,
    );
  for (const field of ['track', 'band', 'label'] as const)
    if (before[field] !== after[field])
      out.emit(
        {
          kind: `${field}-changed`,
          ...where,
          ...present('before', before[field]),
          ...present('after', after[field]),
        },
        unit,
      );
  diffPointsMin(
    out,
    { type: 'level', ladder, level: after.id },
    before.points?.min,
    after.points?.min,
    unit,
  );
}

/** A points minimum set, raised, lowered or dropped. */
function diffPointsMin(
  out: Changes,
  holder: Holder,
  before: number | undefined,
  after: number | undefined,
  unit: VersionUnit,
): void {
  if (before === after) return;
  out.emit(
    {
      kind:
        after !== undefined && (before === undefined || after > before)
          ? 'requirement-raised'
          : 'requirement-lowered',
      holder,
      requirement: { type: 'points' },
      ...present('before', before),
      ...present('after', after),
    },
    unit,
  );
}

/** A role's range of points: its minimum as a requirement, its maximum as a cap. */
export function diffPointRange(
  out: Changes,
  holder: Extract<Holder, { type: 'role' }>,
  before: PointRange | undefined,
  after: PointRange | undefined,
  unit: VersionUnit,
): void {
  diffPointsMin(out, holder, before?.min, after?.min, unit);
  if (before?.max !== after?.max)
    out.emit(
      {
        kind: 'points-max-changed',
        holder,
        ...present('before', before?.max),
        ...present('after', after?.max),
      },
      unit,
    );
}
